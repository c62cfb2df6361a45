import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  CustomerReview,
  DeprecationView,
  EntitySummary,
  KeyResult,
  ReleaseNote,
  ReviewAsk,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: the CI & Build team's customer review for a quarter. */

const at = '2026-10-01T09:00:00Z';
const meta = {
  createdBy: 'user:default/alice',
  createdAt: at,
  updatedAt: at,
};

export function summary(entityRef: string, title?: string): EntitySummary {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return {
    entityRef,
    kind: kind.charAt(0).toUpperCase() + kind.slice(1),
    name,
    namespace,
    ...(title ? { title } : {}),
  };
}

/** The platform team's Group entity (a name of its own per test). */
export function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: 'CI & Build' },
    spec: { type: 'team', children: [] },
  };
}

const P99 = 'Reduce p99 CI build time from 18 min to 8 min';

function keyResult(teamRef: string): KeyResult {
  return {
    id: 'kr-p99',
    version: 3,
    objectiveId: 'o-fast',
    teamRef,
    title: P99,
    metric: 'p99 CI build time',
    unit: 'min',
    baseline: 18,
    target: 8,
    current: 14,
    direction: 'decrease',
    startDate: '2026-01-01',
    dueDate: '2026-12-31',
    checkIns: [],
    progress: {
      progress: 0.4,
      elapsed: 0.75,
      status: 'off-track',
      achieved: false,
      explanation: '40% of the way from 18 to 8 min with 75% of the time gone',
    },
    ...meta,
  };
}

function themeView(teamRef: string): ThemeView {
  return {
    theme: {
      id: 't-ci',
      version: 2,
      teamRef,
      period: '2026',
      category: 'reliability',
      title: 'Fast and reliable CI',
      outcome: 'p99 CI build under 8 minutes',
      description: '',
      status: 'in-progress',
      entityRefs: [],
      ...meta,
    },
    objectives: [
      {
        id: 'o-fast',
        version: 1,
        themeId: 't-ci',
        teamRef,
        title: 'Make CI builds fast',
        keyResults: [keyResult(teamRef)],
        ...meta,
      },
    ],
    requests: [],
    teamsImpacted: {
      teams: [],
      orgUnits: [],
      askingTeamCount: 0,
      strongSignal: false,
    },
  };
}

export function ask(
  teamRef: string,
  quarter: string,
  overrides: Partial<ReviewAsk> = {},
): ReviewAsk {
  return {
    id: 'a-review',
    version: 2,
    teamRef,
    quarter,
    kind: 'review-time',
    text: 'Two reviewers per team for the cache v2 design',
    ...meta,
    ...overrides,
  };
}

function releaseNote(teamRef: string): ReleaseNote {
  return {
    id: 'rn-cache-v2',
    version: 1,
    teamRef,
    entityRef: 'component:default/build-cache',
    releaseVersion: '2.0.0',
    publishedOn: '2026-11-02',
    type: 'feature',
    title: 'Remote cache v2 is generally available',
    body: '',
    requests: [],
    ...meta,
  };
}

function deprecation(teamRef: string): DeprecationView {
  return {
    id: 'd-cache-v1',
    version: 3,
    teamRef,
    inCatalog: true,
    entityRef: 'component:default/build-cache',
    entityVersion: 'v1',
    announcedOn: '2026-09-01',
    sunsetOn: '2026-12-31',
    replacementEntityRef: 'component:default/build-cache-v2',
    description: '',
    status: 'migrating',
    consumerDepth: 1,
    ...meta,
    entity: summary('component:default/build-cache', 'Build cache'),
    replacement: summary('component:default/build-cache-v2', 'Build cache v2'),
    consumingTeams: [
      { team: summary('group:default/checkout', 'Checkout'), consumers: [] },
      { team: summary('group:default/orders'), consumers: [] },
    ],
    unownedConsumers: [],
    consumerCount: 4,
    teamCount: 2,
    burnDown: [],
    daysLeft: 12,
  };
}

/**
 * A full review: one theme with a key result, a commitment of each kind,
 * an ask, a release note, a deprecation, a capacity budget, satisfaction,
 * and two consuming teams: Checkout, saved 3.5 person-weeks by two shipped
 * requests, and orders, with an open request and a pending migration.
 */
