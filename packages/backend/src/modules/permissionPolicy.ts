import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { platformRoadmapTeamManagePermission } from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  createPlatformRoadmapConditionalDecision,
  platformRoadmapConditions,
} from '@platform-roadmap/plugin-platform-roadmap-backend';

/**
 * The portal's permission policy.
 *
 * - A platform team's roadmap is edited by the members of that team.
 * - Catalog entities are refreshed or unregistered only by their owners.
 * - Everything else is allowed to signed-in users; reads stay open so that
 *   consuming teams can see every platform team's roadmap.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];

    if (isPermission(request.permission, platformRoadmapTeamManagePermission)) {
      return createPlatformRoadmapConditionalDecision(
        request.permission,
        platformRoadmapConditions.isTeamMember({ claims }),
      );
    }

    if (
      isPermission(request.permission, catalogEntityDeletePermission) ||
      isPermission(request.permission, catalogEntityRefreshPermission)
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PortalPermissionPolicy());
      },
    });
  },
});
