// @ts-check

/**
 * Requests from consuming teams to platform teams, their endorsements
 * ("+1"s from other entities) and the history of every change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('requests', table => {
    table.comment('Requests filed from catalog entities to platform teams');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('kind').notNullable();
    table.string('impact_type').notNullable();
    table.string('severity').notNullable();
    table.float('hours_per_engineer_per_week').notNullable();
    table.integer('engineers_affected').notNullable();
    table.text('evidence').nullable();
    table.string('requesting_entity_ref').notNullable();
    table.string('requesting_team_ref').nullable();
    table.string('platform_team_ref').notNullable();
    table.text('about_entity_refs').notNullable().comment('JSON array');
    table.string('status').notNullable();
    table.text('status_reason').nullable();
    table.string('revisit_on', 10).nullable();
    table.float('cost_to_ship').nullable().comment('engineer-quarters');
    table.integer('strategic_fit').nullable();
    table.integer('reversibility').nullable();
    table.string('merged_into_id').nullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['platform_team_ref', 'status'], 'requests_team_status_idx');
    table.index(['requesting_entity_ref'], 'requests_entity_idx');
  });

  await knex.schema.createTable('request_endorsements', table => {
    table.comment('"+1"s on a request, one per endorsing entity');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('requests')
      .onDelete('CASCADE');
    table.string('entity_ref').notNullable();
    table.string('team_ref').nullable();
    table.float('hours_per_engineer_per_week').notNullable();
    table.integer('engineers_affected').notNullable();
    table.text('evidence').nullable();
    table.text('comment').nullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['request_id', 'entity_ref']);
    table.index(['entity_ref'], 'request_endorsements_entity_idx');
  });

  await knex.schema.createTable('request_history', table => {
    table.comment('Every change to a request: who, when, why');
    table.increments('id').primary();
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('requests')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('by').notNullable();
    table.string('action').notNullable();
    table.string('from_status').nullable();
    table.string('to_status').nullable();
    table.text('reason').nullable();
    table.index(['request_id'], 'request_history_request_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('request_history');
  await knex.schema.dropTable('request_endorsements');
  await knex.schema.dropTable('requests');
};
