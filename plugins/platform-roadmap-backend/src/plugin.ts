import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformRoadmapPermissions } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from './catalog/PlatformTeamsService';
import { TeamsImpactedService } from './catalog/TeamsImpactedService';
import { ConsumerSnapshotStore } from './database/ConsumerSnapshotStore';
import { RequestStore } from './database/RequestStore';
import { RequestsService } from './requests/RequestsService';
import { readScoreWeights } from './scoring/score';
import { seedExampleRequests } from './seed/seedExampleRequests';
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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
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

        const requestStore = await RequestStore.create({ database });
        const exampleRequests = config.getOptionalString(
          'platformRoadmap.exampleData.requests',
        );
        if (exampleRequests) {
          await seedExampleRequests({
            file: exampleRequests,
            store: requestStore,
            logger: deps.logger,
          });
        }
        const requests = new RequestsService({
          catalog: deps.catalog,
          store: requestStore,
          teamsImpacted: new TeamsImpactedService(deps.catalog, {
            dependencyDepth: readDependencyDepth(config),
          }),
          weights: readScoreWeights(config),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            teams,
            snapshots,
            requests: {
              auditor: deps.auditor,
              permissions: deps.permissions,
              store: requestStore,
              requests,
            },
          }),
        );
      },
    });
  },
});

function readDependencyDepth(config: Config): number {
  const key = 'platformRoadmap.teamsImpacted.dependencyDepth';
  const depth = config.getOptionalNumber(key) ?? 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > 5) {
    throw new Error(`${key} must be a whole number from 1 to 5, got ${depth}`);
  }
  return depth;
}
