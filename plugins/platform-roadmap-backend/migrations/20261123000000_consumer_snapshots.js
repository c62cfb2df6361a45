// @ts-check

/**
 * One row per platform team per day: which teams consumed it that day, so
 * the roadmap can say who started (or stopped) using the platform.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('consumer_snapshots', table => {
    table.comment('Daily record of the teams that consume each platform team');
    table
      .string('team_ref')
      .notNullable()
      .comment('Entity ref of the platform team (lower case)');
    table
      .string('taken_on', 10)
      .notNullable()
      .comment('UTC day of the snapshot, YYYY-MM-DD');
    table
      .text('consuming_team_refs')
      .notNullable()
      .comment('JSON array of the consuming teams’ entity refs (lower case)');
    table
      .integer('consumer_entity_count')
      .notNullable()
      .comment('How many entities depend on or consume the team’s entities');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.primary(['team_ref', 'taken_on']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('consumer_snapshots');
};
