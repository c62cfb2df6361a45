import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import {
  ACTIVE_DEPRECATION_STATUSES,
  daysBetween,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { ReleaseStore } from '../database/ReleaseStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { Notifier, REMINDER_DAYS } from '../notifications/Notifier';
import { utcDay } from '../service/consumerHistory';

export const DEPRECATION_REMINDER_TASK_ID =
  'platform-roadmap-deprecation-reminders';

/** Hourly by default: a reminder goes out within the hour it is due. */
export const DEFAULT_DEPRECATION_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  };

/**
 * Reminds the owners of the remaining consumers of every active
 * deprecation 30 and 7 days before its sunset. Each reminder is claimed in
 * the database before it is sent, so it goes out once whatever the number
 * of replicas or runs; a deprecation found inside 7 days gets the 7-day
 * reminder only. Returns how many reminders were sent.
 */
export async function sendDeprecationReminders(options: {
  auth: AuthService;
  deprecations: DeprecationService;
  store: ReleaseStore;
  notifier: Notifier;
  now?: () => Date;
}): Promise<number> {
  const { auth, deprecations, store, notifier } = options;
  const at = (options.now ?? (() => new Date()))();
  const today = utcDay(at);
  const due = (
    await store.listDeprecations({ statuses: ACTIVE_DEPRECATION_STATUSES })
  ).flatMap(deprecation => {
    const daysLeft = daysBetween(today, deprecation.sunsetOn);
    const days = [...REMINDER_DAYS]
      .sort((a, b) => a - b)
      .find(d => daysLeft >= 0 && daysLeft <= d);
    return days === undefined ? [] : [{ deprecation, daysLeft, days }];
  });
  if (due.length === 0) return 0;

  // Who still consumes each, over the whole catalog, in one walk.
  const snapshots = await deprecations.snapshots(
    due.map(d => d.deprecation),
    await auth.getOwnServiceCredentials(),
    today,
  );
  const consumersOf = new Map(
    snapshots.map(s => [s.deprecationId, s.consumerEntityRefs]),
  );
  let sent = 0;
  for (const { deprecation, daysLeft, days } of due) {
    const claimed = await store.claimReminder(deprecation.id, days, at);
    // An earlier threshold that was never sent is now past: claim it too.
    for (const earlier of REMINDER_DAYS.filter(d => d > days)) {
      await store.claimReminder(deprecation.id, earlier, at);
    }
    if (!claimed) continue;
    await notifier.deprecation(
      deprecation,
      consumersOf.get(deprecation.id) ?? [],
      { days, daysLeft },
    );
    sent++;
  }
  return sent;
}

/** Schedules the reminders (global scope: one replica runs each time). */
export async function scheduleDeprecationReminders(options: {
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  deprecations: DeprecationService;
  store: ReleaseStore;
  notifier: Notifier;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { logger, scheduler, schedule } = options;
  await scheduler.scheduleTask({
    id: DEPRECATION_REMINDER_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      try {
        const sent = await sendDeprecationReminders(options);
        if (sent) logger.info(`Sent ${sent} deprecation reminders`);
      } catch (error) {
        throw new ForwardedError('Deprecation reminder task failed', error);
      }
    },
  });
}
