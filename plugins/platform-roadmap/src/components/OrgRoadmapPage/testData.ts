import {
  EntitySummary,
  Metric,
  MetricPoint,
  OrgOverview,
  PlatformRequest,
  RankedRequest,
  Theme,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/**
 * Test data: two platform teams, CI & Build and Developer Portal, with
 * themes in two categories, a backlog of two (of nine), three active
 * deprecations over two months and metrics going either way.
 */

const at = '2026-09-01T09:00:00Z';

export const CI_BUILD = 'group:default/ci-build';
export const DEV_PORTAL = 'group:default/developer-portal';

function summary(entityRef: string, title?: string): EntitySummary {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return {
    entityRef,
    kind: kind.charAt(0).toUpperCase() + kind.slice(1),
    namespace,
    name,
    ...(title ? { title } : {}),
  };
}

function theme(overrides: Partial<Theme>): ThemeView {
  return {
    theme: {
      id: 't-1',
      version: 1,
      teamRef: CI_BUILD,
      period: '2026',
      category: 'velocity',
      title: 'A theme',
      outcome: 'An outcome',
      description: '',
      status: 'committed',
      entityRefs: [],
      createdBy: 'user:default/ada',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    },
    objectives: [],
    requests: [],
    teamsImpacted: {
      teams: [],
      orgUnits: [],
      askingTeamCount: 0,
      strongSignal: false,
    },
  };
}

function ranked(
  rank: number,
  request: Partial<PlatformRequest>,
  teamRefs: string[],
  total: number,
): RankedRequest {
  return {
    rank,
    request: {
      id: `r-${rank}`,
      version: 1,
      title: 'A request',
      description: '',
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: 'medium',
      cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 10 },
      requestingEntityRef: 'component:default/checkout-web',
      platformTeamRef: CI_BUILD,
      aboutEntityRefs: [],
      status: 'open',
      endorsements: [],
      createdBy: 'user:default/grace',
      createdAt: at,
      updatedAt: at,
      ...request,
    },
    teamsImpacted: {
      teams: teamRefs.map(ref => ({
        team: summary(ref),
        reasons: [{ type: 'requested', entityRef: 'component:default/x' }],
        orgUnitRefs: [],
      })),
      orgUnits: [],
      askingTeamCount: teamRefs.length,
      strongSignal: teamRefs.length >= 3,
    },
    score: {
      total,
      parts: [
        {
          factor: 'teamsImpacted',
          value: teamRefs.length,
          weight: 1,
          points: total,
          explanation: `${teamRefs.length} teams`,
        },
      ],
    },
  };
}

let pointId = 0;

function point(metricId: string, day: string, value: number): MetricPoint {
  pointId += 1;
  return {
    id: pointId,
    metricId,
    at: `${day}T06:00:00Z`,
    value,
    source: 'service:ci',
  };
}

/** A metric with its latest point and the one before (`[previous, latest]`). */
function metric(
  overrides: Partial<Metric> & Pick<Metric, 'id' | 'name' | 'direction'>,
  values: [number, number] | [] = [],
): OrgOverview['metrics'][number] {
  const [previous, latest] = values;
  return {
    metric: {
      version: 1,
      teamRef: CI_BUILD,
      key: overrides.id,
      kind: 'custom',
      unit: '',
      description: '',
      createdBy: 'user:default/ada',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    },
    ...(previous !== undefined && latest !== undefined
      ? {
          previous: point(overrides.id, '2026-11-01', previous),
          latest: point(overrides.id, '2026-12-01', latest),
        }
      : {}),
  };
}

