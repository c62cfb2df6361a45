import {
  AuthService,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  capacityInputSchema,
  checkInInputSchema,
  commitmentInputSchema,
  commitmentUpdateSchema,
  deprecationInputSchema,
  deprecationUpdateSchema,
  keyResultInputSchema,
  keyResultUpdateSchema,
  metricInputSchema,
  metricPointInputSchema,
  metricUpdateSchema,
  newEndorsementSchema,
  newRequestSchema,
  objectiveInputSchema,
  objectiveUpdateSchema,
  platformRoadmapTeamManagePermission,
  releaseNoteInputSchema,
  releaseNoteUpdateSchema,
  requestThemeSchema,
  reviewAskInputSchema,
  reviewAskUpdateSchema,
  stakeholderInputSchema,
  stakeholderUpdateSchema,
  statusChangeSchema,
  surveyResponseInputSchema,
  themeInputSchema,
  themeUpdateSchema,
  triageSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { z } from 'zod';
import {
  createPlatformRoadmapConditionalDecision,
  platformRoadmapConditions,
} from '..';
import { platformRoadmapPlugin } from '../plugin';
import { exampleCatalog } from './catalog';

/**
 * Every route of the plugin, how to call it with real ids and a valid body,
 * and a test backend with the real permission framework to call it on:
 * shared by the permission matrix and the bad-input fuzz test.
 */

/** Where the test backend serves the plugin. */
export const API = '/api/platform-roadmap';
/** The platform team every fixture works on. */
export const TEAM = 'group:default/ci-build';
const TEAM_PATH = '/teams/default/ci-build';

/** Who calls: nobody, a service, and three users. */
export const IDENTITIES = [
  'none',
  'service',
  'member',
  'other',
  'loner',
] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The users: a member of the owning team, of a consuming team, of none. */
export const USERS = {
  member: 'user:default/ci-member',
  other: 'user:default/checkout-dev',
  loner: 'user:default/loner',
} as const;

/** What each user owns (their ownership entity refs): themselves, their team. */
const OWNERSHIP: Record<string, string[]> = {
  [USERS.member]: [USERS.member, TEAM],
  [USERS.other]: [USERS.other, 'group:default/checkout'],
  [USERS.loner]: [USERS.loner],
};

/** The Authorization header of an identity; none sends no header. */
export function authorization(identity: Identity): string | undefined {
  if (identity === 'none') return undefined;
  if (identity === 'service') return mockCredentials.service.header();
  return mockCredentials.user.header(USERS[identity]);
}

/**
 * The documented default policy (as packages/backend's): a platform team is
 * managed by its members, a CONDITIONAL decision the permission backend
 * resolves against the team resource; anything else is allowed.
 */
class TeamMembersPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(query.permission, platformRoadmapTeamManagePermission)) {
      return createPlatformRoadmapConditionalDecision(
        query.permission,
        platformRoadmapConditions.isTeamMember({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'team-members-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new TeamMembersPolicy());
      },
    });
  },
});

/** The users' teams, which the permission backend reads for the policy. */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return {
        userEntityRef,
        ownershipEntityRefs: OWNERSHIP[userEntityRef] ?? [userEntityRef],
      };
    },
  }),
});

/**
 * The mock auth service, except that a plugin calling another on behalf of
 * a user sends a token naming itself as the actor, as the real one does:
 * the plugin's apply-conditions endpoint refuses a user without an actor,
 * which is how the permission backend resolves a CONDITIONAL decision.
 */
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => auth.authenticate(token, options),
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        if (!auth.isPrincipal(options.onBehalfOf, 'user')) {
          return auth.getPluginRequestToken(options);
        }
        return {
          token: mockCredentials.user.token(
            options.onBehalfOf.principal.userEntityRef,
            { actor: { subject: `plugin:${plugin.getId()}` } },
          ),
        };
      },
    };
  },
});

/** Notifications go nowhere (there is no notifications backend here). */
const notificationsFactory = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ send: async () => {} }),
});

/**
 * The plugin in a test backend on the given database, with the permission
 * backend and the default policy (`permission.enabled`), the example
 * catalog, open feeds (the one deliberately public route) and no rate limit.
 */
