import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { examplePath, loadExampleCatalog } from '../__testUtils__/examples';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { MetricsStore } from '../database/MetricsStore';
import { ProductStore } from '../database/ProductStore';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { metricsSeedTarget } from '../seed/seedExampleMetrics';
import { seedExampleProduct } from '../seed/seedExampleProduct';
import { seedExampleReleases } from '../seed/seedExampleReleases';
import { seedExampleRequests } from '../seed/seedExampleRequests';
import { seedExampleRoadmap } from '../seed/seedExampleRoadmap';
import { CustomerReviewService } from './CustomerReviewService';
import { reviewMarkdown } from './reviewMarkdown';

jest.setTimeout(60_000);

const now = new Date('2026-11-23T12:00:00Z');
const guest = mockCredentials.user('user:default/guest');

/** The demo portal's data and services, on SQLite. */
async function examplePortal(
  databases: ReturnType<typeof createTestDatabases>,
) {
  const knex = await databases.init('SQLITE_3');
  const database = { getClient: async () => knex };
  const logger = mockServices.logger.mock();
  const requestStore = await RequestStore.create({ database });
  const roadmapStore = await RoadmapStore.create({ database, now: () => now });
  const releaseStore = await ReleaseStore.create({
    database,
    requests: requestStore,
  });
  const productStore = await ProductStore.create({ database });
  const metricsStore = await MetricsStore.create({ database });
  const file = (name: string) => examplePath(name);
  await seedExampleRequests({
    file: file('requests.yaml'),
    store: requestStore,
    logger,
    now,
  });
  await seedExampleRoadmap({
    file: file('roadmap.yaml'),
    store: roadmapStore,
    requestStore,
    logger,
    now,
  });
  await seedExampleReleases({
    file: file('releases.yaml'),
    store: releaseStore,
    requestStore,
    logger,
    now,
  });
  await seedExampleProduct({
    file: file('product.yaml'),
    store: productStore,
    metrics: metricsSeedTarget({ store: metricsStore, roadmapStore }),
    logger,
    now,
  });
  const { catalog, calls } = fakeCatalog(loadExampleCatalog());
  const requests = new RequestsService({
    catalog,
    store: requestStore,
    teamsImpacted: new TeamsImpactedService(catalog, { dependencyDepth: 1 }),
    weights: DEFAULT_SCORE_WEIGHTS,
  });
  const service = new CustomerReviewService({
    catalog,
    teams: new PlatformTeamsService(catalog),
    roadmap: new RoadmapService({
      catalog,
      store: roadmapStore,
      requests,
      now: () => now,
    }),
    roadmapStore,
    requestStore,
    requests,
    releaseStore,
    deprecations: new DeprecationService({ catalog, store: releaseStore }),
    productStore,
    satisfaction: (teamRefs, period) =>
      metricsStore.surveyAverages(teamRefs, period),
    metrics: async () => {
      const metrics = await metricsStore.listMetrics();
      const recent = await metricsStore.latestTwo(metrics.map(m => m.id));
      return metrics.map(metric => ({ metric, ...recent.get(metric.id) }));
    },
    now: () => now,
  });
  return { service, calls, productStore, roadmapStore, metricsStore };
}

