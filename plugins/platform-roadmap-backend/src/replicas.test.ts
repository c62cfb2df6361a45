import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { exampleCatalog } from './__testUtils__/catalog';
import { createTestDatabases } from './__testUtils__/databases';
import { examplePath } from './__testUtils__/examples';
import { platformRoadmapPlugin } from './plugin';

jest.setTimeout(120_000);

describe('two backend replicas on one database', () => {
  const databases = createTestDatabases();
  // Two processes on one SQLite file is not a deployment; PostgreSQL only.
  const ids = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
  const others: Knex[] = [];
  afterAll(async () => {
    await Promise.all(others.map(k => k.destroy()));
  });

  const backend = (knex: Knex) =>
    startTestBackend({
      features: [
        platformRoadmapPlugin,
        catalogServiceMock.factory({ entities: exampleCatalog() }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory(),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            platformRoadmap: {
              exampleData: {
                requests: examplePath('requests.yaml'),
                roadmap: examplePath('roadmap.yaml'),
                releases: examplePath('releases.yaml'),
                product: examplePath('product.yaml'),
              },
            },
          },
        }),
      ],
    });

  it.each(ids.length ? ids : [['SKIPPED' as TestDatabaseId]])(
    'both start together on %p, migrating once and loading the example data once',
    async databaseId => {
      if (databaseId === ('SKIPPED' as TestDatabaseId)) return;
      const first = await databases.init(databaseId);
      // A second connection pool to the same database, as a replica has.
      const second = knexFactory(first.client.config);
      others.push(second);

      const [a, b] = await Promise.all([backend(first), backend(second)]);
      for (const { server } of [a, b]) {
        const response = await request(server)
          .get('/api/platform-roadmap/teams/default/ci-build')
          .set('Authorization', 'Bearer mock-user-token');
        expect(response.status).toBe(200);
      }

      // Loaded once: as many rows as one replica alone loads.
      const alone = await databases.init(databaseId);
      const aloneBackend = await backend(alone);
      for (const table of [
        'requests',
        'themes',
        'release_notes',
        'deprecations',
        'capacity_budgets',
        'metrics',
      ]) {
        const [{ n: shared }] = await first(table).count({ n: '*' });
        const [{ n: single }] = await alone(table).count({ n: '*' });
        expect({ table, rows: Number(shared) }).toEqual({
          table,
          rows: Number(single),
        });
        expect(Number(single)).toBeGreaterThan(0);
      }
      await Promise.all([a.stop(), b.stop(), aloneBackend.stop()]);
    },
  );
});
