import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from '../database/ConsumerSnapshotStore';
import { snapshotOf } from '../service/consumerHistory';

export const CONSUMER_SNAPSHOT_TASK_ID = 'platform-roadmap-consumer-snapshots';

/** Hourly by default; the last run of each UTC day is that day's snapshot. */
export const DEFAULT_CONSUMER_SNAPSHOT_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 30 },
  };

/** Takes today's snapshot of every platform team's consuming teams. */
export async function takeConsumerSnapshots(options: {
  auth: AuthService;
  teams: PlatformTeamsService;
  store: ConsumerSnapshotStore;
  now?: () => Date;
}): Promise<number> {
  const { auth, teams, store } = options;
  const at = (options.now ?? (() => new Date()))();
  // The snapshot is of the whole catalog; callers only ever see it through
  // consumerHistory(), which names nothing they cannot read.
  const credentials = await auth.getOwnServiceCredentials();
  const all = await teams.listTeams(credentials);
  await store.record(all.map(team => snapshotOf(team, at)));
  return all.length;
}

/**
 * Schedules the snapshot task. Global scope: with several backend replicas
 * on one database, one of them runs it each time.
 */
export async function scheduleConsumerSnapshots(options: {
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  teams: PlatformTeamsService;
  store: ConsumerSnapshotStore;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { logger, scheduler, schedule } = options;
  await scheduler.scheduleTask({
    id: CONSUMER_SNAPSHOT_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      try {
        const count = await takeConsumerSnapshots(options);
        logger.info(`Recorded consumer snapshots of ${count} platform teams`);
      } catch (error) {
        throw new ForwardedError('Consumer snapshot task failed', error);
      }
    },
  });
}
