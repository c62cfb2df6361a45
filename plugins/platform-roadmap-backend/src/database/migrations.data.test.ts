import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { examplePath } from '../__testUtils__/examples';
import { metricsSeedTarget } from '../seed/seedExampleMetrics';
import { seedExampleProduct } from '../seed/seedExampleProduct';
import { seedExampleReleases } from '../seed/seedExampleReleases';
import { seedExampleRequests } from '../seed/seedExampleRequests';
import { seedExampleRoadmap } from '../seed/seedExampleRoadmap';
import { ConsumerSnapshotStore } from './ConsumerSnapshotStore';
import { ExampleDataClaims } from './ExampleDataClaims';
import { MetricsStore } from './MetricsStore';
import { ProductStore } from './ProductStore';
import { ReleaseStore } from './ReleaseStore';
import { RequestStore } from './RequestStore';
import { RoadmapStore } from './RoadmapStore';

jest.setTimeout(120_000);

const directory = resolvePackagePath(
  '@platform-roadmap/plugin-platform-roadmap-backend',
  'migrations',
);
const MIGRATIONS = fs
  .readdirSync(directory)
  .filter(f => f.endsWith('.js'))
  .sort();

/** Every table of the plugin (not knex's own), by name. */
async function pluginTables(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  const rows: Array<{ name: string }> = client.includes('sqlite')
    ? await knex('sqlite_master')
        .where('type', 'table')
        .whereNot('name', 'like', 'sqlite_%')
        .select('name')
    : (
        await knex.raw(
          `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
        )
      ).rows;
  return rows
    .map(r => r.name)
    .filter(name => !name.startsWith('knex_'))
    .sort();
}

async function counts(knex: Knex): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of await pluginTables(knex)) {
    const [{ n }] = await knex(table).count({ n: '*' });
    result[table] = Number(n);
  }
  return result;
}

/** Every row of a table, in a stable order, as comparable JSON. */
async function contents(knex: Knex, table: string): Promise<string[]> {
  return (await knex(table).select('*'))
    .map(row =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(row)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
        ),
      ),
    )
    .sort();
}

/** The example data through the plugin's own seeds, plus the tables no seed fills. */
async function seed(knex: Knex) {
  const database = { getClient: async () => knex };
  const now = new Date('2026-11-23T12:00:00Z');
  const logger = mockServices.logger.mock();
  const requestStore = await RequestStore.create({ database });
  const roadmapStore = await RoadmapStore.create({ database, now: () => now });
  const releaseStore = await ReleaseStore.create({
    database,
    requests: requestStore,
  });
  const productStore = await ProductStore.create({ database });
  const metricsStore = await MetricsStore.create({ database });
  const snapshots = await ConsumerSnapshotStore.create({ database });
  const claims = await ExampleDataClaims.create({ database });
  await claims.claim('requests', now);
  await seedExampleRequests({
    file: examplePath('requests.yaml'),
    store: requestStore,
    logger,
    now,
  });
  await seedExampleRoadmap({
    file: examplePath('roadmap.yaml'),
    store: roadmapStore,
    requestStore,
    logger,
    now,
  });
  await seedExampleReleases({
    file: examplePath('releases.yaml'),
    store: releaseStore,
    requestStore,
    logger,
    now,
  });
  await seedExampleProduct({
    file: examplePath('product.yaml'),
    store: productStore,
    metrics: metricsSeedTarget({ store: metricsStore, roadmapStore }),
    logger,
    now,
  });
  await snapshots.record([
    {
      teamRef: 'group:default/ci-build',
      takenOn: '2026-11-23',
      consumingTeamRefs: ['group:default/checkout'],
      consumerEntityCount: 1,
    },
  ]);
  const [deprecation] = await releaseStore.listDeprecations({});
  await releaseStore.claimReminder(deprecation.id, 30, now);
  await requestStore.createRequestOnce(
    {
      title: 'Filed with an idempotency key',
      description: '',
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: 'low',
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 1 },
      requestingEntityRef: 'component:default/checkout-web',
      platformTeamRef: 'group:default/ci-build',
      aboutEntityRefs: [],
    },
    { by: 'user:default/guest', at: now },
    'seeded-key',
  );
}

describe('migrations with data', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function seeded(id: TestDatabaseId) {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory });
      await seed(knex);
      const before = await counts(knex);
      // Every table holds data, so every down below is tried with data.
      expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
      return { knex, before };
    }

    it('never loses a row of a table a down migration keeps, all the way down, and comes back up', async () => {
      const { knex, before } = await seeded(databaseId);
      for (const migration of [...MIGRATIONS].reverse()) {
        await knex.migrate.down({ directory });
        const now = await counts(knex);
        // Each table still there keeps every row it had.
        const kept = Object.fromEntries(
          Object.keys(now).map(table => [table, before[table]]),
        );
        expect({ after: migration, counts: now }).toEqual({
          after: migration,
          counts: kept,
        });
      }
      expect(await pluginTables(knex)).toEqual([]);

      // And up again: the schema is whole and takes the data again.
      await knex.migrate.latest({ directory });
      await seed(knex);
      expect(await counts(knex)).toEqual(before);
    });

    it('keeps every row of the tables it keeps unchanged through down and up of the later migrations', async () => {
      const { knex } = await seeded(databaseId);
      // The migrations after 20261123060000 add indexes, columns and two
      // small tables (whose rows their downs drop by design).
      const tail = MIGRATIONS.filter(
        f => f > '20261123060000_notifications.js',
      );
      const tables = await pluginTables(knex);
      const snapshot = new Map<string, string[]>();
      for (const table of tables)
        snapshot.set(table, await contents(knex, table));

      for (const _ of tail) await knex.migrate.down({ directory });
      // Tables the tail created are gone by design; the rest must not change.
      const kept = await pluginTables(knex);
      expect(kept.length).toBeGreaterThan(10);
      await knex.migrate.latest({ directory });

      for (const table of kept) {
        expect({ table, rows: await contents(knex, table) }).toEqual({
          table,
          rows: snapshot.get(table),
        });
      }
    });
  });
});
