import { mockCredentials } from '@backstage/backend-test-utils';
import { TeamsImpacted } from '@platform-roadmap/plugin-platform-roadmap-common';
import { buildCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { ImpactSubject, TeamsImpactedService } from './TeamsImpactedService';

/*
 * The fixture, worked out by hand:
 *
 *   acme (organization)
 *   ├── payments (department): checkout, billing, fraud
 *   └── commerce (department): orders, web, secret-team
 *
 *   ci-build owns build-cache (Component) and build-api (API).
 *
 *   checkout-web  (checkout)    dependsOn   build-cache      <- files the request
 *   invoicing     (billing)     dependsOn   build-cache
 *   order-service (orders)      consumesApi build-api        <- endorses
 *   fraud-scorer  (fraud)       (no dependency)              <- endorses
 *   order-ui      (orders)      dependsOn   order-service    (2 hops)
 *   storefront    (web)         dependsOn   order-service    (2 hops)
 *   hidden-svc    (secret-team) dependsOn   build-cache      (hidden from the caller)
 *   ci-runners    (ci-build)    dependsOn   build-cache      (the platform team itself: not impacted)
 */
const catalog = () =>
  buildCatalog([
    { kind: 'Group', name: 'acme', type: 'organization' },
    { kind: 'Group', name: 'payments', parent: 'group:default/acme' },
    { kind: 'Group', name: 'commerce', parent: 'group:default/acme' },
    { kind: 'Group', name: 'checkout', parent: 'group:default/payments' },
    { kind: 'Group', name: 'billing', parent: 'group:default/payments' },
    { kind: 'Group', name: 'fraud', parent: 'group:default/payments' },
    { kind: 'Group', name: 'orders', parent: 'group:default/commerce' },
    { kind: 'Group', name: 'web', parent: 'group:default/commerce' },
    { kind: 'Group', name: 'secret-team', parent: 'group:default/commerce' },
    { kind: 'Group', name: 'ci-build' },
    { kind: 'Component', name: 'build-cache', owner: 'group:default/ci-build' },
    { kind: 'API', name: 'build-api', owner: 'group:default/ci-build' },
    {
      kind: 'Component',
      name: 'checkout-web',
      owner: 'group:default/checkout',
      dependsOn: ['component:default/build-cache'],
    },
    {
      kind: 'Component',
      name: 'invoicing',
      owner: 'group:default/billing',
      dependsOn: ['component:default/build-cache'],
    },
    {
      kind: 'Component',
      name: 'order-service',
      owner: 'group:default/orders',
      consumesApis: ['api:default/build-api'],
    },
    { kind: 'Component', name: 'fraud-scorer', owner: 'group:default/fraud' },
    {
      kind: 'Component',
      name: 'order-ui',
      owner: 'group:default/orders',
      dependsOn: ['component:default/order-service'],
    },
    {
      kind: 'Component',
      name: 'storefront',
      owner: 'group:default/web',
      dependsOn: ['component:default/order-service'],
    },
    {
      kind: 'Component',
      name: 'ci-runners',
      owner: 'group:default/ci-build',
      dependsOn: ['component:default/build-cache'],
    },
    {
      kind: 'Component',
      name: 'hidden-svc',
      owner: 'group:default/secret-team',
      dependsOn: ['component:default/build-cache'],
    },
  ]);

const subject: ImpactSubject = {
  requestingEntityRef: 'component:default/checkout-web',
  endorsingEntityRefs: [
    'component:default/order-service',
    'component:default/fraud-scorer',
  ],
  aboutEntityRefs: ['component:default/build-cache', 'api:default/build-api'],
  platformTeamRef: 'group:default/ci-build',
};

const caller = mockCredentials.user('user:default/someone');
const hiddenFromCaller = {
  hiddenFrom: {
    user: 'user:default/someone',
    refs: ['component:default/hidden-svc'],
  },
};

function summarise(result: TeamsImpacted) {
  return Object.fromEntries(
    result.teams.map(t => [
      t.team.name,
      t.reasons.map(r =>
        r.type === 'depends'
          ? `${r.type} ${r.entityRef} ${r.relation} ${r.targetRef} (depth ${r.depth})`
          : `${r.type} ${r.entityRef}`,
      ),
    ]),
  );
}

describe('TeamsImpactedService', () => {
  it('names every impacted team with its reasons (direct dependents)', async () => {
    const { catalog: service } = fakeCatalog(catalog(), hiddenFromCaller);
    const [result] = await new TeamsImpactedService(service, {
      dependencyDepth: 1,
    }).compute([subject], caller);

    expect(summarise(result)).toEqual({
      checkout: [
        'requested component:default/checkout-web',
        'depends component:default/checkout-web dependsOn component:default/build-cache (depth 1)',
      ],
      fraud: ['endorsed component:default/fraud-scorer'],
      orders: [
        'endorsed component:default/order-service',
        'depends component:default/order-service consumesApi api:default/build-api (depth 1)',
      ],
      billing: [
        'depends component:default/invoicing dependsOn component:default/build-cache (depth 1)',
      ],
    });
    // asking teams first, then by name
    expect(result.teams.map(t => t.team.name)).toEqual([
      'checkout',
      'fraud',
      'orders',
      'billing',
    ]);
    expect(result.askingTeamCount).toBe(3);
    expect(result.strongSignal).toBe(true);
    expect(
      result.teams.find(t => t.team.name === 'checkout')?.orgUnitRefs,
    ).toEqual(['group:default/payments', 'group:default/acme']);
    expect(result.orgUnits.map(u => `${u.unit.name}:${u.teamCount}`)).toEqual([
      'acme:4',
      'payments:3',
      'commerce:1',
    ]);
    expect(JSON.stringify(result)).not.toMatch(/hidden-svc|secret-team/);
  });

  it('follows dependents further when the depth allows', async () => {
    const { catalog: service } = fakeCatalog(catalog(), hiddenFromCaller);
    const [result] = await new TeamsImpactedService(service, {
      dependencyDepth: 2,
    }).compute([subject], caller);

    const teams = summarise(result);
    expect(teams.web).toEqual([
      'depends component:default/storefront dependsOn component:default/order-service (depth 2)',
    ]);
    expect(teams.orders).toContain(
      'depends component:default/order-ui dependsOn component:default/order-service (depth 2)',
    );
    expect(result.askingTeamCount).toBe(3);
    expect(result.orgUnits.map(u => `${u.unit.name}:${u.teamCount}`)).toEqual([
      'acme:5',
      'payments:3',
      'commerce:2',
    ]);
  });

  it('counts a team the caller may read, and only those', async () => {
    const { catalog: service } = fakeCatalog(catalog());
    const [result] = await new TeamsImpactedService(service, {
      dependencyDepth: 1,
    }).compute([subject], caller);
    expect(result.teams.map(t => t.team.name)).toContain('secret-team');
  });

  it('is not a strong signal below three asking teams', async () => {
    const { catalog: service } = fakeCatalog(catalog());
    const [result] = await new TeamsImpactedService(service, {
      dependencyDepth: 1,
    }).compute(
      [{ ...subject, endorsingEntityRefs: ['component:default/invoicing'] }],
      caller,
    );
    expect(result.askingTeamCount).toBe(2);
    expect(result.strongSignal).toBe(false);
  });

  it('makes the same catalog calls for 1 request or 1,000', async () => {
    const one = fakeCatalog(catalog());
    await new TeamsImpactedService(one.catalog, {
      dependencyDepth: 2,
    }).compute([subject], caller);

    const many = fakeCatalog(catalog());
    const results = await new TeamsImpactedService(many.catalog, {
      dependencyDepth: 2,
    }).compute(
      Array.from({ length: 1000 }, (_, i) =>
        i % 2 ? subject : { ...subject, endorsingEntityRefs: [] },
      ),
      caller,
    );

    expect(results).toHaveLength(1000);
    expect(results[1].strongSignal).toBe(true);
    expect(results[0].askingTeamCount).toBe(1);
    // entities asked about, 2 levels of dependents, owners, 2 org levels
    expect(one.calls.total).toBe(6);
    expect(many.calls).toEqual(one.calls);
  });
});
