import { TestDatabaseId } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/databases';
import { ProductStore } from './ProductStore';

jest.setTimeout(60_000);

const team = 'group:default/CI-Build';
const alice = {
  by: 'user:default/alice',
  at: new Date('2026-11-01T10:00:00Z'),
};
const shares = {
  onCall: 20,
  maintenance: 25,
  documentation: 0,
  onboarding: 10,
  roadmap: 45,
};

describe('ProductStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return {
      knex,
      store: await ProductStore.create({
        database: { getClient: async () => knex },
      }),
    };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps one capacity budget per team and quarter, flagging disciplines at 0 %', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.getCapacity(team, '2026-Q4')).toMatchObject({
        teamRef: 'group:default/ci-build',
        version: 0,
        zeroDisciplines: [],
      });
      const first = await store.setCapacity(team, '2026-Q4', 0, shares, alice);
      expect(first).toMatchObject({
        version: 1,
        shares,
        zeroDisciplines: ['documentation'],
        updatedBy: 'user:default/alice',
      });
      // A second "first" write, or a stale edit, is a conflict.
      await expect(
        store.setCapacity(team, '2026-Q4', 0, shares, alice),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const second = await store.setCapacity(
        team,
        '2026-Q4',
        1,
        { ...shares, documentation: 10, roadmap: 35 },
        alice,
      );
      expect(second).toMatchObject({ version: 2, zeroDisciplines: [] });
      await expect(
        store.setCapacity(team, '2026-Q4', 1, shares, alice),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(
        await store.listCapacity([team], ['2026-Q4', '2026-Q3']),
      ).toHaveLength(1);
    });

    it('keeps stakeholders and asks with optimistic concurrency', async () => {
      const { store } = await createStore(databaseId);
      const vp = await store.createStakeholder(
        team,
        {
          kind: 'leadership',
          name: 'VP Engineering',
          entityRef: 'Group:default/Platform-Engineering',
          notes: 'Funds us.',
        },
        alice,
      );
      expect(vp).toMatchObject({
        version: 1,
        teamRef: 'group:default/ci-build',
        entityRef: 'group:default/platform-engineering',
      });
      const edited = await store.updateStakeholder(
        vp.id,
        1,
        { kind: 'leadership', name: 'CTO', notes: '' },
        alice,
      );
      expect(edited).toMatchObject({ version: 2, name: 'CTO' });
      expect(edited.entityRef).toBeUndefined();
      await expect(
        store.updateStakeholder(
          vp.id,
          1,
          { kind: 'other', name: 'x', notes: '' },
          alice,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(await store.listStakeholders(team)).toHaveLength(1);
      await store.deleteStakeholder(vp.id, 2);
      expect(await store.listStakeholders(team)).toEqual([]);

      const ask = await store.createAsk(
        team,
        {
          quarter: '2026-Q4',
          kind: 'beta',
          text: 'Two teams to try the new runners',
        },
        alice,
      );
      expect(await store.listAsks(team, '2026-Q4')).toEqual([ask]);
      expect(await store.listAsks(team, '2027-Q1')).toEqual([]);
      await expect(store.deleteAsk(ask.id, 2)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await store.deleteAsk(ask.id, 1);
      await expect(store.getAsk(ask.id)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      expect(await store.hasAny()).toBe(false);
    });

    it('migrates down and up again', async () => {
      const { knex } = await createStore(databaseId);
      const directory = resolvePackagePath(
        '@platform-roadmap/plugin-platform-roadmap-backend',
        'migrations',
      );
      await knex.migrate.down({ directory, name: '20261123040000_product.js' });
      expect(await knex.schema.hasTable('capacity_budgets')).toBe(false);
      expect(
        await knex.schema.hasColumn('key_results', 'measure_metric_id'),
      ).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('stakeholders')).toBe(true);
      expect(
        await knex.schema.hasColumn('key_results', 'measure_metric_id'),
      ).toBe(true);
    });
  });
});
