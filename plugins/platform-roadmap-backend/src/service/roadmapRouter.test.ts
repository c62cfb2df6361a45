import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TeamRoadmap } from '@platform-roadmap/plugin-platform-roadmap-common';
import express from 'express';
import request from 'supertest';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { createRequestsRouter } from './requestsRouter';
import { createRoadmapRouter } from './roadmapRouter';

const member = 'user:default/ci-member';
const consumer = 'user:default/checkout-dev';
const now = () => new Date('2026-11-15T12:00:00Z'); // half way through Q4

const theme = {
  period: '2026-Q4',
  category: 'velocity',
  title: 'Fast, boring CI',
  outcome: 'p99 CI build under 8 minutes',
  description: '**Why**: builds are the top complaint.',
  status: 'committed',
  entityRefs: ['component:default/build-cache'],
};

const keyResult = {
  title: 'Reduce p99 CI build time from 18 min to 8 min',
  metric: 'p99 CI build time',
  unit: 'min',
  baseline: 18,
  target: 8,
  direction: 'decrease',
  startDate: '2026-10-01',
  dueDate: '2026-12-31',
};

describe('roadmap router', () => {
  const databases = createTestDatabases();

  async function createApp() {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const requestStore = await RequestStore.create({ database });
    const store = await RoadmapStore.create({ database, now });
    const { catalog, calls } = fakeCatalog(exampleCatalog());
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, { credentials }) =>
        requests.map(() => ({
          result:
            (credentials.principal as { userEntityRef?: string })
              .userEntityRef === member
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
    });
    const auditor = mockServices.auditor.mock();
    const events: string[] = [];
    auditor.createEvent.mockImplementation(async ({ eventId }) => ({
      success: async () => {
        events.push(`${eventId}:success`);
      },
      fail: async () => {
        events.push(`${eventId}:fail`);
      },
    }));
    const httpAuth = mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    });
    const requests = new RequestsService({
      catalog,
      store: requestStore,
      teamsImpacted: new TeamsImpactedService(catalog, { dependencyDepth: 1 }),
      weights: DEFAULT_SCORE_WEIGHTS,
    });
    const app = express()
      .use(express.json())
      .use(
        createRequestsRouter({
          httpAuth,
          permissions,
          auditor,
          store: requestStore,
          requests,
          themes: store,
          now,
        }),
      )
      .use(
        createRoadmapRouter({
          httpAuth,
          permissions,
          auditor,
          store,
          requestStore,
          roadmap: new RoadmapService({ catalog, store, requests, now }),
          now,
        }),
      )
      .use(mockErrorHandler());
    return { app, events, calls, requestStore, permissions };
  }

  const as = (userRef: string) => mockCredentials.user.header(userRef);

  function createTheme(app: express.Express, body: object = theme) {
    return request(app)
      .post('/teams/default/ci-build/themes')
      .set('Authorization', as(member))
      .send(body);
  }

  /** A theme with one objective and one key result, made through the API. */
  async function createOkr(app: express.Express) {
    const { body: created } = await createTheme(app);
    const { body: objective } = await request(app)
      .post(`/themes/${created.id}/objectives`)
      .set('Authorization', as(member))
      .send({ title: 'Builds stop being a reason to context-switch' });
    const { body: kr } = await request(app)
      .post(`/objectives/${objective.id}/key-results`)
      .set('Authorization', as(member))
      .send(keyResult);
    return { theme: created, objective, kr };
  }

  it('lets a member build a theme with OKRs and check in; anyone reads it', async () => {
    const { app, events } = await createApp();
    const { theme: created, kr } = await createOkr(app);
    expect(created).toMatchObject({
      version: 1,
      teamRef: 'group:default/ci-build',
    });
    expect(kr.progress.status).toBe('off-track');

    const checkIn = await request(app)
      .post(`/key-results/${kr.id}/check-ins`)
      .set('Authorization', as(member))
      .send({
        version: kr.version,
        value: 13,
        note: 'Remote cache everywhere',
      });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.current).toBe(13);
    expect(checkIn.body.progress.status).toBe('on-track');

    await request(app)
      .post('/teams/default/ci-build/commitments')
      .set('Authorization', as(member))
      .send({
        quarter: '2026-Q4',
        kind: 'deprioritized',
        title: 'Self-hosted macOS runners',
        reason: 'Two teams asked; both have a workaround',
      })
      .expect(201);

    const response = await request(app)
      .get('/teams/default/ci-build/roadmap?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    expect(response.status).toBe(200);
    const roadmap: TeamRoadmap = response.body;
    expect(roadmap.quarter).toBe('2026-Q4');
    expect(roadmap.quarters).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
    expect(roadmap.themes).toHaveLength(1);
    expect(roadmap.themes[0].objectives[0].keyResults[0]).toMatchObject({
      current: 13,
      checkIns: [{ value: 18 }, { value: 13, note: 'Remote cache everywhere' }],
    });
    expect(roadmap.commitments).toEqual([
      expect.objectContaining({
        kind: 'deprioritized',
        reason: 'Two teams asked; both have a workaround',
      }),
    ]);
    expect(roadmap.themesInYear).toEqual({
      year: '2026',
      count: 1,
      overLimit: false,
    });
    expect(events).toEqual([
      'theme-create:success',
      'objective-create:success',
      'key-result-create:success',
      'key-result-check-in:success',
      'commitment-create:success',
    ]);
  });

  it('flags more than five themes in a year', async () => {
    const { app } = await createApp();
    for (let i = 1; i <= 6; i++) {
      await createTheme(app, {
        ...theme,
        title: `Theme number ${i}`,
        period: i % 2 ? '2026' : '2026-Q3',
      }).expect(201);
    }
    const { body } = await request(app)
      .get('/teams/default/ci-build/roadmap?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    // The Q3 themes are not shown for Q4, but they count for the year.
    expect(body.themes).toHaveLength(3);
    expect(body.themesInYear).toEqual({
      year: '2026',
      count: 6,
      overLimit: true,
    });
  });

  it('refuses callers without credentials', async () => {
    const { app } = await createApp();
    const statuses = [
      (await request(app).get('/teams/default/ci-build/roadmap')).status,
      (await request(app).post('/teams/default/ci-build/themes').send(theme))
        .status,
      (
        await request(app).get(
          '/entities/incoming?entityRef=component:default/checkout-web',
        )
      ).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
  });

  it('lets only members of the team change its roadmap', async () => {
    const { app, events } = await createApp();
    const { theme: created, kr } = await createOkr(app);
    const attempts = [
      request(app).post('/teams/default/ci-build/themes').send(theme),
      request(app)
        .put(`/themes/${created.id}`)
        .send({ ...theme, version: 1 }),
      request(app).delete(`/themes/${created.id}?version=1`),
      request(app)
        .post(`/key-results/${kr.id}/check-ins`)
        .send({ version: kr.version, value: 1 }),
      request(app).post('/teams/default/ci-build/commitments').send({
        quarter: '2026-Q4',
        kind: 'committed',
        title: 'Anything at all',
      }),
    ];
    for (const attempt of attempts) {
      const response = await attempt.set('Authorization', as(consumer));
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(
        /Only members of group:default\/ci-build/,
      );
    }
    // Nothing was written or audited as a change.
    expect(events.filter(e => !e.endsWith(':success'))).toEqual([]);
    const { body } = await request(app)
      .get('/teams/default/ci-build/roadmap?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    expect(body.themes).toHaveLength(1);
    expect(body.themes[0].objectives[0].keyResults[0].current).toBe(18);
  });

  it.each([
    [{ period: 'Q4' }, /^period: must be a year \(2026\) or a quarter/],
    [{ category: 'vibes' }, /^category: /],
    [{ outcome: '' }, /^outcome: must name the outcome/],
    [{ status: 'deprioritized' }, /^statusReason: is required/],
    [
      { entityRefs: ['component:default/checkout-web'] },
      /^entityRefs: component:default\/checkout-web is not owned by group:default\/ci-build/,
    ],
    [{ entityRefs: ['not a ref'] }, /^entityRefs.0: must be an entity ref/],
  ])('answers 400 naming the field for theme %p', async (change, message) => {
    const { app } = await createApp();
    const response = await createTheme(app, { ...theme, ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it.each([
    [{ target: 20 }, /^target: must be below the baseline/],
    [{ dueDate: '2026-09-01' }, /^dueDate: must be after the start date/],
    [{ baseline: 'eighteen' }, /^baseline: must be a number/],
    [
      {
        measure: {
          type: 'consuming-teams',
          entityRef: 'component:default/order-service',
        },
      },
      /^measure.entityRef: component:default\/order-service is not owned by/,
    ],
  ])(
    'answers 400 naming the field for key result %p',
    async (change, message) => {
      const { app } = await createApp();
      const { objective } = await createOkr(app);
      const response = await request(app)
        .post(`/objectives/${objective.id}/key-results`)
        .set('Authorization', as(member))
        .send({ ...keyResult, ...change });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    },
  );

  it('answers 400 for a deprioritized commitment without a reason', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .post('/teams/default/ci-build/commitments')
      .set('Authorization', as(member))
      .send({
        quarter: '2026-Q4',
        kind: 'deprioritized',
        title: 'macOS runners',
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^reason: is required/);
  });

  it('answers 409 to a stale edit and 404 to unknown ids and teams', async () => {
    const { app } = await createApp();
    const { theme: created, kr } = await createOkr(app);
    await request(app)
      .put(`/themes/${created.id}`)
      .set('Authorization', as(member))
      .send({ ...theme, status: 'in-progress', version: 1 })
      .expect(200);
    const stale = await request(app)
      .put(`/themes/${created.id}`)
      .set('Authorization', as(member))
      .send({ ...theme, status: 'done', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since you loaded it/);

    await request(app)
      .post(`/key-results/${kr.id}/check-ins`)
      .set('Authorization', as(member))
      .send({ version: kr.version, value: 15 })
      .expect(201);
    await request(app)
      .post(`/key-results/${kr.id}/check-ins`)
      .set('Authorization', as(member))
      .send({ version: kr.version, value: 14 })
      .expect(409);

    await request(app)
      .put('/themes/nope')
      .set('Authorization', as(member))
      .send({ ...theme, version: 1 })
      .expect(404);
    await request(app)
      .get('/teams/default/checkout/roadmap')
      .set('Authorization', as(member))
      .expect(404);
  });

  it('shows a planned request under its theme with the teams it impacts', async () => {
    const { app } = await createApp();
    const { theme: created } = await createOkr(app);
    const { body: filed } = await request(app)
      .post('/requests')
      .set('Authorization', as(consumer))
      .send({
        title: 'Remote cache misses on every CI run',
        kind: 'slowdown',
        impactType: 'velocity-tax',
        severity: 'high',
        cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
        requestingEntityRef: 'component:default/checkout-web',
        platformTeamRef: 'group:default/ci-build',
        aboutEntityRefs: ['component:default/build-cache'],
      })
      .expect(201);
    const { body: triaged } = await request(app)
      .post(`/requests/${filed.id}/status`)
      .set('Authorization', as(member))
      .send({ version: filed.version, status: 'triaged' })
      .expect(200);
    const planned = await request(app)
      .post(`/requests/${filed.id}/status`)
      .set('Authorization', as(member))
      .send({
        version: triaged.version,
        status: 'planned',
        themeId: created.id,
        quarter: '2026-Q4',
      });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({
      status: 'planned',
      themeId: created.id,
      plannedQuarter: '2026-Q4',
    });

    const { body } = await request(app)
      .get('/teams/default/ci-build/roadmap?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    const view = body.themes[0];
    expect(view.requests.map((r: any) => r.request.id)).toEqual([filed.id]);
    // checkout (requested) plus orders and the hidden team (depend on the cache)
    expect(
      view.teamsImpacted.teams.map((t: any) => t.team.entityRef).sort(),
    ).toEqual([
      'group:default/checkout',
      'group:default/orders',
      'group:default/secret-team',
    ]);

    // Another team's theme cannot be named.
    const { body: unlinked } = await request(app)
      .put(`/requests/${filed.id}/theme`)
      .set('Authorization', as(member))
      .send({ version: planned.body.version, themeId: null })
      .expect(200);
    expect(unlinked.themeId).toBeUndefined();
    const wrong = await request(app)
      .put(`/requests/${filed.id}/theme`)
      .set('Authorization', as(member))
      .send({ version: unlinked.version, themeId: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^themeId: no theme nope/);
  });

  it('shows a platform entity the themes that concern it, and a consumer what is coming', async () => {
    const { app, calls } = await createApp();
    await createOkr(app);
    await createTheme(app, {
      ...theme,
      title: 'Build API v2',
      outcome: 'One API for every build tool',
      entityRefs: ['api:default/build-api'],
      status: 'proposed',
    }).expect(201);

    const { body: cache } = await request(app)
      .get('/entities/roadmap?entityRef=component:default/build-cache')
      .set('Authorization', as(consumer))
      .expect(200);
    expect(cache.teamRef).toBe('group:default/ci-build');
    expect(cache.themes.map((v: any) => v.theme.title)).toEqual([
      'Fast, boring CI',
    ]);

    const { body: notPlatform } = await request(app)
      .get('/entities/roadmap?entityRef=component:default/checkout-web')
      .set('Authorization', as(consumer))
      .expect(200);
    expect(notPlatform).toEqual({
      entityRef: 'component:default/checkout-web',
      themes: [],
    });

    const before = calls.total;
    const { body: incoming } = await request(app)
      .get('/entities/incoming?entityRef=component:default/checkout-web')
      .set('Authorization', as(consumer))
      .expect(200);
    expect(calls.total - before).toBe(3);
    expect(incoming.teams).toHaveLength(1);
    expect(incoming.teams[0]).toMatchObject({
      teamRef: 'group:default/ci-build',
      title: 'CI & Build',
    });
    // Only committed / in-progress themes; the proposed one is not promised.
    expect(
      incoming.teams[0].themes.map((t: any) => [t.theme.title, t.via]),
    ).toEqual([['Fast, boring CI', ['component:default/build-cache']]]);
    expect(incoming.teams[0].themes[0].keyResults[0].title).toBe(
      keyResult.title,
    );

    await request(app)
      .get('/entities/incoming?entityRef=not-a-ref')
      .set('Authorization', as(consumer))
      .expect(400);
    await request(app)
      .get('/entities/incoming?entityRef=component:default/nope')
      .set('Authorization', as(consumer))
      .expect(404);
  });
});
