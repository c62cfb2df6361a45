import { parseEntityRef } from '@backstage/catalog-model';
import {
  ACTIVE_DEPRECATION_STATUSES,
  ConsumerRelation,
  Deprecation,
  DeprecationStatus,
  EntitySummary,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** @public */
export const DEPRECATION_STATUS_LABELS: Record<DeprecationStatus, string> = {
  announced: 'Announced',
  migrating: 'Migrating',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

/** How a consumer uses what it depends on, after its name. */
export const RELATION_LABELS: Record<ConsumerRelation, string> = {
  dependsOn: 'depends on it',
  consumesApi: 'consumes its API',
};

/** Whether consumers still have to move off it. */
export function isActive(deprecation: Pick<Deprecation, 'status'>): boolean {
  return ACTIVE_DEPRECATION_STATUSES.includes(deprecation.status);
}

/** The name people know an entity by: its title, else its name. */
export function entityName(entityRef: string, summary?: EntitySummary) {
  if (summary) return summary.title ?? summary.name;
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/** "Build cache v1": what is deprecated, with the version when there is one. */
export function deprecatedName(
  deprecation: Pick<Deprecation, 'entityRef' | 'entityVersion'>,
  entity?: EntitySummary,
): string {
  const name = entityName(deprecation.entityRef, entity);
  return deprecation.entityVersion
    ? `${name} ${deprecation.entityVersion}`
    : name;
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12 days left", "Sunset today" or "Sunset passed 3 days ago". */
export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft > 0) return `${plural(daysLeft, 'day')} left`;
  if (daysLeft === 0) return 'Sunset today';
  return `Sunset passed ${plural(-daysLeft, 'day')} ago`;
}

/** "7 consumers in 3 teams remain", or "No consumers remain". */
export function remainingLabel(consumerCount: number, teamCount: number) {
  if (consumerCount === 0) return 'No consumers remain';
  const verb = consumerCount === 1 ? 'remains' : 'remain';
  const consumers = plural(consumerCount, 'consumer');
  return teamCount > 0
    ? `${consumers} in ${plural(teamCount, 'team')} ${verb}`
    : `${consumers} ${verb}`;
}

/** Today in the viewer's time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}
