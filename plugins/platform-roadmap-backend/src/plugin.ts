import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformRoadmapPermissions } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from './catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from './database/ConsumerSnapshotStore';
import {
  platformRoadmapRules,
  platformRoadmapTeamResourceRef,
} from './permissions/rules';
import { createRouter } from './service/router';
import {
  DEFAULT_CONSUMER_SNAPSHOT_SCHEDULE,
  scheduleConsumerSnapshots,
} from './tasks/ConsumerSnapshotTask';

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
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { auth, config, database, httpAuth, httpRouter } = deps;
        deps.permissionsRegistry.addResourceType({
          resourceRef: platformRoadmapTeamResourceRef,
          permissions: platformRoadmapPermissions,
          rules: platformRoadmapRules,
          getResources: async refs => refs.map(teamRef => ({ teamRef })),
        });

        const teams = new PlatformTeamsService(deps.catalog);
        const snapshots = await ConsumerSnapshotStore.create({ database });

        const scheduleConfig = config.getOptionalConfig(
          'platformRoadmap.consumerSnapshots.schedule',
        );
        await scheduleConsumerSnapshots({
          auth,
          logger: deps.logger,
          scheduler: deps.scheduler,
          teams,
          store: snapshots,
          schedule: scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : DEFAULT_CONSUMER_SNAPSHOT_SCHEDULE,
        });

        httpRouter.use(await createRouter({ httpAuth, teams, snapshots }));
      },
    });
  },
});
