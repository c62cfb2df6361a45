import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@platform-roadmap/plugin-platform-roadmap-backend',
  'migrations',
);

/** How long a replica waits for another one's migrations. */
const MIGRATION_WAIT_MS = 5 * 60_000;

/**
 * The plugin's knex client, migrated to the latest schema unless skipped.
 *
 * Replicas starting together on one database migrate one at a time: knex
 * locks its migrations table, and a replica that finds it locked (or that
 * loses the race to create that table on an empty database) waits and
 * tries again, instead of failing its startup.
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await client.migrate.latest({ directory: migrationsDir });
        break;
      } catch (error) {
        if (
          !isConcurrentMigration(error) ||
          Date.now() - started > MIGRATION_WAIT_MS
        ) {
          throw error;
        }
        await new Promise(resolve =>
          setTimeout(resolve, Math.min(2000, 100 * attempt)),
        );
      }
    }
  }
  return client;
}

/** Another replica is migrating, or created knex's tables at the same time. */
function isConcurrentMigration(error: unknown): boolean {
  const { name, code, message } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
  };
  return (
    name === 'MigrationLocked' ||
    /Migration table is already locked/.test(message ?? '') ||
    // PostgreSQL: two CREATE TABLE knex_migrations… at once (unique
    // violation on the catalog, duplicate table or duplicate type)
    (['23505', '42P07', '42710'].includes(code ?? '') &&
      /knex_migrations/.test(message ?? ''))
  );
}
