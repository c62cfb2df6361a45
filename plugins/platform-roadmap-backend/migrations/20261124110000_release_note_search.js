// @ts-check

/**
 * Release-note text search (`?q=`) on PostgreSQL from a trigram index: a
 * `like '%word%'` over a big team's 10,000 notes read every body (about
 * 100 ms at 100,000 rows). pg_trgm ships with PostgreSQL and is a trusted
 * extension (13+), so the database's owner may create it; where that is
 * not allowed, search works as before, without the index. SQLite searches
 * the same expression without one.
 *
 * The indexed expression is the one ReleaseStore searches (TEXT_EXPRESSION
 * there); change both together.
 */
const INDEX = 'release_notes_text_trgm_idx';
const EXPRESSION =
  "lower(title || ' ' || body || ' ' || coalesce(release_version, ''))";

// CREATE EXTENSION may fail; outside a transaction that failure is only
// this statement's.
exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  try {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // The extension may live in another schema than the plugin's (a
    // per-plugin schema, or one created before): name its operator class
    // with that schema.
    const { rows } = await knex.raw(
      `SELECT n.nspname AS schema FROM pg_extension e
         JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm'`,
    );
    const opclass = `"${rows[0].schema}".gin_trgm_ops`;
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${INDEX} ON release_notes USING gin ((${EXPRESSION}) ${opclass})`,
    );
  } catch {
    // Not allowed here (or no pg_trgm): text search works without the
    // index. This migration is recorded as done either way; to add the
    // index later, create it by hand with the statement above.
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  // The extension stays: other tables of the database may use it.
  await knex.raw(`DROP INDEX IF EXISTS ${INDEX}`);
};