export async function startRoadmapBackend(knex: Knex): Promise<TestBackend> {
  return startTestBackend({
    features: [
      platformRoadmapPlugin,
      permissionPlugin,
      policyModule,
      authFactory,
      userInfoFactory,
      notificationsFactory,
      catalogServiceMock.factory({ entities: exampleCatalog() }),
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          platformRoadmap: {
            releaseNotes: { publicFeeds: true },
            rateLimit: { requestsPerMinute: 0, writesPerMinute: 0 },
          },
        },
      }),
    ],
  });
}

// Valid bodies

const newRequest = () => ({
  title: 'Warm the remote cache for forks',
  description: 'Pull requests from forks start cold.',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'medium',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
  requestingEntityRef: 'component:default/checkout-web',
  platformTeamRef: TEAM,
  aboutEntityRefs: ['component:default/build-cache'],
});

const theme = () => ({
  period: '2026-Q4',
  category: 'velocity',
  title: 'Fast, boring CI',
  outcome: 'p99 CI build under 8 minutes',
  description: '**Why**: builds are the top complaint.',
  status: 'committed',
  entityRefs: ['component:default/build-cache'],
});

const objective = () => ({
  title: 'Builds stop being a reason to context-switch',
});

const keyResult = () => ({
  title: 'Reduce p99 CI build time from 18 min to 8 min',
  metric: 'p99 CI build time',
  unit: 'min',
  baseline: 18,
  target: 8,
  direction: 'decrease',
  startDate: '2026-10-01',
  dueDate: '2026-12-31',
  guardrail: 'Flaky test rate stays under 1 %',
});

const commitment = () => ({
  quarter: '2026-Q4',
  kind: 'committed',
  title: 'Remote cache for pull requests from forks',
  description: 'Forks read the cache.',
});

const releaseNote = () => ({
  entityRef: 'component:default/build-cache',
  releaseVersion: '2.4.0',
  publishedOn: '2026-11-20',
  type: 'feature',
  title: 'Remote cache hits for pull requests from forks',
  body: 'Forks now read the cache.',
});

const deprecation = () => ({
  entityRef: 'api:default/build-api',
  entityVersion: 'v1',
  announcedOn: '2026-11-23',
  sunsetOn: '2026-12-05',
  replacementEntityRef: 'component:default/build-cache',
  migrationGuideUrl: 'https://wiki.acme.example/build-api-v2',
  description: 'The v1 endpoints go away.',
});

const reviewAsk = () => ({
  quarter: '2026-Q4',
  kind: 'feedback',
  text: 'Tell us where cold starts still hurt',
});

const stakeholder = () => ({
  kind: 'security',
  name: 'Security office',
  entityRef: 'group:default/checkout',
  contact: 'security@acme.example',
  notes: 'Reviews every cache change.',
});

const metric = (key: string) => ({
  key,
  kind: 'time-to-build',
  name: 'p99 CI build time',
  unit: 'min',
  direction: 'decrease',
  description: 'From the CI pipeline.',
});

interface Created {
  id: string;
  version: number;
  [field: string]: unknown;
}

/**
 * Makes objects through the API as a member of the owning team, each call a
 * new one, so that a call that consumes its object (a delete, a merge, a
 * version bump) never affects another case.
 */
export class Seeder {
  private count = 0;

  constructor(private readonly server: TestBackend['server']) {}

  /** A number new to this backend, for metric keys and quarters. */
  unique(): number {
    this.count += 1;
    return this.count;
  }

