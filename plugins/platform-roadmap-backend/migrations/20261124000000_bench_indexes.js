// @ts-check

/**
 * Indexes the SQL benchmark (bench/sql.mjs, 100,000 rows per table on
 * PostgreSQL) found missing on hot read paths:
 *
 * - deprecations.release_note_id: every list of release notes (and each
 *   note, and each search page) looks up the deprecation each note
 *   announces;
 * - requests.merged_into_id: a request's history includes that of the
 *   requests merged into it;
 * - request_history (to_status, request_id, at): when each shipped request
 *   shipped (the customer review and the impact card), read from the index
 *   alone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deprecations', table => {
    table.index(['release_note_id'], 'deprecations_release_note_idx');
  });
  await knex.schema.alterTable('requests', table => {
    table.index(['merged_into_id'], 'requests_merged_into_idx');
  });
  await knex.schema.alterTable('request_history', table => {
    table.index(
      ['to_status', 'request_id', 'at'],
      'request_history_status_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('request_history', table => {
    table.dropIndex(
      ['to_status', 'request_id', 'at'],
      'request_history_status_idx',
    );
  });
  await knex.schema.alterTable('requests', table => {
    table.dropIndex(['merged_into_id'], 'requests_merged_into_idx');
  });
  await knex.schema.alterTable('deprecations', table => {
    table.dropIndex(['release_note_id'], 'deprecations_release_note_idx');
  });
};
