import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { loadExampleCatalog } from '../__testUtils__/examples';
import { CATALOG_ACTOR, RoadmapStore } from '../database/RoadmapStore';
import { measureKeyResults } from './KeyResultMeasureTask';

const owner = {
  by: 'user:default/sec-lead',
  at: new Date('2026-10-01T00:00:00Z'),
};

describe('measureKeyResults', () => {
  const databases = createTestDatabases();

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await RoadmapStore.create({
      database: { getClient: async () => knex },
      now: () => new Date('2026-11-23T12:00:00Z'),
    });
    const theme = await store.createTheme(
      'group:default/security-platform',
      {
        period: '2026-Q4',
        category: 'compliance',
        title: 'One way to authenticate',
        outcome: 'Every service on the new auth library',
        description: '',
        status: 'committed',
        entityRefs: ['component:default/auth-library'],
      },
      owner,
    );
    const objective = await store.createObjective(
      theme,
      { title: 'Teams move to the new auth library' },
      owner,
    );
    const kr = await store.createKeyResult(
      objective,
      {
        title: 'Onboard 3 new teams to the new auth library',
        metric: 'teams using the auth library',
        unit: 'teams',
        baseline: 5,
        target: 8,
        direction: 'increase',
        startDate: '2026-10-01',
        dueDate: '2026-12-31',
        measure: {
          type: 'consuming-teams',
          entityRef: 'component:default/auth-library',
        },
      },
      owner,
    );
    return { store, kr };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('updates itself when the example catalog gains a consuming team', async () => {
      const { store, kr } = await setup(databaseId);
      const auth = mockServices.auth();

      const before = fakeCatalog(loadExampleCatalog());
      const first = await measureKeyResults({
        auth,
        catalog: before.catalog,
        store,
        now: () => new Date('2026-11-22T09:00:00Z'),
      });
      expect(first).toEqual({ measured: 1, changed: 1 });
      expect(before.calls.total).toBe(2);
      const measured = await store.getKeyResult(kr.id);
      const countBefore = measured.current;
      expect(countBefore).toBeGreaterThan(0);
      expect(measured.checkIns[measured.checkIns.length - 1]).toMatchObject({
        by: CATALOG_ACTOR,
        value: countBefore,
      });

      // Nothing changed: no new check-in.
      await measureKeyResults({ auth, catalog: before.catalog, store });
      expect((await store.getKeyResult(kr.id)).checkIns).toHaveLength(
        measured.checkIns.length,
      );

      // The Payments department's Ledger team starts using the library.
      const after = fakeCatalog(
        loadExampleCatalog([
          {
            kind: 'Group',
            metadata: { name: 'ledger' },
            spec: { type: 'team', parent: 'payments' },
          },
          {
            kind: 'Component',
            metadata: { name: 'ledger-service' },
            spec: {
              type: 'service',
              owner: 'group:default/ledger',
              dependsOn: ['component:auth-library'],
            },
          },
        ]),
      );
      const second = await measureKeyResults({
        auth,
        catalog: after.catalog,
        store,
        now: () => new Date('2026-11-23T09:00:00Z'),
      });
      expect(second).toEqual({ measured: 1, changed: 1 });
      const updated = await store.getKeyResult(kr.id);
      expect(updated.current).toBe(countBefore + 1);
      expect(updated.checkIns[updated.checkIns.length - 1]).toMatchObject({
        value: countBefore + 1,
        by: CATALOG_ACTOR,
        at: '2026-11-23T09:00:00.000Z',
        note: expect.stringMatching(
          /team.* depend on or consume component:default\/auth-library/,
        ),
      });
      expect(updated.progress.progress).toBeCloseTo((countBefore + 1 - 5) / 3);
    });

    it('leaves the value alone when the measured entity is gone', async () => {
      const { store, kr } = await setup(databaseId);
      const { catalog } = fakeCatalog(
        loadExampleCatalog().filter(e => e.metadata.name !== 'auth-library'),
      );
      expect(
        await measureKeyResults({ auth: mockServices.auth(), catalog, store }),
      ).toEqual({ measured: 1, changed: 0 });
      expect((await store.getKeyResult(kr.id)).current).toBe(5);
    });
  });
});
