import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  PermissionCondition,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { platformRoadmapTeamManagePermission } from '@platform-roadmap/plugin-platform-roadmap-common';
import { isTeamMember } from '@platform-roadmap/plugin-platform-roadmap-backend';
import { PortalPermissionPolicy } from './permissionPolicy';

const guest = {
  credentials: mockCredentials.user('user:default/guest'),
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: [
      'user:default/guest',
      'group:default/ci-build',
      'group:default/checkout',
    ],
  },
};

/** The params of a decision whose conditions are a single rule. */
function claimsOf(decision: ConditionalPolicyDecision) {
  const condition = decision.conditions as PermissionCondition<
    string,
    { claims: string[] }
  >;
  return condition.params!;
}

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it('lets members of a platform team, and only them, manage its roadmap', async () => {
    const decision = (await policy.handle(
      { permission: platformRoadmapTeamManagePermission },
      guest,
    )) as ConditionalPolicyDecision;

    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
    expect(decision.pluginId).toBe('platform-roadmap');
    expect(decision.resourceType).toBe('platform-roadmap-team');
    expect(decision.conditions).toEqual({
      rule: 'IS_TEAM_MEMBER',
      resourceType: 'platform-roadmap-team',
      params: { claims: guest.info.ownershipEntityRefs },
    });

    // The condition, applied by the plugin to a team, means membership.
    const params = claimsOf(decision);
    expect(
      isTeamMember.apply({ teamRef: 'group:default/CI-Build' }, params),
    ).toBe(true);
    expect(
      isTeamMember.apply(
        { teamRef: 'group:default/security-platform' },
        params,
      ),
    ).toBe(false);
  });

  it('gives nobody a roadmap to manage without ownership claims', async () => {
    const decision = (await policy.handle({
      permission: platformRoadmapTeamManagePermission,
    })) as ConditionalPolicyDecision;
    const params = claimsOf(decision);
    expect(params.claims).toEqual([]);
    expect(
      isTeamMember.apply({ teamRef: 'group:default/ci-build' }, params),
    ).toBe(false);
  });

  it.each([catalogEntityDeletePermission, catalogEntityRefreshPermission])(
    'restricts $name to the entity owners',
    async permission => {
      const decision = (await policy.handle(
        { permission },
        guest,
      )) as ConditionalPolicyDecision;
      expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
      expect(decision.conditions).toEqual({
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: guest.info.ownershipEntityRefs },
      });
    },
  );

  it('allows reading the catalog', async () => {
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }, guest),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
