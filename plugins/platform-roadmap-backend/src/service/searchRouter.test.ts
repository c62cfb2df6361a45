import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { Theme } from '@platform-roadmap/plugin-platform-roadmap-common';
import { SearchDocuments } from '../search/SearchDocuments';
import { createSearchRouter } from './searchRouter';

const theme = (id: string): Theme => ({
  id,
  version: 1,
  teamRef: 'group:default/ci-build',
  period: '2026',
  category: 'velocity',
  title: `Theme ${id}`,
  outcome: 'p99 CI build under 8 minutes',
  description: '',
  status: 'committed',
  entityRefs: [],
  createdBy: 'user:default/alice',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('search router', () => {
  function createApp() {
    const themes = ['a', 'b', 'c'].map(theme);
    const documents = new SearchDocuments(
      {
        themes: async (after, limit) =>
          themes.filter(t => !after || t.id > after).slice(0, limit),
        requests: async () => [],
        deprecations: async () => [],
        releaseNotes: async () => [],
      },
      () => new Date('2026-11-23T12:00:00Z'),
    );
    const app = express();
    app.use(
      createSearchRouter({
        httpAuth: mockServices.httpAuth({
          pluginId: 'platform-roadmap',
          defaultCredentials: mockCredentials.none(),
        }),
        documents,
      }),
    );
    app.use(mockErrorHandler());
    return app;
  }

  /** The search plugin's own service token, as the collator sends it. */
  const service = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:search'),
    targetPluginId: 'platform-roadmap',
  });

  it('gives the search backend its documents, page by page', async () => {
    const app = createApp();
    const first = await request(app)
      .get('/search/documents?limit=2')
      .set('Authorization', service);
    expect(first.status).toBe(200);
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([
      'a',
      'b',
    ]);
    expect(first.body.items[0]).toMatchObject({
      kind: 'theme',
      location:
        '/catalog/default/group/ci-build/roadmap?quarter=2026-Q4&theme=a',
      authorization: { resourceRef: 'group:default/ci-build' },
    });
    expect(first.body.nextCursor).toBe('theme:b');

    const second = await request(app)
      .get('/search/documents')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', service);
    expect(second.status).toBe(200);
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual(['c']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('answers people and other services with 403, and no credentials with 401', async () => {
    const app = createApp();
    // A CI job's static token is a service of this plugin too.
    const ci = await request(app)
      .get('/search/documents')
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:ci-metrics'),
          targetPluginId: 'platform-roadmap',
        }),
      );
    expect(ci.status).toBe(403);
    expect(ci.body.items).toBeUndefined();

    const asUser = await request(app)
      .get('/search/documents')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));
    expect(asUser.status).toBe(403);
    expect(asUser.body.items).toBeUndefined();

    const anonymous = await request(app).get('/search/documents');
    expect(anonymous.status).toBe(401);
  });

  it('names the field of a bad query', async () => {
    const app = createApp();
    const limit = await request(app)
      .get('/search/documents?limit=5000')
      .set('Authorization', service);
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toMatch(/limit/);

    const cursor = await request(app)
      .get('/search/documents?cursor=widget:1')
      .set('Authorization', service);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toMatch(/cursor/);
  });
});
