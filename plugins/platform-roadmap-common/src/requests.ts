import { TeamsImpacted } from './types';

/** What a request is about. @public */
export const REQUEST_KINDS = [
  'slowdown',
  'missing-capability',
  'would-build-ourselves',
  'bug',
  'other',
] as const;
/** @public */
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The kind of harm a request describes. @public */
export const IMPACT_TYPES = [
  'velocity-tax',
  'reliability-risk',
  'compliance-gap',
  'cost',
] as const;
/** @public */
export type ImpactType = (typeof IMPACT_TYPES)[number];

/** How bad it is. @public */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** @public */
export type Severity = (typeof SEVERITIES)[number];

/**
 * `open` → `triaged` → `planned` / `deprioritized` / `declined` → `shipped`.
 *
 * @public
 */
export const REQUEST_STATUSES = [
  'open',
  'triaged',
  'planned',
  'deprioritized',
  'declined',
  'shipped',
] as const;
/** @public */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * The status changes a platform team may make, from each status.
 *
 * @public
 */
export const STATUS_TRANSITIONS: Record<RequestStatus, RequestStatus[]> = {
  open: ['triaged', 'declined'],
  triaged: ['planned', 'deprioritized', 'declined'],
  planned: ['shipped', 'deprioritized', 'triaged'],
  deprioritized: ['triaged', 'planned', 'declined'],
  declined: ['open'],
  shipped: [],
};

/**
 * Quantified cost: hours lost per engineer per week × engineers affected.
 *
 * @public
 */
export interface CostEstimate {
  hoursPerEngineerPerWeek: number;
  engineersAffected: number;
  /** Free text, e.g. "compile takes 12 minutes". */
  evidence?: string;
}

/** Engineer-hours lost per week. @public */
export function weeklyHours(cost: CostEstimate): number {
  return cost.hoursPerEngineerPerWeek * cost.engineersAffected;
}

/**
 * What the platform team estimates when triaging.
 *
 * @public
 */
export interface TriageEstimate {
  /** Cost to ship, in engineer-quarters. */
  costToShip: number;
  /** 1–5: does it align with stated company direction? */
  strategicFit: number;
  /** 1–5: can a partial version ship and iterate? */
  reversibility: number;
}

/** A "+1" from another entity, with its own cost figure. @public */
export interface Endorsement {
  entityRef: string;
  /** The endorsing entity's owner when it endorsed. */
  teamRef?: string;
  cost: CostEstimate;
  comment?: string;
  createdBy: string;
  createdAt: string;
}

/** A request from a consuming team to a platform team. @public */
export interface PlatformRequest {
  id: string;
  /** Increases with every change; edits name the version they saw. */
  version: number;
  title: string;
  /** Markdown. */
  description: string;
  kind: RequestKind;
  impactType: ImpactType;
  severity: Severity;
  cost: CostEstimate;
  requestingEntityRef: string;
  /** The requesting entity's owner when the request was filed. */
  requestingTeamRef?: string;
  platformTeamRef: string;
  aboutEntityRefs: string[];
  status: RequestStatus;
  /** Why it was deprioritized or declined. */
  statusReason?: string;
  /** For deprioritized requests: when to look again (YYYY-MM-DD). */
  revisitOn?: string;
  triage?: TriageEstimate;
  /** The theme it is planned under. */
  themeId?: string;
  /** The quarter it is committed for (`2026-Q4`). */
  plannedQuarter?: string;
  /** The release note it shipped in. */
  releaseNoteId?: string;
  endorsements: Endorsement[];
  /** Set when this request was merged into another as a duplicate. */
  mergedIntoId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One change in a request's life. @public */
export interface RequestHistoryEntry {
  requestId: string;
  at: string;
  by: string;
  action: 'filed' | 'endorsed' | 'triaged' | 'status' | 'merged' | 'edited';
  fromStatus?: RequestStatus;
  toStatus?: RequestStatus;
  reason?: string;
}

/** One factor of a score. @public */
export interface ScorePart {
  factor:
    | 'teamsImpacted'
    | 'severity'
    | 'costToShip'
    | 'strategicFit'
    | 'reversibility';
  /** The input, e.g. 4 teams, severity 3, 2 engineer-quarters. */
  value: number;
  weight: number;
  points: number;
  /** How the points were worked out, in words. */
  explanation: string;
  /** True when the input is a default because nobody has triaged yet. */
  assumed?: boolean;
}

/** A score with its breakdown. @public */
export interface ScoreBreakdown {
  total: number;
  parts: ScorePart[];
}

/** A request as listed: with its teams impacted and score. @public */
export interface RankedRequest {
  rank: number;
  request: PlatformRequest;
  teamsImpacted: TeamsImpacted;
  score: ScoreBreakdown;
}
