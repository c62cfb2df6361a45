import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { ConsumerSnapshotStore } from './ConsumerSnapshotStore';

jest.setTimeout(60_000);

describe('ConsumerSnapshotStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await ConsumerSnapshotStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('records one row per team per day; the last run of a day wins', async () => {
      const { knex, store } = await createStore(databaseId);

      await store.record([
        {
          teamRef: 'group:default/CI-Build',
          takenOn: '2026-11-01',
          consumingTeamRefs: ['group:default/checkout'],
          consumerEntityCount: 1,
        },
      ]);
      await store.record([
        {
          teamRef: 'group:default/ci-build',
          takenOn: '2026-11-01',
          consumingTeamRefs: ['group:default/orders', 'group:default/Checkout'],
          consumerEntityCount: 3,
        },
      ]);

      const rows = await knex('consumer_snapshots');
      expect(rows).toHaveLength(1);
      const baselines = await store.baselines(
        ['group:default/ci-build'],
        '2026-11-30',
      );
      expect(baselines.get('group:default/ci-build')).toEqual({
        teamRef: 'group:default/ci-build',
        takenOn: '2026-11-01',
        consumingTeamRefs: ['group:default/checkout', 'group:default/orders'],
        consumerEntityCount: 3,
      });
    });

    it('picks the latest snapshot on or before the day, else the oldest', async () => {
      const { store } = await createStore(databaseId);
      const snap = (teamRef: string, takenOn: string, teams: string[]) => ({
        teamRef,
        takenOn,
        consumingTeamRefs: teams,
        consumerEntityCount: teams.length,
      });
      await store.record([
        snap('group:default/a', '2026-09-30', ['group:default/x']),
        snap('group:default/a', '2026-10-20', [
          'group:default/x',
          'group:default/y',
        ]),
        snap('group:default/a', '2026-11-20', ['group:default/z']),
        snap('group:default/b', '2026-11-10', ['group:default/y']),
        snap('group:default/b', '2026-11-22', []),
        snap('group:default/c', '2026-10-01', ['group:default/x']),
      ]);

      const baselines = await store.baselines(
        ['group:default/a', 'group:default/b', 'group:default/nobody'],
        '2026-10-24',
      );

      // a: the latest on or before 2026-10-24
      expect(baselines.get('group:default/a')?.takenOn).toBe('2026-10-20');
      // b: tracking started after that day, so its oldest snapshot
      expect(baselines.get('group:default/b')?.takenOn).toBe('2026-11-10');
      // c was not asked for; nobody has no snapshots
      expect([...baselines.keys()].sort()).toEqual([
        'group:default/a',
        'group:default/b',
      ]);
      expect(await store.baselines([], '2026-10-24')).toEqual(new Map());
    });

    it('writes a day of snapshots all or nothing', async () => {
      const { knex, store } = await createStore(databaseId);
      const outcome = await store
        .record([
          {
            teamRef: 'group:default/a',
            takenOn: '2026-11-01',
            consumingTeamRefs: [],
            consumerEntityCount: 0,
          },
          {
            teamRef: 'group:default/b',
            takenOn: '2026-11-01',
            consumingTeamRefs: [],
            // violates NOT NULL: the whole batch must roll back
            consumerEntityCount: null as unknown as number,
          },
        ])
        .then(
          () => 'resolved',
          (e: Error) => e,
        );
      const rows = await knex('consumer_snapshots');
      // Not toBeInstanceOf(Error): the SQLite driver's errors come from
      // another realm than the test's Error.
      expect(outcome).not.toBe('resolved');
      expect(String((outcome as Error).message)).toMatch(/null/i);
      expect(rows).toHaveLength(0);
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore(databaseId);
      await knex.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      expect(await knex.schema.hasTable('consumer_snapshots')).toBe(false);
    });
  });
});
