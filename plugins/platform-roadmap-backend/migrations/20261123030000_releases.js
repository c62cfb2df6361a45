// @ts-check

const { dropColumns } = require('./lib/dropColumns');

/**
 * Release notes, deprecations and the daily snapshots of each deprecation's
 * remaining consumers (its burn-down); a shipped request names its note.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_notes', table => {
    table.comment('What platform teams shipped, changed or deprecated');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('team_ref').notNullable().comment('lower case');
    table
      .string('entity_ref')
      .nullable()
      .comment('The platform entity it is about (lower case); null: team-wide');
    table.string('release_version', 50).nullable();
    table.string('published_on', 10).notNullable().comment('YYYY-MM-DD');
    table.string('type').notNullable();
    table.string('title', 200).notNullable();
    table.text('body').notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref', 'published_on'], 'release_notes_team_idx');
    table.index(['entity_ref'], 'release_notes_entity_idx');
  });

  await knex.schema.createTable('deprecations', table => {
    table.comment('Platform entities (or versions of them) going away');
    table.string('id').primary();
    table.integer('version').notNullable().defaultTo(1);
    table.string('team_ref').notNullable().comment('lower case');
    table.string('entity_ref').notNullable().comment('lower case');
    table.string('entity_version', 50).nullable();
    table.string('announced_on', 10).notNullable();
    table.string('sunset_on', 10).notNullable();
    table.string('replacement_entity_ref').nullable();
    table.string('migration_guide_url', 2000).nullable();
    table.text('description').notNullable();
    table.string('status').notNullable();
    table.integer('consumer_depth').notNullable().defaultTo(1);
    table
      .string('release_note_id')
      .nullable()
      .references('id')
      .inTable('release_notes')
      .onDelete('SET NULL');
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref'], 'deprecations_team_idx');
    table.index(['entity_ref'], 'deprecations_entity_idx');
    table.index(['status'], 'deprecations_status_idx');
  });

  await knex.schema.createTable('deprecation_snapshots', table => {
    table.comment('Remaining consumers of each deprecation, one row per day');
    table
      .string('deprecation_id')
      .notNullable()
      .references('id')
      .inTable('deprecations')
      .onDelete('CASCADE');
    table.string('taken_on', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .text('consumer_entity_refs')
      .notNullable()
      .comment('JSON array of the consuming entities (lower case)');
    table
      .text('team_refs')
      .notNullable()
      .comment('JSON array of their owning teams (lower case)');
    table.integer('consumer_count').notNullable();
    table.integer('team_count').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['deprecation_id', 'taken_on']);
  });

  await knex.schema.alterTable('requests', table => {
    table.string('release_note_id').nullable();
    table.index(['release_note_id'], 'requests_release_note_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('requests', table => {
    table.dropIndex(['release_note_id'], 'requests_release_note_idx');
  });
  await dropColumns(knex, 'requests', ['release_note_id']);
  await knex.schema.dropTable('deprecation_snapshots');
  await knex.schema.dropTable('deprecations');
  await knex.schema.dropTable('release_notes');
};