describe('CustomerReviewService with the example data', () => {
  const databases = createTestDatabases();

  it('generates CI & Build’s Q4 review from its data, with every section filled', async () => {
    const { service } = await examplePortal(databases);
    const review = await service.review(
      'group:default/ci-build',
      '2026-Q4',
      guest,
    );
    expect(review.team.title).toBe('CI & Build');
    expect(review.contact.map(c => c.kind)).toEqual(
      expect.arrayContaining(['office-hours', 'chat']),
    );
    expect(review.themes.map(t => t.theme.title)).toContain('Fast, boring CI');
    expect(review.committed.length).toBeGreaterThan(0);
    expect(review.deprioritized.every(c => !!c.reason)).toBe(true);
    expect(review.deprioritized.length).toBeGreaterThan(0);
    expect(review.asks.length).toBeGreaterThanOrEqual(2);
    expect(review.shipped.map(n => n.title)).toContain(
      'Remote cache hits for pull requests from forks',
    );
    expect(review.shipped.every(n => n.publishedOn >= '2026-10-01')).toBe(true);
    expect(review.deprecations.map(d => d.entityRef)).toContain(
      'api:default/build-api',
    );
    expect(review.capacity?.version).toBe(1);
    expect(review.satisfaction?.count).toBeGreaterThan(0);
    // The p99 key result follows the example metric posted by CI.
    const p99 = review.themes
      .flatMap(t => t.objectives.flatMap(o => o.keyResults))
      .find(
        kr => kr.title === 'Reduce p99 CI build time from 18 min to 8 min',
      )!;
    expect(p99.measure).toEqual({
      type: 'metric',
      metricId: expect.any(String),
    });
    expect(p99.checkIns.at(-1)?.note).toMatch(
      /^Posted to metric p99 CI build time by service:ci-metrics$/,
    );

    const checkout = review.consumers.find(c => c.team.name === 'checkout')!;
    // Checkout filed two CI & Build requests shipped last quarter: they save
    // time for the whole of this one.
    expect(checkout.impact.items.length).toBeGreaterThanOrEqual(2);
    expect(checkout.impact.personWeeksSaved).toBeGreaterThan(0);
    for (const item of checkout.impact.items) {
      expect(item.hoursSaved).toBeCloseTo(item.weeklyHours * item.weeks, 0);
    }

    const md = reviewMarkdown(review);
    expect(md).toMatch(/^# CI & Build: customer review, Q4 2026\n/);
    for (const heading of [
      '## Themes for Q4 2026',
      '## What we commit to',
      '## What we deprioritize, and why',
      '## What we need from you',
      '## What shipped',
      '## Deprecations',
      '## Capacity',
      '## For each consuming team',
      '### Checkout',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('person-weeks saved in Q4 2026');
  });

  it('tells a consuming team what shipped for it last quarter and the time saved', async () => {
    const { service } = await examplePortal(databases);
    const impact = await service.impact('group:default/checkout', '2026-Q3');
    expect(impact.items.map(i => i.title)).toEqual(
      expect.arrayContaining([
        'Dependency downloads on every CI job',
        'Cached native modules fail with GLIBC errors',
      ]),
    );
    const total = impact.items.reduce((sum, i) => sum + i.hoursSaved, 0);
    expect(impact.hoursSaved).toBeCloseTo(total, 0);
    expect(impact.personWeeksSaved).toBeCloseTo(impact.hoursSaved / 40, 0);
  });

  it('puts every platform team side by side, with a bounded number of catalog calls', async () => {
    const { service, calls } = await examplePortal(databases);
    calls.total = 0;
    const overview = await service.overview('2026', guest);
    expect(overview.teams).toHaveLength(6);
    expect(overview.teams.every(t => (t.satisfaction?.count ?? 0) > 0)).toBe(
      true,
    );
    expect(overview.metrics.length).toBeGreaterThanOrEqual(12);
    expect(overview.metrics.every(m => m.latest && m.previous)).toBe(true);
    expect(overview.teams.every(t => t.consumingTeamCount > 0)).toBe(true);
    expect(
      overview.teams.find(t => t.team.name === 'ci-build')
        ?.activeDeprecationCount,
    ).toBe(1);
    expect(new Set(overview.themes.map(t => t.theme.teamRef)).size).toBe(6);
    expect(overview.backlog.length).toBeGreaterThan(5);
    expect(overview.backlog.map(r => r.rank)).toEqual(
      overview.backlog.map((_, i) => i + 1),
    );
    expect(overview.deprecations.map(d => d.sunsetOn)).toEqual(
      [...overview.deprecations.map(d => d.sunsetOn)].sort(),
    );
    expect(
      overview.deprecations.find(
        d => d.entityRef === 'component:default/legacy-auth-sdk',
      )?.consumerCount,
    ).toBe(8);
    // Teams and consumers (4), the org-wide backlog's teams impacted (a
    // handful, whatever the number of requests), deprecated entities (1).
    expect(calls.total).toBeLessThanOrEqual(14);
  });
});
