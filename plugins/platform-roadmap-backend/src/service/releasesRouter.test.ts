import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  buildCatalog,
  exampleCatalog,
  fakeCatalog,
} from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { ReleaseNotesService } from '../releaseNotes/ReleaseNotesService';
import { RequestsService } from '../requests/RequestsService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Notifier } from '../notifications/Notifier';
import { createReleasesRouter } from './releasesRouter';
import { createRequestsRouter } from './requestsRouter';

jest.setTimeout(60_000);

const member = 'user:default/ci-member';
const consumer = 'user:default/checkout-dev';
const now = () => new Date('2026-11-23T12:00:00Z');

const note = {
  entityRef: 'component:default/build-cache',
  releaseVersion: '2.4.0',
  publishedOn: '2026-11-20',
  type: 'feature',
  title: 'Remote cache hits for pull requests from forks',
  body: 'Forks now read the cache. <script>alert(1)</script> & more',
};

const deprecation = {
  entityRef: 'api:default/build-api',
  entityVersion: 'v1',
  announcedOn: '2026-11-23',
  sunsetOn: '2026-12-05',
  migrationGuideUrl: 'https://wiki.acme.example/build-api-v2',
  description: 'The v1 endpoints go away; v2 is a drop-in for most calls.',
};

/** The shared example catalog, plus a platform entity nobody uses. */
function catalogEntities() {
  return [
    ...exampleCatalog(),
    ...buildCatalog([
      {
        kind: 'Component',
        name: 'artifact-store',
        type: 'service',
        owner: 'group:default/ci-build',
      },
    ]),
  ];
}