/** The overview of a period, as the backend would answer it. */
export function orgOverview(
  period = '2026',
  overrides: Partial<OrgOverview> = {},
): OrgOverview {
  return {
    period,
    teams: [
      {
        team: {
          ...summary(CI_BUILD, 'CI & Build'),
          description: 'Builds, caches and runners for every repository.',
        },
        contact: [
          {
            kind: 'office-hours',
            title: 'Office hours',
            text: 'Tuesdays 14:00',
          },
          {
            kind: 'chat',
            title: '#ci-build',
            url: 'https://chat.example.com/channels/ci-build',
          },
        ],
        consumingTeamCount: 7,
        themeCount: 2,
        activeDeprecationCount: 2,
        satisfaction: { average: 4.1666, count: 6 },
      },
      {
        team: summary(DEV_PORTAL, 'Developer Portal'),
        contact: [],
        consumingTeamCount: 1,
        themeCount: 1,
        activeDeprecationCount: 1,
      },
    ],
    themes: [
      theme({
        id: 't-builds',
        title: 'Faster builds',
        outcome: 'p99 CI build under 8 minutes',
        category: 'velocity',
        status: 'in-progress',
      }),
      theme({
        id: 't-flakes',
        title: 'Runners that do not flake',
        outcome: 'Under 1% of builds fail for infrastructure reasons',
        category: 'reliability',
        period: '2026-Q4',
      }),
      theme({
        id: 't-golden',
        teamRef: DEV_PORTAL,
        title: 'Golden paths',
        outcome: 'A new service in production within a day',
        category: 'velocity',
        status: 'deprioritized',
        statusReason: 'The auth migration comes first',
      }),
    ],
    backlog: [
      ranked(
        1,
        { id: 'r-gradle', title: 'Remote build cache for Gradle' },
        [
          'group:default/payments',
          'group:default/checkout',
          'group:default/search',
        ],
        42.5,
      ),
      ranked(
        2,
        {
          id: 'r-python',
          title: 'Template for Python services',
          platformTeamRef: DEV_PORTAL,
          status: 'triaged',
        },
        ['group:default/data'],
        17,
      ),
    ],
    backlogTotal: 9,
    deprecations: [
      {
        id: 'd-runner',
        teamRef: CI_BUILD,
        entityRef: 'component:default/legacy-runner',
        sunsetOn: '2026-12-05',
        daysLeft: -2,
        status: 'migrating',
        consumerCount: 3,
      },
      {
        id: 'd-cache',
        teamRef: CI_BUILD,
        entityRef: 'component:default/build-cache',
        entityTitle: 'Build cache',
        entityVersion: 'v1',
        sunsetOn: '2026-12-31',
        daysLeft: 12,
        status: 'migrating',
        consumerCount: 4,
      },
      {
        id: 'd-search',
        teamRef: DEV_PORTAL,
        entityRef: 'api:default/portal-search',
        entityTitle: 'Portal search API',
        entityVersion: 'v1',
        sunsetOn: '2027-02-15',
        daysLeft: 58,
        status: 'announced',
        consumerCount: 1,
      },
    ],
    metrics: [
      // Lower is better, and it went down: better.
      metric(
        {
          id: 'm-build-time',
          name: 'p99 build time',
          unit: 'min',
          direction: 'decrease',
        },
        [14, 12.5],
      ),
      // Lower is better, and it went up: worse.
      metric(
        {
          id: 'm-flaky',
          name: 'Flaky build rate',
          unit: '%',
          direction: 'decrease',
        },
        [1.2, 1.8],
      ),
      // Higher is better, and it stayed: no change.
      metric(
        {
          id: 'm-cache-hits',
          name: 'Cache hit rate',
          unit: '%',
          direction: 'increase',
        },
        [80, 80],
      ),
      // Higher is better, and it went up: better.
      metric(
        {
          id: 'm-deploys',
          teamRef: DEV_PORTAL,
          name: 'Deploys per day',
          unit: 'deploys',
          direction: 'increase',
        },
        [30, 34],
      ),
      // Higher is better, and it went down: worse.
      metric(
        {
          id: 'm-satisfaction',
          teamRef: DEV_PORTAL,
          kind: 'satisfaction',
          name: 'Consumer satisfaction',
          direction: 'increase',
        },
        [4.4, 4.1],
      ),
      metric({
        id: 'm-onboarding',
        teamRef: DEV_PORTAL,
        name: 'Onboarding time',
        unit: 'days',
        direction: 'decrease',
      }),
    ],
    ...overrides,
  };
}
