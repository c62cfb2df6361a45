import { Commitment, ThemeView } from './roadmap';
import { DeprecationView } from './deprecations';
import { ReleaseNote } from './releaseNotes';
import { RankedRequest, RequestStatus } from './requests';
import { EntitySummary } from './types';
import { Metric, MetricPoint, SurveySummary } from './metrics';

/** How consumers reach a platform team. @public */
export const CONTACT_KINDS = ['office-hours', 'chat', 'newsletter'] as const;
/** @public */
export type ContactKind = (typeof CONTACT_KINDS)[number];

/**
 * One way to reach a platform team, read from its Group entity: a
 * `metadata.links` entry whose `type` is the kind, or the annotation
 * `platform-roadmap/<kind>` (a URL, or words such as "Tuesdays 14:00").
 *
 * @public
 */
export interface ContactChannel {
  kind: ContactKind;
  title: string;
  url?: string;
  /** Words when there is no URL (or besides it). */
  text?: string;
}

/** Where the time of a platform team goes in a quarter. @public */
export const CAPACITY_DISCIPLINES = [
  'onCall',
  'maintenance',
  'documentation',
  'onboarding',
  'roadmap',
] as const;
/** @public */
export type CapacityDiscipline = (typeof CAPACITY_DISCIPLINES)[number];

/**
 * A team's capacity budget for a quarter, in percent (adding up to 100).
 *
 * @public
 */
export interface CapacityBudget {
  teamRef: string;
  quarter: string;
  /** Increases with every edit; 0 means "not written yet". */
  version: number;
  shares: Record<CapacityDiscipline, number>;
  /** Disciplines at 0 %: the guide says skipping them makes a platform fragile. */
  zeroDisciplines: CapacityDiscipline[];
  updatedBy?: string;
  updatedAt?: string;
}

/** Who else a platform team answers to. @public */
export const STAKEHOLDER_KINDS = [
  'leadership',
  'compliance',
  'security',
  'finance',
  'vendor',
  'api-customer',
  'other',
] as const;
/** @public */
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** A stakeholder the team wrote down. @public */
export interface Stakeholder {
  id: string;
  version: number;
  teamRef: string;
  kind: StakeholderKind;
  name: string;
  /** A catalog entity for it (a Group or User), when there is one. */
  entityRef?: string;
  /** How to reach them: an email, a channel, a URL. */
  contact?: string;
  notes: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Response of `GET /teams/:namespace/:name/stakeholders`: the consuming
 * teams (computed) and the explicit list.
 *
 * @public
 */
export interface StakeholdersResponse {
  consumingTeams: Array<{ team: EntitySummary; entityCount: number }>;
  explicit: Stakeholder[];
}

/** What a platform team asks of its consumers in a quarter. @public */
export const ASK_KINDS = ['review-time', 'beta', 'feedback', 'other'] as const;
/** @public */
export type AskKind = (typeof ASK_KINDS)[number];

/** One ask of the customer review. @public */
export interface ReviewAsk {
  id: string;
  version: number;
  teamRef: string;
  quarter: string;
  kind: AskKind;
  text: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A shipped request and the time it saves a consuming team, from the
 * team's own figures: hours per engineer per week × engineers affected.
 *
 * @public
 */
export interface ImpactItem {
  requestId: string;
  title: string;
  platformTeamRef: string;
  /** `YYYY-MM-DD`: when it shipped. */
  shippedOn: string;
  releaseNoteId?: string;
  /** Whether the team filed it or "+1"ed it, and from which entity. */
  via: 'filed' | 'endorsed';
  entityRef: string;
  hoursPerEngineerPerWeek: number;
  engineersAffected: number;
  /** hoursPerEngineerPerWeek × engineersAffected. */
  weeklyHours: number;
  /** Weeks of the period after it shipped. */
  weeks: number;
  /** weeklyHours × weeks. */
  hoursSaved: number;
}

/**
 * What platform teams shipped for a consuming team in a period, and the
 * time it saved: hours ÷ 40 = person-weeks.
 *
 * @public
 */
export interface ImpactSummary {
  teamRef: string;
  /** A quarter, e.g. `2026-Q3`. */
  period: string;
  items: ImpactItem[];
  hoursSaved: number;
  personWeeksSaved: number;
}

/** A consuming team's part of a customer review. @public */
export interface ReviewConsumer {
  team: EntitySummary;
  /** What shipped for it this quarter, with the time saved. */
  impact: ImpactSummary;
  openRequests: Array<{ id: string; title: string; status: RequestStatus }>;
  /** Active deprecations its entities still use. */
  pendingMigrations: Array<{
    deprecationId: string;
    entityRef: string;
    entityTitle?: string;
    entityVersion?: string;
    sunsetOn: string;
    daysLeft: number;
    consumers: string[];
  }>;
}

/**
 * The quarterly customer review of a platform team, generated from its
 * data.
 *
 * @public
 */
export interface CustomerReview {
  team: EntitySummary & { description?: string };
  quarter: string;
  generatedAt: string;
  contact: ContactChannel[];
  themes: ThemeView[];
  committed: Commitment[];
  deprioritized: Commitment[];
  asks: ReviewAsk[];
  /** Release notes published in the quarter, newest first. */
  shipped: ReleaseNote[];
  /** Active deprecations, and those that ended in the quarter. */
  deprecations: DeprecationView[];
  capacity?: CapacityBudget;
  satisfaction?: Pick<SurveySummary, 'period' | 'count' | 'average'>;
  consumers: ReviewConsumer[];
}

/**
 * Response of `GET /overview`: every platform team side by side.
 *
 * @public
 */
export interface OrgOverview {
  /** A year or a quarter. */
  period: string;
  teams: Array<{
    team: EntitySummary & { description?: string };
    contact: ContactChannel[];
    consumingTeamCount: number;
    themeCount: number;
    activeDeprecationCount: number;
    satisfaction?: { average: number; count: number };
  }>;
  /** Themes of the period across teams (each with its teamRef). */
  themes: ThemeView[];
  /** The top of the org-wide ranked backlog (open, triaged, planned). */
  backlog: RankedRequest[];
  backlogTotal: number;
  /** Active deprecations, soonest sunset first. */
  deprecations: Array<{
    id: string;
    teamRef: string;
    entityRef: string;
    entityTitle?: string;
    entityVersion?: string;
    sunsetOn: string;
    daysLeft: number;
    status: string;
    /** From the last daily snapshot (whole catalog). */
    consumerCount: number;
  }>;
  /** Every metric with its latest value and the one before. */
  metrics: Array<{
    metric: Metric;
    latest?: MetricPoint;
    previous?: MetricPoint;
  }>;
}
