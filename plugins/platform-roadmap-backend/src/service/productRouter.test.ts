import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { ProductStore } from '../database/ProductStore';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { CustomerReviewService } from '../product/CustomerReviewService';
import { RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { createProductRouter } from './productRouter';

jest.setTimeout(60_000);

const member = 'user:default/ci-member';
const consumer = 'user:default/checkout-dev';
const now = () => new Date('2026-11-23T12:00:00Z');
const as = (userRef: string) => mockCredentials.user.header(userRef);

const budget = {
  version: 0,
  onCall: 20,
  maintenance: 25,
  documentation: 0,
  onboarding: 10,
  roadmap: 45,
};

describe('product router', () => {
  const databases = createTestDatabases();

  async function createApp() {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const requestStore = await RequestStore.create({ database });
    const roadmapStore = await RoadmapStore.create({ database, now });
    const releaseStore = await ReleaseStore.create({
      database,
      requests: requestStore,
    });
    const store = await ProductStore.create({ database });
    const { catalog } = fakeCatalog(exampleCatalog());
    const teams = new PlatformTeamsService(catalog);
    const requests = new RequestsService({
      catalog,
      store: requestStore,
      teamsImpacted: new TeamsImpactedService(catalog, { dependencyDepth: 1 }),
      weights: DEFAULT_SCORE_WEIGHTS,
    });
    const roadmap = new RoadmapService({
      catalog,
      store: roadmapStore,
      requests,
      now,
    });
    const permissions = mockServices.permissions.mock({
      authorize: async (reqs, { credentials }) =>
        reqs.map(() => ({
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
    const app = express()
      .use(express.json())
      .use(
        createProductRouter({
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions,
          auditor,
          catalog,
          store,
          teams,
          roadmap,
          reviews: new CustomerReviewService({
            catalog,
            teams,
            roadmap,
            roadmapStore,
            requestStore,
            requests,
            releaseStore,
            deprecations: new DeprecationService({
              catalog,
              store: releaseStore,
            }),
            productStore: store,
            now,
          }),
          now,
        }),
      )
      .use(mockErrorHandler());
    return { app, events };
  }

  it('authenticates every route and lets only team members change anything', async () => {
    const { app, events } = await createApp();
    for (const path of [
      '/overview',
      '/teams/default/ci-build/review',
      '/teams/default/ci-build/review.md',
      '/teams/default/ci-build/capacity/2026-Q4',
      '/teams/default/ci-build/stakeholders',
      '/teams/default/checkout/impact',
    ]) {
      const res = await request(app).get(path);
      expect([path, res.status]).toEqual([path, 401]);
    }
    const denied = await Promise.all([
      request(app)
        .put('/teams/default/ci-build/capacity/2026-Q4')
        .set('Authorization', as(consumer))
        .send(budget),
      request(app)
        .post('/teams/default/ci-build/stakeholders')
        .set('Authorization', as(consumer))
        .send({ kind: 'finance', name: 'FinOps' }),
      request(app)
        .post('/teams/default/ci-build/review-asks')
        .set('Authorization', as(consumer))
        .send({
          quarter: '2026-Q4',
          kind: 'beta',
          text: 'Try the new runners',
        }),
    ]);
    expect(denied.map(r => r.status)).toEqual([403, 403, 403]);
    expect(events).toEqual([]);
  });

  it('keeps a capacity budget that adds up to 100 %, flags a discipline at 0 % and 409s stale edits', async () => {
    const { app, events } = await createApp();
    const put = (body: object) =>
      request(app)
        .put('/teams/default/ci-build/capacity/2026-Q4')
        .set('Authorization', as(member))
        .send(body);
    const short = await put({ ...budget, roadmap: 40 });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe(
      'roadmap: the shares must add up to 100 %, they add up to 95 %',
    );
    const negative = await put({ ...budget, onCall: -5, roadmap: 70 });
    expect(negative.body.error.message).toBe('onCall: must be 0 or more');
    const badQuarter = await request(app)
      .put('/teams/default/ci-build/capacity/2026-Q5')
      .set('Authorization', as(member))
      .send(budget);
    expect(badQuarter.body.error.message).toBe(
      'quarter: must be a quarter such as 2026-Q4',
    );

    const created = await put(budget);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      version: 1,
      zeroDisciplines: ['documentation'],
    });
    expect((await put(budget)).status).toBe(409);
    const read = await request(app)
      .get('/teams/default/ci-build/capacity/2026-Q4')
      .set('Authorization', as(consumer));
    expect(read.body.shares).toEqual({
      onCall: 20,
      maintenance: 25,
      documentation: 0,
      onboarding: 10,
      roadmap: 45,
    });
    expect(events).toEqual(['capacity-update:success', 'capacity-update:fail']);
  });

  it('lists computed consuming teams with the stakeholders the team wrote', async () => {
    const { app } = await createApp();
    const bad = await request(app)
      .post('/teams/default/ci-build/stakeholders')
      .set('Authorization', as(member))
      .send({ kind: 'funding', name: 'VP' });
    expect(bad.body.error.message).toMatch(/^kind:/);
    const missing = await request(app)
      .post('/teams/default/ci-build/stakeholders')
      .set('Authorization', as(member))
      .send({
        kind: 'leadership',
        name: 'VP Eng',
        entityRef: 'group:default/nope',
      });
    expect(missing.body.error.message).toBe(
      'entityRef: no entity group:default/nope in the catalog',
    );
    const created = await request(app)
      .post('/teams/default/ci-build/stakeholders')
      .set('Authorization', as(member))
      .send({
        kind: 'leadership',
        name: 'Orders leadership',
        entityRef: 'group:default/orders',
        contact: 'orders-leads@acme.example',
      });
    expect(created.status).toBe(201);

    const list = await request(app)
      .get('/teams/default/ci-build/stakeholders')
      .set('Authorization', as(consumer));
    expect(list.body.explicit).toEqual([
      expect.objectContaining({ name: 'Orders leadership', version: 1 }),
    ]);
    expect(
      list.body.consumingTeams.map(
        (t: { team: { name: string }; entityCount: number }) =>
          `${t.team.name}:${t.entityCount}`,
      ),
    ).toEqual(['checkout:1', 'orders:1', 'secret-team:1']);

    const stale = await request(app)
      .put(`/stakeholders/${created.body.id}`)
      .set('Authorization', as(member))
      .send({ kind: 'leadership', name: 'Orders EMs', version: 2 });
    expect(stale.status).toBe(409);
    const deleted = await request(app)
      .delete(`/stakeholders/${created.body.id}?version=1`)
      .set('Authorization', as(member));
    expect(deleted.status).toBe(204);
  });

  it('generates the review with the team’s asks, as JSON and as a Markdown download', async () => {
    const { app } = await createApp();
    const ask = await request(app)
      .post('/teams/default/ci-build/review-asks')
      .set('Authorization', as(member))
      .send({
        quarter: '2026-Q4',
        kind: 'beta',
        text: 'Two teams to try [the new runners](javascript:alert(1)) <b>now</b>',
      });
    expect(ask.status).toBe(201);
    const short = await request(app)
      .post('/teams/default/ci-build/review-asks')
      .set('Authorization', as(member))
      .send({ quarter: '2026-Q4', kind: 'beta', text: 'Hi' });
    expect(short.body.error.message).toBe(
      'text: must be at least 5 characters',
    );

    const review = await request(app)
      .get('/teams/default/ci-build/review?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      quarter: '2026-Q4',
      team: { name: 'ci-build', title: 'CI & Build' },
      asks: [expect.objectContaining({ kind: 'beta' })],
    });
    expect(
      review.body.consumers.map((c: { team: { name: string } }) => c.team.name),
    ).toEqual(expect.arrayContaining(['checkout', 'orders']));

    const md = await request(app)
      .get('/teams/default/ci-build/review.md?quarter=2026-Q4')
      .set('Authorization', as(consumer));
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe(
      'attachment; filename="ci-build-customer-review-2026-q4.md"',
    );
    expect(md.text).toContain('# CI & Build: customer review, Q4 2026');
    // What the team typed stays text: no live link, no HTML.
    expect(md.text).toContain(
      '- **Beta participation:** Two teams to try \\[the new runners\\](javascript:alert(1)) \\<b\\>now\\</b\\>',
    );

    const notAPlatform = await request(app)
      .get('/teams/default/checkout/review')
      .set('Authorization', as(consumer));
    expect(notAPlatform.status).toBe(404);
    const badQuarter = await request(app)
      .get('/teams/default/ci-build/review?quarter=Q4')
      .set('Authorization', as(consumer));
    expect(badQuarter.body.error.message).toBe(
      'quarter: must be a quarter such as 2026-Q4',
    );
  });

  it('answers the overview and a consuming team’s impact (empty without shipped requests)', async () => {
    const { app } = await createApp();
    const overview = await request(app)
      .get('/overview?period=2026-Q4')
      .set('Authorization', as(consumer));
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      period: '2026-Q4',
      teams: [expect.objectContaining({ consumingTeamCount: 3 })],
      backlog: [],
      deprecations: [],
    });
    const impact = await request(app)
      .get('/teams/default/checkout/impact')
      .set('Authorization', as(consumer));
    expect(impact.body).toEqual({
      teamRef: 'group:default/checkout',
      period: '2026-Q3',
      items: [],
      hoursSaved: 0,
      personWeeksSaved: 0,
    });
    const bad = await request(app)
      .get('/overview?period=soon')
      .set('Authorization', as(consumer));
    expect(bad.body.error.message).toBe(
      'period: must be a year (2026) or a quarter (2026-Q4)',
    );
  });
});
