// @ts-check

const { dropColumns } = require('./lib/dropColumns');

/**
 * Themes, objectives and key results (with their check-ins), quarterly
 * commitments, and the link from a planned request to its theme.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('themes', table => {
    table.comment('Outcomes a platform team promises for a year or quarter');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('team_ref').notNullable();
    table.string('period', 7).notNullable().comment('YYYY or YYYY-Qn');
    table.string('category').notNullable();
    table.string('title', 200).notNullable();
    table.string('outcome', 300).notNullable();
    table.text('description').notNullable();
    table.string('status').notNullable();
    table.text('status_reason').nullable();
    table.text('entity_refs').notNullable().comment('JSON array');
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref', 'period'], 'themes_team_period_idx');
  });

  await knex.schema.createTable('objectives', table => {
    table.comment('Objectives under a theme');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table
      .string('theme_id')
      .notNullable()
      .references('id')
      .inTable('themes')
      .onDelete('CASCADE');
    table.string('team_ref').notNullable();
    table.string('title', 200).notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['theme_id'], 'objectives_theme_idx');
  });

  await knex.schema.createTable('key_results', table => {
    table.comment('Measurable key results of an objective');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table
      .string('objective_id')
      .notNullable()
      .references('id')
      .inTable('objectives')
      .onDelete('CASCADE');
    table.string('team_ref').notNullable();
    table.string('title', 200).notNullable();
    table.string('metric', 200).notNullable();
    table.string('unit', 40).notNullable();
    table.double('baseline').notNullable();
    table.double('target').notNullable();
    table.double('current').notNullable();
    table.string('direction').notNullable();
    table.string('start_date', 10).notNullable();
    table.string('due_date', 10).notNullable();
    table.string('guardrail', 300).nullable();
    table.string('measure_type').nullable();
    table.string('measure_entity_ref').nullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['objective_id'], 'key_results_objective_idx');
    table.index(['measure_type'], 'key_results_measure_idx');
  });

  await knex.schema.createTable('key_result_check_ins', table => {
    table.comment('Every recorded value of a key result');
    table.increments('id').primary();
    table
      .string('key_result_id')
      .notNullable()
      .references('id')
      .inTable('key_results')
      .onDelete('CASCADE');
    table.double('value').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('note').nullable();
    table.string('by').notNullable();
    table.boolean('guardrail_breached').nullable();
    table.index(['key_result_id'], 'key_result_check_ins_kr_idx');
  });

  await knex.schema.createTable('commitments', table => {
    table.comment(
      'What a team commits to, or deprioritizes and why, per quarter',
    );
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('team_ref').notNullable();
    table.string('quarter', 7).notNullable();
    table.string('kind').notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.text('reason').nullable();
    table
      .string('theme_id')
      .nullable()
      .references('id')
      .inTable('themes')
      .onDelete('SET NULL');
    table.string('request_id').nullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref', 'quarter'], 'commitments_team_quarter_idx');
  });

  await knex.schema.alterTable('requests', table => {
    table.string('theme_id').nullable();
    table.string('planned_quarter', 7).nullable();
    table.index(['theme_id'], 'requests_theme_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('requests', table => {
    table.dropIndex(['theme_id'], 'requests_theme_idx');
  });
  await dropColumns(knex, 'requests', ['planned_quarter', 'theme_id']);
  await knex.schema.dropTable('commitments');
  await knex.schema.dropTable('key_result_check_ins');
  await knex.schema.dropTable('key_results');
  await knex.schema.dropTable('objectives');
  await knex.schema.dropTable('themes');
};
