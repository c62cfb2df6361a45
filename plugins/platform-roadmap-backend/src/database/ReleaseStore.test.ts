import { TestDatabaseId } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/databases';
import { ReleaseNoteFields, ReleaseStore } from './ReleaseStore';
import { RequestStore, RequestToCreate } from './RequestStore';

jest.setTimeout(60_000);

const team = 'group:default/ci-build';
const alice = {
  by: 'user:default/alice',
  at: new Date('2026-11-01T10:00:00Z'),
};
const later = (days: number) => ({
  by: 'user:default/alice',
  at: new Date(alice.at.getTime() + days * 24 * 60 * 60 * 1000),
});

const request: RequestToCreate = {
  title: 'Remote cache misses on every CI run',
  description: '',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
  requestingEntityRef: 'component:default/checkout-web',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: team,
  aboutEntityRefs: ['component:default/build-cache'],
};

const note: ReleaseNoteFields = {
  entityRef: 'component:default/Build-Cache',
  releaseVersion: '2.4.0',
  publishedOn: '2026-11-01',
  type: 'feature',
  title: 'Remote cache hits for pull requests from forks',
  body: 'Forks now **read** the cache.',
};

const deprecation = {
  entityRef: 'component:default/legacy-auth-sdk',
  entityVersion: 'v1',
  announcedOn: '2026-11-01',
  sunsetOn: '2027-01-15',
  replacementEntityRef: 'component:default/auth-library',
  migrationGuideUrl: 'https://wiki.acme.example/migrate',
  description: 'Move to the new library.',
  status: 'announced' as const,
  consumerDepth: 1,
};

