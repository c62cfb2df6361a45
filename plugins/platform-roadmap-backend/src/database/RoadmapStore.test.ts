import { TestDatabaseId } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/databases';
import { RequestStore } from './RequestStore';
import { CATALOG_ACTOR, RoadmapStore } from './RoadmapStore';

const team = 'group:default/ci-build';
const alice = {
  by: 'user:default/alice',
  at: new Date('2026-10-05T10:00:00Z'),
};
const later = (days: number) => ({
  by: 'user:default/alice',
  at: new Date(alice.at.getTime() + days * 24 * 60 * 60 * 1000),
});

const themeInput = {
  period: '2026',
  category: 'velocity' as const,
  title: 'Fast, boring CI',
  outcome: 'p99 CI build under 8 minutes',
  description: 'Builds stop being a reason to context-switch.',
  status: 'committed' as const,
  entityRefs: ['component:default/Build-Cache'],
};

const krInput = {
  title: 'Reduce p99 CI build time from 18 min to 8 min',
  metric: 'p99 CI build time',
  unit: 'min',
  baseline: 18,
  target: 8,
  direction: 'decrease' as const,
  startDate: '2026-10-01',
  dueDate: '2026-12-31',
};

describe('RoadmapStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    // Half way through Q4 2026.
    const now = () => new Date('2026-11-15T12:00:00Z');
    return {
      knex,
      store: await RoadmapStore.create({ database, now }),
      requests: await RequestStore.create({ database }),
    };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps themes per team and period, with optimistic concurrency', async () => {
      const { store } = await createStore(databaseId);
      const theme = await store.createTheme(team, themeInput, alice);
      expect(theme).toMatchObject({
        version: 1,
        teamRef: team,
        period: '2026',
        entityRefs: ['component:default/build-cache'],
        createdBy: 'user:default/alice',
      });
      await store.createTheme(
        'group:default/observability',
        { ...themeInput, period: '2026-Q4' },
        alice,
      );

      const updated = await store.updateTheme(
        theme.id,
        1,
        {
          ...themeInput,
          status: 'deprioritized',
          statusReason: 'The Bazel migration comes first',
        },
        later(1),
      );
      expect(updated).toMatchObject({
        version: 2,
        status: 'deprioritized',
        statusReason: 'The Bazel migration comes first',
      });
      await expect(
        store.updateTheme(theme.id, 1, themeInput, later(2)),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      expect(
        (await store.listThemes({ teamRefs: [team], periods: ['2026'] })).map(
          t => t.id,
        ),
      ).toEqual([theme.id]);
      expect(await store.periodsOf('group:default/observability')).toEqual([
        '2026-Q4',
      ]);
      await expect(store.getTheme('nope')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });

    it('computes key result progress and records every check-in', async () => {
      const { store } = await createStore(databaseId);
      const theme = await store.createTheme(team, themeInput, alice);
      const objective = await store.createObjective(
        theme,
        { title: 'Builds stop being a reason to context-switch' },
        alice,
      );
      const kr = await store.createKeyResult(objective, krInput, alice);
      expect(kr.current).toBe(18);
      expect(kr.checkIns).toEqual([
        expect.objectContaining({ value: 18, note: 'Starting value' }),
      ]);
      // Half the time gone, no progress: off track.
      expect(kr.progress).toMatchObject({ progress: 0, status: 'off-track' });

      const checked = await store.checkIn(
        kr.id,
        kr.version,
        { value: 13, note: 'Remote cache on for the monorepo' },
        later(10),
      );
      expect(checked.current).toBe(13);
      expect(checked.version).toBe(2);
      expect(checked.progress.progress).toBeCloseTo(0.5);
      expect(checked.progress.status).toBe('on-track');
      expect(checked.checkIns.map(c => c.value)).toEqual([18, 13]);

      // A second person checking in on the old version is told, not lost.
      await expect(
        store.checkIn(kr.id, kr.version, { value: 12 }, later(11)),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      const breached = await store.checkIn(
        kr.id,
        checked.version,
        { value: 11, guardrailBreached: true },
        later(12),
      );
      expect(breached.progress.status).toBe('off-track');
      expect(breached.checkIns[2].guardrailBreached).toBe(true);
    });

    it('records a catalog measurement only when the value changes', async () => {
      const { store } = await createStore(databaseId);
      const theme = await store.createTheme(team, themeInput, alice);
      const objective = await store.createObjective(
        theme,
        { title: 'Teams adopt the cache' },
        alice,
      );
      const kr = await store.createKeyResult(
        objective,
        {
          ...krInput,
          title: 'Onboard 3 new teams to the build cache',
          unit: 'teams',
          baseline: 1,
          target: 4,
          direction: 'increase',
          measure: {
            type: 'consuming-teams',
            entityRef: 'component:default/build-cache',
          },
        },
        alice,
      );
      expect(await store.listMeasuredKeyResults()).toHaveLength(1);
      expect(
        await store.recordMeasurement(kr, 1, later(1).at, 'measured'),
      ).toBe(false);
      expect(
        await store.recordMeasurement(kr, 3, later(1).at, 'measured'),
      ).toBe(true);
      const after = await store.getKeyResult(kr.id);
      expect(after.current).toBe(3);
      expect(after.checkIns[after.checkIns.length - 1]).toMatchObject({
        value: 3,
        by: CATALOG_ACTOR,
      });
      // Stale version (someone edited meanwhile): skipped, not an error.
      expect(
        await store.recordMeasurement(kr, 4, later(2).at, 'measured'),
      ).toBe(false);
    });

    it('deletes a theme with its OKRs and unlinks its planned requests', async () => {
      const { store, requests, knex } = await createStore(databaseId);
      const theme = await store.createTheme(team, themeInput, alice);
      const objective = await store.createObjective(
        theme,
        { title: 'Builds stop being a reason to context-switch' },
        alice,
      );
      await store.createKeyResult(objective, krInput, alice);
      const request = await requests.createRequest(
        {
          title: 'Remote cache misses',
          description: '',
          kind: 'slowdown',
          impactType: 'velocity-tax',
          severity: 'high',
          cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 5 },
          requestingEntityRef: 'component:default/checkout-web',
          platformTeamRef: team,
          aboutEntityRefs: [],
        },
        alice,
      );
      const linked = await requests.setTheme(
        request.id,
        request.version,
        { themeId: theme.id, quarter: '2026-Q4' },
        later(1),
      );
      expect(linked).toMatchObject({
        themeId: theme.id,
        plannedQuarter: '2026-Q4',
      });
      expect(
        (await requests.listRequests({ themeIds: [theme.id] })).map(r => r.id),
      ).toEqual([request.id]);

      await expect(store.deleteTheme(theme.id, 5)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await store.deleteTheme(theme.id, 1);
      expect(await store.listObjectives([theme.id])).toEqual([]);
      expect(Number((await knex('key_results').count({ n: '*' }))[0].n)).toBe(
        0,
      );
      expect((await requests.getRequest(request.id)).themeId).toBeUndefined();
    });

    it('keeps commitments per quarter, deprioritized ones with their reason', async () => {
      const { store } = await createStore(databaseId);
      const committed = await store.createCommitment(
        team,
        {
          quarter: '2026-Q4',
          kind: 'committed',
          title: 'Remote cache for every Java service',
          description: '',
        },
        alice,
      );
      const dropped = await store.createCommitment(
        team,
        {
          quarter: '2026-Q4',
          kind: 'deprioritized',
          title: 'Self-hosted macOS runners',
          description: '',
          reason: 'Two teams asked; both have a workaround',
        },
        alice,
      );
      await store.createCommitment(
        team,
        {
          quarter: '2027-Q1',
          kind: 'committed',
          title: 'Hermetic test sandboxes',
          description: '',
        },
        alice,
      );
      const q4 = await store.listCommitments({
        teamRefs: [team],
        quarters: ['2026-Q4'],
      });
      expect(q4.map(c => [c.kind, c.title, c.reason])).toEqual([
        ['committed', committed.title, undefined],
        [
          'deprioritized',
          dropped.title,
          'Two teams asked; both have a workaround',
        ],
      ]);
      const edited = await store.updateCommitment(
        committed.id,
        1,
        { ...committed, kind: 'deprioritized', reason: 'Budget cut' },
        later(1),
      );
      expect(edited).toMatchObject({ version: 2, kind: 'deprioritized' });
      await expect(
        store.deleteCommitment(committed.id, 1),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await store.deleteCommitment(committed.id, 2);
      await expect(store.getCommitment(committed.id)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });

    it('migrates down and up again', async () => {
      const { knex } = await createStore(databaseId);
      const directory = resolvePackagePath(
        '@platform-roadmap/plugin-platform-roadmap-backend',
        'migrations',
      );
      // Later migrations do not depend on this one, so it can go alone.
      await knex.migrate.down({ directory, name: '20261123020000_roadmap.js' });
      expect(await knex.schema.hasTable('themes')).toBe(false);
      expect(await knex.schema.hasColumn('requests', 'theme_id')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('themes')).toBe(true);
      expect(await knex.schema.hasColumn('requests', 'theme_id')).toBe(true);
    });
  });
});
