import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PlatformRoadmapCollatorFactory } from './PlatformRoadmapCollatorFactory';

/** Every 10 minutes, like the catalog's collator. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

/**
 * Indexes Platform Roadmap's themes, requests, deprecations and release
 * notes in Backstage search.
 *
 * @public
 */
export const searchModulePlatformRoadmapCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'platform-roadmap-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, discovery, scheduler, indexRegistry }) {
        const key = 'search.collators.platformRoadmap';
        const scheduleConfig = config.getOptionalConfig(`${key}.schedule`);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            scheduleConfig
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  scheduleConfig,
                )
              : DEFAULT_SCHEDULE,
          ),
          factory: new PlatformRoadmapCollatorFactory({
            auth,
            discovery,
            pageSize: config.getOptionalNumber(`${key}.pageSize`),
          }),
        });
      },
    });
  },
});
