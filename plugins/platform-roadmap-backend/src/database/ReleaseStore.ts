import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  BurnDownPoint,
  Deprecation,
  ACTIVE_DEPRECATION_STATUSES,
  DeprecationStatus,
  ReleaseNote,
  ReleaseNoteType,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient } from './migrations';
import { deleteVersioned, updateVersioned, VersionedTable } from './versioned';
import { RequestStore } from './RequestStore';
import { Actor } from './RoadmapStore';

export interface ReleaseNoteFields {
  entityRef?: string | null;
  releaseVersion?: string;
  publishedOn: string;
  type: ReleaseNoteType;
  title: string;
  body: string;
}

export interface DeprecationFields {
  entityRef: string;
  entityVersion?: string;
  announcedOn: string;
  sunsetOn: string;
  replacementEntityRef?: string | null;
  migrationGuideUrl?: string | null;
  description: string;
  status: DeprecationStatus;
  consumerDepth: number;
}

/**
 * Which notes a list covers: every note of `teamRefs`, the notes about
 * `entityRefs`, and the team-wide notes of `teamWideRefs` (OR'ed).
 */
export interface ReleaseNoteScope {
  teamRefs?: string[];
  entityRefs?: string[];
  teamWideRefs?: string[];
}

export interface ReleaseNoteFilter {
  types?: ReleaseNoteType[];
  about?: string;
  q?: string;
  limit: number;
}

/** The remaining consumers of a deprecation on one day. */
export interface DeprecationSnapshot {
  deprecationId: string;
  /** UTC day, YYYY-MM-DD. */
  takenOn: string;
  consumerEntityRefs: string[];
  teamRefs: string[];
}

