import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { exampleCatalog } from './__testUtils__/catalog';
import { platformRoadmapPlugin } from './plugin';

describe('platformRoadmapPlugin', () => {
  it('starts, migrates its database, schedules its tasks and serves teams and roadmaps', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        platformRoadmapPlugin,
        catalogServiceMock.factory({ entities: exampleCatalog() }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        scheduler.factory,
      ],
    });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'platform-roadmap-consumer-snapshots',
        scope: 'global',
      }),
    );
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'platform-roadmap-key-result-measures',
        scope: 'global',
      }),
    );

    const unauthenticated = await request(server).get(
      '/api/platform-roadmap/teams',
    );
    expect(unauthenticated.status).toBe(401);

    const response = await request(server)
      .get('/api/platform-roadmap/teams')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((t: { team: { name: string } }) => t.team.name),
    ).toEqual(['ci-build']);

    const roadmap = await request(server)
      .get(
        '/api/platform-roadmap/teams/default/ci-build/roadmap?quarter=2026-Q4',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(roadmap.status).toBe(200);
    expect(roadmap.body).toMatchObject({
      quarter: '2026-Q4',
      themes: [],
      commitments: [],
    });
  });
});
