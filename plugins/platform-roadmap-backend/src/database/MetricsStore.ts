import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Metric,
  MetricKind,
  MetricPoint,
  SurveyResponse,
  SurveySummary,
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

const METRICS: VersionedTable = { table: 'metrics', noun: 'Metric' };
import { Actor } from './RoadmapStore';

export interface MetricFields {
  key: string;
  kind: MetricKind;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  description: string;
}

export interface PointFields {
  value: number;
  at: Date;
  note?: string;
}

export interface SurveyResponseFields {
  teamRef: string;
  /** A quarter, e.g. `2026-Q4`. */
  period: string;
  respondentRef: string;
  respondentTeamRef: string;
  score: number;
  comment?: string;
}

/** A period's aggregate, without what depends on the caller. */
export type SurveyAggregate = Pick<
  SurveySummary,
  'teamRef' | 'period' | 'count' | 'average' | 'distribution' | 'trend'
>;

export type SurveyComment = NonNullable<SurveySummary['comments']>[number];

type MetricRow = {
  id: string;
  version: number;
  team_ref: string;
  key: string;
  kind: string;
  name: string;
  unit: string;
  direction: string;
  description: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type PointRow = {
  id: number;
  metric_id: string;
  at: Date | string | number;
  value: number | string;
  note: string | null;
  source: string;
};

type SurveyRow = {
  id: string;
  team_ref: string;
  period: string;
  respondent_ref: string;
  respondent_team_ref: string;
  score: number;
  comment: string | null;
  created_at: Date | string | number;
};

const key = (ref: string) => ref.toLocaleLowerCase('en-US');
const iso = (value: Date | string | number) => new Date(value).toISOString();

/**
 * A team's metrics with their points, and the satisfaction survey of its
 * consumers. No SQL about them lives elsewhere.
 */
export class MetricsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<MetricsStore> {
    return new MetricsStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  // Metrics

  /** A new metric; its key must be new for the team (ConflictError). */
  async createMetric(
    teamRef: string,
    input: MetricFields,
    actor: Actor,
  ): Promise<Metric> {
    const id = randomUUID();
    await this.uniqueKey(teamRef, input.key, () =>
      this.db<MetricRow>('metrics').insert({
        id,
        version: 1,
        team_ref: key(teamRef),
        ...metricColumns(input),
        created_by: actor.by,
        created_at: actor.at,
        updated_at: actor.at,
      }),
    );
    return this.getMetric(id);
  }

  async getMetric(id: string): Promise<Metric> {
    const [metric] = await this.metricsWhere(q => q.where('id', id));
    if (!metric) throw new NotFoundError(`No metric ${id}`);
    return metric;
  }

  /** A team's metric by its key; NotFoundError otherwise. */
  async getMetricByKey(teamRef: string, metricKey: string): Promise<Metric> {
    const [metric] = await this.metricsWhere(q =>
      q.where({ team_ref: key(teamRef), key: key(metricKey) }),
    );
    if (!metric) {
      throw new NotFoundError(`No metric ${metricKey} of ${teamRef}`);
    }
    return metric;
  }

  /** Metrics of the given teams (all without a filter), by name. */
  async listMetrics(filter: { teamRefs?: string[] } = {}): Promise<Metric[]> {
    return this.metricsWhere(q => {
      if (filter.teamRefs) q.whereIn('team_ref', filter.teamRefs.map(key));
    });
  }

  /** Edits a metric made on `version`; a stale version is a ConflictError. */
  async updateMetric(
    id: string,
    version: number,
    input: MetricFields,
    actor: Actor,
  ): Promise<Metric> {
    const existing = await requireVersion<MetricRow>(
      this.db,
      METRICS,
      id,
      version,
    );
    await this.uniqueKey(existing.team_ref, input.key, () =>
      updateVersioned(this.db, METRICS, id, version, actor.at, {
        ...metricColumns(input),
      }),
    );
    return this.getMetric(id);
  }

  /** Deletes a metric made on `version`, with its points. */
  async deleteMetric(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, METRICS, id, version);
  }

  // Points

  /** Records one value of a metric. */
  async addPoint(
    metricId: string,
    input: PointFields,
    source: string,
  ): Promise<MetricPoint> {
    let inserted: Array<{ id: number } | number>;
    try {
      inserted = await this.db<PointRow>('metric_points')
        .insert({
          metric_id: metricId,
          at: input.at,
          value: input.value,
          note: input.note || null,
          source,
        })
        .returning('id');
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new NotFoundError(`No metric ${metricId}`);
      }
      throw error;
    }
    const [first] = inserted;
    return toPoint({
      id: typeof first === 'object' ? first.id : first,
      metric_id: metricId,
      at: input.at,
      value: input.value,
      note: input.note || null,
      source,
    });
  }

  /** A metric's points at or after `since` (ISO), oldest first. */
  async listPoints(metricId: string, since: string): Promise<MetricPoint[]> {
    const rows = await this.db<PointRow>('metric_points')
      .where('metric_id', metricId)
      .where('at', '>=', new Date(since))
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toPoint);
  }

  /** The points of many metrics since a time, oldest first, in one query. */
  async listPointsOf(
    metricIds: string[],
    since: string,
  ): Promise<Map<string, MetricPoint[]>> {
    const result = new Map(metricIds.map(id => [id, [] as MetricPoint[]]));
    if (metricIds.length === 0) return result;
    const rows = await this.db<PointRow>('metric_points')
      .whereIn('metric_id', metricIds)
      .where('at', '>=', new Date(since))
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    for (const row of rows) result.get(row.metric_id)?.push(toPoint(row));
    return result;
  }

  /**
   * The newest and the one before it of each metric, in one query. Newest
   * is by measurement time (a back-dated point is not the latest), then by
   * arrival.
   */
  async latestTwo(
    metricIds: string[],
  ): Promise<Map<string, { latest?: MetricPoint; previous?: MetricPoint }>> {
    const recent = await this.recentPoints(metricIds, 2);
    const result = new Map<
      string,
      { latest?: MetricPoint; previous?: MetricPoint }
    >();
    for (const id of metricIds) {
      const [latest, previous] = recent.get(id) ?? [];
      result.set(id, {
        ...(latest && { latest }),
        ...(previous && { previous }),
      });
    }
    return result;
  }

  // Satisfaction survey

  /**
   * Records a consumer's rating; a second one by the same person for the
   * same team and period is a ConflictError.
   */
  async recordSurveyResponse(
    input: SurveyResponseFields,
    at: Date,
  ): Promise<SurveyResponse> {
    const row: SurveyRow = {
      id: randomUUID(),
      team_ref: key(input.teamRef),
      period: input.period,
      respondent_ref: key(input.respondentRef),
      respondent_team_ref: key(input.respondentTeamRef),
      score: input.score,
      comment: input.comment || null,
      created_at: at,
    };
    try {
      await this.db<SurveyRow>('survey_responses').insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `You already rated ${input.teamRef} for ${input.period}`,
        );
      }
      throw error;
    }
    return toSurveyResponse(row);
  }

  /** One person's response for a team and period, if any. */
  async getResponse(
    teamRef: string,
    period: string,
    respondentRef: string,
  ): Promise<SurveyResponse | undefined> {
    const row = await this.db<SurveyRow>('survey_responses')
      .where({
        team_ref: key(teamRef),
        period,
        respondent_ref: key(respondentRef),
      })
      .first();
    return row && toSurveyResponse(row);
  }

  /**
   * The period's count, mean and distribution, and the trend over
   * `periodsBack` (oldest first) ending with `period`, from one grouped
   * query.
   */
  async surveySummary(
    teamRef: string,
    period: string,
    periodsBack: string[],
  ): Promise<SurveyAggregate> {
    const periods = [...new Set([...periodsBack, period])];
    const rows: Array<{ period: string; score: number; count: number }> =
      await this.db<SurveyRow>('survey_responses')
        .select('period', 'score')
        .count({ count: '*' })
        .where('team_ref', key(teamRef))
        .whereIn('period', periods)
        .groupBy('period', 'score');
    const byPeriod = new Map(
      periods.map(p => [p, [0, 0, 0, 0, 0] as SurveyAggregate['distribution']]),
    );
    for (const row of rows) {
      const distribution = byPeriod.get(row.period);
      const score = Number(row.score);
      if (distribution && score >= 1 && score <= 5) {
        distribution[score - 1] += Number(row.count);
      }
    }
    const aggregate = (distribution: SurveyAggregate['distribution']) => {
      const count = distribution.reduce((sum, n) => sum + n, 0);
      const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
      return { count, ...(count > 0 && { average: total / count }) };
    };
    const distribution = byPeriod.get(period)!;
    return {
      teamRef: key(teamRef),
      period,
      ...aggregate(distribution),
      distribution,
      trend: periods.map(p => ({ period: p, ...aggregate(byPeriod.get(p)!) })),
    };
  }

  /**
   * Each team's mean score and count for the period, by lower-case team
   * ref, in one grouped query; teams without responses are absent.
   */
  async surveyAverages(
    teamRefs: string[],
    period: string,
  ): Promise<Map<string, { average: number; count: number }>> {
    const result = new Map<string, { average: number; count: number }>();
    if (teamRefs.length === 0) return result;
    const rows: Array<{ team_ref: string; total: number; count: number }> =
      await this.db<SurveyRow>('survey_responses')
        .select('team_ref')
        .sum({ total: 'score' })
        .count({ count: '*' })
        .whereIn('team_ref', [...new Set(teamRefs.map(key))])
        .where('period', period)
        .groupBy('team_ref');
    for (const row of rows) {
      const count = Number(row.count);
      result.set(row.team_ref, {
        average: Number(row.total) / count,
        count,
      });
    }
    return result;
  }

  /** The period's comments, newest first; who wrote them is not shown. */
  async listComments(
    teamRef: string,
    period: string,
  ): Promise<SurveyComment[]> {
    const rows = await this.db<SurveyRow>('survey_responses')
      .where({ team_ref: key(teamRef), period })
      .whereNotNull('comment')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => ({
      score: Number(row.score),
      comment: row.comment!,
      respondentTeamRef: row.respondent_team_ref,
      createdAt: iso(row.created_at),
    }));
  }

  // Shared

  /** Metrics matching `where`, each with its latest point, by name. */
  private async metricsWhere(
    where: (query: Knex.QueryBuilder<MetricRow>) => void,
  ): Promise<Metric[]> {
    const query = this.db<MetricRow>('metrics');
    where(query);
    const rows: MetricRow[] = await query;
    const recent = await this.recentPoints(
      rows.map(r => r.id),
      1,
    );
    return rows
      .map(row => toMetric(row, recent.get(row.id)?.[0]))
      .sort(
        (a, b) =>
          a.name.localeCompare(b.name) ||
          a.teamRef.localeCompare(b.teamRef) ||
          a.id.localeCompare(b.id),
      );
  }

  /**
   * The newest `depth` points of each metric, newest first, in one query
   * (a window over the metric's points, served by its (metric_id, at)
   * index).
   */
  private async recentPoints(
    metricIds: string[],
    depth: number,
  ): Promise<Map<string, MetricPoint[]>> {
    const result = new Map<string, MetricPoint[]>();
    const ids = [...new Set(metricIds)];
    if (ids.length === 0) return result;
    // One statement of per-metric parts (200 at most: SQLite allows 500),
    // each the newest `depth` points read backwards from the (metric_id,
    // at) index: a window over every point of an hourly metric read them
    // all.
    const unordered: PointRow[] = [];
    for (let c = 0; c < ids.length; c += 200) {
      const parts = ids.slice(c, c + 200).map((id, i) =>
        this.db.select('*').from(
          this.db<PointRow>('metric_points')
            .where('metric_id', id)
            .orderBy([
              { column: 'at', order: 'desc' },
              { column: 'id', order: 'desc' },
            ])
            .limit(depth)
            .as(`p${i}`),
        ),
      );
      const [first, ...rest] = parts;
      unordered.push(...(await (rest.length ? first.unionAll(rest) : first)));
    }
    const rows = unordered.sort(
      (a, b) =>
        (a.metric_id < b.metric_id ? -1 : Number(a.metric_id > b.metric_id)) ||
        new Date(b.at).getTime() - new Date(a.at).getTime() ||
        Number(b.id) - Number(a.id),
    );
    for (const row of rows) {
      const points = result.get(row.metric_id) ?? [];
      points.push(toPoint(row));
      result.set(row.metric_id, points);
    }
    return result;
  }

  /** Runs a write that may collide with another metric's key. */
  private async uniqueKey<T>(
    teamRef: string,
    metricKey: string,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `metric key ${key(metricKey)} already exists for ${key(teamRef)}`,
        );
      }
      throw error;
    }
  }
}

