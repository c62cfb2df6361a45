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
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
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

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'platform-roadmap-deprecation-snapshots',
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

    const notes = await request(server)
      .get('/api/platform-roadmap/teams/default/ci-build/release-notes')
      .set('Authorization', mockCredentials.user.header());
    expect(notes.status).toBe(200);
    expect(notes.body).toMatchObject({ items: [], totalItems: 0 });
    const overview = await request(server)
      .get('/api/platform-roadmap/overview?period=2026')
      .set('Authorization', mockCredentials.user.header());
    expect(overview.status).toBe(200);
    expect(overview.body.teams).toHaveLength(1);
    const metrics = await request(server)
      .get('/api/platform-roadmap/teams/default/ci-build/metrics')
      .set('Authorization', mockCredentials.service.header());
    expect(metrics.body).toEqual({ items: [] });
    const review = await request(server)
      .get(
        '/api/platform-roadmap/teams/default/ci-build/review.md?quarter=2026-Q4',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(review.status).toBe(200);
    expect(review.text).toContain('# CI & Build: customer review, Q4 2026');

    // Feeds need a token unless publicFeeds is configured.
    const feed = await request(server).get(
      '/api/platform-roadmap/feeds/teams/default/ci-build.atom',
    );
    expect(feed.status).toBe(401);
  });

  it('opens the feeds, and only the feeds, to readers without a token when configured', async () => {
    const { server } = await startTestBackend({
      features: [
        platformRoadmapPlugin,
        catalogServiceMock.factory({ entities: exampleCatalog() }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            platformRoadmap: { releaseNotes: { publicFeeds: true } },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const feed = await request(server).get(
      '/api/platform-roadmap/feeds/teams/default/ci-build.atom',
    );
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(
      '<title type="text">Release notes: CI &amp; Build</title>',
    );
    const notes = await request(server).get(
      '/api/platform-roadmap/teams/default/ci-build/release-notes',
    );
    expect(notes.status).toBe(401);
  });
});
