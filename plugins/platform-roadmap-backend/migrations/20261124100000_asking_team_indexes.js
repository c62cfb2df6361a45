// @ts-check

/**
 * Indexes for reading what one consuming team asked for (the impact card
 * on a team's page): requests it filed and requests it endorsed, by team,
 * instead of every shipped request of the organisation. And a platform
 * team's requests in the order the backlog reads them, so a 10,000-request
 * backlog is read from the index without a sort.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('requests', table => {
    table.index(
      ['requesting_team_ref', 'status'],
      'requests_requesting_team_idx',
    );
  });
  await knex.schema.alterTable('request_endorsements', table => {
    table.index(['team_ref'], 'request_endorsements_team_idx');
  });
  await knex.schema.alterTable('requests', table => {
    table.index(
      ['platform_team_ref', 'created_at', 'id'],
      'requests_team_created_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('requests', table => {
    table.dropIndex(
      ['platform_team_ref', 'created_at', 'id'],
      'requests_team_created_idx',
    );
  });
  await knex.schema.alterTable('request_endorsements', table => {
    table.dropIndex(['team_ref'], 'request_endorsements_team_idx');
  });
  await knex.schema.alterTable('requests', table => {
    table.dropIndex(
      ['requesting_team_ref', 'status'],
      'requests_requesting_team_idx',
    );
  });
};
