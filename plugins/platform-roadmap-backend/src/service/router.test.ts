import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from '../database/ConsumerSnapshotStore';
import { createRouter } from './router';

describe('router', () => {
  const databases = createTestDatabases();
  const now = new Date('2026-11-23T12:00:00Z');

  async function createApp(
    extra: Partial<Parameters<typeof createRouter>[0]> = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    const snapshots = await ConsumerSnapshotStore.create({
      database: { getClient: async () => knex },
    });
    const { catalog, calls } = fakeCatalog(exampleCatalog());
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      teams: new PlatformTeamsService(catalog),
      snapshots,
      now: () => now,
      ...extra,
    });
    const app = express().use(router).use(mockErrorHandler());
    return { app, snapshots, calls };
  }

  it.each(['/teams', '/teams/default/ci-build'])(
    'rejects unauthenticated requests to %s',
    async path => {
      const { app, calls } = await createApp();
      const response = await request(app).get(path);
      expect(response.status).toBe(401);
      expect(calls.total).toBe(0);
    },
  );

  it('refuses a body over the size limit before any handler runs, and malformed JSON with 400', async () => {
    const received: unknown[] = [];
    const echo = Router().post('/echo', async (req, res) => {
      received.push(req.body);
      res.status(204).end();
    });
    const { app } = await createApp({ extra: [echo] });
    const post = (body: string) =>
      request(app)
        .post('/echo')
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', 'application/json')
        .send(body);

    const big = await post(
      JSON.stringify({ description: 'x'.repeat(300_000) }),
    );
    expect(big.status).toBe(413);
    const malformed = await post('{"title": ');
    expect(malformed.status).toBe(400);
    expect(received).toEqual([]);

    const fits = await post(
      JSON.stringify({ description: 'x'.repeat(200_000) }),
    );
    expect(fits.status).toBe(204);
    expect(received).toHaveLength(1);
  });

  it('answers 429 with Retry-After past a caller’s limit, per caller', async () => {
    const { app } = await createApp({
      rateLimit: { requestsPerMinute: 5, writesPerMinute: 2 },
    });
    const get = (user: string) =>
      request(app)
        .get('/teams')
        .set('Authorization', mockCredentials.user.header(user));
    for (let i = 0; i < 5; i++) {
      expect((await get('user:default/alice')).status).toBe(200);
    }
    const limited = await get('user:default/alice');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/More than 5 requests a minute/);
    // someone else is not held back by alice
    expect((await get('user:default/bob')).status).toBe(200);

    // writes have their own, lower limit (the route need not exist)
    const write = () =>
      request(app)
        .post('/nowhere')
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/carol'),
        );
    expect((await write()).status).toBe(404);
    expect((await write()).status).toBe(404);
    expect((await write()).status).toBe(429);
  });

  it('refuses U+0000 in a path or a query value, which PostgreSQL cannot take', async () => {
    const { app } = await createApp();
    const get = (path: string) =>
      request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header());
    const inPath = await get('/teams/default/ci%00build');
    expect(inPath.status).toBe(400);
    expect(inPath.body.error.message).toBe(
      'path: must not contain the character U+0000',
    );
    const inQuery = await get('/teams?entityRef=component:default/x%00');
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error.message).toMatch(/^entityRef: /);
    expect((await get('/teams')).status).toBe(200);
  });

  it('lists platform teams for a signed-in user', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/teams')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0].team.entityRef).toBe(
      'group:default/ci-build',
    );
    expect(response.body.items[0].consumingTeams).toHaveLength(3);
    // no snapshot yet
    expect(response.body.items[0].consumerHistory).toBeUndefined();
  });

  it('serves service callers too', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/teams/default/ci-build')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.body.team.title).toBe('CI & Build');
  });

  it('names the field of a malformed team name', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/teams/default/not%20a%20name')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^name: /);
  });

  it('answers 404 for a group that is not a platform team', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/teams/default/checkout')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(404);
  });

  it('names the teams that started consuming since about 30 days ago', async () => {
    const { app, snapshots } = await createApp();
    await snapshots.record([
      {
        teamRef: 'group:default/ci-build',
        takenOn: '2026-10-20',
        consumingTeamRefs: ['group:default/checkout'],
        consumerEntityCount: 1,
      },
      {
        // newer than the 30-day window: not the baseline
        teamRef: 'group:default/ci-build',
        takenOn: '2026-11-20',
        consumingTeamRefs: ['group:default/checkout', 'group:default/orders'],
        consumerEntityCount: 2,
      },
    ]);
    const response = await request(app)
      .get('/teams/default/ci-build')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.consumerHistory.since).toBe('2026-10-20');
    expect(
      response.body.consumerHistory.newConsumingTeams.map(
        (t: { entityRef: string }) => t.entityRef,
      ),
    ).toEqual(['group:default/orders', 'group:default/secret-team']);
  });
});