/** A unique constraint failed, on PostgreSQL, SQLite or MySQL. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  return (
    code === '23505' ||
    code === 'ER_DUP_ENTRY' ||
    (typeof message === 'string' && message.includes('UNIQUE constraint'))
  );
}

/** A foreign key failed, on PostgreSQL, SQLite or MySQL. */
function isForeignKeyViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  return (
    code === '23503' ||
    code === 'ER_NO_REFERENCED_ROW_2' ||
    (typeof message === 'string' && message.includes('FOREIGN KEY constraint'))
  );
}

function metricColumns(input: MetricFields) {
  return {
    key: key(input.key),
    kind: input.kind,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    description: input.description,
  };
}

function toMetric(row: MetricRow, latest: MetricPoint | undefined): Metric {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    key: row.key,
    kind: row.kind as MetricKind,
    name: row.name,
    unit: row.unit,
    direction: row.direction as Metric['direction'],
    description: row.description,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(latest && { latest }),
  };
}

function toPoint(row: PointRow): MetricPoint {
  return {
    id: Number(row.id),
    metricId: row.metric_id,
    at: iso(row.at),
    value: Number(row.value),
    ...(row.note && { note: row.note }),
    source: row.source,
  };
}

function toSurveyResponse(row: SurveyRow): SurveyResponse {
  return {
    id: row.id,
    teamRef: row.team_ref,
    period: row.period,
    respondentRef: row.respondent_ref,
    respondentTeamRef: row.respondent_team_ref,
    score: Number(row.score),
    ...(row.comment && { comment: row.comment }),
    createdAt: iso(row.created_at),
  };
}
