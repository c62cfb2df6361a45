import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';

/**
 * A table whose rows carry a `version` that every edit moves on, so that
 * concurrent edits do not silently overwrite each other (a 409 instead).
 */
export interface VersionedTable {
  table: string;
  /** What a row is called in messages, capitalized: "Theme". */
  noun: string;
}

/** The row at `version`; NotFoundError or ConflictError otherwise. */
export async function requireVersion<T = Record<string, unknown>>(
  db: Knex,
  { table, noun }: VersionedTable,
  id: string,
  version: number,
): Promise<T> {
  const row = await db(table).where('id', id).first();
  if (!row) throw new NotFoundError(`No ${noun.toLowerCase()} ${id}`);
  if (Number(row.version) !== version) {
    throw new ConflictError(
      `${noun} ${id} changed since you loaded it (version ${version}, now ${row.version}); reload and try again`,
    );
  }
  return row as T;
}

function concurrentChange(noun: string, id: string) {
  return new ConflictError(
    `${noun} ${id} was changed by someone else at the same time; reload and try again`,
  );
}

/**
 * Writes a change made on `version` and moves the row to the next version.
 * A stale version, or a concurrent change that committed first (no row left
 * at that version), is a ConflictError rather than a silent overwrite.
 */
export async function updateVersioned(
  db: Knex,
  target: VersionedTable,
  id: string,
  version: number,
  at: Date,
  patch: Record<string, unknown>,
): Promise<void> {
  const updated = await db(target.table)
    .where({ id, version })
    .update({ ...patch, version: version + 1, updated_at: at });
  if (updated === 0) {
    await requireVersion(db, target, id, version);
    throw concurrentChange(target.noun, id);
  }
}

/** Deletes the row at `version`; NotFoundError or ConflictError otherwise. */
export async function deleteVersioned(
  db: Knex,
  target: VersionedTable,
  id: string,
  version: number,
): Promise<void> {
  const deleted = await db(target.table).where({ id, version }).delete();
  if (deleted === 0) {
    await requireVersion(db, target, id, version);
    throw concurrentChange(target.noun, id);
  }
}
