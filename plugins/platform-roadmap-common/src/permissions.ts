import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of a platform team's roadmap; the resource ref is the
 * platform team's Group entity ref.
 *
 * @public
 */
export const PLATFORM_ROADMAP_TEAM_RESOURCE_TYPE = 'platform-roadmap-team';

/**
 * Editing what a platform team publishes (its roadmap, triage, deprecations,
 * release notes). The default policy allows members of the team.
 *
 * @public
 */
export const platformRoadmapTeamManagePermission = createPermission({
  name: 'platform-roadmap.team.manage',
  attributes: { action: 'update' },
  resourceType: PLATFORM_ROADMAP_TEAM_RESOURCE_TYPE,
});

/**
 * Every permission the Platform Roadmap plugins define.
 *
 * @public
 */
export const platformRoadmapPermissions = [platformRoadmapTeamManagePermission];
