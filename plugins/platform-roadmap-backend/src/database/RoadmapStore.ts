import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  CheckIn,
  Commitment,
  CommitmentKind,
  KeyResult,
  KeyResultDirection,
  keyResultProgress,
  Objective,
  Theme,
  ThemeCategory,
  ThemeStatus,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient } from './migrations';
import {
  deleteVersioned,
  requireVersion,
  updateVersioned,
  VersionedTable,
} from './versioned';

/** Who made a change, and when. */
export type Actor = { by: string; at: Date };

/** The author of check-ins the catalog measures. */
export const CATALOG_ACTOR = 'platform-roadmap:catalog';

export interface ThemeFields {
  period: string;
  category: ThemeCategory;
  title: string;
  outcome: string;
  description: string;
  status: ThemeStatus;
  statusReason?: string;
  entityRefs: string[];
}

export interface KeyResultFields {
  title: string;
  metric: string;
  unit: string;
  baseline: number;
  target: number;
  current?: number;
  direction: KeyResultDirection;
  startDate: string;
  dueDate: string;
  guardrail?: string;
  measure?: KeyResult['measure'] | null;
}

export interface CommitmentFields {
  quarter: string;
  kind: CommitmentKind;
  title: string;
  description: string;
  reason?: string;
  themeId?: string | null;
  requestId?: string | null;
}

export interface ThemeFilter {
  teamRefs?: string[];
  periods?: string[];
  statuses?: ThemeStatus[];
  ids?: string[];
}

