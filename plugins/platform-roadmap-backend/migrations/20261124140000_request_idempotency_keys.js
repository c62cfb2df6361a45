// @ts-check

/**
 * Idempotency keys of request filings: a client that retries a filing
 * (a timeout, a double click) with the same `Idempotency-Key` header gets
 * the request it filed the first time instead of a duplicate. One row per
 * person and key, written in the filing's transaction.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('request_idempotency_keys', table => {
    table.comment('Idempotency-Key headers of request filings, per person');
    table.string('created_by').notNullable();
    table.string('idempotency_key', 200).notNullable();
    table
      .string('request_id')
      .notNullable()
      .comment('The request the first filing with this key created');
    table
      .string('body_hash', 64)
      .notNullable()
      .comment('SHA-256 of the filing; the key cannot be reused for another');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['created_by', 'idempotency_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('request_idempotency_keys');
};
