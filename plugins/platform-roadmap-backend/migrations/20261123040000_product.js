// @ts-check

const { dropColumns } = require('./lib/dropColumns');

/**
 * Running the platform like a product: capacity budgets per quarter, the
 * stakeholders a team writes down, the asks of its customer review; and key
 * results bound to a metric (the metrics tables come with the next
 * migration).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('capacity_budgets', table => {
    table.comment('Where a platform team’s time goes in a quarter, in percent');
    table.string('team_ref').notNullable().comment('lower case');
    table.string('quarter', 7).notNullable();
    table.integer('version').notNullable();
    table.integer('on_call').notNullable();
    table.integer('maintenance').notNullable();
    table.integer('documentation').notNullable();
    table.integer('onboarding').notNullable();
    table.integer('roadmap').notNullable();
    table.string('updated_by').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['team_ref', 'quarter']);
  });

  await knex.schema.createTable('stakeholders', table => {
    table.comment('Stakeholders a platform team writes down');
    table.string('id').primary();
    table.integer('version').notNullable();
    table.string('team_ref').notNullable();
    table.string('kind').notNullable();
    table.string('name', 200).notNullable();
    table.string('entity_ref').nullable();
    table.string('contact', 500).nullable();
    table.text('notes').notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref'], 'stakeholders_team_idx');
  });

  await knex.schema.createTable('review_asks', table => {
    table.comment('What a platform team needs from its consumers, per quarter');
    table.string('id').primary();
    table.integer('version').notNullable();
    table.string('team_ref').notNullable();
    table.string('quarter', 7).notNullable();
    table.string('kind').notNullable();
    table.text('text').notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref', 'quarter'], 'review_asks_team_quarter_idx');
  });

  await knex.schema.alterTable('key_results', table => {
    table
      .string('measure_metric_id')
      .nullable()
      .comment('The metric whose latest point the key result follows');
    table.index(['measure_metric_id'], 'key_results_metric_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('key_results', table => {
    table.dropIndex(['measure_metric_id'], 'key_results_metric_idx');
  });
  await dropColumns(knex, 'key_results', ['measure_metric_id']);
  await knex.schema.dropTable('review_asks');
  await knex.schema.dropTable('stakeholders');
  await knex.schema.dropTable('capacity_budgets');
};
