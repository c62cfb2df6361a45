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
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { RequestStore } from '../database/RequestStore';
import { RequestsService } from '../requests/RequestsService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Notifier } from '../notifications/Notifier';
import { createRequestsRouter } from './requestsRouter';

const member = 'user:default/ci-member';
const consumer = 'user:default/checkout-dev';

const newRequest = {
  title: 'Remote cache misses on every CI run',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
  requestingEntityRef: 'component:default/checkout-web',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: ['component:default/build-cache'],
};

describe('requests router', () => {
  const databases = createTestDatabases();

  async function createApp() {
    const knex = await databases.init('SQLITE_3');
    const store = await RequestStore.create({
      database: { getClient: async () => knex },
    });
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
    const sent: NotificationSendOptions[] = [];
    const notifier = new Notifier({
      notifications: {
        send: async options => {
          sent.push(options);
        },
      },
      logger: mockServices.logger.mock(),
    });
    const router = createRequestsRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions,
      auditor,
      store,
      requests: new RequestsService({
        catalog,
        store,
        teamsImpacted: new TeamsImpactedService(catalog, {
          dependencyDepth: 1,
        }),
        weights: DEFAULT_SCORE_WEIGHTS,
      }),
      notifier,
      now: () => new Date('2026-11-23T12:00:00Z'),
    });
    const app = express()
      .use(express.json())
      .use(router)
      .use(mockErrorHandler());
    return { app, events, calls, permissions, sent, store };
  }

  const as = (userRef: string) => mockCredentials.user.header(userRef);

  async function file(app: express.Express, body: object = newRequest) {
    return request(app)
      .post('/requests')
      .set('Authorization', as(consumer))
      .send(body);
  }

  it('notifies the platform team of a new request, and once when 3+ teams ask for it', async () => {
    const { app, sent } = await createApp();
    const { body: filed } = await file(app);
    expect(sent.map(n => [n.recipients, n.payload.link])).toEqual([
      [
        {
          type: 'entity',
          entityRef: 'group:default/ci-build',
          excludeEntityRef: consumer,
        },
        '/catalog/default/group/ci-build/roadmap',
      ],
    ]);
    const endorse = (entityRef: string) =>
      request(app)
        .post(`/requests/${filed.id}/endorsements`)
        .set('Authorization', as(consumer))
        .send({
          entityRef,
          cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 2 },
        });
    expect((await endorse('component:default/order-service')).status).toBe(201);
    expect(sent).toHaveLength(1); // two teams: not yet
    await endorse('component:default/hidden-service');
    await endorse('component:default/ci-runners');
    const signals = sent.filter(n =>
      n.payload.title.startsWith('Strong signal'),
    );
    expect(signals).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/ci-build' },
        payload: expect.objectContaining({
          title: `Strong signal: 3 teams ask for "${newRequest.title}"`,
          severity: 'high',
        }),
      },
    ]);
  });

  it('files a request for any signed-in user, resolving the owning team', async () => {
    const { app, events } = await createApp();
    const response = await file(app);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'open',
      version: 1,
      requestingTeamRef: 'group:default/checkout',
      createdBy: consumer,
    });
    expect(events).toEqual(['request-file:success']);
  });

  it('files once per idempotency key: retries, also concurrent ones, get the first filing', async () => {
    const { app, sent, store } = await createApp();
    const fileWithKey = (key: string, body: object = newRequest) =>
      request(app)
        .post('/requests')
        .set('Authorization', as(consumer))
        .set('Idempotency-Key', key)
        .send(body);

    const first = await fileWithKey('7d1c0a52-retry');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await fileWithKey('7d1c0a52-retry');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(sent).toHaveLength(1); // the platform team is told once

    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () => fileWithKey('double-click')),
    );
    expect(concurrent.map(r => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(concurrent.map(r => r.body.id)).size).toBe(1);
    expect(
      await store.listRequests({ platformTeamRef: 'group:default/ci-build' }),
    ).toHaveLength(2);

    // the same key for another filing, and a malformed key
    const reused = await fileWithKey('double-click', {
      ...newRequest,
      title: 'Something else entirely',
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toMatch(/^Idempotency-Key: /);
    const malformed = await fileWithKey('not a key');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^Idempotency-Key: /);
    expect(
      await store.listRequests({ platformTeamRef: 'group:default/ci-build' }),
    ).toHaveLength(2);
  });

  it('keeps every endorsement made at once, and answers 409 to all but one of racing triage edits', async () => {
    const { app, store } = await createApp();
    const { body: filed } = await file(app);
    const endorsers = [
      'component:default/order-service',
      'component:default/hidden-service',
      'component:default/ci-runners',
      'component:default/build-cache',
    ];
    const endorsed = await Promise.all(
      endorsers.map(entityRef =>
        request(app)
          .post(`/requests/${filed.id}/endorsements`)
          .set('Authorization', as(consumer))
          .send({
            entityRef,
            cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 2 },
          }),
      ),
    );
    expect(endorsed.map(r => r.status)).toEqual([201, 201, 201, 201]);
    const [toRank] = await store.listToRank({
      platformTeamRef: 'group:default/ci-build',
    });
    expect([...toRank.endorsingEntityRefs].sort()).toEqual(
      [...endorsers].sort(),
    );

    const triage = (costToShip: number) =>
      request(app)
        .put(`/requests/${filed.id}/triage`)
        .set('Authorization', as(member))
        .send({ version: 1, costToShip, strategicFit: 3, reversibility: 3 });
    const edits = await Promise.all([1, 2, 3, 4, 5].map(triage));
    const statuses = edits.map(r => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = edits.find(r => r.status === 200)!;
    const stored = await store.getRequest(filed.id);
    expect(stored.version).toBe(2);
    expect(stored.triage?.costToShip).toBe(winner.body.triage.costToShip);
  });

  it('refuses unauthenticated callers', async () => {
    const { app } = await createApp();
    expect((await request(app).post('/requests').send(newRequest)).status).toBe(
      401,
    );
    expect(
      (await request(app).get('/teams/default/ci-build/backlog')).status,
    ).toBe(401);
  });

  it.each([
    [{ title: 'abc' }, /^title: /],
    [
      { requestingEntityRef: 'component:default/nope' },
      /^requestingEntityRef: no entity component:default\/nope/,
    ],
    [
      { platformTeamRef: 'group:default/checkout' },
      /^platformTeamRef: group:default\/checkout is not a platform team/,
    ],
    [
      { aboutEntityRefs: ['component:default/order-service'] },
      /^aboutEntityRefs: component:default\/order-service is not owned by/,
    ],
  ])('answers 400 naming the field for %p', async (change, message) => {
    const { app, events } = await createApp();
    const response = await file(app, { ...newRequest, ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(events.every(e => e.endsWith(':fail'))).toBe(true);
  });

  it('lets only platform team members triage, and answers 409 to a stale edit', async () => {
    const { app, events } = await createApp();
    const { body: filed } = await file(app);
    const triage = {
      version: 1,
      costToShip: 2,
      strategicFit: 4,
      reversibility: 3,
    };

    const denied = await request(app)
      .put(`/requests/${filed.id}/triage`)
      .set('Authorization', as(consumer))
      .send(triage);
    expect(denied.status).toBe(403);

    const ok = await request(app)
      .put(`/requests/${filed.id}/triage`)
      .set('Authorization', as(member))
      .send(triage);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'triaged', version: 2 });

    const stale = await request(app)
      .put(`/requests/${filed.id}/triage`)
      .set('Authorization', as(member))
      .send({ ...triage, costToShip: 5 });
    expect(stale.status).toBe(409);
    expect(events).toEqual([
      'request-file:success',
      'request-triage:success',
      'request-triage:fail',
    ]);

    const missing = await request(app)
      .put('/requests/nope/triage')
      .set('Authorization', as(member))
      .send(triage);
    expect(missing.status).toBe(404);
  });

  it('needs a reason to decline', async () => {
    const { app } = await createApp();
    const { body: filed } = await file(app);
    const response = await request(app)
      .post(`/requests/${filed.id}/status`)
      .set('Authorization', as(member))
      .send({ version: 1, status: 'declined' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'reason: is required when the status is declined',
    );
  });

  it('ranks the backlog with teams impacted and score, paged by cursor', async () => {
    const { app } = await createApp();
    const { body: first } = await file(app);
    await file(app, {
      ...newRequest,
      title: 'Let us pin the build API version',
      severity: 'low',
      aboutEntityRefs: [],
    });
    const { body: endorsed } = await request(app)
      .post(`/requests/${first.id}/endorsements`)
      .set('Authorization', as(consumer))
      .send({
        entityRef: 'component:default/order-service',
        cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 5 },
      });
    expect(endorsed.endorsements).toHaveLength(1);

    const page1 = await request(app)
      .get('/teams/default/ci-build/backlog?limit=1')
      .set('Authorization', as(consumer));
    expect(page1.status).toBe(200);
    expect(page1.body.totalItems).toBe(2);
    const [top] = page1.body.items;
    expect(top.rank).toBe(1);
    expect(top.request.id).toBe(first.id);
    // checkout (requested), orders (endorsed, depends), secret-team (depends)
    expect(
      top.teamsImpacted.teams.map(
        (t: { team: { name: string } }) => t.team.name,
      ),
    ).toEqual(['checkout', 'orders', 'secret-team']);
    expect(top.score.parts[0]).toMatchObject({
      factor: 'teamsImpacted',
      value: 3,
    });

    const page2 = await request(app)
      .get(
        `/teams/default/ci-build/backlog?limit=1&cursor=${page1.body.nextCursor}`,
      )
      .set('Authorization', as(consumer));
    expect(page2.body.items[0].rank).toBe(2);
    expect(page2.body.nextCursor).toBeUndefined();

    const filtered = await request(app)
      .get('/teams/default/ci-build/backlog?status=triaged,planned')
      .set('Authorization', as(consumer));
    expect(filtered.body.totalItems).toBe(0);

    const bad = await request(app)
      .get('/teams/default/ci-build/backlog?kind=wish')
      .set('Authorization', as(consumer));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^kind\.0: /);
  });

  it('lists what an entity filed or endorsed, with a bounded number of catalog calls', async () => {
    const { app, calls } = await createApp();
    for (let i = 0; i < 25; i++) {
      await file(app, { ...newRequest, title: `Request number ${i}` });
    }
    calls.total = 0;
    const response = await request(app)
      .get('/requests?entityRef=component:default/checkout-web')
      .set('Authorization', as(consumer));
    expect(response.status).toBe(200);
    // the 20 highest-ranked, and how many there are
    expect(response.body.items).toHaveLength(20);
    expect(response.body.totalItems).toBe(25);
    expect(response.body.items[19].rank).toBe(20);
    // entities, one level of dependents, owners, (no org units in the fixture)
    expect(calls.total).toBeLessThanOrEqual(4);

    const more = await request(app)
      .get('/requests?entityRef=component:default/checkout-web&limit=100')
      .set('Authorization', as(consumer));
    expect(more.body.items).toHaveLength(25);
    const bad = await request(app)
      .get('/requests?entityRef=component:default/checkout-web&limit=101')
      .set('Authorization', as(consumer));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^limit: /);
  });
});
