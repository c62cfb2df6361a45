// @ts-check

/**
 * Drops columns and keeps every row of every table. knex drops a SQLite
 * column by rebuilding the table and dropping the old one; inside a
 * migration's transaction SQLite ignores `PRAGMA foreign_keys = OFF`, so
 * that drop cascades to every row referencing the table (a request's
 * endorsements and history). SQLite (3.35+) drops a column in place when
 * nothing indexes or references it, so indexes on it go first. Other
 * databases drop it as knex does.
 *
 * @param {import('knex').Knex} knex
 * @param {string} tableName
 * @param {string[]} columns
 */
exports.dropColumns = async function dropColumns(knex, tableName, columns) {
  if (String(knex.client.config.client).includes('sqlite')) {
    for (const column of columns) {
      await knex.raw('alter table ?? drop column ??', [tableName, column]);
    }
    return;
  }
  await knex.schema.alterTable(tableName, table => {
    table.dropColumns(...columns);
  });
};
