import { TestBackend } from '@backstage/backend-test-utils';
import express from 'express';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  Identity,
  IDENTITIES,
  Method,
  changedTables,
  routeKey,
  ROUTES,
  routesOf,
  Seeder,
  send,
  snapshotTables,
  startRoadmapBackend,
} from '../__testUtils__/routes';

jest.setTimeout(120_000);

// The router the plugin composes, to list the routes it really serves.
const mockComposed: express.Router[] = [];
jest.mock('./router', () => {
  const actual = jest.requireActual('./router');
  return {
    ...actual,
    createRouter: async (...args: unknown[]) => {
      const router = await actual.createRouter(...args);
      mockComposed.push(router);
      return router;
    },
  };
});

/*
 * What each identity gets from each route. The backend runs with the
 * permission backend and the default policy (a team's roadmap is managed
 * by its members: a CONDITIONAL decision on the team), and with the feeds
 * open to feed readers (`releaseNotes.publicFeeds`).
 *
 * - none: no token. 401 everywhere but the feeds, the only public routes.
 * - service: a service token (not the search plugin). Reads that services
 *   may make answer 200; the requests and the roadmap are read by people
 *   only, and every change but a metric point needs a person: 403 ("This
 *   endpoint does not allow 'service' credentials"). A CI job posting a
 *   metric point is the one change a service makes.
 * - member: a member of the owning team (group:default/ci-build).
 * - other: a member of a consuming team (group:default/checkout).
 * - loner: a user in no group.
 *
 * Any signed-in person may file a request and endorse one; rating a team
 * in the survey is for members of a consuming team: the owning team's
 * member and the loner are told so (400, respondentTeamRef). Only the
 * search plugin reads the search documents (403 for everyone here).
 */
