import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { countConsumingTeams } from '../catalog/ConsumingTeamsMeasure';
import { RoadmapStore } from '../database/RoadmapStore';

export const KEY_RESULT_MEASURE_TASK_ID =
  'platform-roadmap-key-result-measures';

/** Every 15 minutes by default, first 20 seconds after start. */
export const DEFAULT_KEY_RESULT_MEASURE_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 20 },
  };

/**
 * Measures every catalog-bound key result and records a check-in where the
 * value changed. Two batched catalog calls for all of them.
 */
export async function measureKeyResults(options: {
  auth: AuthService;
  catalog: CatalogService;
  store: RoadmapStore;
  now?: () => Date;
}): Promise<{ measured: number; changed: number }> {
  const { auth, catalog, store } = options;
  const at = (options.now ?? (() => new Date()))();
  const keyResults = (await store.listMeasuredKeyResults()).flatMap(kr =>
    kr.measure?.type === 'consuming-teams'
      ? [{ ...kr, entityRef: kr.measure.entityRef }]
      : [],
  );
  if (keyResults.length === 0) return { measured: 0, changed: 0 };
  // A count of teams is published to everyone who can read the roadmap, so
  // it is taken over the whole catalog; no team is named.
  const credentials = await auth.getOwnServiceCredentials();
  const counts = await countConsumingTeams(
    catalog,
    [...new Set(keyResults.map(kr => kr.entityRef))],
    credentials,
  );
  const byRef = new Map(counts.map(c => [c.entityRef, c]));
  let changed = 0;
  for (const kr of keyResults) {
    const count = byRef.get(kr.entityRef);
    if (!count?.found) continue; // a missing entity is not a drop to zero
    const value = count.teamRefs.length;
    const recorded = await store.recordMeasurement(
      kr,
      value,
      at,
      `Measured from the catalog: ${value} team${
        value === 1 ? '' : 's'
      } depend on or consume ${kr.entityRef}`,
    );
    if (recorded) changed++;
  }
  return { measured: keyResults.length, changed };
}

/**
 * Schedules the measurement. Global scope: with several backend replicas on
 * one database, one of them runs it each time.
 */
export async function scheduleKeyResultMeasures(options: {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  scheduler: SchedulerService;
  store: RoadmapStore;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { logger, scheduler, schedule } = options;
  await scheduler.scheduleTask({
    id: KEY_RESULT_MEASURE_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      try {
        const { measured, changed } = await measureKeyResults(options);
        if (measured) {
          logger.info(
            `Measured ${measured} key results from the catalog; ${changed} changed`,
          );
        }
      } catch (error) {
        throw new ForwardedError('Key result measurement failed', error);
      }
    },
  });
}
