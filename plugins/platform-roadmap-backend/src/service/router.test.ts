import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from '../database/ConsumerSnapshotStore';
import { createRouter } from './router';

describe('router', () => {
  const databases = createTestDatabases();
  const now = new Date('2026-11-23T12:00:00Z');

  async function createApp() {
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
