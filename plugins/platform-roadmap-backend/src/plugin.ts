import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformRoadmapPermissions } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from './catalog/PlatformTeamsService';
import {
  platformRoadmapRules,
  platformRoadmapTeamResourceRef,
} from './permissions/rules';
import { createRouter } from './service/router';

/**
 * The Platform Roadmap backend plugin.
 *
 * @public
 */
export const platformRoadmapPlugin = createBackendPlugin({
  pluginId: 'platform-roadmap',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ httpAuth, httpRouter, permissionsRegistry, catalog }) {
        permissionsRegistry.addResourceType({
          resourceRef: platformRoadmapTeamResourceRef,
          permissions: platformRoadmapPermissions,
          rules: platformRoadmapRules,
          getResources: async refs => refs.map(teamRef => ({ teamRef })),
        });

        const teams = new PlatformTeamsService(catalog);

        httpRouter.use(await createRouter({ httpAuth, teams }));
      },
    });
  },
});
