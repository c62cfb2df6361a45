import { RankedRequest } from './requests';
import { TeamsImpacted } from './types';

/** The kinds of outcome a theme promises. @public */
export const THEME_CATEGORIES = [
  'reliability',
  'velocity',
  'capability',
  'cost',
  'compliance',
] as const;
/** @public */
export type ThemeCategory = (typeof THEME_CATEGORIES)[number];

/** @public */
export const THEME_STATUSES = [
  'proposed',
  'committed',
  'in-progress',
  'done',
  'deprioritized',
] as const;
/** @public */
export type ThemeStatus = (typeof THEME_STATUSES)[number];

/**
 * The guide's "3–5 themes per year": more is allowed, and flagged.
 *
 * @public
 */
export const MAX_THEMES_PER_YEAR = 5;

/**
 * A theme: an outcome a platform team promises for a year or a quarter.
 *
 * @public
 */
export interface Theme {
  id: string;
  version: number;
  teamRef: string;
  /** `2026` (a year) or `2026-Q4` (a quarter). */
  period: string;
  category: ThemeCategory;
  title: string;
  /** The named outcome, e.g. "p99 CI build under 8 minutes". */
  outcome: string;
  /** Markdown. */
  description: string;
  status: ThemeStatus;
  /** Why it was deprioritized. */
  statusReason?: string;
  /** Platform entities this theme is about. */
  entityRefs: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An objective under a theme. @public */
export interface Objective {
  id: string;
  version: number;
  themeId: string;
  teamRef: string;
  title: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Whether a key result's metric should go up or down. @public */
export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;
/** @public */
export type KeyResultDirection = (typeof KEY_RESULT_DIRECTIONS)[number];

/** @public */
export const KEY_RESULT_STATUSES = [
  'on-track',
  'at-risk',
  'off-track',
] as const;
/** @public */
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];

/**
 * A value the backend measures by itself.
 *
 * `consuming-teams`: the number of distinct owning teams of entities that
 * depend on (`dependsOn`) or consume an API of (`consumesApi`) `entityRef`,
 * from the catalog. `metric`: the latest point of one of the team's
 * metrics, whenever one is posted.
 *
 * @public
 */
export type KeyResultMeasure =
  | { type: 'consuming-teams'; entityRef: string }
  | { type: 'metric'; metricId: string };

/** One recorded value of a key result. @public */
export interface CheckIn {
  id: number;
  keyResultId: string;
  value: number;
  /** ISO date-time. */
  at: string;
  note?: string;
  /** Who: a user ref, or `platform-roadmap:catalog` for measured values. */
  by: string;
  /** The person checking in reports the guardrail was crossed. */
  guardrailBreached?: boolean;
}

/**
 * A key result's progress, computed from its values and dates.
 *
 * @public
 */
export interface KeyResultProgress {
  /** 0–1: how far from baseline to target the current value is. */
  progress: number;
  /** 0–1: how much of the time from start to due date has passed. */
  elapsed: number;
  status: KeyResultStatus;
  /** The target is reached. */
  achieved: boolean;
  /** How the status was worked out, in words. */
  explanation: string;
}

/** A measurable key result of an objective. @public */
export interface KeyResult {
  id: string;
  version: number;
  objectiveId: string;
  teamRef: string;
  /** e.g. "Reduce p99 CI build time from 18 min to 8 min". */
  title: string;
  /** e.g. "p99 CI build time". */
  metric: string;
  /** e.g. "min", "teams", "%", "USD/month". */
  unit: string;
  baseline: number;
  target: number;
  current: number;
  direction: KeyResultDirection;
  /** YYYY-MM-DD: when progress starts to be expected. */
  startDate: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** What must not get worse, e.g. "no p99 latency regression". */
  guardrail?: string;
  /** Set when the catalog measures the current value. */
  measure?: KeyResultMeasure;
  /** Oldest first. */
  checkIns: CheckIn[];
  progress: KeyResultProgress;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What a commitment says about a piece of work for a quarter. @public */
export const COMMITMENT_KINDS = ['committed', 'deprioritized'] as const;
/** @public */
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/**
 * What a platform team commits to for a quarter, or deprioritizes and why:
 * how a platform team says no well.
 *
 * @public
 */
export interface Commitment {
  id: string;
  version: number;
  teamRef: string;
  /** `2026-Q4`. */
  quarter: string;
  kind: CommitmentKind;
  title: string;
  /** Markdown. */
  description: string;
  /** Why it is deprioritized (required for that kind). */
  reason?: string;
  themeId?: string;
  requestId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An objective with its key results. @public */
export interface ObjectiveView extends Objective {
  keyResults: KeyResult[];
}

/**
 * A theme as shown: its OKRs, the requests planned under it and the teams
 * impacted across them.
 *
 * @public
 */
export interface ThemeView {
  theme: Theme;
  objectives: ObjectiveView[];
  /** Requests linked to the theme (that the caller can see), ranked. */
  requests: RankedRequest[];
  /** The union of the linked requests' teams impacted. */
  teamsImpacted: TeamsImpacted;
}

/**
 * Response of `GET /teams/:namespace/:name/roadmap`.
 *
 * @public
 */
export interface TeamRoadmap {
  teamRef: string;
  /** The quarter shown, e.g. `2026-Q4`. */
  quarter: string;
  /** Quarters that have themes or commitments, newest first, plus the current one. */
  quarters: string[];
  /** Themes of the quarter and of its year. */
  themes: ThemeView[];
  /** Commitments of the quarter. */
  commitments: Commitment[];
  /** Themes the team has for the quarter's year; over 5 is flagged. */
  themesInYear: { year: string; count: number; overLimit: boolean };
}

/**
 * Response of `GET /entities/roadmap`: the themes and key results that
 * concern a platform entity.
 *
 * @public
 */
export interface EntityRoadmap {
  entityRef: string;
  teamRef?: string;
  themes: ThemeView[];
}

/**
 * A committed theme of a platform team that a consuming entity depends on.
 *
 * @public
 */
export interface IncomingTheme {
  theme: Theme;
  /** The entity's dependencies owned by the theme's team. */
  via: string[];
  keyResults: KeyResult[];
}

/**
 * Response of `GET /entities/incoming`: what is coming from the platforms an
 * entity depends on.
 *
 * @public
 */
export interface IncomingRoadmap {
  entityRef: string;
  /** Platform teams the entity depends on, with the themes they committed. */
  teams: Array<{ teamRef: string; title?: string; themes: IncomingTheme[] }>;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const day = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR = /^(\d{4})$/;

/** Is this `YYYY` or `YYYY-Qn`? @public */
export function isPeriod(value: string): boolean {
  return QUARTER.test(value) || YEAR.test(value);
}

/** Is this `YYYY-Qn`? @public */
export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

/** The quarter (`YYYY-Qn`, UTC) a date falls in. @public */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter `offset` quarters after (or before) `quarter`. @public */
export function shiftQuarter(quarter: string, offset: number): string {
  const [, y, q] = QUARTER.exec(quarter) ?? [];
  if (!y) throw new Error(`Not a quarter: ${quarter}`);
  const index = Number(y) * 4 + Number(q) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * First and last day (YYYY-MM-DD) of a period.
 *
 * @public
 */
export function periodRange(period: string): { start: string; end: string } {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
    const end = new Date(Date.UTC(year, q * 3, 0));
    return { start: day(start), end: day(end) };
  }
  const year = YEAR.exec(period);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  throw new Error(`Not a period: ${period}`);
}

/** "Q4 2026" or "2026". @public */
export function periodLabel(period: string): string {
  const quarter = QUARTER.exec(period);
  return quarter ? `Q${quarter[2]} ${quarter[1]}` : period;
}

/**
 * A key result's progress and status. Progress is how far the current value
 * has moved from baseline towards target (0–1); elapsed is how much of the
 * time from start to due date has passed. The status compares the two:
 * on track when progress keeps up with time (within 10 points), at risk
 * within 30 points, off track beyond that, or when the latest check-in
 * reports the guardrail crossed.
 *
 * @public
 */
export function keyResultProgress(
  kr: Pick<
    KeyResult,
    'baseline' | 'target' | 'current' | 'startDate' | 'dueDate' | 'unit'
  > & { checkIns?: Array<Pick<CheckIn, 'guardrailBreached'>> },
  now: Date,
): KeyResultProgress {
  const span = kr.target - kr.baseline;
  const raw = span === 0 ? 1 : (kr.current - kr.baseline) / span;
  const progress = clamp(raw);
  const start = Date.parse(`${kr.startDate}T00:00:00Z`);
  const due = Date.parse(`${kr.dueDate}T00:00:00Z`) + DAY_MS;
  const elapsed =
    due <= start ? 1 : clamp((now.getTime() - start) / (due - start));
  const achieved = raw >= 1;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const moved = `${pct(progress)} of the way from ${kr.baseline} to ${
    kr.target
  } ${kr.unit}`;
  const latest = kr.checkIns?.[kr.checkIns.length - 1];
  if (latest?.guardrailBreached && !achieved) {
    return {
      progress,
      elapsed,
      status: 'off-track',
      achieved,
      explanation: `${moved}; the latest check-in reports the guardrail crossed`,
    };
  }
  if (achieved) {
    return {
      progress,
      elapsed,
      status: 'on-track',
      achieved,
      explanation: `Target reached: ${moved}`,
    };
  }
  const gap = elapsed - progress;
  let status: KeyResultStatus = 'off-track';
  if (gap <= 0.1) status = 'on-track';
  else if (gap <= 0.3) status = 'at-risk';
  return {
    progress,
    elapsed,
    status,
    achieved,
    explanation: `${moved} with ${pct(elapsed)} of the time gone`,
  };
}

function clamp(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(1, Math.max(0, n));
}