describe('ReleaseStore', () => {
  const databases = createTestDatabases();

  async function createStores(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const requests = await RequestStore.create({ database });
    return {
      knex,
      requests,
      store: await ReleaseStore.create({ database, requests }),
    };
  }

  /** A request moved to planned, ready to ship. */
  async function plannedRequest(requests: RequestStore, title: string) {
    const filed = await requests.createRequest({ ...request, title }, alice);
    const triaged = await requests.triage(
      filed.id,
      filed.version,
      { costToShip: 1, strategicFit: 4, reversibility: 4 },
      alice,
    );
    return requests.changeStatus(
      filed.id,
      { version: triaged.version, status: 'planned' },
      alice,
    );
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('publishes a note that ships planned requests, and links both ways', async () => {
      const { store, requests } = await createStores(databaseId);
      const planned = await plannedRequest(requests, 'Cache misses on forks');
      const created = await store.createReleaseNote(
        team,
        note,
        [planned.id],
        alice,
      );
      expect(created).toMatchObject({
        version: 1,
        teamRef: team,
        entityRef: 'component:default/build-cache',
        releaseVersion: '2.4.0',
        type: 'feature',
        requests: [{ id: planned.id, title: 'Cache misses on forks' }],
        createdBy: 'user:default/alice',
        createdAt: alice.at.toISOString(),
      });
      const shipped = await requests.getRequest(planned.id);
      expect(shipped).toMatchObject({
        status: 'shipped',
        releaseNoteId: created.id,
        version: planned.version + 1,
      });
      const history = await requests.history(planned.id);
      expect(history.at(-1)).toMatchObject({
        toStatus: 'shipped',
        reason: `Shipped in the release note "${note.title}"`,
      });
    });

    it('writes nothing when one of the requests cannot ship', async () => {
      const { store, requests } = await createStores(databaseId);
      const planned = await plannedRequest(requests, 'Cache misses on forks');
      const open = await requests.createRequest(request, alice);
      await expect(
        store.createReleaseNote(team, note, [planned.id, open.id], alice),
      ).rejects.toThrow(
        `shipsRequestIds: request ${open.id} is open; only planned requests can ship`,
      );
      await expect(
        store.createReleaseNote(
          'group:default/other',
          note,
          [planned.id],
          alice,
        ),
      ).rejects.toThrow(
        /shipsRequestIds: no request .* to group:default\/other/,
      );
      expect(await store.hasAny()).toBe(false);
      expect((await requests.getRequest(planned.id)).status).toBe('planned');
    });

    it('lists a scope newest first, filtered by type, entity and text', async () => {
      const { store, knex } = await createStores(databaseId);
      // On PostgreSQL the text search has its trigram index.
      const indexes = databaseId.startsWith('POSTGRES')
        ? (
            await knex.raw(
              "select indexdef from pg_indexes where indexname = 'release_notes_text_trgm_idx'",
            )
          ).rows.map((r: { indexdef: string }) => r.indexdef)
        : ['(SQLite: none) gin_trgm_ops'];
      expect(indexes).toEqual([expect.stringMatching(/gin_trgm_ops/)]);
      const make = (fields: Partial<typeof note>, teamRef = team) =>
        store.createReleaseNote(teamRef, { ...note, ...fields }, [], alice);
      await make({
        publishedOn: '2026-09-01',
        title: 'Old cache fix',
        type: 'fix',
      });
      await make({ publishedOn: '2026-11-01', title: 'New cache feature' });
      await make({
        entityRef: null,
        publishedOn: '2026-10-01',
        title: 'Team-wide: office hours move to Tuesdays',
        type: 'improvement',
        body: 'Discount of 100% on waiting_time',
        releaseVersion: undefined,
      });
      await make({
        entityRef: 'api:default/build-api',
        publishedOn: '2026-10-15',
        title: 'Build API v2 endpoints',
        type: 'breaking',
      });
      await make(
        {
          title: 'Someone else entirely',
          entityRef: 'resource:default/k8s-prod',
        },
        'group:default/infrastructure',
      );

      const titles = async (
        ...args: Parameters<ReleaseStore['listReleaseNotes']>
      ) => (await store.listReleaseNotes(...args)).items.map(n => n.title);

      expect(await titles({ teamRefs: [team] }, { limit: 50 })).toEqual([
        'New cache feature',
        'Build API v2 endpoints',
        'Team-wide: office hours move to Tuesdays',
        'Old cache fix',
      ]);
      // An entity's notes and its team's team-wide ones.
      expect(
        await titles(
          {
            entityRefs: ['component:default/build-cache'],
            teamWideRefs: [team],
          },
          { limit: 50 },
        ),
      ).toEqual([
        'New cache feature',
        'Team-wide: office hours move to Tuesdays',
        'Old cache fix',
      ]);
      expect(
        await titles(
          { teamRefs: [team] },
          { limit: 50, types: ['fix', 'breaking'] },
        ),
      ).toEqual(['Build API v2 endpoints', 'Old cache fix']);
      expect(
        await titles(
          { teamRefs: [team] },
          { limit: 50, about: 'API:default/build-api' },
        ),
      ).toEqual(['Build API v2 endpoints']);
      // Case-insensitive text search over title, body and version; LIKE
      // wildcards in the search are literal characters.
      expect(
        await titles({ teamRefs: [team] }, { limit: 50, q: 'CACHE f' }),
      ).toEqual(['New cache feature', 'Old cache fix']);
      expect(
        await titles({ teamRefs: [team] }, { limit: 50, q: '100%' }),
      ).toEqual(['Team-wide: office hours move to Tuesdays']);
      expect(
        await titles({ teamRefs: [team] }, { limit: 50, q: '10_%' }),
      ).toEqual([]);
      expect(
        await titles({ teamRefs: [team] }, { limit: 50, q: 'waiting_' }),
      ).toEqual(['Team-wide: office hours move to Tuesdays']);
      expect(
        await titles({ teamRefs: [team] }, { limit: 50, q: '2.4.0' }),
      ).toHaveLength(3);
      const limited = await store.listReleaseNotes(
        { teamRefs: [team] },
        { limit: 2 },
      );
      expect(limited.items).toHaveLength(2);
      expect(limited.totalItems).toBe(4);
      // a full page of a text search counts its matches too
      const searched = await store.listReleaseNotes(
        { teamRefs: [team] },
        { limit: 2, q: '2.4.0' },
      );
      expect(searched.items).toHaveLength(2);
      expect(searched.totalItems).toBe(3);
      expect(searched.totalIsLowerBound).toBeUndefined();
      expect(await titles({}, { limit: 50 })).toEqual([]);
    });

    it('edits with optimistic concurrency; deleting keeps shipped requests shipped', async () => {
      const { store, requests } = await createStores(databaseId);
      const planned = await plannedRequest(requests, 'Cache misses on forks');
      const created = await store.createReleaseNote(
        team,
        note,
        [planned.id],
        alice,
      );
      const edited = await store.updateReleaseNote(
        created.id,
        1,
        { ...note, title: 'Forks hit the remote cache' },
        later(1),
      );
      expect(edited).toMatchObject({
        version: 2,
        title: 'Forks hit the remote cache',
        updatedAt: later(1).at.toISOString(),
        createdAt: alice.at.toISOString(),
      });
      await expect(
        store.updateReleaseNote(created.id, 1, note, later(2)),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.deleteReleaseNote(created.id, 1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await store.deleteReleaseNote(created.id, 2);
      await expect(store.getReleaseNote(created.id)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      const after = await requests.getRequest(planned.id);
      expect(after.status).toBe('shipped');
      expect(after.releaseNoteId).toBeUndefined();
    });

    it('announces a deprecation with its release note and first snapshot', async () => {
      const { store } = await createStores(databaseId);
      const announced = await store.announceDeprecation(
        'group:default/security-platform',
        deprecation,
        { title: 'legacy-auth-sdk v1 is deprecated', body: 'Move.' },
        {
          takenOn: '2026-11-01',
          consumerEntityRefs: [
            'component:default/checkout-service',
            'component:default/Payment-Gateway',
            'component:default/payment-gateway',
          ],
          teamRefs: ['group:default/checkout', 'group:default/billing'],
        },
        alice,
      );
      expect(announced).toMatchObject({
        version: 1,
        teamRef: 'group:default/security-platform',
        entityRef: 'component:default/legacy-auth-sdk',
        entityVersion: 'v1',
        status: 'announced',
        consumerDepth: 1,
        replacementEntityRef: 'component:default/auth-library',
      });
      const announcement = await store.getReleaseNote(announced.releaseNoteId!);
      expect(announcement).toMatchObject({
        type: 'deprecation',
        entityRef: 'component:default/legacy-auth-sdk',
        releaseVersion: 'v1',
        publishedOn: '2026-11-01',
        deprecationId: announced.id,
      });

      // Later runs on the same day replace that day's point.
      await store.recordSnapshots([
        {
          deprecationId: announced.id,
          takenOn: '2026-11-01',
          consumerEntityRefs: ['component:default/checkout-service'],
          teamRefs: ['group:default/checkout'],
        },
        {
          deprecationId: announced.id,
          takenOn: '2026-11-02',
          consumerEntityRefs: [],
          teamRefs: [],
        },
      ]);
      expect((await store.burnDowns([announced.id])).get(announced.id)).toEqual(
        [
          { day: '2026-11-01', consumerCount: 1, teamCount: 1 },
          { day: '2026-11-02', consumerCount: 0, teamCount: 0 },
        ],
      );

      const edited = await store.updateDeprecation(
        announced.id,
        1,
        { ...deprecation, status: 'migrating', sunsetOn: '2027-02-01' },
        {
          title: 'legacy-auth-sdk v1 is deprecated',
          body: 'Until 2027-02-01.',
        },
        later(1),
      );
      expect(edited).toMatchObject({ version: 2, status: 'migrating' });
      // The announcement follows, and moves to its next version.
      expect(
        await store.getReleaseNote(announced.releaseNoteId!),
      ).toMatchObject({
        version: 2,
        body: 'Until 2027-02-01.',
        releaseVersion: 'v1',
      });
      expect(
        await store.listDeprecations({ statuses: ['migrating'] }),
      ).toHaveLength(1);
      expect(
        await store.listDeprecations({
          entityRefs: ['Component:default/Legacy-Auth-SDK'],
        }),
      ).toHaveLength(1);
      await expect(
        store.updateDeprecation(
          announced.id,
          1,
          deprecation,
          { title: 'x', body: 'y' },
          later(2),
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      // Deleting the deprecation drops its burn-down; the note stays.
      await store.deleteDeprecation(announced.id, 2);
      expect((await store.burnDowns([announced.id])).size).toBe(0);
      // A run that listed it before the delete records nothing for it.
      await store.recordSnapshots([
        {
          deprecationId: announced.id,
          takenOn: '2026-11-03',
          consumerEntityRefs: [],
          teamRefs: [],
        },
      ]);
      expect((await store.burnDowns([announced.id])).size).toBe(0);
      const orphan = await store.getReleaseNote(announced.releaseNoteId!);
      expect(orphan.deprecationId).toBeUndefined();
    });

    it('reads a page of a team’s active and finished deprecations, with totals', async () => {
      const { store } = await createStores(databaseId);
      const announce = (
        teamRef: string,
        status: 'announced' | 'migrating' | 'complete' | 'cancelled',
        sunsetOn: string,
      ) =>
        store.announceDeprecation(
          teamRef,
          { ...deprecation, entityVersion: sunsetOn, status, sunsetOn },
          { title: `deprecated until ${sunsetOn}`, body: 'Move.' },
          {
            takenOn: '2026-11-01',
            consumerEntityRefs: [],
            teamRefs: [],
          },
          alice,
        );
      const security = 'group:default/security-platform';
      await announce(security, 'announced', '2027-03-01');
      await announce(security, 'migrating', '2027-01-01');
      await announce(security, 'announced', '2027-02-01');
      await announce(security, 'complete', '2026-01-01');
      await announce(security, 'cancelled', '2026-05-01');
      await announce(security, 'complete', '2026-03-01');
      await announce(team, 'announced', '2026-12-01');

      const page = await store.teamDeprecations(
        'group:default/Security-Platform',
        2,
      );
      expect(page.active.map(d => d.sunsetOn)).toEqual([
        '2027-01-01',
        '2027-02-01',
      ]);
      expect(page.finished.map(d => d.sunsetOn)).toEqual([
        '2026-05-01',
        '2026-03-01',
      ]);
      expect(page.totals).toEqual({ active: 3, finished: 3 });
    });

    it('migrates down and up again', async () => {
      const { knex } = await createStores(databaseId);
      const directory = resolvePackagePath(
        '@platform-roadmap/plugin-platform-roadmap-backend',
        'migrations',
      );
      // The reminders of the notifications migration refer to deprecations:
      // they go first; the other later migrations do not depend on this one.
      await knex.migrate.down({
        directory,
        name: '20261123060000_notifications.js',
      });
      expect(await knex.schema.hasTable('deprecation_reminders')).toBe(false);
      await knex.migrate.down({
        directory,
        name: '20261123030000_releases.js',
      });
      expect(await knex.schema.hasTable('release_notes')).toBe(false);
      expect(await knex.schema.hasTable('deprecations')).toBe(false);
      expect(await knex.schema.hasColumn('requests', 'release_note_id')).toBe(
        false,
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('deprecation_snapshots')).toBe(true);
      expect(await knex.schema.hasColumn('requests', 'release_note_id')).toBe(
        true,
      );
    });
  });
});
