import { ConsumerRelation, EntitySummary } from './types';

/** @public */
export const DEPRECATION_STATUSES = [
  'announced',
  'migrating',
  'complete',
  'cancelled',
] as const;
/** @public */
export type DeprecationStatus = (typeof DEPRECATION_STATUSES)[number];

/** Statuses in which consumers still have to move (and are snapshotted). @public */
export const ACTIVE_DEPRECATION_STATUSES: readonly DeprecationStatus[] = [
  'announced',
  'migrating',
];

/** Deepest dependency level a deprecation may count consumers at. @public */
export const MAX_CONSUMER_DEPTH = 5;

/**
 * A platform entity (or a named version of it) that is going away.
 *
 * @public
 */
export interface Deprecation {
  id: string;
  /** Increases with every edit; edits name the version they saw. */
  version: number;
  teamRef: string;
  /** The deprecated platform entity. */
  entityRef: string;
  /** The deprecated version of it, e.g. `v1`; absent for the whole entity. */
  entityVersion?: string;
  /** `YYYY-MM-DD`. */
  announcedOn: string;
  /** `YYYY-MM-DD`: the day it stops working. */
  sunsetOn: string;
  replacementEntityRef?: string;
  migrationGuideUrl?: string;
  /** Markdown. */
  description: string;
  status: DeprecationStatus;
  /**
   * How many dependency levels count as consumers: 1 = entities that use it
   * directly, 2 = also what uses those, and so on.
   */
  consumerDepth: number;
  /** The `deprecation` release note that announced it. */
  releaseNoteId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * An entity that still uses a deprecated entity, and how.
 *
 * @public
 */
export interface DeprecationConsumer {
  entity: EntitySummary;
  relation: ConsumerRelation;
  /** What it depends on or consumes: the deprecated entity at depth 1. */
  targetRef: string;
  depth: number;
}

/**
 * One day of a deprecation's burn-down.
 *
 * @public
 */
export interface BurnDownPoint {
  /** `YYYY-MM-DD`. */
  day: string;
  consumerCount: number;
  teamCount: number;
}

/**
 * A deprecation with its remaining consumers, grouped by owning team, and
 * its burn-down.
 *
 * @public
 */
export interface DeprecationView extends Deprecation {
  /**
   * False when the caller cannot read the deprecated entity (it left the
   * catalog, or is not visible to them): nothing is walked, and the counts
   * are the last snapshot's.
   */
  inCatalog: boolean;
  entity?: EntitySummary;
  replacement?: EntitySummary;
  /**
   * Remaining consumers by owning team (what the caller may read); empty
   * once the deprecation is complete or cancelled.
   */
  consumingTeams: Array<{
    team: EntitySummary;
    consumers: DeprecationConsumer[];
  }>;
  /** Remaining consumers the caller can read whose owner it cannot. */
  unownedConsumers: DeprecationConsumer[];
  /**
   * Live for active deprecations in the catalog; the last snapshot's for
   * finished ones and for entities not in the catalog.
   */
  consumerCount: number;
  teamCount: number;
  /**
   * One point per day a snapshot was taken (the whole catalog, counted by
   * the plugin), oldest first; the last is today's while the task runs.
   */
  burnDown: BurnDownPoint[];
  /** Whole days until the sunset (negative once it has passed). */
  daysLeft: number;
}

/**
 * Response of `GET /teams/:namespace/:name/deprecations` and
 * `GET /entities/deprecations`.
 *
 * @public
 */
export interface DeprecationsResponse {
  items: DeprecationView[];
  /**
   * A team's list only: how many active and finished deprecations it has.
   * The list holds the active ones with the soonest sunsets and the
   * finished ones with the latest, up to `?limit=` (50) of each.
   */
  totals?: { active: number; finished: number };
}

/**
 * A deprecation that hits a consuming entity.
 *
 * @public
 */
export interface DeprecationWarning {
  deprecation: Deprecation;
  entity?: EntitySummary;
  replacement?: EntitySummary;
  /** How the entity uses the deprecated one. */
  usage: DeprecationConsumer;
  daysLeft: number;
}

/**
 * Response of `GET /entities/deprecation-warnings`.
 *
 * @public
 */
export interface DeprecationWarningsResponse {
  entityRef: string;
  items: DeprecationWarning[];
}

/** Whole days from `today` to `day` (both `YYYY-MM-DD`, UTC). @public */
export function daysBetween(today: string, day: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) /
      (24 * 60 * 60 * 1000),
  );
}
