import { TestDatabaseId } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { MetricFields, MetricsStore } from './MetricsStore';

jest.setTimeout(60_000);

const team = 'group:default/ci-build';
const alice = {
  by: 'user:default/alice',
  at: new Date('2026-11-01T10:00:00Z'),
};
const later = (days: number) => ({
  by: 'user:default/alice',
  at: new Date(alice.at.getTime() + days * 24 * 60 * 60 * 1000),
});
const at = (iso: string) => new Date(iso);

const buildTime: MetricFields = {
  key: 'p99-build-time',
  kind: 'time-to-build',
  name: 'p99 CI build time',
  unit: 'min',
  direction: 'decrease',
  description: 'Measured by the CI pipeline after every build.',
};

const deployments: MetricFields = {
  key: 'deploys-per-day',
  kind: 'deployment-frequency',
  name: 'Deployments per day',
  unit: 'deploys',
  direction: 'increase',
  description: '',
};

/** Counts the SQL statements `fn` runs. */
async function countQueries<T>(
  knex: Knex,
  fn: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const listener = () => {
    queries += 1;
  };
  knex.on('query', listener);
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    knex.removeListener('query', listener);
  }
}

describe('MetricsStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await MetricsStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates, reads, edits and deletes metrics with optimistic concurrency', async () => {
      const { store } = await createStore(databaseId);
      const created = await store.createMetric(
        'Group:default/CI-Build',
        buildTime,
        alice,
      );
      expect(created).toEqual({
        id: expect.any(String),
        version: 1,
        teamRef: team,
        ...buildTime,
        createdBy: 'user:default/alice',
        createdAt: alice.at.toISOString(),
        updatedAt: alice.at.toISOString(),
      });
      expect(await store.getMetric(created.id)).toEqual(created);
      expect(await store.getMetricByKey(team, 'P99-Build-Time')).toEqual(
        created,
      );
      await expect(
        store.getMetricByKey('group:default/other', 'p99-build-time'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      // The key is unique per team, not across teams.
      await expect(
        store.createMetric(team, { ...buildTime, name: 'Again' }, alice),
      ).rejects.toThrow(
        'metric key p99-build-time already exists for group:default/ci-build',
      );
      await expect(
        store.createMetric(team, buildTime, alice),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await store.createMetric(
        'group:default/infrastructure',
        buildTime,
        alice,
      );
      const other = await store.createMetric(team, deployments, alice);
      expect(
        (await store.listMetrics({ teamRefs: [team] })).map(m => m.name),
      ).toEqual(['Deployments per day', 'p99 CI build time']);
      expect(await store.listMetrics()).toHaveLength(3);
      expect(await store.listMetrics({ teamRefs: [] })).toEqual([]);

      const edited = await store.updateMetric(
        created.id,
        1,
        { ...buildTime, name: 'p95 CI build time', key: 'p95-build-time' },
        later(1),
      );
      expect(edited).toMatchObject({
        version: 2,
        key: 'p95-build-time',
        name: 'p95 CI build time',
        createdAt: alice.at.toISOString(),
        updatedAt: later(1).at.toISOString(),
      });
      await expect(
        store.updateMetric(created.id, 1, buildTime, later(2)),
      ).rejects.toThrow(/changed since you loaded it/);
      // Renaming onto another metric's key is a conflict too.
      await expect(
        store
          .updateMetric(other.id, 1, deployments, later(2))
          .then(() =>
            store.updateMetric(
              other.id,
              2,
              { ...deployments, key: 'p95-build-time' },
              later(2),
            ),
          ),
      ).rejects.toThrow(
        'metric key p95-build-time already exists for group:default/ci-build',
      );
      await expect(
        store.updateMetric('nope', 1, buildTime, later(2)),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      await store.addPoint(created.id, { value: 12, at: later(1).at }, 'x');
      await expect(store.deleteMetric(created.id, 1)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await store.deleteMetric(created.id, 2);
      await expect(store.getMetric(created.id)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      // Its points went with it.
      expect(
        await store.listPoints(created.id, '2000-01-01T00:00:00Z'),
      ).toEqual([]);
      await expect(
        store.addPoint(created.id, { value: 1, at: later(3).at }, 'x'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('keeps points oldest first, and the latest by measurement time in one query', async () => {
      const { knex, store } = await createStore(databaseId);
      const build = await store.createMetric(team, buildTime, alice);
      const deploys = await store.createMetric(team, deployments, alice);
      const empty = await store.createMetric(
        team,
        { ...deployments, key: 'mttr', kind: 'mttr', name: 'MTTR' },
        alice,
      );

      const first = await store.addPoint(
        build.id,
        { value: 18, at: at('2026-10-01T08:00:00Z'), note: 'Before' },
        'service:external:ci',
      );
      expect(first).toEqual({
        id: expect.any(Number),
        metricId: build.id,
        at: '2026-10-01T08:00:00.000Z',
        value: 18,
        note: 'Before',
        source: 'service:external:ci',
      });
      await store.addPoint(
        build.id,
        { value: 14.5, at: at('2026-11-01T08:00:00Z') },
        'service:external:ci',
      );
      const newest = await store.addPoint(
        build.id,
        { value: 12.25, at: at('2026-11-20T08:00:00Z') },
        'user:default/alice',
      );
      // Posted last but measured earlier: history, not the latest.
      const backDated = await store.addPoint(
        build.id,
        { value: 30, at: at('2026-10-15T08:00:00Z') },
        'user:default/alice',
      );
      const onlyDeploy = await store.addPoint(
        deploys.id,
        { value: 7, at: at('2026-11-02T00:00:00Z') },
        'service:external:cd',
      );

      expect(
        (await store.listPoints(build.id, '2026-10-15T08:00:00Z')).map(
          p => p.value,
        ),
      ).toEqual([30, 14.5, 12.25]);
      expect(
        (await store.listPoints(build.id, '2026-01-01')).map(p => p.value),
      ).toEqual([18, 30, 14.5, 12.25]);
      expect(await store.listPoints(build.id, '2026-12-01')).toEqual([]);

      // Many metrics' points in one query, each oldest first.
      const { result: many, queries: manyQueries } = await countQueries(
        knex,
        () =>
          store.listPointsOf(
            [build.id, deploys.id, empty.id],
            '2026-10-15T08:00:00Z',
          ),
      );
      expect(manyQueries).toBe(1);
      expect(many.get(build.id)!.map(p => p.value)).toEqual([30, 14.5, 12.25]);
      expect(many.get(deploys.id)!.map(p => p.value)).toEqual([7]);
      expect(many.get(empty.id)).toEqual([]);

      const { result: recent, queries } = await countQueries(knex, () =>
        store.latestTwo([build.id, deploys.id, empty.id]),
      );
      expect(queries).toBe(1);
      expect(recent.get(build.id)).toEqual({
        latest: newest,
        previous: expect.objectContaining({ value: 14.5 }),
      });
      expect(recent.get(deploys.id)).toEqual({ latest: onlyDeploy });
      expect(recent.get(empty.id)).toEqual({});
      expect(backDated.id).toBeGreaterThan(newest.id);

      // A list carries each metric's latest point, whatever the number of
      // metrics: one query for the metrics, one for their latest points.
      const { result: listed, queries: listQueries } = await countQueries(
        knex,
        () => store.listMetrics({ teamRefs: [team] }),
      );
      expect(listQueries).toBe(2);
      expect(
        Object.fromEntries(listed.map(m => [m.key, m.latest?.value])),
      ).toEqual({
        'p99-build-time': 12.25,
        'deploys-per-day': 7,
        mttr: undefined,
      });
      expect((await store.getMetric(build.id)).latest).toEqual(newest);

      // Same measurement time: the one that arrived last is the latest.
      const tie = await store.addPoint(
        build.id,
        { value: 11, at: at('2026-11-20T08:00:00Z') },
        'user:default/alice',
      );
      expect((await store.latestTwo([build.id])).get(build.id)).toEqual({
        latest: tie,
        previous: newest,
      });
      expect((await store.latestTwo([])).size).toBe(0);
    });

    it('records one survey response per person, team and quarter, and aggregates them', async () => {
      const { knex, store } = await createStore(databaseId);
      const respond = (
        respondent: string,
        score: number,
        period = '2026-Q4',
        comment?: string,
        day = 1,
      ) =>
        store.recordSurveyResponse(
          {
            teamRef: team,
            period,
            respondentRef: `user:default/${respondent}`,
            respondentTeamRef: 'group:default/checkout',
            score,
            comment,
          },
          later(day).at,
        );

      const mine = await respond('ann', 4, '2026-Q4', 'Builds got faster');
      expect(mine).toEqual({
        id: expect.any(String),
        teamRef: team,
        period: '2026-Q4',
        respondentRef: 'user:default/ann',
        respondentTeamRef: 'group:default/checkout',
        score: 4,
        comment: 'Builds got faster',
        createdAt: later(1).at.toISOString(),
      });
      await expect(respond('ann', 1)).rejects.toThrow(
        'You already rated group:default/ci-build for 2026-Q4',
      );
      await expect(
        store.recordSurveyResponse(
          {
            teamRef: 'Group:default/CI-Build',
            period: '2026-Q4',
            respondentRef: 'User:default/Ann',
            respondentTeamRef: 'group:default/orders',
            score: 5,
          },
          later(2).at,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // Next quarter, or another team, is another rating.
      await respond('ann', 2, '2027-Q1');
      await store.recordSurveyResponse(
        {
          teamRef: 'group:default/infrastructure',
          period: '2026-Q4',
          respondentRef: 'user:default/ann',
          respondentTeamRef: 'group:default/checkout',
          score: 1,
        },
        later(1).at,
      );

      await respond('bob', 5, '2026-Q4', undefined, 2);
      await respond('cid', 4, '2026-Q4', 'Docs are great', 3);
      await respond('dee', 1, '2026-Q4', '', 4);
      await respond('ann', 3, '2026-Q2');
      await respond('bob', 2, '2026-Q2');

      const { result: summary, queries } = await countQueries(knex, () =>
        store.surveySummary(team, '2026-Q4', ['2026-Q1', '2026-Q2', '2026-Q3']),
      );
      expect(queries).toBe(1);
      expect(summary).toEqual({
        teamRef: team,
        period: '2026-Q4',
        count: 4,
        average: 3.5,
        distribution: [1, 0, 0, 2, 1],
        trend: [
          { period: '2026-Q1', count: 0 },
          { period: '2026-Q2', count: 2, average: 2.5 },
          { period: '2026-Q3', count: 0 },
          { period: '2026-Q4', count: 4, average: 3.5 },
        ],
      });
      const none = await store.surveySummary(team, '2025-Q4', []);
      expect(none).toEqual({
        teamRef: team,
        period: '2025-Q4',
        count: 0,
        distribution: [0, 0, 0, 0, 0],
        trend: [{ period: '2025-Q4', count: 0 }],
      });

      // Several teams at once, for overviews: one grouped query.
      const { result: averages, queries: averageQueries } = await countQueries(
        knex,
        () =>
          store.surveyAverages(
            [
              'Group:default/CI-Build',
              'group:default/infrastructure',
              'group:default/nobody',
            ],
            '2026-Q4',
          ),
      );
      expect(averageQueries).toBe(1);
      expect(Object.fromEntries(averages)).toEqual({
        [team]: { average: 3.5, count: 4 },
        'group:default/infrastructure': { average: 1, count: 1 },
      });
      expect((await store.surveyAverages([], '2026-Q4')).size).toBe(0);

      // Comments newest first, without who wrote them; empty ones are none.
      expect(await store.listComments(team, '2026-Q4')).toEqual([
        {
          score: 4,
          comment: 'Docs are great',
          respondentTeamRef: 'group:default/checkout',
          createdAt: later(3).at.toISOString(),
        },
        {
          score: 4,
          comment: 'Builds got faster',
          respondentTeamRef: 'group:default/checkout',
          createdAt: later(1).at.toISOString(),
        },
      ]);
      expect(
        await store.getResponse(team, '2026-Q4', 'User:default/Ann'),
      ).toEqual(mine);
      expect(
        await store.getResponse(team, '2026-Q3', 'user:default/ann'),
      ).toBeUndefined();
    });

    it('migrates its tables down and up again', async () => {
      const { knex, store } = await createStore(databaseId);
      const metric = await store.createMetric(team, buildTime, alice);
      await store.addPoint(metric.id, { value: 1, at: alice.at }, 'x');
      const directory = resolvePackagePath(
        '@platform-roadmap/plugin-platform-roadmap-backend',
        'migrations',
      );
      await knex.migrate.down({
        directory,
        name: '20261123050000_metrics.js',
      });
      for (const table of ['metrics', 'metric_points', 'survey_responses']) {
        expect([table, await knex.schema.hasTable(table)]).toEqual([
          table,
          false,
        ]);
      }
      // The earlier migrations stay.
      expect(await knex.schema.hasTable('key_results')).toBe(true);
      await knex.migrate.latest({ directory });
      for (const table of ['metrics', 'metric_points', 'survey_responses']) {
        expect([table, await knex.schema.hasTable(table)]).toEqual([
          table,
          true,
        ]);
      }
      expect(await store.listMetrics()).toEqual([]);
    });
  });
});
