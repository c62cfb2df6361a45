import { mockCredentials } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import {
  buildCatalog,
  exampleCatalog,
  fakeCatalog,
} from '../__testUtils__/catalog';
import { PlatformTeamsService } from './PlatformTeamsService';

describe('PlatformTeamsService', () => {
  const credentials = mockCredentials.user('user:default/someone');

  it('lists platform teams with their entities and consuming teams', async () => {
    const { catalog } = fakeCatalog(exampleCatalog());
    const service = new PlatformTeamsService(catalog);

    const teams = await service.listTeams(credentials);

    expect(teams.map(t => t.team.entityRef)).toEqual([
      'group:default/ci-build',
    ]);
    const [team] = teams;
    expect(team.team.title).toBe('CI & Build');
    expect(team.platformEntities.map(e => e.entityRef).sort()).toEqual([
      'api:default/build-api',
      'component:default/build-cache',
      'component:default/ci-runners',
    ]);
    // ci-runners depends on build-cache but belongs to the team itself: a
    // team is not its own consumer.
    expect(team.consumingTeams.map(c => c.team.entityRef)).toEqual([
      'group:default/checkout',
      'group:default/orders',
      'group:default/secret-team',
    ]);
    const checkout = team.consumingTeams[0];
    expect(checkout.via).toEqual(
      expect.arrayContaining([
        {
          consumer: expect.objectContaining({
            entityRef: 'component:default/checkout-web',
          }),
          relation: 'dependsOn',
          platformEntityRef: 'component:default/build-cache',
        },
        {
          consumer: expect.objectContaining({
            entityRef: 'component:default/checkout-web',
          }),
          relation: 'consumesApi',
          platformEntityRef: 'api:default/build-api',
        },
      ]),
    );
    expect(checkout.via).toHaveLength(2);
    expect(team.unownedConsumerCount).toBe(0);
  });

  it('never shows what the caller may not read', async () => {
    const { catalog } = fakeCatalog(exampleCatalog(), {
      hiddenFrom: {
        user: 'user:default/someone',
        refs: ['component:default/hidden-service'],
      },
    });
    const service = new PlatformTeamsService(catalog);

    const [team] = await service.listTeams(credentials);
    expect(team.consumingTeams.map(c => c.team.entityRef)).not.toContain(
      'group:default/secret-team',
    );
    expect(JSON.stringify(team)).not.toContain('hidden-service');

    const [asOther] = await service.listTeams(
      mockCredentials.user('user:default/other'),
    );
    expect(asOther.consumingTeams.map(c => c.team.entityRef)).toContain(
      'group:default/secret-team',
    );
  });

  it('counts consumers whose owner the caller cannot read without naming them', async () => {
    const { catalog } = fakeCatalog(exampleCatalog(), {
      hiddenFrom: {
        user: 'user:default/someone',
        refs: ['group:default/secret-team'],
      },
    });
    const service = new PlatformTeamsService(catalog);

    const [team] = await service.listTeams(credentials);
    expect(team.consumingTeams.map(c => c.team.name)).toEqual([
      'checkout',
      'orders',
    ]);
    expect(team.unownedConsumerCount).toBe(1);
    expect(JSON.stringify(team)).not.toContain('secret-team');
  });

  it('gets one team and refuses groups that are not platform teams', async () => {
    const { catalog } = fakeCatalog(exampleCatalog());
    const service = new PlatformTeamsService(catalog);

    const team = await service.getTeam('group:default/ci-build', credentials);
    expect(team.consumingTeams).toHaveLength(3);

    await expect(
      service.getTeam('group:default/checkout', credentials),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      service.getTeam('group:default/nope', credentials),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('makes the same number of catalog calls for 5 or 500 consumers', async () => {
    const catalogWith = (consumerCount: number) => {
      const inputs: Parameters<typeof buildCatalog>[0] = [];
      for (let t = 0; t < 3; t++) {
        inputs.push({
          kind: 'Group',
          name: `platform-${t}`,
          annotations: { 'platform-roadmap/platform-team': 'true' },
        });
        inputs.push({
          kind: 'Component',
          name: `platform-${t}-service`,
          owner: `group:default/platform-${t}`,
        });
      }
      for (let c = 0; c < consumerCount; c++) {
        inputs.push({ kind: 'Group', name: `team-${c}` });
        inputs.push({
          kind: 'Component',
          name: `consumer-${c}`,
          owner: `group:default/team-${c}`,
          dependsOn: [`component:default/platform-${c % 3}-service`],
        });
      }
      return buildCatalog(inputs);
    };

    const small = fakeCatalog(catalogWith(5));
    const smallTeams = await new PlatformTeamsService(small.catalog).listTeams(
      credentials,
    );
    const large = fakeCatalog(catalogWith(500));
    const largeTeams = await new PlatformTeamsService(large.catalog).listTeams(
      credentials,
    );

    expect(smallTeams.reduce((n, t) => n + t.consumingTeams.length, 0)).toBe(5);
    expect(largeTeams.reduce((n, t) => n + t.consumingTeams.length, 0)).toBe(
      500,
    );
    // teams, owned entities, consuming entities, their owners
    expect(small.calls.total).toBe(4);
    expect(large.calls.total).toBe(small.calls.total);
  });
});