export function reviewFixture(
  teamRef: string,
  quarter: string,
  overrides: Partial<CustomerReview> = {},
): CustomerReview {
  return {
    team: {
      ...summary(teamRef, 'CI & Build'),
      description: 'Builds, caches and runners for every team',
    },
    quarter,
    generatedAt: '2026-11-15T08:00:00Z',
    contact: [
      {
        kind: 'office-hours',
        title: 'Weekly drop-in',
        url: 'https://meet.example.com/ci-build',
        text: 'Tuesdays 14:00',
      },
      { kind: 'chat', title: '#ci-build', url: 'https://chat.example.com/ci' },
    ],
    themes: [themeView(teamRef)],
    committed: [
      {
        id: 'c-cache-v2',
        version: 1,
        teamRef,
        quarter,
        kind: 'committed',
        title: 'Ship remote cache v2',
        description: '',
        themeId: 't-ci',
        ...meta,
      },
    ],
    deprioritized: [
      {
        id: 'c-windows',
        version: 1,
        teamRef,
        quarter,
        kind: 'deprioritized',
        title: 'Windows build runners',
        description: '',
        reason: 'Two teams need them and hosted runners cover both',
        ...meta,
      },
    ],
    asks: [ask(teamRef, quarter)],
    shipped: [releaseNote(teamRef)],
    deprecations: [deprecation(teamRef)],
    capacity: {
      teamRef,
      quarter,
      version: 2,
      shares: {
        onCall: 20,
        maintenance: 20,
        documentation: 0,
        onboarding: 10,
        roadmap: 50,
      },
      zeroDisciplines: ['documentation'],
    },
    satisfaction: { period: quarter, count: 12, average: 4.25 },
    consumers: [
      {
        team: summary('group:default/checkout', 'Checkout'),
        impact: {
          teamRef: 'group:default/checkout',
          period: quarter,
          items: [
            {
              requestId: 'r-cache',
              title: 'Remote cache misses on every CI run',
              platformTeamRef: teamRef,
              shippedOn: '2026-11-02',
              releaseNoteId: 'rn-cache-v2',
              via: 'filed',
              entityRef: 'component:default/checkout-web',
              hoursPerEngineerPerWeek: 2,
              engineersAffected: 12,
              weeklyHours: 24,
              weeks: 5,
              hoursSaved: 120,
            },
            {
              requestId: 'r-uploads',
              title: 'Flaky artifact uploads',
              platformTeamRef: teamRef,
              shippedOn: '2026-11-02',
              via: 'endorsed',
              entityRef: 'component:default/checkout-api',
              hoursPerEngineerPerWeek: 0.5,
              engineersAffected: 8,
              weeklyHours: 4,
              weeks: 5,
              hoursSaved: 20,
            },
          ],
          hoursSaved: 140,
          personWeeksSaved: 3.5,
        },
        openRequests: [],
        pendingMigrations: [],
      },
      {
        team: summary('group:default/orders'),
        impact: {
          teamRef: 'group:default/orders',
          period: quarter,
          items: [],
          hoursSaved: 0,
          personWeeksSaved: 0,
        },
        openRequests: [
          {
            id: 'r-arm',
            title: 'ARM runners for the mobile builds',
            status: 'triaged',
          },
        ],
        pendingMigrations: [
          {
            deprecationId: 'd-cache-v1',
            entityRef: 'component:default/build-cache',
            entityTitle: 'Build cache',
            entityVersion: 'v1',
            sunsetOn: '2026-12-31',
            daysLeft: 12,
            consumers: [
              'component:default/order-service',
              'component:default/order-worker',
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** A review with nothing in it. */
export function emptyReview(teamRef: string, quarter: string): CustomerReview {
  return reviewFixture(teamRef, quarter, {
    contact: [],
    themes: [],
    committed: [],
    deprioritized: [],
    asks: [],
    shipped: [],
    deprecations: [],
    capacity: undefined,
    satisfaction: undefined,
    consumers: [],
  });
}

/** A backend error as the client throws it. */
export function responseError(status: number, message: string) {
  const body = JSON.stringify({
    error: { name: status === 409 ? 'ConflictError' : 'InputError', message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: status === 409 ? 'Conflict' : 'Bad Request',
    url: 'http://localhost/api/platform-roadmap/review-asks/a-review',
    type: 'basic',
    redirected: false,
    headers: {
      append() {},
      delete() {},
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
      has: () => true,
      set() {},
      forEach() {},
    } as unknown as Headers,
    text: async () => body,
  });
}
