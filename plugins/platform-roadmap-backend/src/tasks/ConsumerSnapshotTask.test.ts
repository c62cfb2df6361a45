import { mockServices } from '@backstage/backend-test-utils';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from '../database/ConsumerSnapshotStore';
import { takeConsumerSnapshots } from './ConsumerSnapshotTask';

describe('takeConsumerSnapshots', () => {
  const databases = createTestDatabases();

  it('records every platform team with the plugin’s own credentials', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await ConsumerSnapshotStore.create({
      database: { getClient: async () => knex },
    });
    // Hidden from users, but the snapshot is taken as the plugin itself.
    const { catalog } = fakeCatalog(exampleCatalog(), {
      hiddenFrom: {
        user: 'user:default/mock',
        refs: ['component:default/hidden-service'],
      },
    });

    const count = await takeConsumerSnapshots({
      auth: mockServices.auth(),
      teams: new PlatformTeamsService(catalog),
      store,
      now: () => new Date('2026-11-23T23:59:00Z'),
    });

    expect(count).toBe(1);
    const baseline = (
      await store.baselines(['group:default/ci-build'], '2026-11-23')
    ).get('group:default/ci-build');
    expect(baseline).toEqual({
      teamRef: 'group:default/ci-build',
      takenOn: '2026-11-23',
      consumingTeamRefs: [
        'group:default/checkout',
        'group:default/orders',
        'group:default/secret-team',
      ],
      consumerEntityCount: 3,
    });
  });
});
