import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { ACTIVE_DEPRECATION_STATUSES } from '@platform-roadmap/plugin-platform-roadmap-common';
import { ReleaseStore } from '../database/ReleaseStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { utcDay } from '../service/consumerHistory';

export const DEPRECATION_SNAPSHOT_TASK_ID =
  'platform-roadmap-deprecation-snapshots';

/**
 * Hourly by default; each run rewrites the day's row, so the last run of a
 * UTC day is that day's point on the burn-down, and a missed run (a
 * restart, a deploy) does not leave a hole.
 */
export const DEFAULT_DEPRECATION_SNAPSHOT_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 45 },
  };

/**
 * Records today's remaining consumers of every announced or migrating
 * deprecation: one catalog walk for all of them, with the plugin's own
 * credentials (the burn-down counts the whole catalog; callers see counts
 * only, and the consumers they may read). Returns how many were recorded.
 */
export async function takeDeprecationSnapshots(options: {
  auth: AuthService;
  deprecations: DeprecationService;
  store: ReleaseStore;
  now?: () => Date;
}): Promise<number> {
  const { auth, deprecations, store } = options;
  const at = (options.now ?? (() => new Date()))();
  const active = await store.listDeprecations({
    statuses: ACTIVE_DEPRECATION_STATUSES,
  });
  const snapshots = await deprecations.snapshots(
    active,
    await auth.getOwnServiceCredentials(),
    utcDay(at),
  );
  await store.recordSnapshots(snapshots);
  return snapshots.length;
}

/**
 * Schedules the snapshot task. Global scope: with several backend replicas
 * on one database, one of them runs it each time; the day's row is an
 * upsert, so even an overlapping run cannot duplicate a point.
 */
export async function scheduleDeprecationSnapshots(options: {
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  deprecations: DeprecationService;
  store: ReleaseStore;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { logger, scheduler, schedule } = options;
  await scheduler.scheduleTask({
    id: DEPRECATION_SNAPSHOT_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      try {
        const count = await takeDeprecationSnapshots(options);
        logger.info(
          `Recorded the remaining consumers of ${count} deprecations`,
        );
      } catch (error) {
        throw new ForwardedError('Deprecation snapshot task failed', error);
      }
    },
  });
}
