import {
  Metric,
  MetricPoint,
  MetricPointsResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: the CI & Build team's metrics in the autumn of 2026. */

const meta = {
  createdBy: 'user:default/alice',
  createdAt: '2026-08-15T09:00:00Z',
  updatedAt: '2026-08-15T09:00:00Z',
};

export function point(
  metricId: string,
  id: number,
  at: string,
  value: number,
  overrides: Partial<MetricPoint> = {},
): MetricPoint {
  return { id, metricId, at, value, source: 'ci-metrics', ...overrides };
}

/** p99 CI build time: 18 min down to 11 min, posted by CI and by hand. */
export const buildTimePoints: MetricPoint[] = [
  point('m-build-time', 1, '2026-09-01T06:00:00Z', 18),
  point('m-build-time', 2, '2026-10-01T06:00:00Z', 14.25, {
    note: 'Remote cache on',
    source: 'user:default/alice',
  }),
  point('m-build-time', 3, '2026-11-20T06:00:00Z', 11),
];

export function buildTimeMetric(
  teamRef: string,
  overrides: Partial<Metric> = {},
): Metric {
  return {
    id: 'm-build-time',
    version: 2,
    teamRef,
    key: 'p99-build-time',
    kind: 'time-to-build',
    name: 'p99 CI build time',
    unit: 'min',
    direction: 'decrease',
    description: 'The 99th percentile of the monorepo pipeline, per day.',
    ...meta,
    latest: buildTimePoints[2],
    ...overrides,
  };
}

export function incidentsMetric(
  teamRef: string,
  overrides: Partial<Metric> = {},
): Metric {
  return {
    id: 'm-incidents',
    version: 1,
    teamRef,
    key: 'sev2-incidents',
    kind: 'incident-count',
    name: 'SEV-2 incidents',
    unit: 'incidents',
    direction: 'decrease',
    description: '',
    ...meta,
    ...overrides,
  };
}

/** What `getMetricPoints` answers for the two metrics. */
export function pointsOf(
  teamRef: string,
  metricId: string,
): MetricPointsResponse {
  if (metricId === 'm-build-time') {
    return { metric: buildTimeMetric(teamRef), items: buildTimePoints };
  }
  return { metric: incidentsMetric(teamRef), items: [] };
}
