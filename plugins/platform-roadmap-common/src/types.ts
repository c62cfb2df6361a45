import { ContactChannel } from './product';
/**
 * A catalog entity, reduced to what the roadmap shows about it.
 *
 * @public
 */
export interface EntitySummary {
  /** Full entity ref, e.g. `component:default/build-cache`. */
  entityRef: string;
  kind: string;
  name: string;
  namespace: string;
  title?: string;
  /** `spec.type`, when the kind has one. */
  type?: string;
}

/**
 * The catalog relations that make an entity a consumer of a platform entity.
 *
 * @public
 */
export type ConsumerRelation = 'dependsOn' | 'consumesApi';

/**
 * One edge that makes a team a consumer: its entity uses a platform entity.
 *
 * @public
 */
export interface ConsumptionEdge {
  /** The consuming team's entity. */
  consumer: EntitySummary;
  relation: ConsumerRelation;
  /** The platform entity being depended on or consumed. */
  platformEntityRef: string;
}

/**
 * A team that consumes a platform, with the edges that say why.
 *
 * @public
 */
export interface ConsumingTeam {
  team: EntitySummary;
  /** Every consuming entity of this team, with the relation and target. */
  via: ConsumptionEdge[];
}

/**
 * A platform team with its platform entities and its computed consumers.
 *
 * @public
 */
export interface PlatformTeam {
  team: EntitySummary & { description?: string };
  /** How to reach the team (office hours, chat, newsletter); the backend always fills it. */
  contact?: ContactChannel[];
  platformEntities: EntitySummary[];
  consumingTeams: ConsumingTeam[];
  /**
   * Consuming entities whose owner is not a Group the caller can read; they
   * are counted here so totals stay honest without naming what is hidden.
   */
  unownedConsumerCount: number;
  /**
   * Change since about 30 days ago (or since tracking started), from the
   * backend's daily snapshots; absent before the first snapshot.
   */
  consumerHistory?: ConsumerHistory;
}

/**
 * Response of `GET /teams`.
 *
 * @public
 */
export interface PlatformTeamsResponse {
  items: PlatformTeam[];
}

/**
 * How a platform team's consumers changed since an earlier daily snapshot.
 *
 * @public
 */
export interface ConsumerHistory {
  /** The UTC day (YYYY-MM-DD) of the snapshot compared against. */
  since: string;
  /** Teams consuming now that did not on that day (only teams you can read). */
  newConsumingTeams: EntitySummary[];
}

/**
 * Why a team counts as impacted by a request.
 *
 * - `requested`: it owns the entity the request was filed from;
 * - `endorsed`: it owns an entity that endorsed ("+1") the request;
 * - `depends`: it owns an entity that depends on (or consumes an API of) a
 *   platform entity the request is about, `depth` hops away (1 = direct).
 *
 * @public
 */
export type ImpactReason =
  | { type: 'requested'; entityRef: string }
  | { type: 'endorsed'; entityRef: string }
  | {
      type: 'depends';
      entityRef: string;
      relation: ConsumerRelation;
      /** The entity it depends on: a platform entity, or (beyond depth 1) a dependent of one. */
      targetRef: string;
      /** The platform entity the request is about that this chain leads to. */
      platformEntityRef: string;
      depth: number;
    };

/**
 * A team impacted by a request, with every reason it is included.
 *
 * @public
 */
export interface ImpactedTeam {
  team: EntitySummary;
  reasons: ImpactReason[];
  /**
   * Dependency reasons of this team not listed in `reasons` (one per
   * dependent entity and platform entity it uses): lists of many requests
   * (a backlog page) name a few per team and count the rest; one request's
   * own view lists them all.
   */
  omittedReasons?: number;
  /** The org units (parent groups, nearest first) the team rolls up to. */
  orgUnitRefs: string[];
}

/**
 * Teams impacted by a request, computed from the catalog.
 *
 * @public
 */
export interface TeamsImpacted {
  /**
   * The teams, asking teams first, then those with the most dependents. A
   * list of many requests (a backlog page) names the first few and counts
   * the rest in `omittedTeams`; one request's own view names them all.
   */
  teams: ImpactedTeam[];
  /** Teams impacted but not listed in `teams`. */
  omittedTeams?: number;
  /** Every org unit the impacted teams roll up to, with how many of them. */
  orgUnits: Array<{ unit: EntitySummary; teamCount: number }>;
  /** Distinct teams that asked (requested or endorsed). */
  askingTeamCount: number;
  /** Three or more distinct teams asked: a strong signal. */
  strongSignal: boolean;
}

/**
 * How many teams are impacted, listed or not.
 *
 * @public
 */
export function countTeamsImpacted(impacted: TeamsImpacted): number {
  return impacted.teams.length + (impacted.omittedTeams ?? 0);
}
