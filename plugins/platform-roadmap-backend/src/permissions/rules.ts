import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { PLATFORM_ROADMAP_TEAM_RESOURCE_TYPE } from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';

/**
 * A platform team as the permission framework sees it: its Group entity ref.
 *
 * @public
 */
export interface PlatformRoadmapTeamResource {
  teamRef: string;
}

/**
 * Resource ref of a platform team's roadmap.
 *
 * @public
 */
export const platformRoadmapTeamResourceRef = createPermissionResourceRef<
  PlatformRoadmapTeamResource,
  { teamRefs: string[] }
>().with({
  pluginId: 'platform-roadmap',
  resourceType: PLATFORM_ROADMAP_TEAM_RESOURCE_TYPE,
});

/**
 * Allows when the team is one of the given refs — a policy passes the
 * caller's ownership refs (`user.info.ownershipEntityRefs`), which makes it
 * "members of the team".
 *
 * @public
 */
export const isTeamMember = createPermissionRule({
  name: 'IS_TEAM_MEMBER',
  description:
    'Allow when the platform team is one of the given groups, for example the caller’s ownership entity refs',
  resourceRef: platformRoadmapTeamResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the groups the caller acts for'),
  }),
  apply: (resource, { claims }) => {
    const team = resource.teamRef.toLocaleLowerCase('en-US');
    return claims.some(c => c.toLocaleLowerCase('en-US') === team);
  },
  toQuery: ({ claims }) => ({ teamRefs: claims }),
});

const conditionExports = createConditionExports({
  resourceRef: platformRoadmapTeamResourceRef,
  rules: { isTeamMember },
});

/**
 * Conditions a permission policy can return for Platform Roadmap resources.
 *
 * @public
 */
export const platformRoadmapConditions = conditionExports.conditions;

/**
 * Wraps Platform Roadmap conditions into a policy decision.
 *
 * @public
 */
export const createPlatformRoadmapConditionalDecision =
  conditionExports.createConditionalDecision;

export const platformRoadmapRules = [isTeamMember];