describe('releases router', () => {
  const databases = createTestDatabases();

  async function createApp(options: { publicFeeds?: boolean } = {}) {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const requestStore = await RequestStore.create({ database });
    const store = await ReleaseStore.create({
      database,
      requests: requestStore,
    });
    const { catalog, calls } = fakeCatalog(catalogEntities(), {
      hiddenFrom: { user: consumer, refs: ['component:default/order-service'] },
    });
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
    const sent: NotificationSendOptions[] = [];
    const notifier = new Notifier({
      notifications: {
        send: async n => {
          sent.push(n);
        },
      },
      logger: mockServices.logger.mock(),
    });
    const app = express()
      .use(express.json())
      .use(
        createRequestsRouter({
          httpAuth,
          permissions,
          auditor,
          store: requestStore,
          requests: new RequestsService({
            catalog,
            store: requestStore,
            teamsImpacted: new TeamsImpactedService(catalog, {
              dependencyDepth: 1,
            }),
            weights: DEFAULT_SCORE_WEIGHTS,
          }),
          releaseNotes: store,
          now,
        }),
      )
      .use(
        createReleasesRouter({
          httpAuth,
          auth: mockServices.auth(),
          discovery: mockServices.discovery(),
          permissions,
          auditor,
          catalog,
          store,
          deprecations: new DeprecationService({ catalog, store }),
          releaseNotes: new ReleaseNotesService(catalog),
          appBaseUrl: 'http://backstage.acme.example',
          publicFeeds: options.publicFeeds,
          notifier,
          now,
        }),
      )
      .use(mockErrorHandler());
    return { app, events, calls, requestStore, store, sent };
  }

  const as = (userRef: string) => mockCredentials.user.header(userRef);

  async function plannedRequest(requestStore: RequestStore) {
    const at = { by: member, at: now() };
    const filed = await requestStore.createRequest(
      {
        title: 'Remote cache misses for forks',
        description: '',
        kind: 'slowdown',
        impactType: 'velocity-tax',
        severity: 'high',
        cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 10 },
        requestingEntityRef: 'component:default/checkout-web',
        requestingTeamRef: 'group:default/checkout',
        platformTeamRef: 'group:default/ci-build',
        aboutEntityRefs: ['component:default/build-cache'],
      },
      at,
    );
    const triaged = await requestStore.triage(
      filed.id,
      1,
      { costToShip: 1, strategicFit: 4, reversibility: 4 },
      at,
    );
    return requestStore.changeStatus(
      filed.id,
      { version: triaged.version, status: 'planned' },
      at,
    );
  }

  it('lets a member publish a note that ships a request; anyone reads it, newest first', async () => {
    const { app, events, requestStore } = await createApp();
    const planned = await plannedRequest(requestStore);
    const created = await request(app)
      .post('/teams/default/ci-build/release-notes')
      .set('Authorization', as(member))
      .send({ ...note, shipsRequestIds: [planned.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      teamRef: 'group:default/ci-build',
      entityRef: 'component:default/build-cache',
      requests: [{ id: planned.id }],
      createdBy: member,
    });
    expect(events).toEqual(['release-note-create:success']);

    const shipped = await request(app)
      .get(`/requests/${planned.id}`)
      .set('Authorization', as(consumer));
    expect(shipped.body.request).toMatchObject({
      status: 'shipped',
      releaseNoteId: created.body.id,
    });

    await request(app)
      .post('/teams/default/ci-build/release-notes')
      .set('Authorization', as(member))
      .send({
        ...note,
        entityRef: null,
        type: 'breaking',
        publishedOn: '2026-11-22',
        title: 'Runners move to the new image',
      });
    const list = await request(app)
      .get('/teams/default/ci-build/release-notes')
      .set('Authorization', as(consumer));
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual([
      'Runners move to the new image',
      note.title,
    ]);
    expect(list.body).toMatchObject({
      totalItems: 2,
      scope: { kind: 'team', teamRefs: ['group:default/ci-build'] },
    });

    const breaking = await request(app)
      .get('/teams/default/ci-build/release-notes?type=breaking&type=fix')
      .set('Authorization', as(consumer));
    expect(breaking.body.totalItems).toBe(1);
    const search = await request(app)
      .get('/teams/default/ci-build/release-notes?q=HITS%20for%20PULL')
      .set('Authorization', as(consumer));
    expect(search.body.items.map((n: { id: string }) => n.id)).toEqual([
      created.body.id,
    ]);
    const one = await request(app)
      .get(`/release-notes/${created.body.id}`)
      .set('Authorization', as(consumer));
    expect(one.body.title).toBe(note.title);
  });

  it('shows an entity its own notes and its team-wide ones, and a consumer those of the platforms it uses', async () => {
    const { app, calls } = await createApp();
    const post = (body: object) =>
      request(app)
        .post('/teams/default/ci-build/release-notes')
        .set('Authorization', as(member))
        .send({ ...note, ...body });
    await post({ title: 'Cache: forks hit the cache' });
    await post({ title: 'Team-wide: new office hours', entityRef: null });
    await post({
      title: 'Artifact store: longer retention',
      entityRef: 'component:default/artifact-store',
    });

    const titles = (res: request.Response) =>
      res.body.items.map((n: { title: string }) => n.title).sort();
    const cache = await request(app)
      .get('/entities/release-notes?entityRef=component:default/build-cache')
      .set('Authorization', as(consumer));
    expect(cache.body.scope).toEqual({
      kind: 'entity',
      teamRefs: ['group:default/ci-build'],
      entityRefs: ['component:default/build-cache'],
    });
    expect(titles(cache)).toEqual([
      'Cache: forks hit the cache',
      'Team-wide: new office hours',
    ]);

    calls.total = 0;
    const checkoutWeb = await request(app)
      .get(
        '/entities/release-notes?entityRef=component:default/checkout-web&type=feature',
      )
      .set('Authorization', as(consumer));
    expect(checkoutWeb.body.scope).toMatchObject({
      kind: 'consumer',
      teamRefs: ['group:default/ci-build'],
    });
    // checkout-web uses the cache, not the artifact store.
    expect(titles(checkoutWeb)).toEqual([
      'Cache: forks hit the cache',
      'Team-wide: new office hours',
    ]);
    expect(calls.total).toBeLessThanOrEqual(3);

    const missing = await request(app)
      .get('/entities/release-notes?entityRef=component:default/nope')
      .set('Authorization', as(consumer));
    expect(missing.status).toBe(404);
    const bad = await request(app)
      .get(
        '/entities/release-notes?entityRef=component:default/build-cache&type=news',
      )
      .set('Authorization', as(consumer));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^type:/);
  });

  it('authenticates every route and lets only team members change notes', async () => {
    const { app, events } = await createApp();
    for (const path of [
      '/teams/default/ci-build/release-notes',
      '/entities/release-notes?entityRef=component:default/build-cache',
      '/teams/default/ci-build/deprecations',
      '/entities/deprecations?entityRef=api:default/build-api',
      '/entities/deprecation-warnings?entityRef=component:default/checkout-web',
      '/feeds/teams/default/ci-build.atom',
    ]) {
      const res = await request(app).get(path);
      expect([path, res.status]).toEqual([path, 401]);
    }
    const denied = await request(app)
      .post('/teams/default/ci-build/release-notes')
      .set('Authorization', as(consumer))
      .send(note);
    expect(denied.status).toBe(403);
    const deniedDeprecation = await request(app)
      .post('/teams/default/ci-build/deprecations')
      .set('Authorization', as(consumer))
      .send(deprecation);
    expect(deniedDeprecation.status).toBe(403);
    expect(events).toEqual([]);
  });

  it('names the field of bad input, and 409s on stale edits', async () => {
    const { app, events } = await createApp();
    const post = (body: object) =>
      request(app)
        .post('/teams/default/ci-build/release-notes')
        .set('Authorization', as(member))
        .send({ ...note, ...body });
    const short = await post({ title: 'Hi' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe(
      'title: must be at least 5 characters',
    );
    const type = await post({ type: 'news' });
    expect(type.body.error.message).toMatch(/^type:/);
    const date = await post({ publishedOn: '23/11/2026' });
    expect(date.body.error.message).toBe(
      'publishedOn: must be a date (YYYY-MM-DD)',
    );
    const notOurs = await post({ entityRef: 'component:default/checkout-web' });
    expect(notOurs.body.error.message).toBe(
      'entityRef: component:default/checkout-web is not owned by group:default/ci-build',
    );
    const missing = await post({ entityRef: 'component:default/nope' });
    expect(missing.body.error.message).toBe(
      'entityRef: no entity component:default/nope in the catalog',
    );
    const open = await post({ shipsRequestIds: ['no-such-request'] });
    expect(open.status).toBe(400);
    expect(open.body.error.message).toBe(
      'shipsRequestIds: no request no-such-request to group:default/ci-build',
    );
    expect(events).toEqual(['release-note-create:fail']);

    const { body: created } = await post({});
    const edit = (version: number) =>
      request(app)
        .put(`/release-notes/${created.id}`)
        .set('Authorization', as(member))
        .send({ ...note, version, title: 'Forks hit the remote cache' });
    expect((await edit(1)).status).toBe(200);
    const stale = await edit(1);
    expect(stale.status).toBe(409);
    const deniedEdit = await request(app)
      .put(`/release-notes/${created.id}`)
      .set('Authorization', as(consumer))
      .send({ ...note, version: 2 });
    expect(deniedEdit.status).toBe(403);
    const staleDelete = await request(app)
      .delete(`/release-notes/${created.id}?version=1`)
      .set('Authorization', as(member));
    expect(staleDelete.status).toBe(409);
    const deleted = await request(app)
      .delete(`/release-notes/${created.id}?version=2`)
      .set('Authorization', as(member));
    expect(deleted.status).toBe(204);
    const gone = await request(app)
      .get(`/release-notes/${created.id}`)
      .set('Authorization', as(member));
    expect(gone.status).toBe(404);
  });

  it('links a shipped request to a note of its own team only', async () => {
    const { app, requestStore } = await createApp();
    const planned = await plannedRequest(requestStore);
    const { body: created } = await request(app)
      .post('/teams/default/ci-build/release-notes')
      .set('Authorization', as(member))
      .send(note);
    const ship = (body: object) =>
      request(app)
        .post(`/requests/${planned.id}/status`)
        .set('Authorization', as(member))
        .send({ version: planned.version, ...body });
    const wrongStatus = await ship({
      status: 'deprioritized',
      reason: 'later',
      revisitOn: '2027-01-01',
      releaseNoteId: created.id,
    });
    expect(wrongStatus.body.error.message).toBe(
      'releaseNoteId: only a shipped request has a release note',
    );
    const unknown = await ship({ status: 'shipped', releaseNoteId: 'nope' });
    expect(unknown.body.error.message).toBe(
      'releaseNoteId: no release note nope of group:default/ci-build',
    );
    const shipped = await ship({
      status: 'shipped',
      releaseNoteId: created.id,
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.releaseNoteId).toBe(created.id);
    const linked = await request(app)
      .get(`/release-notes/${created.id}`)
      .set('Authorization', as(consumer));
    expect(linked.body.requests).toEqual([
      { id: planned.id, title: 'Remote cache misses for forks' },
    ]);
  });

  it('announces a deprecation with its release note, consumers, burn-down and warnings', async () => {
    const { app, events, store, sent } = await createApp();
    const announced = await request(app)
      .post('/teams/default/ci-build/deprecations')
      .set('Authorization', as(member))
      .send(deprecation);
    expect(announced.status).toBe(201);
    expect(announced.body).toMatchObject({
      status: 'announced',
      consumerDepth: 1,
      entityRef: 'api:default/build-api',
    });
    expect(events).toEqual(['deprecation-announce:success']);
    // The owners of what consumes it hear of it, linked to its page.
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['component:default/checkout-web'],
          excludeEntityRef: 'group:default/ci-build',
        },
        payload: expect.objectContaining({
          title: 'build-api v1 is deprecated: sunset on 2026-12-05',
          link: '/catalog/default/api/build-api',
        }),
      },
    ]);

    const announcement = await request(app)
      .get(`/release-notes/${announced.body.releaseNoteId}`)
      .set('Authorization', as(consumer));
    expect(announcement.body).toMatchObject({
      type: 'deprecation',
      title: 'build-api v1 is deprecated',
      publishedOn: '2026-11-23',
      deprecationId: announced.body.id,
    });
    expect(announcement.body.body).toContain(
      'Migration guide: <https://wiki.acme.example/build-api-v2>',
    );

    // The first point of the burn-down was taken at announcement.
    expect(
      (await store.burnDowns([announced.body.id])).get(announced.body.id),
    ).toEqual([{ day: '2026-11-23', consumerCount: 1, teamCount: 1 }]);

    const team = await request(app)
      .get('/teams/default/ci-build/deprecations')
      .set('Authorization', as(consumer));
    expect(team.body.totals).toEqual({ active: 1, finished: 0 });
    expect(team.body.items).toEqual([
      expect.objectContaining({
        id: announced.body.id,
        consumerCount: 1,
        teamCount: 1,
        daysLeft: 12,
        consumingTeams: [
          expect.objectContaining({
            team: expect.objectContaining({ name: 'checkout' }),
            consumers: [
              expect.objectContaining({
                entity: expect.objectContaining({ name: 'checkout-web' }),
                relation: 'consumesApi',
              }),
            ],
          }),
        ],
      }),
    ]);
    const entity = await request(app)
      .get('/entities/deprecations?entityRef=api:default/build-api')
      .set('Authorization', as(consumer));
    expect(entity.body.items).toHaveLength(1);

    const warnings = await request(app)
      .get(
        '/entities/deprecation-warnings?entityRef=component:default/checkout-web',
      )
      .set('Authorization', as(consumer));
    expect(warnings.body.items).toEqual([
      expect.objectContaining({
        daysLeft: 12,
        deprecation: expect.objectContaining({
          migrationGuideUrl: 'https://wiki.acme.example/build-api-v2',
        }),
      }),
    ]);
    const none = await request(app)
      .get(
        '/entities/deprecation-warnings?entityRef=component:default/order-service',
      )
      .set('Authorization', as(member));
    expect(none.body.items).toEqual([]);

    const edit = (version: number, body: object = {}) =>
      request(app)
        .put(`/deprecations/${announced.body.id}`)
        .set('Authorization', as(member))
        .send({ ...deprecation, status: 'migrating', version, ...body });
    expect((await edit(1)).body).toMatchObject({
      version: 2,
      status: 'migrating',
    });
    expect((await edit(1)).status).toBe(409);
    const announcementAfter = await request(app)
      .get(`/release-notes/${announced.body.releaseNoteId}`)
      .set('Authorization', as(consumer));
    expect(announcementAfter.body.version).toBe(2);
    const moved = await edit(2, { entityRef: 'component:default/build-cache' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(
      /^entityRef: a deprecation cannot move to another entity/,
    );
    const early = await edit(2, { sunsetOn: '2026-11-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      'sunsetOn: must be after the announcement date',
    );
    const later = await edit(2, { sunsetOn: '2027-01-31' });
    expect(later.body.sunsetOn).toBe('2027-01-31');
    const rewritten = await request(app)
      .get(`/release-notes/${announced.body.releaseNoteId}`)
      .set('Authorization', as(consumer));
    expect(rewritten.body.body).toContain('stops working on **2027-01-31**');
    const del = await request(app)
      .delete(`/deprecations/${announced.body.id}?version=3`)
      .set('Authorization', as(member));
    expect(del.status).toBe(204);
  });

  it('validates deprecations field by field', async () => {
    const { app } = await createApp();
    const post = (body: object) =>
      request(app)
        .post('/teams/default/ci-build/deprecations')
        .set('Authorization', as(member))
        .send({ ...deprecation, ...body });
    // A script URL is exactly what must be refused.
    // eslint-disable-next-line no-script-url
    const scriptUrl = 'javascript:alert(1)';
    expect(
      (await post({ migrationGuideUrl: scriptUrl })).body.error.message,
    ).toBe('migrationGuideUrl: must be an http(s) URL');
    expect((await post({ consumerDepth: 9 })).body.error.message).toBe(
      'consumerDepth: must be at most 5',
    );
    expect(
      (await post({ replacementEntityRef: 'api:default/build-api' })).body.error
        .message,
    ).toBe(
      'replacementEntityRef: must be another entity than the deprecated one',
    );
    expect(
      (await post({ replacementEntityRef: 'api:default/nope' })).body.error
        .message,
    ).toBe('replacementEntityRef: no entity api:default/nope in the catalog');
    expect(
      (await post({ entityRef: 'component:default/checkout-web' })).body.error
        .message,
    ).toBe(
      'entityRef: component:default/checkout-web is not owned by group:default/ci-build',
    );
  });

  it('keeps a note and a deprecation editable after their entity left the catalog', async () => {
    const { app, store } = await createApp();
    const gone = 'component:default/retired-cache';
    // Written while the entity existed; it has since been removed.
    const oldNote = await store.createReleaseNote(
      'group:default/ci-build',
      { ...note, entityRef: gone, type: 'feature' },
      [],
      { by: member, at: now() },
    );
    const oldDeprecation = await store.announceDeprecation(
      'group:default/ci-build',
      {
        ...deprecation,
        entityRef: gone,
        status: 'migrating',
        consumerDepth: 1,
      },
      { title: 'retired-cache is deprecated', body: '' },
      undefined,
      { by: member, at: now() },
    );
    const noteEdit = await request(app)
      .put(`/release-notes/${oldNote.id}`)
      .set('Authorization', as(member))
      .send({
        ...note,
        entityRef: gone,
        version: 1,
        title: 'Retired cache: fixed',
      });
    expect(noteEdit.status).toBe(200);
    const done = await request(app)
      .put(`/deprecations/${oldDeprecation.id}`)
      .set('Authorization', as(member))
      .send({
        ...deprecation,
        entityRef: gone,
        status: 'complete',
        version: 1,
      });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('complete');
    // Naming another missing entity is still refused.
    const other = await request(app)
      .put(`/release-notes/${oldNote.id}`)
      .set('Authorization', as(member))
      .send({ ...note, entityRef: 'component:default/nope', version: 2 });
    expect(other.body.error.message).toBe(
      'entityRef: no entity component:default/nope in the catalog',
    );
  });

  it('serves an Atom feed per team and per entity, escaped, with permalinks', async () => {
    const { app } = await createApp();
    await request(app)
      .post('/teams/default/ci-build/release-notes')
      .set('Authorization', as(member))
      .send(note);
    const team = await request(app)
      .get('/feeds/teams/default/ci-build.atom')
      .set('Authorization', as(consumer));
    expect(team.status).toBe(200);
    expect(team.headers['content-type']).toBe(
      'application/atom+xml; charset=utf-8',
    );
    expect(team.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(team.text).toContain(
      '<title type="text">Release notes: CI &amp; Build</title>',
    );
    expect(team.text).toContain(
      '<title type="text">Feature: Remote cache hits for pull requests from forks (2.4.0)</title>',
    );
    expect(team.text).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
    );
    expect(team.text).not.toContain('<script>');
    expect(team.text).toMatch(
      /href="http:\/\/backstage\.acme\.example\/catalog\/default\/component\/build-cache\/release-notes\?note=[0-9a-f-]+"/,
    );

    const entity = await request(app)
      .get('/feeds/entities/component/default/build-cache.atom')
      .set('Authorization', as(consumer));
    expect(entity.status).toBe(200);
    expect(entity.text).toContain('Remote Build Cache');
    // A service token (e.g. a static external-access token) reads it too.
    const service = await request(app)
      .get('/feeds/teams/default/ci-build.atom')
      .set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);

    const missing = await request(app)
      .get('/feeds/entities/component/default/nope.atom')
      .set('Authorization', as(consumer));
    expect(missing.status).toBe(404);
  });

  it('serves feeds without a token only when configured to', async () => {
    const { app } = await createApp({ publicFeeds: true });
    const res = await request(app).get('/feeds/teams/default/ci-build.atom');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<feed');
    // Platform teams and their entities only: an open feed says nothing
    // about what a consumer depends on.
    const platformEntity = await request(app).get(
      '/feeds/entities/component/default/build-cache.atom',
    );
    expect(platformEntity.status).toBe(200);
    const consumerEntity = await request(app).get(
      '/feeds/entities/component/default/checkout-web.atom',
    );
    expect(consumerEntity.status).toBe(404);
    // Everything else still needs a token.
    const notes = await request(app).get(
      '/teams/default/ci-build/release-notes',
    );
    expect(notes.status).toBe(401);
  });
});