  private async write(
    method: 'post' | 'put',
    path: string,
    body: object,
  ): Promise<Created> {
    const response = await request(this.server)
      [method](`${API}${path}`)
      .set('Authorization', authorization('member')!)
      .send(body);
    if (response.status >= 300) {
      throw new Error(
        `Seeding ${method.toUpperCase()} ${path} answered ${
          response.status
        }: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  request() {
    return this.write('post', '/requests', newRequest());
  }

  /** A request triaged and planned, which a release note may ship. */
  async plannedRequest() {
    const { id, version } = await this.request();
    const triaged = await this.write('put', `/requests/${id}/triage`, {
      version,
      costToShip: 1,
      strategicFit: 4,
      reversibility: 4,
    });
    return this.write('post', `/requests/${id}/status`, {
      version: triaged.version,
      status: 'planned',
      quarter: '2026-Q4',
    });
  }

  theme() {
    return this.write('post', `${TEAM_PATH}/themes`, theme());
  }

  async objective() {
    const { id } = await this.theme();
    return this.write('post', `/themes/${id}/objectives`, objective());
  }

  async keyResult() {
    const { id } = await this.objective();
    return this.write('post', `/objectives/${id}/key-results`, keyResult());
  }

  commitment() {
    return this.write('post', `${TEAM_PATH}/commitments`, commitment());
  }

  releaseNote() {
    return this.write('post', `${TEAM_PATH}/release-notes`, releaseNote());
  }

  deprecation() {
    return this.write('post', `${TEAM_PATH}/deprecations`, deprecation());
  }

  reviewAsk() {
    return this.write('post', `${TEAM_PATH}/review-asks`, reviewAsk());
  }

  stakeholder() {
    return this.write('post', `${TEAM_PATH}/stakeholders`, stakeholder());
  }

  metric() {
    return this.write(
      'post',
      `${TEAM_PATH}/metrics`,
      metric(`build-time-${this.unique()}`),
    );
  }

  /** A quarter nobody budgeted yet (capacity is one row per quarter). */
  freshQuarter(): string {
    return `${2100 + this.unique()}-Q1`;
  }
}

export type Method = 'get' | 'post' | 'put' | 'delete';

/** One call of a route: the path with real ids, the query and the body. */
export interface Call {
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface RouteFixture {
  method: Method;
  /** The path as the router declares it. */
  route: string;
  /** What the body must pass, for routes that take one. */
  schema?: z.ZodType;
  /** Creates what the call needs and returns a valid call. */
  arrange(seed: Seeder): Promise<Call>;
}

const deleteOf = (path: string, { id, version }: Created): Call => ({
  path: `${path}/${id}`,
  query: { version: String(version) },
});

const updateOf = (
  path: string,
  { id, version }: Created,
  body: Record<string, unknown>,
): Call => ({ path: `${path}/${id}`, body: { ...body, version } });

/** Every route of the plugin, by `METHOD /path`. */
export const ROUTES: RouteFixture[] = [
  // router.ts
  { method: 'get', route: '/teams', arrange: async () => ({ path: '/teams' }) },
  {
    method: 'get',
    route: '/teams/:namespace/:name',
    arrange: async () => ({ path: TEAM_PATH }),
  },

  // requestsRouter.ts
  {
    method: 'post',
    route: '/requests',
    schema: newRequestSchema,
    arrange: async () => ({ path: '/requests', body: newRequest() }),
  },
  {
    method: 'get',
    route: '/requests',
    arrange: async seed => {
      await seed.request();
      return {
        path: '/requests',
        query: { entityRef: 'component:default/checkout-web' },
      };
    },
  },
  {
    method: 'get',
    route: '/requests/:id',
    arrange: async seed => ({ path: `/requests/${(await seed.request()).id}` }),
  },
  {
    method: 'post',
    route: '/requests/:id/endorsements',
    schema: newEndorsementSchema,
    arrange: async seed => ({
      path: `/requests/${(await seed.request()).id}/endorsements`,
      body: {
        entityRef: 'component:default/order-service',
        cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 5 },
        comment: 'Our builds start cold too',
      },
    }),
  },
  {
    method: 'put',
    route: '/requests/:id/triage',
    schema: triageSchema,
    arrange: async seed => {
      const { id, version } = await seed.request();
      return {
        path: `/requests/${id}/triage`,
        body: { version, costToShip: 1.5, strategicFit: 4, reversibility: 3 },
      };
    },
  },
  {
    method: 'post',
    route: '/requests/:id/status',
    schema: statusChangeSchema,
    arrange: async seed => {
      const { id, version } = await seed.request();
      return {
        path: `/requests/${id}/status`,
        body: { version, status: 'triaged', reason: 'Seen at triage' },
      };
    },
  },
  {
    method: 'post',
    route: '/requests/:id/merge',
    arrange: async seed => {
      const duplicate = await seed.request();
      const into = await seed.request();
      return {
        path: `/requests/${duplicate.id}/merge`,
        body: { version: duplicate.version, intoId: into.id },
      };
    },
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/backlog',
    arrange: async seed => {
      await seed.request();
      return { path: `${TEAM_PATH}/backlog`, query: { status: 'open' } };
    },
  },

  // roadmapRouter.ts
  {
    method: 'get',
    route: '/teams/:namespace/:name/roadmap',
    arrange: async seed => {
      await seed.keyResult();
      return { path: `${TEAM_PATH}/roadmap`, query: { quarter: '2026-Q4' } };
    },
  },
  {
    method: 'get',
    route: '/entities/roadmap',
    arrange: async () => ({
      path: '/entities/roadmap',
      query: { entityRef: 'component:default/build-cache' },
    }),
  },
  {
    method: 'get',
    route: '/entities/incoming',
    arrange: async () => ({
      path: '/entities/incoming',
      query: { entityRef: 'component:default/checkout-web' },
    }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/themes',
    schema: themeInputSchema,
    arrange: async () => ({ path: `${TEAM_PATH}/themes`, body: theme() }),
  },
  {
    method: 'put',
    route: '/themes/:id',
    schema: themeUpdateSchema,
    arrange: async seed =>
      updateOf('/themes', await seed.theme(), {
        ...theme(),
        status: 'in-progress',
      }),
  },
  {
    method: 'delete',
    route: '/themes/:id',
    arrange: async seed => deleteOf('/themes', await seed.theme()),
  },
  {
    method: 'post',
    route: '/themes/:id/objectives',
    schema: objectiveInputSchema,
    arrange: async seed => ({
      path: `/themes/${(await seed.theme()).id}/objectives`,
      body: objective(),
    }),
  },
  {
    method: 'put',
    route: '/objectives/:id',
    schema: objectiveUpdateSchema,
    arrange: async seed =>
      updateOf('/objectives', await seed.objective(), {
        title: 'Builds are never the reason to switch context',
      }),
  },
  {
    method: 'delete',
    route: '/objectives/:id',
    arrange: async seed => deleteOf('/objectives', await seed.objective()),
  },
  {
    method: 'post',
    route: '/objectives/:id/key-results',
    schema: keyResultInputSchema,
    arrange: async seed => ({
      path: `/objectives/${(await seed.objective()).id}/key-results`,
      body: keyResult(),
    }),
  },
  {
    method: 'put',
    route: '/key-results/:id',
    schema: keyResultUpdateSchema,
    arrange: async seed =>
      updateOf('/key-results', await seed.keyResult(), {
        ...keyResult(),
        target: 6,
      }),
  },
  {
    method: 'delete',
    route: '/key-results/:id',
    arrange: async seed => deleteOf('/key-results', await seed.keyResult()),
  },
  {
    method: 'post',
    route: '/key-results/:id/check-ins',
    schema: checkInInputSchema,
    arrange: async seed => {
      const { id, version } = await seed.keyResult();
      return {
        path: `/key-results/${id}/check-ins`,
        body: { version, value: 12, note: 'Half way there' },
      };
    },
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/commitments',
    schema: commitmentInputSchema,
    arrange: async () => ({
      path: `${TEAM_PATH}/commitments`,
      body: commitment(),
    }),
  },
  {
    method: 'put',
    route: '/commitments/:id',
    schema: commitmentUpdateSchema,
    arrange: async seed =>
      updateOf('/commitments', await seed.commitment(), {
        ...commitment(),
        kind: 'deprioritized',
        reason: 'The cache migration comes first',
      }),
  },
  {
    method: 'delete',
    route: '/commitments/:id',
    arrange: async seed => deleteOf('/commitments', await seed.commitment()),
  },
  {
    method: 'put',
    route: '/requests/:id/theme',
    schema: requestThemeSchema,
    arrange: async seed => {
      const { id, version } = await seed.request();
      return {
        path: `/requests/${id}/theme`,
        body: { version, themeId: (await seed.theme()).id, quarter: '2026-Q4' },
      };
    },
  },

  // productRouter.ts
  {
    method: 'get',
    route: '/overview',
    arrange: async () => ({ path: '/overview', query: { period: '2026' } }),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/review',
    arrange: async seed => {
      await seed.reviewAsk();
      return { path: `${TEAM_PATH}/review`, query: { quarter: '2026-Q4' } };
    },
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/review.md',
    arrange: async () => ({
      path: `${TEAM_PATH}/review.md`,
      query: { quarter: '2026-Q4' },
    }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/review-asks',
    schema: reviewAskInputSchema,
    arrange: async () => ({
      path: `${TEAM_PATH}/review-asks`,
      body: reviewAsk(),
    }),
  },
  {
    method: 'put',
    route: '/review-asks/:id',
    schema: reviewAskUpdateSchema,
    arrange: async seed =>
      updateOf('/review-asks', await seed.reviewAsk(), {
        ...reviewAsk(),
        kind: 'beta',
      }),
  },
  {
    method: 'delete',
    route: '/review-asks/:id',
    arrange: async seed => deleteOf('/review-asks', await seed.reviewAsk()),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/capacity/:quarter',
    arrange: async () => ({ path: `${TEAM_PATH}/capacity/2026-Q4` }),
  },
  {
    method: 'put',
    route: '/teams/:namespace/:name/capacity/:quarter',
    schema: capacityInputSchema,
    arrange: async seed => ({
      path: `${TEAM_PATH}/capacity/${seed.freshQuarter()}`,
      body: {
        version: 0,
        onCall: 20,
        maintenance: 25,
        documentation: 5,
        onboarding: 10,
        roadmap: 40,
      },
    }),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/stakeholders',
    arrange: async seed => {
      await seed.stakeholder();
      return { path: `${TEAM_PATH}/stakeholders` };
    },
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/stakeholders',
    schema: stakeholderInputSchema,
    arrange: async () => ({
      path: `${TEAM_PATH}/stakeholders`,
      body: stakeholder(),
    }),
  },
  {
    method: 'put',
    route: '/stakeholders/:id',
    schema: stakeholderUpdateSchema,
    arrange: async seed =>
      updateOf('/stakeholders', await seed.stakeholder(), {
        ...stakeholder(),
        notes: 'Reviews cache changes monthly.',
      }),
  },
  {
    method: 'delete',
    route: '/stakeholders/:id',
    arrange: async seed => deleteOf('/stakeholders', await seed.stakeholder()),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/impact',
    arrange: async () => ({
      path: '/teams/default/checkout/impact',
      query: { quarter: '2026-Q4' },
    }),
  },

  // searchRouter.ts
  {
    method: 'get',
    route: '/search/documents',
    arrange: async () => ({ path: '/search/documents' }),
  },

  // metricsRouter.ts
  {
    method: 'get',
    route: '/teams/:namespace/:name/metrics',
    arrange: async seed => {
      await seed.metric();
      return { path: `${TEAM_PATH}/metrics`, query: { points: 'recent' } };
    },
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/metrics',
    schema: metricInputSchema,
    arrange: async seed => ({
      path: `${TEAM_PATH}/metrics`,
      body: metric(`deploys-${seed.unique()}`),
    }),
  },
  {
    method: 'put',
    route: '/metrics/:id',
    schema: metricUpdateSchema,
    arrange: async seed => {
      const created = await seed.metric();
      return updateOf('/metrics', created, {
        ...metric(created.key as string),
        name: 'p95 CI build time',
      });
    },
  },
  {
    method: 'delete',
    route: '/metrics/:id',
    arrange: async seed => deleteOf('/metrics', await seed.metric()),
  },
  {
    method: 'get',
    route: '/metrics/:id/points',
    arrange: async seed => ({
      path: `/metrics/${(await seed.metric()).id}/points`,
    }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/metrics/:key/points',
    schema: metricPointInputSchema,
    arrange: async seed => ({
      path: `${TEAM_PATH}/metrics/${(await seed.metric()).key}/points`,
      body: { value: 12.5, note: 'nightly build' },
    }),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/survey',
    arrange: async () => ({ path: `${TEAM_PATH}/survey` }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/survey',
    schema: surveyResponseInputSchema,
    arrange: async () => ({
      path: `${TEAM_PATH}/survey`,
      body: {
        score: 4,
        comment: 'Quick answers in office hours',
        respondentTeamRef: 'group:default/checkout',
      },
    }),
  },

  // releasesRouter.ts
  {
    method: 'get',
    route: '/teams/:namespace/:name/release-notes',
    arrange: async seed => {
      await seed.releaseNote();
      return { path: `${TEAM_PATH}/release-notes`, query: { q: 'cache' } };
    },
  },
  {
    method: 'get',
    route: '/entities/release-notes',
    arrange: async () => ({
      path: '/entities/release-notes',
      query: { entityRef: 'component:default/build-cache' },
    }),
  },
  {
    method: 'get',
    route: '/release-notes/:id',
    arrange: async seed => ({
      path: `/release-notes/${(await seed.releaseNote()).id}`,
    }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/release-notes',
    schema: releaseNoteInputSchema,
    arrange: async seed => ({
      path: `${TEAM_PATH}/release-notes`,
      body: {
        ...releaseNote(),
        shipsRequestIds: [(await seed.plannedRequest()).id],
      },
    }),
  },
  {
    method: 'put',
    route: '/release-notes/:id',
    schema: releaseNoteUpdateSchema,
    arrange: async seed =>
      updateOf('/release-notes', await seed.releaseNote(), {
        ...releaseNote(),
        type: 'improvement',
      }),
  },
  {
    method: 'delete',
    route: '/release-notes/:id',
    arrange: async seed => deleteOf('/release-notes', await seed.releaseNote()),
  },
  {
    method: 'get',
    route: '/teams/:namespace/:name/deprecations',
    arrange: async seed => {
      await seed.deprecation();
      return { path: `${TEAM_PATH}/deprecations` };
    },
  },
  {
    method: 'get',
    route: '/entities/deprecations',
    arrange: async () => ({
      path: '/entities/deprecations',
      query: { entityRef: 'api:default/build-api' },
    }),
  },
  {
    method: 'get',
    route: '/entities/deprecation-warnings',
    arrange: async () => ({
      path: '/entities/deprecation-warnings',
      query: { entityRef: 'component:default/checkout-web' },
    }),
  },
  {
    method: 'post',
    route: '/teams/:namespace/:name/deprecations',
    schema: deprecationInputSchema,
    arrange: async () => ({
      path: `${TEAM_PATH}/deprecations`,
      body: deprecation(),
    }),
  },
  {
    method: 'put',
    route: '/deprecations/:id',
    schema: deprecationUpdateSchema,
    arrange: async seed =>
      updateOf('/deprecations', await seed.deprecation(), {
        ...deprecation(),
        status: 'migrating',
      }),
  },
  {
    method: 'delete',
    route: '/deprecations/:id',
    arrange: async seed => deleteOf('/deprecations', await seed.deprecation()),
  },
  {
    method: 'get',
    route: '/feeds/teams/:namespace/:name.atom',
    arrange: async () => ({ path: '/feeds/teams/default/ci-build.atom' }),
  },
  {
    method: 'get',
    route: '/feeds/entities/:kind/:namespace/:name.atom',
    arrange: async () => ({
      path: '/feeds/entities/component/default/build-cache.atom',
    }),
  },
];

/** `POST /requests`: how routes are named in tables and test titles. */
export const routeKey = (method: string, route: string) =>
  `${method.toUpperCase()} ${route}`;

/** Calls the plugin as an identity. */
export function send(
  server: TestBackend['server'],
  method: Method,
  call: Call,
  identity: Identity,
) {
  let pending = request(server)[method](`${API}${call.path}`);
  if (call.query) pending = pending.query(call.query);
  const header = authorization(identity);
  if (header) pending = pending.set('Authorization', header);
  return call.body === undefined ? pending : pending.send(call.body);
}

type Layer = {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  regexp?: { fast_slash?: boolean };
};

/**
 * Every `METHOD /path` an express router serves, nested routers included
 * (mounted without a path, as ours are).
 */
export function routesOf(router: express.Router): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat();
        for (const method of Object.keys(layer.route.methods)) {
          for (const path of paths) found.push(routeKey(method, path));
        }
      } else if (layer.handle?.stack) {
        if (!layer.regexp?.fast_slash) {
          throw new Error(
            'A router is mounted under a path: teach routesOf to prefix it',
          );
        }
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return found;
}

/**
 * Everything the plugin stored, table by table (rows sorted), to show that
 * a call wrote nothing.
 */
export async function snapshotTables(
  knex: Knex,
): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of await pluginTables(knex)) {
    const rows = await knex(table).select();
    snapshot[table] = rows.map(row => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables]
    .filter(t => JSON.stringify(before[t]) !== JSON.stringify(after[t]))
    .sort();
}

/** The plugin's tables (not knex's own bookkeeping). */
export async function pluginTables(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  const names: string[] = client.includes('sqlite')
    ? (
        await knex('sqlite_master')
          .where({ type: 'table' })
          .whereNot('name', 'like', 'sqlite_%')
          .select('name')
      ).map((r: { name: string }) => r.name)
    : (
        await knex('pg_tables')
          .whereRaw('schemaname = current_schema()')
          .select('tablename')
      ).map((r: { tablename: string }) => r.tablename);
  return names.filter(name => !name.startsWith('knex_')).sort();
}
