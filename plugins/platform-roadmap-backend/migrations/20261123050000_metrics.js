// @ts-check

/**
 * Metrics a platform team tracks (machines post their points with a service
 * token) and the satisfaction survey its consumers answer each quarter.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metrics', table => {
    table.comment('Time series a platform team tracks, e.g. p99 build time');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('team_ref').notNullable().comment('lower case');
    table
      .string('key', 63)
      .notNullable()
      .comment('Lower-case slug, unique per team, used in the points URL');
    table.string('kind').notNullable();
    table.string('name', 200).notNullable();
    table.string('unit', 40).notNullable();
    table.string('direction', 10).notNullable().comment('increase | decrease');
    table.text('description').notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['team_ref', 'key'], { indexName: 'metrics_team_key_uniq' });
  });

  await knex.schema.createTable('metric_points', table => {
    table.comment('The values of a metric');
    table.increments('id');
    table
      .string('metric_id')
      .notNullable()
      .references('id')
      .inTable('metrics')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.double('value').notNullable();
    table.text('note').nullable();
    table
      .string('source')
      .notNullable()
      .comment('Who posted it: a user ref, or service:<subject>');
    table.index(['metric_id', 'at'], 'metric_points_metric_at_idx');
  });

  await knex.schema.createTable('survey_responses', table => {
    table.comment('Consumers rating a platform team, once per quarter each');
    table.string('id').primary();
    table.string('team_ref').notNullable().comment('lower case');
    table.string('period', 7).notNullable().comment('A quarter, e.g. 2026-Q4');
    table.string('respondent_ref').notNullable().comment('lower case');
    table
      .string('respondent_team_ref')
      .notNullable()
      .comment('The consuming team rated for (lower case)');
    table.integer('score').notNullable().comment('1 to 5');
    table.text('comment').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['team_ref', 'period', 'respondent_ref'], {
      indexName: 'survey_responses_once_uniq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_responses');
  await knex.schema.dropTable('metric_points');
  await knex.schema.dropTable('metrics');
};