type ReleaseNoteRow = {
  id: string;
  version: number;
  team_ref: string;
  entity_ref: string | null;
  release_version: string | null;
  published_on: string;
  type: string;
  title: string;
  body: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type DeprecationRow = {
  id: string;
  version: number;
  team_ref: string;
  entity_ref: string;
  entity_version: string | null;
  announced_on: string;
  sunset_on: string;
  replacement_entity_ref: string | null;
  migration_guide_url: string | null;
  description: string;
  status: string;
  consumer_depth: number;
  release_note_id: string | null;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type SnapshotRow = {
  deprecation_id: string;
  taken_on: string;
  consumer_entity_refs: string;
  team_refs: string;
  consumer_count: number;
  team_count: number;
  updated_at: Date | string | Knex.Raw;
};

const TABLES = {
  release_notes: { table: 'release_notes', noun: 'Release note' },
  deprecations: { table: 'deprecations', noun: 'Deprecation' },
} satisfies Record<string, VersionedTable>;

const key = (ref: string) => ref.toLocaleLowerCase('en-US');
const iso = (value: Date | string) => new Date(value).toISOString();
const unique = (refs: string[]) => [...new Set(refs.map(key))].sort();

/**
 * What `q` searches: the title, body and version of a note as one text. The
 * migration 20261124110000_release_note_search indexes exactly this.
 */
/** Matches of a text search counted at most (then "1,000 or more"). */
const SEARCH_COUNT_CAP = 1000;

const TEXT_EXPRESSION =
  "lower(title || ' ' || body || ' ' || coalesce(release_version, ''))";

/**
 * Release notes, deprecations and the daily snapshots of each deprecation's
 * remaining consumers. No SQL about them lives elsewhere; shipping requests
 * goes through the RequestStore inside the same transaction.
 */
export class ReleaseStore {
  static async create(options: {
    database: DatabaseService;
    requests: RequestStore;
  }): Promise<ReleaseStore> {
    return new ReleaseStore(
      await migratedClient(options.database),
      options.requests,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly requests: RequestStore,
  ) {}

  /** Whether any release note or deprecation exists. */
  async hasAny(): Promise<boolean> {
    const [note, deprecation] = await Promise.all([
      this.db('release_notes').first('id'),
      this.db('deprecations').first('id'),
    ]);
    return !!note || !!deprecation;
  }

  // Release notes

  /**
   * Publishes a note; the planned requests it names become shipped and link
   * to it, all in one transaction.
   */
  async createReleaseNote(
    teamRef: string,
    input: ReleaseNoteFields,
    shipsRequestIds: string[],
    actor: Actor,
  ): Promise<ReleaseNote> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      await tx<ReleaseNoteRow>('release_notes').insert(
        newNoteRow(id, teamRef, input, actor),
      );
      await this.requests.shipWithNote(
        tx,
        shipsRequestIds,
        { id, teamRef, title: input.title },
        actor,
      );
    });
    return this.getReleaseNote(id);
  }

  async getReleaseNote(id: string): Promise<ReleaseNote> {
    const row = await this.db<ReleaseNoteRow>('release_notes')
      .where('id', id)
      .first();
    if (!row) throw new NotFoundError(`No release note ${id}`);
    const [note] = await this.withLinks([row]);
    return note;
  }

  /** Notes in the scope that pass the filter, newest first, and the total. */
  async listReleaseNotes(
    scope: ReleaseNoteScope,
    filter: ReleaseNoteFilter,
  ): Promise<{
    items: ReleaseNote[];
    totalItems: number;
    totalIsLowerBound?: boolean;
  }> {
    const where = (query: Knex.QueryBuilder) => {
      query.where(inScope => {
        inScope.whereRaw('1 = 0');
        if (scope.teamRefs?.length) {
          inScope.orWhereIn('team_ref', scope.teamRefs.map(key));
        }
        if (scope.entityRefs?.length) {
          inScope.orWhereIn('entity_ref', scope.entityRefs.map(key));
        }
        if (scope.teamWideRefs?.length) {
          inScope.orWhere(teamWide =>
            teamWide
              .whereIn('team_ref', scope.teamWideRefs!.map(key))
              .whereNull('entity_ref'),
          );
        }
      });
      if (filter.types?.length) query.whereIn('type', filter.types);
      if (filter.about) query.where('entity_ref', key(filter.about));
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, c => `\\${c}`)}%`;
        // lower() on both sides, so SQLite (ASCII only) and PostgreSQL
        // (Unicode) each compare like with like; on PostgreSQL a trigram
        // index covers this very expression.
        query.whereRaw(`${TEXT_EXPRESSION} like lower(?) escape ?`, [
          pattern,
          '\\',
        ]);
      }
      return query;
    };
    const rows: ReleaseNoteRow[] = await where(
      this.db<ReleaseNoteRow>('release_notes').select('*'),
    )
      .orderBy([
        { column: 'published_on', order: 'desc' },
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(filter.limit);
    // A page that is not full holds them all. A text search counts up to
    // SEARCH_COUNT_CAP matches: counting every note of a big team that has
    // a common word reads every one of them.
    let totalItems = rows.length;
    let totalIsLowerBound = false;
    if (rows.length === filter.limit) {
      const cap = filter.q ? SEARCH_COUNT_CAP : undefined;
      const counted = where(this.db('release_notes').select(this.db.raw('1')));
      // The newest matches, in the team index's order: PostgreSQL then
      // walks a team's notes newest first and stops at the cap, instead of
      // scanning the table for a common word.
      if (cap) counted.orderBy('published_on', 'desc').limit(cap + 1);
      const [{ count }] = await this.db
        .from(counted.as('matching'))
        .count({ count: '*' });
      totalItems = Number(count);
      if (cap && totalItems > cap) {
        totalItems = cap;
        totalIsLowerBound = true;
      }
    }
    return {
      items: await this.withLinks(rows),
      totalItems,
      ...(totalIsLowerBound && { totalIsLowerBound }),
    };
  }

  /** Every note, by id after `afterId`: the search index reads them in pages. */
  async pageReleaseNotes(
    afterId: string | undefined,
    limit: number,
  ): Promise<ReleaseNote[]> {
    const query = this.db<ReleaseNoteRow>('release_notes');
    if (afterId) query.where('id', '>', afterId);
    return this.withLinks(await query.orderBy('id').limit(limit));
  }

  /** Every deprecation, by id after `afterId`, in pages. */
  async pageDeprecations(
    afterId: string | undefined,
    limit: number,
  ): Promise<Deprecation[]> {
    const query = this.db<DeprecationRow>('deprecations');
    if (afterId) query.where('id', '>', afterId);
    return (await query.orderBy('id').limit(limit)).map(toDeprecation);
  }

  async updateReleaseNote(
    id: string,
    version: number,
    input: ReleaseNoteFields,
    actor: Actor,
  ): Promise<ReleaseNote> {
    await updateVersioned(
      this.db,
      TABLES.release_notes,
      id,
      version,
      actor.at,
      noteColumns(input),
    );
    return this.getReleaseNote(id);
  }

  /** Deletes a note; the requests it shipped stay shipped, unlinked. */
  async deleteReleaseNote(id: string, version: number): Promise<void> {
    await this.db.transaction(async tx => {
      await this.requests.unlinkReleaseNote(tx, id);
      await tx<DeprecationRow>('deprecations')
        .where('release_note_id', id)
        .update({ release_note_id: null });
      await deleteVersioned(tx, TABLES.release_notes, id, version);
    });
  }

  // Deprecations

  /**
   * Announces a deprecation: the deprecation, its `deprecation` release
   * note and the first snapshot of its consumers, in one transaction.
   */
  async announceDeprecation(
    teamRef: string,
    input: DeprecationFields,
    note: Pick<ReleaseNoteFields, 'title' | 'body'>,
    firstSnapshot: Omit<DeprecationSnapshot, 'deprecationId'> | undefined,
    actor: Actor,
  ): Promise<Deprecation> {
    const id = randomUUID();
    const noteId = randomUUID();
    await this.db.transaction(async tx => {
      await tx<ReleaseNoteRow>('release_notes').insert(
        newNoteRow(
          noteId,
          teamRef,
          {
            entityRef: input.entityRef,
            releaseVersion: input.entityVersion,
            publishedOn: input.announcedOn,
            type: 'deprecation',
            ...note,
          },
          actor,
        ),
      );
      await tx<DeprecationRow>('deprecations').insert({
        id,
        version: 1,
        team_ref: key(teamRef),
        ...deprecationColumns(input),
        release_note_id: noteId,
        created_by: actor.by,
        created_at: actor.at,
        updated_at: actor.at,
      });
      if (firstSnapshot) {
        await this.writeSnapshots(tx, [
          { ...firstSnapshot, deprecationId: id },
        ]);
      }
    });
    return this.getDeprecation(id);
  }

  async getDeprecation(id: string): Promise<Deprecation> {
    const [deprecation] = await this.listDeprecations({ ids: [id] });
    if (!deprecation) throw new NotFoundError(`No deprecation ${id}`);
    return deprecation;
  }

  /**
   * The deepest consumer depth among deprecations in these statuses (0 when
   * there are none): how far a consumer's uses must be followed.
   */
  async maxConsumerDepth(
    statuses: readonly DeprecationStatus[],
  ): Promise<number> {
    const [row] = await this.db('deprecations')
      .whereIn('status', [...statuses])
      .max({ depth: 'consumer_depth' });
    return Number(row?.depth ?? 0);
  }

  /**
   * A team's deprecations as its tab shows them: the active ones with the
   * soonest sunsets and the finished ones with the latest, at most `limit`
   * of each, and how many there are of each. Read from the team's index,
   * so a team with thousands of deprecations costs a page of them.
   */
  async teamDeprecations(
    teamRef: string,
    limit: number,
  ): Promise<{
    active: Deprecation[];
    finished: Deprecation[];
    totals: { active: number; finished: number };
  }> {
    const team = key(teamRef);
    const ordered = (active: boolean) => {
      const query = this.db<DeprecationRow>('deprecations').where(
        'team_ref',
        team,
      );
      if (active) query.whereIn('status', [...ACTIVE_DEPRECATION_STATUSES]);
      else query.whereNotIn('status', [...ACTIVE_DEPRECATION_STATUSES]);
      const order = active ? 'asc' : 'desc';
      return query
        .orderBy([
          { column: 'sunset_on', order },
          { column: 'created_at', order },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit);
    };
    const [active, finished, counts] = await Promise.all([
      ordered(true),
      ordered(false),
      this.db('deprecations')
        .where('team_ref', team)
        .groupBy('status')
        .select('status')
        .count({ count: '*' }),
    ]);
    const totals = { active: 0, finished: 0 };
    for (const row of counts as Array<{ status: string; count: unknown }>) {
      const isActive = ACTIVE_DEPRECATION_STATUSES.includes(
        row.status as DeprecationStatus,
      );
      totals[isActive ? 'active' : 'finished'] += Number(row.count);
    }
    return {
      active: active.map(toDeprecation),
      finished: finished.map(toDeprecation),
      totals,
    };
  }

  /** Deprecations matching every given filter, soonest sunset first. */
  async listDeprecations(filter: {
    ids?: string[];
    teamRefs?: string[];
    entityRefs?: string[];
    statuses?: readonly DeprecationStatus[];
  }): Promise<Deprecation[]> {
    const query = this.db<DeprecationRow>('deprecations');
    if (filter.ids) query.whereIn('id', filter.ids);
    if (filter.teamRefs) query.whereIn('team_ref', filter.teamRefs.map(key));
    if (filter.entityRefs) {
      query.whereIn('entity_ref', filter.entityRefs.map(key));
    }
    if (filter.statuses) query.whereIn('status', [...filter.statuses]);
    const rows = await query.orderBy([
      { column: 'sunset_on', order: 'asc' },
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toDeprecation);
  }

  /**
   * Edits a deprecation and rewrites its announcement note (title, body,
   * version, day) to match, in one transaction; the note's version moves on
   * too, so an edit of the note made on the old text gets a 409.
   */
  async updateDeprecation(
    id: string,
    version: number,
    input: DeprecationFields,
    note: Pick<ReleaseNoteFields, 'title' | 'body'>,
    actor: Actor,
  ): Promise<Deprecation> {
    await this.db.transaction(async tx => {
      await updateVersioned(
        tx,
        TABLES.deprecations,
        id,
        version,
        actor.at,
        deprecationColumns(input),
      );
      const row = await tx<DeprecationRow>('deprecations')
        .where('id', id)
        .first('release_note_id');
      if (row?.release_note_id) {
        await tx<ReleaseNoteRow>('release_notes')
          .where('id', row.release_note_id)
          .update({
            title: note.title,
            body: note.body,
            release_version: input.entityVersion || null,
            published_on: input.announcedOn,
            version: tx.raw('version + 1') as unknown as number,
            updated_at: actor.at,
          });
      }
    });
    return this.getDeprecation(id);
  }

  /** Deletes a deprecation and its snapshots; its release note stays. */
  async deleteDeprecation(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.deprecations, id, version);
  }

  /**
   * Records snapshots; a second one on the same day replaces that day's
   * row, so the last run of a day wins and replicas cannot duplicate it.
   */
  async recordSnapshots(snapshots: DeprecationSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.db.transaction(async tx => {
      // A deprecation deleted since the run listed it is skipped, rather
      // than failing everyone's point on its foreign key.
      const existing = new Set(
        (
          await tx<DeprecationRow>('deprecations')
            .select('id')
            .whereIn(
              'id',
              snapshots.map(s => s.deprecationId),
            )
        ).map(r => r.id),
      );
      await this.writeSnapshots(
        tx,
        snapshots.filter(s => existing.has(s.deprecationId)),
      );
    });
  }

  /** Each deprecation's burn-down: one point per snapshot day, oldest first. */
  async burnDowns(ids: string[]): Promise<Map<string, BurnDownPoint[]>> {
    const result = new Map<string, BurnDownPoint[]>();
    if (ids.length === 0) return result;
    const rows = await this.db<SnapshotRow>('deprecation_snapshots')
      .select('deprecation_id', 'taken_on', 'consumer_count', 'team_count')
      .whereIn('deprecation_id', ids)
      .orderBy([
        { column: 'deprecation_id', order: 'asc' },
        { column: 'taken_on', order: 'asc' },
      ]);
    for (const row of rows) {
      const points = result.get(row.deprecation_id) ?? [];
      points.push({
        day: row.taken_on,
        consumerCount: Number(row.consumer_count),
        teamCount: Number(row.team_count),
      });
      result.set(row.deprecation_id, points);
    }
    return result;
  }

  /**
   * Claims a reminder (`days` before the sunset) of a deprecation: true for
   * the first caller only, whichever replica it runs on.
   */
  async claimReminder(
    deprecationId: string,
    days: number,
    at: Date,
  ): Promise<boolean> {
    const inserted = await this.db('deprecation_reminders')
      .insert({ deprecation_id: deprecationId, days, sent_at: at })
      .onConflict(['deprecation_id', 'days'])
      .ignore()
      .returning('days');
    return inserted.length === 1;
  }

  /** The snapshot of one deprecation on one day, if any. */
  async getSnapshot(
    deprecationId: string,
    takenOn: string,
  ): Promise<DeprecationSnapshot | undefined> {
    const row = await this.db<SnapshotRow>('deprecation_snapshots')
      .where({ deprecation_id: deprecationId, taken_on: takenOn })
      .first();
    return (
      row && {
        deprecationId: row.deprecation_id,
        takenOn: row.taken_on,
        consumerEntityRefs: JSON.parse(row.consumer_entity_refs),
        teamRefs: JSON.parse(row.team_refs),
      }
    );
  }

  private async writeSnapshots(
    tx: Knex.Transaction,
    snapshots: DeprecationSnapshot[],
  ) {
    for (const snapshot of snapshots) {
      const consumers = unique(snapshot.consumerEntityRefs);
      const teams = unique(snapshot.teamRefs);
      await tx<SnapshotRow>('deprecation_snapshots')
        .insert({
          deprecation_id: snapshot.deprecationId,
          taken_on: snapshot.takenOn,
          consumer_entity_refs: JSON.stringify(consumers),
          team_refs: JSON.stringify(teams),
          consumer_count: consumers.length,
          team_count: teams.length,
          updated_at: tx.fn.now(),
        })
        .onConflict(['deprecation_id', 'taken_on'])
        .merge();
    }
  }

  /** Adds what links to each note: shipped requests and its deprecation. */
  private async withLinks(rows: ReleaseNoteRow[]): Promise<ReleaseNote[]> {
    const ids = rows.map(r => r.id);
    const [requests, deprecations] = await Promise.all([
      this.requests.shippedBy(ids),
      ids.length
        ? this.db<DeprecationRow>('deprecations')
            .select('id', 'release_note_id')
            .whereIn('release_note_id', ids)
        : Promise.resolve(
            [] as Array<Pick<DeprecationRow, 'id' | 'release_note_id'>>,
          ),
    ]);
    const deprecationOf = new Map(
      deprecations.map(d => [d.release_note_id!, d.id]),
    );
    return rows.map(row =>
      toReleaseNote(row, requests.get(row.id) ?? [], deprecationOf.get(row.id)),
    );
  }
}

function noteColumns(input: ReleaseNoteFields) {
  return {
    entity_ref: input.entityRef ? key(input.entityRef) : null,
    release_version: input.releaseVersion || null,
    published_on: input.publishedOn,
    type: input.type,
    title: input.title,
    body: input.body,
  };
}

function newNoteRow(
  id: string,
  teamRef: string,
  input: ReleaseNoteFields,
  actor: Actor,
): ReleaseNoteRow {
  return {
    id,
    version: 1,
    team_ref: key(teamRef),
    ...noteColumns(input),
    created_by: actor.by,
    created_at: actor.at,
    updated_at: actor.at,
  };
}

function deprecationColumns(input: DeprecationFields) {
  return {
    entity_ref: key(input.entityRef),
    entity_version: input.entityVersion || null,
    announced_on: input.announcedOn,
    sunset_on: input.sunsetOn,
    replacement_entity_ref: input.replacementEntityRef
      ? key(input.replacementEntityRef)
      : null,
    migration_guide_url: input.migrationGuideUrl || null,
    description: input.description,
    status: input.status,
    consumer_depth: input.consumerDepth,
  };
}

function toReleaseNote(
  row: ReleaseNoteRow,
  requests: Array<{ id: string; title: string }>,
  deprecationId: string | undefined,
): ReleaseNote {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    ...(row.entity_ref && { entityRef: row.entity_ref }),
    ...(row.release_version && { releaseVersion: row.release_version }),
    publishedOn: row.published_on,
    type: row.type as ReleaseNoteType,
    title: row.title,
    body: row.body,
    requests,
    ...(deprecationId && { deprecationId }),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toDeprecation(row: DeprecationRow): Deprecation {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    entityRef: row.entity_ref,
    ...(row.entity_version && { entityVersion: row.entity_version }),
    announcedOn: row.announced_on,
    sunsetOn: row.sunset_on,
    ...(row.replacement_entity_ref && {
      replacementEntityRef: row.replacement_entity_ref,
    }),
    ...(row.migration_guide_url && {
      migrationGuideUrl: row.migration_guide_url,
    }),
    description: row.description,
    status: row.status as DeprecationStatus,
    consumerDepth: Number(row.consumer_depth),
    ...(row.release_note_id && { releaseNoteId: row.release_note_id }),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
