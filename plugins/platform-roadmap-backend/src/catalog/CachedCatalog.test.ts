import { mockCredentials } from '@backstage/backend-test-utils';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { cachedCatalog } from './CachedCatalog';

describe('cachedCatalog', () => {
  function setUp(ttlMs = 30_000) {
    const { catalog, calls } = fakeCatalog(exampleCatalog());
    let now = 1_000_000;
    const cached = cachedCatalog(catalog, { ttlMs, now: () => now });
    return { cached, calls, tick: (ms: number) => (now += ms) };
  }
  const alice = { credentials: mockCredentials.user('user:default/alice') };
  const bob = { credentials: mockCredentials.user('user:default/bob') };
  const byRefs = { entityRefs: ['group:default/ci-build'], fields: ['kind'] };

  it('answers the same caller’s same question from the cache until the TTL', async () => {
    const { cached, calls, tick } = setUp();
    const first = await cached.getEntitiesByRefs(byRefs, alice);
    expect(first.items).toHaveLength(1);
    await cached.getEntitiesByRefs(byRefs, alice);
    await Promise.all([
      cached.getEntitiesByRefs(byRefs, alice),
      cached.getEntitiesByRefs(byRefs, alice),
    ]);
    expect(calls.total).toBe(1);

    // another caller, another question: asked again
    await cached.getEntitiesByRefs(byRefs, bob);
    await cached.getEntitiesByRefs({ ...byRefs, fields: ['metadata'] }, alice);
    await cached.getEntities({ filter: { kind: 'Group' } }, alice);
    await cached.getEntities({ filter: { kind: 'Group' } }, alice);
    expect(calls.total).toBe(4);

    tick(30_000);
    await cached.getEntitiesByRefs(byRefs, alice);
    expect(calls.total).toBe(5);
  });

  it('keeps no failure, and is the catalog itself at a TTL of 0', async () => {
    const { catalog } = fakeCatalog(exampleCatalog());
    let fail = true;
    const flaky = {
      ...catalog,
      getEntitiesByRefs: jest.fn(
        async (...args: Parameters<typeof catalog.getEntitiesByRefs>) => {
          if (fail) throw new Error('catalog away');
          return catalog.getEntitiesByRefs(...args);
        },
      ),
    } as typeof catalog;
    const cached = cachedCatalog(flaky, { ttlMs: 30_000 });
    await expect(cached.getEntitiesByRefs(byRefs, alice)).rejects.toThrow(
      'catalog away',
    );
    fail = false;
    await expect(
      cached.getEntitiesByRefs(byRefs, alice),
    ).resolves.toMatchObject({
      items: [expect.anything()],
    });
    expect(flaky.getEntitiesByRefs).toHaveBeenCalledTimes(2);
    expect(cachedCatalog(catalog, { ttlMs: 0 })).toBe(catalog);
  });
});
