import { parseEntityRef } from '@backstage/catalog-model';
import {
  Metric,
  MetricKind,
  MetricPoint,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { formatValue } from '../KeyResultProgress';

export { formatValue };

export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  'time-to-build': 'Time to build',
  'deployment-frequency': 'Deployment frequency',
  mttr: 'Mean time to restore (MTTR)',
  'incident-count': 'Incident count',
  'cost-per-unit': 'Infra cost per unit of work',
  satisfaction: 'Consumer satisfaction',
  custom: 'Other',
};

/** Which way is better for each kind, proposed when it is chosen. */
export const KIND_DIRECTIONS: Record<MetricKind, Metric['direction']> = {
  'time-to-build': 'decrease',
  'deployment-frequency': 'increase',
  mttr: 'decrease',
  'incident-count': 'decrease',
  'cost-per-unit': 'decrease',
  satisfaction: 'increase',
  custom: 'increase',
};

/** An example unit per kind, for the Unit field. */
export const KIND_UNITS: Record<MetricKind, string> = {
  'time-to-build': 'min',
  'deployment-frequency': 'deploys/week',
  mttr: 'h',
  'incident-count': 'incidents/month',
  'cost-per-unit': 'USD per 1k builds',
  satisfaction: 'points (1–5)',
  custom: '%',
};

export const METRIC_DIRECTION_LABELS: Record<Metric['direction'], string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
};

/** The day (UTC, `YYYY-MM-DD`) of an ISO date-time. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}

/** "2026-11-20 14:05 UTC" */
export function dateTimeOf(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "11 min on 2026-11-20" */
export function pointLabel(point: MetricPoint, unit: string): string {
  return `${formatValue(point.value, unit)} on ${dayOf(point.at)}`;
}

/**
 * "p99 CI build time: 18 min on 2026-09-01, 11 min on 2026-11-20": what
 * the chart shows (its first and latest value), for screen readers.
 */
export function metricSummary(
  name: string,
  unit: string,
  points: MetricPoint[],
): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${name}: no values yet`;
  if (first === last) return `${name}: ${pointLabel(last, unit)}`;
  return `${name}: ${pointLabel(first, unit)}, ${pointLabel(last, unit)}`;
}

/** Who posted a point, in words: "alice", or the service's subject. */
export function sourceLabel(source: string): string {
  return source.replace(/^user:(default\/)?/, '');
}

/** The backend URL machines post a metric's values to. */
export function pointsUrl(baseUrl: string, teamRef: string, key: string) {
  const { namespace, name } = parseEntityRef(teamRef, {
    defaultKind: 'group',
  });
  const enc = encodeURIComponent;
  return `${baseUrl}/teams/${enc(namespace)}/${enc(name)}/metrics/${enc(
    key,
  )}/points`;
}

/** The command a CI job runs to post a value of a metric. */
export function curlCommand(url: string): string {
  return `curl -X POST -H "Authorization: Bearer $PLATFORM_ROADMAP_TOKEN" -H "Content-Type: application/json" -d '{"value": 11.5}' ${url}`;
}
