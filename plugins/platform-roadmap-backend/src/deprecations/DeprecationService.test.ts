import { mockCredentials } from '@backstage/backend-test-utils';
import { Deprecation } from '@platform-roadmap/plugin-platform-roadmap-common';
import { buildCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { DeprecationService } from './DeprecationService';

const viewer = 'user:default/viewer';

/**
 * Security owns the old SDK and its replacement; two teams' services use
 * the SDK directly, one through the Payments API (a second level), and one
 * service is hidden from the viewer.
 */
function catalogEntities() {
  const group = (name: string) => ({ kind: 'Group', name, type: 'team' });
  const component = (
    name: string,
    owner: string,
    dependsOn: string[] = [],
    consumesApis: string[] = [],
  ) => ({
    kind: 'Component',
    name,
    type: 'service',
    owner: `group:default/${owner}`,
    dependsOn: dependsOn.map(d => `component:default/${d}`),
    consumesApis: consumesApis.map(a => `api:default/${a}`),
  });
  return buildCatalog([
    {
      ...group('security'),
      annotations: { 'platform-roadmap/platform-team': 'true' },
    },
    group('checkout'),
    group('billing'),
    group('secret'),
    { ...component('legacy-sdk', 'security'), title: 'Legacy SDK' },
    { ...component('auth-library', 'security'), title: 'Auth Library' },
    component('checkout-service', 'checkout', ['legacy-sdk']),
    component('payments', 'billing', ['legacy-sdk']),
    component('invoices', 'billing', ['auth-library'], ['payments-api']),
    { kind: 'API', name: 'payments-api', owner: 'group:default/billing' },
    component('secret-service', 'secret', ['legacy-sdk']),
  ]).map(entity => {
    // payments provides payments-api: the API depends on the SDK through it.
    if (entity.metadata.name === 'payments-api') {
      entity.relations!.push({
        type: 'dependsOn',
        targetRef: 'component:default/legacy-sdk',
      });
    }
    if (entity.metadata.name === 'legacy-sdk') {
      entity.relations!.push({
        type: 'dependencyOf',
        targetRef: 'api:default/payments-api',
      });
    }
    return entity;
  });
}

const base: Omit<Deprecation, 'id' | 'entityRef' | 'consumerDepth'> = {
  version: 1,
  teamRef: 'group:default/security',
  announcedOn: '2026-11-01',
  sunsetOn: '2026-12-05',
  description: '',
  status: 'migrating',
  createdBy: 'user:default/sec',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('DeprecationService', () => {
  const databases = createTestDatabases();

  async function setUp() {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const store = await ReleaseStore.create({
      database,
      requests: await RequestStore.create({ database }),
    });
    const { catalog, calls } = fakeCatalog(catalogEntities(), {
      hiddenFrom: { user: viewer, refs: ['component:default/secret-service'] },
    });
    return {
      store,
      calls,
      service: new DeprecationService({ catalog, store }),
    };
  }

  const sdk = (depth: number, id = `sdk-${depth}`): Deprecation => ({
    ...base,
    id,
    entityRef: 'component:default/legacy-sdk',
    replacementEntityRef: 'component:default/auth-library',
    consumerDepth: depth,
  });

  it('groups remaining consumers by team, as the caller may read them, in 3 round trips', async () => {
    const { service, calls } = await setUp();
    const [view] = await service.views(
      [sdk(1)],
      mockCredentials.user(viewer),
      '2026-11-23',
    );
    expect(view).toMatchObject({
      entity: {
        entityRef: 'component:default/legacy-sdk',
        title: 'Legacy SDK',
      },
      replacement: { title: 'Auth Library' },
      consumerCount: 3,
      teamCount: 2,
      daysLeft: 12,
    });
    expect(
      view.consumingTeams.map(t => [
        t.team.name,
        t.consumers.map(c => `${c.entity.name} ${c.relation} ${c.depth}`),
      ]),
    ).toEqual([
      // each level by ref: api:… before component:…
      ['billing', ['payments-api dependsOn 1', 'payments dependsOn 1']],
      ['checkout', ['checkout-service dependsOn 1']],
    ]);
    expect(JSON.stringify(view)).not.toContain('secret');
    // The deprecated entities, one level of consumers, their owners.
    expect(calls.total).toBe(3);
  });

  it('counts deeper consumers when asked, one more round trip per level, for any number of deprecations', async () => {
    const { service, calls } = await setUp();
    const views = await service.views(
      [
        sdk(1),
        sdk(2),
        { ...sdk(2, 'other'), entityRef: 'component:default/checkout-service' },
      ],
      mockCredentials.user(viewer),
      '2026-11-23',
    );
    const deep = views[1];
    expect(deep.consumerCount).toBe(4);
    expect(
      deep.consumingTeams
        .flatMap(t => t.consumers)
        .find(c => c.entity.name === 'invoices'),
    ).toEqual(
      expect.objectContaining({
        relation: 'consumesApi',
        targetRef: 'api:default/payments-api',
        depth: 2,
      }),
    );
    expect(views[2].consumerCount).toBe(0);
    expect(calls.total).toBe(4);
  });

  it('shows a finished deprecation by its burn-down, without walking the catalog for it', async () => {
    const { service, store } = await setUp();
    const announced = await store.announceDeprecation(
      base.teamRef,
      { ...sdk(1), status: 'complete', description: '' },
      { title: 'Legacy SDK is deprecated', body: '' },
      {
        takenOn: '2026-11-01',
        consumerEntityRefs: [],
        teamRefs: [],
      },
      { by: 'user:default/sec', at: new Date('2026-11-01T00:00:00Z') },
    );
    const [view] = await service.views(
      [announced],
      mockCredentials.user(viewer),
      '2026-11-23',
    );
    expect(view).toMatchObject({
      consumerCount: 0,
      consumingTeams: [],
      burnDown: [{ day: '2026-11-01', consumerCount: 0, teamCount: 0 }],
    });
  });

  it('says when the deprecated entity is not in the catalog, rather than showing zero consumers', async () => {
    const { service, store } = await setUp();
    const announced = await store.announceDeprecation(
      base.teamRef,
      {
        ...sdk(1),
        entityRef: 'component:default/removed-sdk',
        description: '',
      },
      { title: 'removed-sdk is deprecated', body: '' },
      {
        takenOn: '2026-11-01',
        consumerEntityRefs: ['component:default/a', 'component:default/b'],
        teamRefs: ['group:default/checkout'],
      },
      { by: 'user:default/sec', at: new Date('2026-11-01T00:00:00Z') },
    );
    const [view] = await service.views(
      [announced],
      mockCredentials.user(viewer),
      '2026-11-23',
    );
    expect(view).toMatchObject({
      inCatalog: false,
      consumerCount: 2,
      teamCount: 1,
      consumingTeams: [],
    });
  });

  it('snapshots every consumer with service credentials, and skips entities the catalog does not have', async () => {
    const { service } = await setUp();
    const snapshots = await service.snapshots(
      [sdk(1), { ...sdk(1, 'gone'), entityRef: 'component:default/nope' }],
      mockCredentials.service(),
      '2026-11-23',
    );
    // The catalog decides the order; what counts is who is in the snapshot.
    const sorted = snapshots.map(s => ({
      ...s,
      consumerEntityRefs: [...s.consumerEntityRefs].sort(),
      teamRefs: [...s.teamRefs].sort(),
    }));
    expect(sorted).toEqual([
      {
        deprecationId: 'sdk-1',
        takenOn: '2026-11-23',
        consumerEntityRefs: [
          'api:default/payments-api',
          'component:default/checkout-service',
          'component:default/payments',
          'component:default/secret-service',
        ],
        teamRefs: [
          'group:default/billing',
          'group:default/billing',
          'group:default/checkout',
          'group:default/secret',
        ],
      },
    ]);
  });

  it('warns a consumer about the active deprecations it uses, directly or deeper', async () => {
    const { service, store, calls } = await setUp();
    const actor = {
      by: 'user:default/sec',
      at: new Date('2026-11-01T00:00:00Z'),
    };
    const note = { title: 'Legacy SDK is deprecated', body: '' };
    const direct = await store.announceDeprecation(
      base.teamRef,
      { ...sdk(1), migrationGuideUrl: 'https://wiki.acme.example/sdk' },
      note,
      undefined,
      actor,
    );
    const checkout = await service.warnings(
      'component:default/checkout-service',
      mockCredentials.user(viewer),
      '2026-11-23',
    );
    expect(checkout.items).toEqual([
      expect.objectContaining({
        deprecation: expect.objectContaining({
          id: direct.id,
          migrationGuideUrl: 'https://wiki.acme.example/sdk',
        }),
        entity: expect.objectContaining({ title: 'Legacy SDK' }),
        replacement: expect.objectContaining({ title: 'Auth Library' }),
        usage: expect.objectContaining({
          relation: 'dependsOn',
          targetRef: 'component:default/legacy-sdk',
          depth: 1,
        }),
        daysLeft: 12,
      }),
    ]);

    // invoices uses the SDK only through payments-api: no warning at depth 1…
    const viewerCreds = mockCredentials.user(viewer);
    expect(
      (
        await service.warnings(
          'component:default/invoices',
          viewerCreds,
          '2026-11-23',
        )
      ).items,
    ).toEqual([]);
    // …but one once the deprecation counts consumers two levels deep.
    await store.updateDeprecation(
      direct.id,
      1,
      { ...sdk(2), migrationGuideUrl: null, replacementEntityRef: null },
      note,
      actor,
    );
    calls.total = 0;
    const invoices = await service.warnings(
      'component:default/invoices',
      viewerCreds,
      '2026-11-23',
    );
    expect(invoices.items[0].usage).toEqual(
      expect.objectContaining({
        relation: 'consumesApi',
        targetRef: 'api:default/payments-api',
        depth: 2,
      }),
    );
    // The entity, one deeper level, the deprecated entities.
    expect(calls.total).toBe(3);

    // Finished deprecations warn nobody.
    await store.updateDeprecation(
      direct.id,
      2,
      { ...sdk(2), status: 'complete' },
      note,
      actor,
    );
    expect(
      (
        await service.warnings(
          'component:default/invoices',
          viewerCreds,
          '2026-11-23',
        )
      ).items,
    ).toEqual([]);
  });
});
