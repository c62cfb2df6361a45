// @ts-check

/**
 * Which parts of the example data (demo only: `platformRoadmap.exampleData`)
 * a backend has claimed to load. Two replicas starting together on one
 * database both found the tables empty and both loaded the examples; the
 * second then failed on a capacity budget the first had just written, and
 * its startup failed. Now one replica claims each part, here, first.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('example_data_claims', table => {
    table.comment('Parts of the example data a backend replica loaded');
    table.string('name').primary().comment('requests, roadmap, releases, …');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('example_data_claims');
};
