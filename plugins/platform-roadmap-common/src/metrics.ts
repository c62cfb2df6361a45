/** The metrics that matter for platform teams (and any other). @public */
export const METRIC_KINDS = [
  'time-to-build',
  'deployment-frequency',
  'mttr',
  'incident-count',
  'cost-per-unit',
  'satisfaction',
  'custom',
] as const;
/** @public */
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * A time series a platform team tracks, e.g. "p99 CI build time". Machines
 * post points to `POST /teams/:namespace/:name/metrics/:key/points` with a
 * service token; team members can enter them too.
 *
 * @public
 */
export interface Metric {
  id: string;
  version: number;
  teamRef: string;
  /** Lower-case slug, unique per team, used in the points URL. */
  key: string;
  kind: MetricKind;
  name: string;
  unit: string;
  /** Which way is better. */
  direction: 'increase' | 'decrease';
  description: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The newest point, if any. */
  latest?: MetricPoint;
}

/** One value of a metric. @public */
export interface MetricPoint {
  id: number;
  metricId: string;
  /** ISO date-time of the measurement. */
  at: string;
  value: number;
  note?: string;
  /** Who posted it: a user ref, or the service's subject. */
  source: string;
}

/** Response of `GET /teams/:namespace/:name/metrics`. @public */
export interface TeamMetricsResponse {
  items: Metric[];
  /**
   * With `?points=recent`: each metric's points of the last 180 days,
   * oldest first, by metric id.
   */
  points?: Record<string, MetricPoint[]>;
}

/** Response of `GET /metrics/:id/points`, oldest first. @public */
export interface MetricPointsResponse {
  metric: Metric;
  items: MetricPoint[];
}

/**
 * One consuming-team member's rating of a platform team for a period.
 *
 * @public
 */
export interface SurveyResponse {
  id: string;
  teamRef: string;
  /** A quarter, e.g. `2026-Q4`. */
  period: string;
  respondentRef: string;
  /** The consuming team the respondent rates for. */
  respondentTeamRef: string;
  score: number;
  comment?: string;
  createdAt: string;
}

/**
 * The satisfaction of a platform team's consumers: the period's aggregate,
 * the trend, and (for the team's members) the comments.
 *
 * @public
 */
export interface SurveySummary {
  teamRef: string;
  period: string;
  count: number;
  /** Mean score, 1–5; absent with no responses. */
  average?: number;
  /** How many rated 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number];
  /** Earlier periods, oldest first, ending with this one. */
  trend: Array<{ period: string; count: number; average?: number }>;
  /** Only for those who may manage the team (members by default). */
  comments?: Array<{
    score: number;
    comment: string;
    respondentTeamRef: string;
    createdAt: string;
  }>;
  /** The caller's response this period, if any. */
  mine?: SurveyResponse;
  /**
   * The consuming teams the caller belongs to, for which it may respond;
   * empty when the caller is in no consuming team.
   */
  respondAs: string[];
}
