import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { examplePath } from '../__testUtils__/examples';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { seedExampleRequests } from './seedExampleRequests';
import { seedExampleRoadmap } from './seedExampleRoadmap';

const GUIDE_EXAMPLES = [
  'Reduce p99 CI build time from 18 min to 8 min',
  'Onboard 3 new teams to the new auth library',
  'Reduce SEV-2 incidents in the data pipeline by 50%',
  'Ship the eval-as-a-service platform; 5 teams using it by end of quarter',
];

const PLATFORM_TEAMS = [
  'ci-build',
  'developer-tools',
  'infrastructure',
  'security-platform',
  'data-platform',
  'observability',
].map(name => `group:default/${name}`);

describe('seedExampleRoadmap', () => {
  const databases = createTestDatabases();

  it('loads themes, OKRs and commitments for every platform team, once', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const now = new Date('2026-11-23T12:00:00Z');
    const requestStore = await RequestStore.create({ database });
    const store = await RoadmapStore.create({ database, now: () => now });
    const logger = mockServices.logger.mock();
    await seedExampleRequests({
      file: examplePath('requests.yaml'),
      store: requestStore,
      logger,
      now,
    });
    const options = {
      file: examplePath('roadmap.yaml'),
      store,
      requestStore,
      logger,
      now,
    };
    const count = await seedExampleRoadmap(options);
    expect(count).toBeGreaterThan(12);
    expect(await seedExampleRoadmap(options)).toBe(0);

    const themes = await store.listThemes({});
    const periods = new Set(themes.map(t => t.period));
    expect(
      [...periods].every(p =>
        ['2026', '2026-Q4', '2027-Q1', '2026-Q3'].includes(p),
      ),
    ).toBe(true);
    for (const team of PLATFORM_TEAMS) {
      expect(themes.filter(t => t.teamRef === team).length).toBeGreaterThan(1);
      const commitments = await store.listCommitments({
        teamRefs: [team],
        quarters: ['2026-Q4'],
      });
      expect(commitments.some(c => c.kind === 'committed')).toBe(true);
      expect(
        commitments
          .filter(c => c.kind === 'deprioritized')
          .every(c => c.reason),
      ).toBe(true);
      expect(commitments.some(c => c.kind === 'deprioritized')).toBe(true);
    }
    expect(new Set(themes.map(t => t.category)).size).toBe(5);

    const objectives = await store.listObjectives(themes.map(t => t.id));
    const krs = await store.listKeyResults(objectives.map(o => o.id));
    const titles = krs.map(kr => kr.title);
    for (const example of GUIDE_EXAMPLES) expect(titles).toContain(example);
    expect(
      titles.some(t =>
        /^Cut infra spend on .+ by 30% with no latency regression$/.test(t),
      ),
    ).toBe(true);
    const auth = krs.find(kr => kr.title === GUIDE_EXAMPLES[1])!;
    expect(auth.measure).toEqual({
      type: 'consuming-teams',
      entityRef: 'component:default/auth-library',
    });
    // The status mix the demo is meant to show.
    const statuses = new Set(krs.map(kr => kr.progress.status));
    expect(statuses).toEqual(new Set(['on-track', 'at-risk', 'off-track']));

    const linked = await requestStore.listRequests({
      themeIds: themes.map(t => t.id),
    });
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const request of linked) {
      const theme = themes.find(t => t.id === request.themeId)!;
      expect(theme.teamRef).toBe(request.platformTeamRef);
    }
  });
});
