// @ts-check

const { dropColumns } = require('./lib/dropColumns');

/**
 * The entities that endorsed a request, kept on the request's row (a JSON
 * array, lower case, sorted) and written in the same
 * transaction as the endorsement. A ranking counts the teams that asked
 * from the requests' rows alone: reading the endorsements of a
 * 10,000-request backlog scanned the whole endorsements table on
 * PostgreSQL. Full endorsements are read only for the requests shown.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('requests', table => {
    table
      .text('endorsing_entity_refs')
      .notNullable()
      .defaultTo('[]')
      .comment(
        'JSON array of the endorsing entities (lower case), as in request_endorsements',
      );
  });
  await exports.fillEndorsingEntityRefs(knex);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await dropColumns(knex, 'requests', ['endorsing_entity_refs']);
};

/**
 * Sets every request's `endorsing_entity_refs` from its endorsements (the
 * SQL benchmark calls this after bulk-loading endorsements too).
 *
 * @param {import('knex').Knex} knex
 */
exports.fillEndorsingEntityRefs = async function fillEndorsingEntityRefs(knex) {
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    await knex.raw(`
      update requests set endorsing_entity_refs = e.refs
      from (
        select request_id,
               '[' || string_agg(to_json(entity_ref)::text, ','
                                 order by entity_ref collate "C") || ']' as refs
        from request_endorsements group by request_id
      ) e
      where e.request_id = requests.id`);
    return;
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`
      update requests set endorsing_entity_refs = (
        select json_group_array(entity_ref) from (
          select entity_ref from request_endorsements
          where request_id = requests.id
          order by entity_ref
        )
      )
      where id in (select request_id from request_endorsements)`);
    return;
  }
  // Any other database: one update per endorsed request.
  const rows = await knex('request_endorsements')
    .select('request_id', 'entity_ref')
    .orderBy(['request_id', 'entity_ref']);
  /** @type {Map<string, string[]>} */
  const byRequest = new Map();
  for (const row of rows) {
    const refs = byRequest.get(row.request_id) ?? [];
    refs.push(row.entity_ref);
    byRequest.set(row.request_id, refs);
  }
  for (const [id, refs] of byRequest) {
    await knex('requests')
      .where({ id })
      .update({ endorsing_entity_refs: JSON.stringify(refs.sort()) });
  }
};
