import { ResponseError } from '@backstage/errors';
import {
  DeprecationConsumer,
  DeprecationView,
  DeprecationWarning,
  EntitySummary,
  PlatformTeam,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/**
 * Test data: the CI & Build team deprecates v1 of its build cache for v2;
 * two teams and one entity without a known owner still use it.
 */

const at = '2026-09-01T09:00:00Z';

export const GUIDE_URL = 'https://docs.example.com/build-cache/migrate-to-v2';

export function summary(
  entityRef: string,
  title?: string,
  type?: string,
): EntitySummary {
  const [kindPart, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const kind = kindPart.charAt(0).toUpperCase() + kindPart.slice(1);
  return {
    entityRef,
    kind: kind === 'Api' ? 'API' : kind,
    name,
    namespace,
    ...(title ? { title } : {}),
    ...(type ? { type } : {}),
  };
}

export const buildCache = summary(
  'component:default/build-cache',
  'Build cache',
  'service',
);
export const buildCacheV2 = summary(
  'component:default/build-cache-v2',
  'Build cache v2',
  'service',
);
export const buildRunner = summary('component:default/build-runner');

export function consumer(
  entityRef: string,
  overrides: Partial<DeprecationConsumer> = {},
): DeprecationConsumer {
  return {
    entity: summary(entityRef),
    relation: 'dependsOn',
    targetRef: buildCache.entityRef,
    depth: 1,
    ...overrides,
  };
}

/**
 * Build cache v1, migrating, sunset on 2026-12-31 with 12 days left; 4
 * consumers in 2 teams remain, down from 7 in 4 teams.
 */
export function deprecationView(
  teamRef: string,
  overrides: Partial<DeprecationView> = {},
): DeprecationView {
  return {
    id: 'd-cache-v1',
    version: 3,
    teamRef,
    inCatalog: true,
    entityRef: buildCache.entityRef,
    entityVersion: 'v1',
    announcedOn: '2026-09-01',
    sunsetOn: '2026-12-31',
    replacementEntityRef: buildCacheV2.entityRef,
    migrationGuideUrl: GUIDE_URL,
    description: 'Move to v2: it is **content-addressed**.',
    status: 'migrating',
    consumerDepth: 2,
    releaseNoteId: 'rn-cache-v1',
    createdBy: 'user:default/alice',
    createdAt: at,
    updatedAt: at,
    entity: buildCache,
    replacement: buildCacheV2,
    consumingTeams: [
      {
        team: summary('group:default/checkout', 'Checkout'),
        consumers: [
          consumer('component:default/checkout-web'),
          consumer('component:default/checkout-api', {
            relation: 'consumesApi',
          }),
        ],
      },
      {
        team: summary('group:default/orders'),
        consumers: [
          consumer('component:default/order-service', {
            targetRef: buildRunner.entityRef,
            depth: 2,
          }),
        ],
      },
    ],
    unownedConsumers: [consumer('component:default/legacy-batch')],
    consumerCount: 4,
    teamCount: 2,
    burnDown: [
      { day: '2026-09-01', consumerCount: 7, teamCount: 4 },
      { day: '2026-10-01', consumerCount: 5, teamCount: 3 },
      { day: '2026-12-19', consumerCount: 4, teamCount: 2 },
    ],
    daysLeft: 12,
    ...overrides,
  };
}

/** The checkout-web component still depends on build cache v1. */
export function deprecationWarning(
  overrides: Partial<DeprecationWarning> = {},
): DeprecationWarning {
  const {
    entity,
    replacement,
    consumingTeams,
    unownedConsumers,
    consumerCount,
    teamCount,
    burnDown,
    daysLeft,
    ...deprecation
  } = deprecationView('group:default/ci-build');
  return {
    deprecation,
    entity,
    replacement,
    usage: consumer('component:default/checkout-web'),
    daysLeft,
    ...overrides,
  };
}

/** The team with its platform entities, for the dialog's choices. */
export function platformTeam(teamRef: string): PlatformTeam {
  return {
    team: summary(teamRef, 'CI & Build'),
    platformEntities: [buildCache, buildCacheV2, buildRunner],
    consumingTeams: [],
    unownedConsumerCount: 0,
  };
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
    url: 'http://localhost/api/platform-roadmap/deprecations/d-cache-v1',
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