type Row = [Method, string, number, number, number, number, number];
// prettier-ignore
const MATRIX: Row[] = [
  //                                                      none  service member other loner
  ['get',    '/teams',                                     401, 200, 200, 200, 200],
  ['get',    '/teams/:namespace/:name',                    401, 200, 200, 200, 200],
  // requests
  ['post',   '/requests',                                  401, 403, 201, 201, 201],
  ['get',    '/requests',                                  401, 403, 200, 200, 200],
  ['get',    '/requests/:id',                              401, 403, 200, 200, 200],
  ['post',   '/requests/:id/endorsements',                 401, 403, 201, 201, 201],
  ['put',    '/requests/:id/triage',                       401, 403, 200, 403, 403],
  ['post',   '/requests/:id/status',                       401, 403, 200, 403, 403],
  ['post',   '/requests/:id/merge',                        401, 403, 200, 403, 403],
  ['get',    '/teams/:namespace/:name/backlog',            401, 403, 200, 200, 200],
  // roadmap
  ['get',    '/teams/:namespace/:name/roadmap',            401, 403, 200, 200, 200],
  ['get',    '/entities/roadmap',                          401, 403, 200, 200, 200],
  ['get',    '/entities/incoming',                         401, 403, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/themes',             401, 403, 201, 403, 403],
  ['put',    '/themes/:id',                                401, 403, 200, 403, 403],
  ['delete', '/themes/:id',                                401, 403, 204, 403, 403],
  ['post',   '/themes/:id/objectives',                     401, 403, 201, 403, 403],
  ['put',    '/objectives/:id',                            401, 403, 200, 403, 403],
  ['delete', '/objectives/:id',                            401, 403, 204, 403, 403],
  ['post',   '/objectives/:id/key-results',                401, 403, 201, 403, 403],
  ['put',    '/key-results/:id',                           401, 403, 200, 403, 403],
  ['delete', '/key-results/:id',                           401, 403, 204, 403, 403],
  ['post',   '/key-results/:id/check-ins',                 401, 403, 201, 403, 403],
  ['post',   '/teams/:namespace/:name/commitments',        401, 403, 201, 403, 403],
  ['put',    '/commitments/:id',                           401, 403, 200, 403, 403],
  ['delete', '/commitments/:id',                           401, 403, 204, 403, 403],
  ['put',    '/requests/:id/theme',                        401, 403, 200, 403, 403],
  // product
  ['get',    '/overview',                                  401, 200, 200, 200, 200],
  ['get',    '/teams/:namespace/:name/review',             401, 200, 200, 200, 200],
  ['get',    '/teams/:namespace/:name/review.md',          401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/review-asks',        401, 403, 201, 403, 403],
  ['put',    '/review-asks/:id',                           401, 403, 200, 403, 403],
  ['delete', '/review-asks/:id',                           401, 403, 204, 403, 403],
  ['get',    '/teams/:namespace/:name/capacity/:quarter',  401, 200, 200, 200, 200],
  ['put',    '/teams/:namespace/:name/capacity/:quarter',  401, 403, 200, 403, 403],
  ['get',    '/teams/:namespace/:name/stakeholders',       401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/stakeholders',       401, 403, 201, 403, 403],
  ['put',    '/stakeholders/:id',                          401, 403, 200, 403, 403],
  ['delete', '/stakeholders/:id',                          401, 403, 204, 403, 403],
  ['get',    '/teams/:namespace/:name/impact',             401, 200, 200, 200, 200],
  // search
  ['get',    '/search/documents',                          401, 403, 403, 403, 403],
  // metrics and the survey
  ['get',    '/teams/:namespace/:name/metrics',            401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/metrics',            401, 403, 201, 403, 403],
  ['put',    '/metrics/:id',                               401, 403, 200, 403, 403],
  ['delete', '/metrics/:id',                               401, 403, 204, 403, 403],
  ['get',    '/metrics/:id/points',                        401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/metrics/:key/points', 401, 201, 201, 403, 403],
  ['get',    '/teams/:namespace/:name/survey',             401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/survey',             401, 403, 400, 201, 400],
  // release notes, deprecations, feeds
  ['get',    '/teams/:namespace/:name/release-notes',      401, 200, 200, 200, 200],
  ['get',    '/entities/release-notes',                    401, 200, 200, 200, 200],
  ['get',    '/release-notes/:id',                         401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/release-notes',      401, 403, 201, 403, 403],
  ['put',    '/release-notes/:id',                         401, 403, 200, 403, 403],
  ['delete', '/release-notes/:id',                         401, 403, 204, 403, 403],
  ['get',    '/teams/:namespace/:name/deprecations',       401, 200, 200, 200, 200],
  ['get',    '/entities/deprecations',                     401, 200, 200, 200, 200],
  ['get',    '/entities/deprecation-warnings',             401, 200, 200, 200, 200],
  ['post',   '/teams/:namespace/:name/deprecations',       401, 403, 201, 403, 403],
  ['put',    '/deprecations/:id',                          401, 403, 200, 403, 403],
  ['delete', '/deprecations/:id',                          401, 403, 204, 403, 403],
  ['get',    '/feeds/teams/:namespace/:name.atom',         200, 200, 200, 200, 200],
  ['get',    '/feeds/entities/:kind/:namespace/:name.atom', 200, 200, 200, 200, 200],
];

const CASES = MATRIX.flatMap(([method, route, ...statuses]) =>
  IDENTITIES.map(
    (identity, i) => [method, route, identity, statuses[i]] as const,
  ),
);

const fixtures = new Map(ROUTES.map(f => [routeKey(f.method, f.route), f]));

describe('permission matrix', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let backend: TestBackend;
    let seed: Seeder;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startRoadmapBackend(knex);
      seed = new Seeder(backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('has one row, and one fixture, for every route the plugin serves', () => {
      const router = mockComposed[mockComposed.length - 1];
      expect(router).toBeDefined();
      const served = routesOf(router).sort();
      // Not an empty list that anything would match.
      expect(served.length).toBeGreaterThanOrEqual(60);
      const rows = MATRIX.map(([method, route]) => routeKey(method, route));
      expect(new Set(rows).size).toBe(rows.length);
      expect([...rows].sort()).toEqual(served);
      expect([...fixtures.keys()].sort()).toEqual(served);
    });

    it.each(CASES)(
      '%s %s as %s answers %i',
      async (method, route, identity: Identity, expected) => {
        const fixture = fixtures.get(routeKey(method, route))!;
        const call = await fixture.arrange(seed);
        const before = await snapshotTables(knex);

        const response = await send(backend.server, method, call, identity);

        const message: string | undefined = response.body?.error?.message;
        expect({ status: response.status, message }).toEqual({
          status: expected,
          // Refusals say why; successes are no error.
          message: expected < 300 ? undefined : message ?? 'a message',
        });
        // A read, and a change that was denied or rejected, writes nothing;
        // a change that was allowed does write (so the snapshot can tell).
        const changed = changedTables(before, await snapshotTables(knex));
        const wrote = method !== 'get' && expected < 300;
        expect({ wrote: changed.length > 0, changed }).toEqual({
          wrote,
          changed,
        });
      },
    );
  });
});
