// @ts-check

const { dropColumns } = require('./lib/dropColumns');

/**
 * What has been notified, so that a notification goes out once even with
 * several backend replicas: a request's strong signal, and each reminder
 * before a deprecation's sunset.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('requests', table => {
    table
      .timestamp('strong_signal_notified_at', { useTz: true })
      .nullable()
      .comment('When the platform team was told 3+ teams ask for it');
  });
  await knex.schema.createTable('deprecation_reminders', table => {
    table.comment(
      'Reminders sent before a deprecation’s sunset, one per threshold',
    );
    table
      .string('deprecation_id')
      .notNullable()
      .references('id')
      .inTable('deprecations')
      .onDelete('CASCADE');
    table
      .integer('days')
      .notNullable()
      .comment('30 or 7 days before the sunset');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['deprecation_id', 'days']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deprecation_reminders');
  await dropColumns(knex, 'requests', ['strong_signal_notified_at']);
};
