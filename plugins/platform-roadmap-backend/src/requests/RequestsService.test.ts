import { mockCredentials } from '@backstage/backend-test-utils';
import { PlatformRequest } from '@platform-roadmap/plugin-platform-roadmap-common';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { RequestStore } from '../database/RequestStore';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { RequestsService } from './RequestsService';

const filed: PlatformRequest = {
  id: 'r1',
  version: 1,
  title: 'Remote cache misses',
  description: '',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 10 },
  requestingEntityRef: 'component:default/checkout-web',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: [],
  endorsements: [],
  status: 'open',
  createdBy: 'user:default/someone',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
} as unknown as PlatformRequest;

describe('RequestsService ranking cache', () => {
  function setUp(cacheTtlMs: number) {
    const { catalog } = fakeCatalog(exampleCatalog());
    const listToRank = jest.fn(async () => [
      { request: filed, endorsingEntityRefs: [] },
    ]);
    const getRequests = async () => [filed];
    let now = 1_000_000;
    const service = new RequestsService({
      catalog,
      store: { listToRank, getRequests } as unknown as RequestStore,
      teamsImpacted: new TeamsImpactedService(catalog, { dependencyDepth: 1 }),
      weights: DEFAULT_SCORE_WEIGHTS,
      cacheTtlMs,
      now: () => now,
    });
    return { service, listToRank, tick: (ms: number) => (now += ms) };
  }
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');
  const filter = { platformTeamRef: 'group:default/ci-build' };
  const page = { offset: 0, limit: 25 };

  it('reuses one person’s page until a write or the TTL', async () => {
    const { service, listToRank, tick } = setUp(30_000);
    const first = await service.rank(filter, alice, page);
    expect(first.items[0].request.id).toBe('r1');
    await service.rank(filter, alice, page);
    expect(listToRank).toHaveBeenCalledTimes(1);

    // another person, another page or another filter: computed for them
    await service.rank(filter, bob, page);
    await service.rank(filter, alice, { offset: 25, limit: 25 });
    await service.rank({ ...filter, statuses: ['open'] }, alice, page);
    expect(listToRank).toHaveBeenCalledTimes(4);

    service.invalidate();
    await service.rank(filter, alice, page);
    expect(listToRank).toHaveBeenCalledTimes(5);

    tick(29_999);
    await service.rank(filter, alice, page);
    expect(listToRank).toHaveBeenCalledTimes(5);
    tick(1);
    await service.rank(filter, alice, page);
    expect(listToRank).toHaveBeenCalledTimes(6);
  });

  it('shares one computation between concurrent asks, and never caches a failure', async () => {
    const { service, listToRank } = setUp(30_000);
    await Promise.all([
      service.rank(filter, alice, page),
      service.rank(filter, alice, page),
    ]);
    expect(listToRank).toHaveBeenCalledTimes(1);

    service.invalidate();
    listToRank.mockRejectedValueOnce(new Error('database away'));
    await expect(service.rank(filter, alice, page)).rejects.toThrow(
      'database away',
    );
    await expect(service.rank(filter, alice, page)).resolves.toMatchObject({
      totalItems: 1,
    });
  });

  it('computes every time with a TTL of 0, and for services', async () => {
    const { service, listToRank } = setUp(0);
    await service.rank(filter, alice, page);
    await service.rank(filter, alice, page);
    const cached = setUp(30_000);
    await cached.service.rank(filter, mockCredentials.service(), page);
    await cached.service.rank(filter, mockCredentials.service(), page);
    expect(listToRank).toHaveBeenCalledTimes(2);
    expect(cached.listToRank).toHaveBeenCalledTimes(2);
  });
});
