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
    // asking teams first, then the most dependents, then by name
    expect(result.teams.map(t => t.team.name)).toEqual([
      'checkout',
      'orders',
      'fraud',
      'billing',
    ]);
    expect(result.omittedTeams).toBeUndefined();
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

  it('counts, for every request, exactly the teams its list names', async () => {
    const { catalog: service } = fakeCatalog(catalog(), hiddenFromCaller);
    const subjects: ImpactSubject[] = [
      subject,
      { ...subject, aboutEntityRefs: [] },
      { ...subject, aboutEntityRefs: ['api:default/build-api'] },
      // named twice, and an entity that is not in the catalog
      {
        ...subject,
        endorsingEntityRefs: [
          'component:default/invoicing',
          'component:default/invoicing',
          'component:default/nope',
        ],
        aboutEntityRefs: [
          'component:default/build-cache',
          'component:default/build-cache',
        ],
      },
      { ...subject, requestingEntityRef: 'component:default/hidden-svc' },
    ];
    for (const dependencyDepth of [1, 2]) {
      const impacts = await new TeamsImpactedService(service, {
        dependencyDepth,
      }).index(subjects, caller);
      const named = subjects.map((_, i) => impacts.details(i).teams.length);
      expect(impacts.counts).toEqual(named);
    }
    const impacts = await new TeamsImpactedService(service, {
      dependencyDepth: 1,
    }).index(subjects, caller);
    // checkout, orders, fraud asking and billing depending (the fourth asks
    // about build-cache only: checkout and billing); never secret-team, whose
    // entity the caller may not read even as the requester
    expect(impacts.counts).toEqual([4, 3, 3, 2, 4]);
    expect(impacts.details(4).teams.map(t => t.team.name)).not.toContain(
      'secret-team',
    );
    expect(summarise(impacts.details(3)).billing).toEqual([
      'endorsed component:default/invoicing',
      'depends component:default/invoicing dependsOn component:default/build-cache (depth 1)',
    ]);
  });

  it('reads every group in one query when the owners do not fit one lookup', async () => {
    const teams = 1100;
    const entities = buildCatalog([
      { kind: 'Group', name: 'acme', type: 'organization' },
      { kind: 'Group', name: 'east', parent: 'group:default/acme' },
      { kind: 'Group', name: 'west', parent: 'group:default/acme' },
      { kind: 'Group', name: 'ci-build' },
      { kind: 'User', name: 'solo' },
      {
        kind: 'Component',
        name: 'build-cache',
        owner: 'group:default/ci-build',
      },
      {
        kind: 'Component',
        name: 'solo-tool',
        owner: 'user:default/solo',
        dependsOn: ['component:default/build-cache'],
      },
      ...Array.from({ length: teams }, (_, i) => [
        {
          kind: 'Group',
          name: `team-${i}`,
          // east names its teams in spec.children instead (see below)
          ...(i % 2 ? {} : { parent: 'group:default/west' }),
        },
        {
          kind: 'Component',
          name: `app-${i}`,
          // spec.owner as people write it: kind and namespace left out
          owner: `team-${i}`,
          dependsOn: ['component:default/build-cache'],
        },
      ]).flat(),
    ]);
    // A parent may name its children instead: the catalog relates both.
    const east = entities.find(e => e.metadata.name === 'east')!;
    east.spec!.children = [];
    for (const team of entities) {
      const n = /^team-(\d+)$/.exec(team.metadata.name)?.[1];
      if (!n || Number(n) % 2 === 0) continue;
      (east.spec!.children as string[]).push(team.metadata.name);
      team.relations!.push({
        type: 'childOf',
        targetRef: 'group:default/east',
      });
      east.relations!.push({
        type: 'parentOf',
        targetRef: `group:default/${team.metadata.name}`,
      });
    }
    // buildCatalog relates the owner ref as written; the catalog would
    // resolve it, so the relations here name the full ref.
    for (const e of entities) {
      for (const r of e.relations ?? []) {
        if (r.type === 'ownedBy' && !r.targetRef.includes(':')) {
          r.targetRef = `group:default/${r.targetRef}`;
        }
      }
    }
    const { catalog: service, calls } = fakeCatalog(entities, {
      hiddenFrom: {
        user: 'user:default/someone',
        refs: ['group:default/team-7'],
      },
    });
    const impacts = await new TeamsImpactedService(service, {
      dependencyDepth: 1,
    }).index(
      [
        {
          requestingEntityRef: 'component:default/app-1',
          endorsingEntityRefs: [],
          aboutEntityRefs: ['component:default/build-cache'],
          platformTeamRef: 'group:default/ci-build',
        },
      ],
      caller,
    );
    // every team but the hidden one, and the person who owns solo-tool
    expect(impacts.counts).toEqual([teams - 1 + 1]);
    const details = impacts.details(0);
    expect(details.teams).toHaveLength(teams);
    expect(details.teams.map(t => t.team.name)).not.toContain('team-7');
    expect(details.teams.map(t => t.team.name)).toContain('solo');
    const team1 = details.teams.find(t => t.team.name === 'team-1')!;
    expect(team1.orgUnitRefs).toEqual([
      'group:default/east',
      'group:default/acme',
    ]);
    expect(details.orgUnits.map(u => [u.unit.name, u.teamCount])).toEqual([
      ['acme', teams - 1],
      ['west', teams / 2],
      ['east', teams / 2 - 1],
    ]);
    // A list of many requests names a few teams and counts the rest; the
    // org units still count every team.
    const short = impacts.details(0, { teams: 20, reasonsPerTeam: 0 });
    expect(short.teams).toHaveLength(20);
    expect(short.omittedTeams).toBe(teams - 20);
    expect(short.teams[0].team.name).toBe('team-1'); // it asked
    expect(short.teams[0].reasons).toEqual([
      { type: 'requested', entityRef: 'component:default/app-1' },
    ]);
    expect(short.teams[0].omittedReasons).toBe(1);
    expect(short.orgUnits).toEqual(details.orgUnits);
    expect(short.askingTeamCount).toBe(1);

    // the asked entities and their users, all groups, the one user owner
    expect(calls).toMatchObject({
      getEntitiesByRefs: 2,
      getEntities: 2,
      queryEntities: 0,
      total: 4,
    });
  });
});