type ThemeRow = {
  id: string;
  version: number;
  team_ref: string;
  period: string;
  category: string;
  title: string;
  outcome: string;
  description: string;
  status: string;
  status_reason: string | null;
  entity_refs: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type ObjectiveRow = {
  id: string;
  version: number;
  theme_id: string;
  team_ref: string;
  title: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type KeyResultRow = {
  id: string;
  version: number;
  objective_id: string;
  team_ref: string;
  title: string;
  metric: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  direction: string;
  start_date: string;
  due_date: string;
  guardrail: string | null;
  measure_type: string | null;
  measure_entity_ref: string | null;
  measure_metric_id: string | null;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type CheckInRow = {
  id: number;
  key_result_id: string;
  value: number;
  at: Date | string;
  note: string | null;
  by: string;
  guardrail_breached: boolean | number | null;
};

type CommitmentRow = {
  id: string;
  version: number;
  team_ref: string;
  quarter: string;
  kind: string;
  title: string;
  description: string;
  reason: string | null;
  theme_id: string | null;
  request_id: string | null;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const TABLES = {
  themes: { table: 'themes', noun: 'Theme' },
  objectives: { table: 'objectives', noun: 'Objective' },
  key_results: { table: 'key_results', noun: 'Key result' },
  commitments: { table: 'commitments', noun: 'Commitment' },
} satisfies Record<string, VersionedTable>;

const key = (ref: string) => ref.toLocaleLowerCase('en-US');
const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Themes, objectives, key results with their check-ins, and commitments.
 * No SQL about them lives elsewhere.
 */
export class RoadmapStore {
  static async create(options: {
    database: DatabaseService;
    now?: () => Date;
  }): Promise<RoadmapStore> {
    return new RoadmapStore(
      await migratedClient(options.database),
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly now: () => Date,
  ) {}

  // Themes

  async createTheme(
    teamRef: string,
    input: ThemeFields,
    actor: Actor,
  ): Promise<Theme> {
    const id = randomUUID();
    await this.db<ThemeRow>('themes').insert({
      id,
      version: 1,
      team_ref: key(teamRef),
      ...themeColumns(input),
      created_by: actor.by,
      created_at: actor.at,
      updated_at: actor.at,
    });
    return this.getTheme(id);
  }

  async getTheme(id: string): Promise<Theme> {
    const [theme] = await this.listThemes({ ids: [id] });
    if (!theme) throw new NotFoundError(`No theme ${id}`);
    return theme;
  }

  async listThemes(filter: ThemeFilter): Promise<Theme[]> {
    const query = this.db<ThemeRow>('themes');
    if (filter.ids) query.whereIn('id', filter.ids);
    if (filter.teamRefs) query.whereIn('team_ref', filter.teamRefs.map(key));
    if (filter.periods) query.whereIn('period', filter.periods);
    if (filter.statuses) query.whereIn('status', filter.statuses);
    const rows = await query.orderBy([
      { column: 'period', order: 'asc' },
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toTheme);
  }

  /** Every theme, by id after `afterId`: the search index reads them in pages. */
  async pageThemes(afterId: string | undefined, limit: number) {
    const query = this.db<ThemeRow>('themes');
    if (afterId) query.where('id', '>', afterId);
    return (await query.orderBy('id').limit(limit)).map(toTheme);
  }

  async updateTheme(
    id: string,
    version: number,
    input: ThemeFields,
    actor: Actor,
  ): Promise<Theme> {
    await updateVersioned(
      this.db,
      TABLES.themes,
      id,
      version,
      actor.at,
      themeColumns(input),
    );
    return this.getTheme(id);
  }

  /** Deletes a theme with its objectives and key results (cascade). */
  async deleteTheme(id: string, version: number): Promise<void> {
    await this.db.transaction(async tx => {
      await deleteVersioned(tx, TABLES.themes, id, version);
      // Planned requests stay planned; they just lose the link.
      await tx('requests').where('theme_id', id).update({ theme_id: null });
    });
  }

  /** Distinct periods and commitment quarters a team has. */
  async periodsOf(teamRef: string): Promise<string[]> {
    const team = key(teamRef);
    const [themes, commitments] = await Promise.all([
      this.db<ThemeRow>('themes').distinct('period').where('team_ref', team),
      this.db<CommitmentRow>('commitments')
        .distinct('quarter')
        .where('team_ref', team),
    ]);
    return [
      ...new Set([
        ...themes.map(r => r.period),
        ...commitments.map(r => r.quarter),
      ]),
    ];
  }

  // Objectives

  async createObjective(
    theme: Theme,
    input: { title: string },
    actor: Actor,
  ): Promise<Objective> {
    const id = randomUUID();
    await this.db<ObjectiveRow>('objectives').insert({
      id,
      version: 1,
      theme_id: theme.id,
      team_ref: key(theme.teamRef),
      title: input.title,
      created_by: actor.by,
      created_at: actor.at,
      updated_at: actor.at,
    });
    return this.getObjective(id);
  }

  async getObjective(id: string): Promise<Objective> {
    const row = await this.db<ObjectiveRow>('objectives')
      .where('id', id)
      .first();
    if (!row) throw new NotFoundError(`No objective ${id}`);
    return toObjective(row);
  }

  async listObjectives(themeIds: string[]): Promise<Objective[]> {
    if (themeIds.length === 0) return [];
    const rows = await this.db<ObjectiveRow>('objectives')
      .whereIn('theme_id', themeIds)
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toObjective);
  }

  async updateObjective(
    id: string,
    version: number,
    input: { title: string },
    actor: Actor,
  ): Promise<Objective> {
    await updateVersioned(this.db, TABLES.objectives, id, version, actor.at, {
      title: input.title,
    });
    return this.getObjective(id);
  }

  async deleteObjective(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.objectives, id, version);
  }

  // Key results

  /**
   * A new key result; its first check-in records the starting value (the
   * baseline unless a current value is given).
   */
  async createKeyResult(
    objective: Objective,
    input: KeyResultFields,
    actor: Actor,
  ): Promise<KeyResult> {
    const id = randomUUID();
    const current = input.current ?? input.baseline;
    await this.db.transaction(async tx => {
      await tx<KeyResultRow>('key_results').insert({
        id,
        version: 1,
        objective_id: objective.id,
        team_ref: key(objective.teamRef),
        ...keyResultColumns(input),
        current,
        created_by: actor.by,
        created_at: actor.at,
        updated_at: actor.at,
      });
      await tx<CheckInRow>('key_result_check_ins').insert({
        key_result_id: id,
        value: current,
        at: actor.at,
        note: 'Starting value',
        by: actor.by,
        guardrail_breached: null,
      });
    });
    return this.getKeyResult(id);
  }

  async getKeyResult(id: string): Promise<KeyResult> {
    const [kr] = await this.keyResultsWhere(q => q.where('id', id));
    if (!kr) throw new NotFoundError(`No key result ${id}`);
    return kr;
  }

  async listKeyResults(objectiveIds: string[]): Promise<KeyResult[]> {
    if (objectiveIds.length === 0) return [];
    return this.keyResultsWhere(q => q.whereIn('objective_id', objectiveIds));
  }

  /** Every key result the catalog measures. */
  async listMeasuredKeyResults(): Promise<KeyResult[]> {
    return this.keyResultsWhere(q =>
      q.where('measure_type', 'consuming-teams'),
    );
  }

  /** The key results that follow a metric. */
  async listKeyResultsByMetric(metricId: string): Promise<KeyResult[]> {
    return this.keyResultsWhere(q =>
      q.where({ measure_type: 'metric', measure_metric_id: metricId }),
    );
  }

  /**
   * Edits a key result's definition. A changed `current` is recorded as a
   * check-in so the history explains the value.
   */
  async updateKeyResult(
    id: string,
    version: number,
    input: KeyResultFields,
    actor: Actor,
  ): Promise<KeyResult> {
    await this.db.transaction(async tx => {
      const row = await requireVersion<KeyResultRow>(
        tx,
        TABLES.key_results,
        id,
        version,
      );
      const current = input.measure
        ? Number(row.current)
        : input.current ?? Number(row.current);
      await updateVersioned(tx, TABLES.key_results, id, version, actor.at, {
        ...keyResultColumns(input),
        current,
      });
      if (current !== Number(row.current)) {
        await tx<CheckInRow>('key_result_check_ins').insert({
          key_result_id: id,
          value: current,
          at: actor.at,
          note: 'Value corrected while editing the key result',
          by: actor.by,
          guardrail_breached: null,
        });
      }
    });
    return this.getKeyResult(id);
  }

  async deleteKeyResult(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.key_results, id, version);
  }

  /** Records a new value: the check-in and the key result's current value. */
  async checkIn(
    id: string,
    version: number,
    input: { value: number; note?: string; guardrailBreached?: boolean },
    actor: Actor,
  ): Promise<KeyResult> {
    await this.db.transaction(async tx => {
      await updateVersioned(tx, TABLES.key_results, id, version, actor.at, {
        current: input.value,
      });
      await tx<CheckInRow>('key_result_check_ins').insert({
        key_result_id: id,
        value: input.value,
        at: actor.at,
        note: input.note ?? null,
        by: actor.by,
        guardrail_breached: input.guardrailBreached ?? null,
      });
    });
    return this.getKeyResult(id);
  }

  /**
   * Records a value measured from the catalog, if it differs from the
   * current one. Returns whether it changed; a concurrent edit wins (the
   * next run measures again).
   */
  async recordMeasurement(
    kr: Pick<KeyResult, 'id' | 'version' | 'current'>,
    value: number,
    at: Date,
    note: string,
  ): Promise<boolean> {
    if (value === kr.current) return false;
    try {
      await this.checkIn(
        kr.id,
        kr.version,
        { value, note },
        { by: CATALOG_ACTOR, at },
      );
      return true;
    } catch (error) {
      if ((error as Error)?.name === 'ConflictError') return false;
      throw error;
    }
  }

  // Commitments

  async createCommitment(
    teamRef: string,
    input: CommitmentFields,
    actor: Actor,
  ): Promise<Commitment> {
    const id = randomUUID();
    await this.db<CommitmentRow>('commitments').insert({
      id,
      version: 1,
      team_ref: key(teamRef),
      ...commitmentColumns(input),
      created_by: actor.by,
      created_at: actor.at,
      updated_at: actor.at,
    });
    return this.getCommitment(id);
  }

  async getCommitment(id: string): Promise<Commitment> {
    const row = await this.db<CommitmentRow>('commitments')
      .where('id', id)
      .first();
    if (!row) throw new NotFoundError(`No commitment ${id}`);
    return toCommitment(row);
  }

  async listCommitments(filter: {
    teamRefs?: string[];
    quarters?: string[];
  }): Promise<Commitment[]> {
    const query = this.db<CommitmentRow>('commitments');
    if (filter.teamRefs) query.whereIn('team_ref', filter.teamRefs.map(key));
    if (filter.quarters) query.whereIn('quarter', filter.quarters);
    const rows = await query.orderBy([
      { column: 'kind', order: 'asc' },
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toCommitment);
  }

  async updateCommitment(
    id: string,
    version: number,
    input: CommitmentFields,
    actor: Actor,
  ): Promise<Commitment> {
    await updateVersioned(
      this.db,
      TABLES.commitments,
      id,
      version,
      actor.at,
      commitmentColumns(input),
    );
    return this.getCommitment(id);
  }

  async deleteCommitment(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.commitments, id, version);
  }

  // Shared

  private async keyResultsWhere(
    where: (query: Knex.QueryBuilder<KeyResultRow>) => void,
  ): Promise<KeyResult[]> {
    const query = this.db<KeyResultRow>('key_results');
    where(query);
    const rows: KeyResultRow[] = await query.orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    if (rows.length === 0) return [];
    const checkIns = await this.db<CheckInRow>('key_result_check_ins')
      .whereIn(
        'key_result_id',
        rows.map(r => r.id),
      )
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    const byKr = new Map<string, CheckIn[]>();
    for (const c of checkIns) {
      const list = byKr.get(c.key_result_id) ?? [];
      list.push(toCheckIn(c));
      byKr.set(c.key_result_id, list);
    }
    const now = this.now();
    return rows.map(row => toKeyResult(row, byKr.get(row.id) ?? [], now));
  }
}

function themeColumns(input: ThemeFields) {
  return {
    period: input.period,
    category: input.category,
    title: input.title,
    outcome: input.outcome,
    description: input.description,
    status: input.status,
    status_reason:
      input.status === 'deprioritized' ? input.statusReason ?? null : null,
    entity_refs: JSON.stringify([...new Set(input.entityRefs.map(key))]),
  };
}

function keyResultColumns(input: KeyResultFields) {
  return {
    title: input.title,
    metric: input.metric,
    unit: input.unit,
    baseline: input.baseline,
    target: input.target,
    direction: input.direction,
    start_date: input.startDate,
    due_date: input.dueDate,
    guardrail: input.guardrail || null,
    measure_type: input.measure?.type ?? null,
    measure_entity_ref:
      input.measure?.type === 'consuming-teams'
        ? key(input.measure.entityRef)
        : null,
    measure_metric_id:
      input.measure?.type === 'metric' ? input.measure.metricId : null,
  };
}

function commitmentColumns(input: CommitmentFields) {
  return {
    quarter: input.quarter,
    kind: input.kind,
    title: input.title,
    description: input.description,
    reason: input.reason || null,
    theme_id: input.themeId ?? null,
    request_id: input.requestId ?? null,
  };
}

function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    period: row.period,
    category: row.category as ThemeCategory,
    title: row.title,
    outcome: row.outcome,
    description: row.description,
    status: row.status as ThemeStatus,
    ...(row.status_reason && { statusReason: row.status_reason }),
    entityRefs: JSON.parse(row.entity_refs),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toObjective(row: ObjectiveRow): Objective {
  return {
    id: row.id,
    version: Number(row.version),
    themeId: row.theme_id,
    teamRef: row.team_ref,
    title: row.title,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: Number(row.id),
    keyResultId: row.key_result_id,
    value: Number(row.value),
    at: iso(row.at),
    ...(row.note && { note: row.note }),
    by: row.by,
    ...(row.guardrail_breached !== null && {
      guardrailBreached: Boolean(row.guardrail_breached),
    }),
  };
}

function toKeyResult(
  row: KeyResultRow,
  checkIns: CheckIn[],
  now: Date,
): KeyResult {
  const fields = {
    baseline: Number(row.baseline),
    target: Number(row.target),
    current: Number(row.current),
    startDate: row.start_date,
    dueDate: row.due_date,
    unit: row.unit,
  };
  return {
    id: row.id,
    version: Number(row.version),
    objectiveId: row.objective_id,
    teamRef: row.team_ref,
    title: row.title,
    metric: row.metric,
    direction: row.direction as KeyResultDirection,
    ...fields,
    ...(row.guardrail && { guardrail: row.guardrail }),
    ...(row.measure_type === 'consuming-teams' &&
      row.measure_entity_ref && {
        measure: { type: 'consuming-teams', entityRef: row.measure_entity_ref },
      }),
    ...(row.measure_type === 'metric' &&
      row.measure_metric_id && {
        measure: { type: 'metric', metricId: row.measure_metric_id },
      }),
    checkIns,
    progress: keyResultProgress({ ...fields, checkIns }, now),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    quarter: row.quarter,
    kind: row.kind as CommitmentKind,
    title: row.title,
    description: row.description,
    ...(row.reason && { reason: row.reason }),
    ...(row.theme_id && { themeId: row.theme_id }),
    ...(row.request_id && { requestId: row.request_id }),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
