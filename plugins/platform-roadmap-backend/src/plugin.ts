import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerActions } from './actions/registerActions';
import { platformRoadmapPermissions } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from './catalog/PlatformTeamsService';
import { TeamsImpactedService } from './catalog/TeamsImpactedService';
import { cachedCatalog } from './catalog/CachedCatalog';
import { ConsumerSnapshotStore } from './database/ConsumerSnapshotStore';
import { ExampleDataClaims } from './database/ExampleDataClaims';
import { RequestStore } from './database/RequestStore';
import { MetricsStore } from './database/MetricsStore';
import { followMetric } from './metrics/followMetric';
import { ProductStore } from './database/ProductStore';
import { ReleaseStore } from './database/ReleaseStore';
import { CustomerReviewService } from './product/CustomerReviewService';
import { RoadmapStore } from './database/RoadmapStore';
import { DeprecationService } from './deprecations/DeprecationService';
import { ReleaseNotesService } from './releaseNotes/ReleaseNotesService';
import { metricsSeedTarget } from './seed/seedExampleMetrics';
import { seedExampleProduct } from './seed/seedExampleProduct';
import { seedExampleReleases } from './seed/seedExampleReleases';
import { Notifier } from './notifications/Notifier';
import {
  DEFAULT_DEPRECATION_REMINDER_SCHEDULE,
  scheduleDeprecationReminders,
} from './tasks/DeprecationReminderTask';
import {
  DEFAULT_DEPRECATION_SNAPSHOT_SCHEDULE,
  scheduleDeprecationSnapshots,
} from './tasks/DeprecationSnapshotTask';
import { RoadmapService } from './roadmap/RoadmapService';
import { seedExampleRoadmap } from './seed/seedExampleRoadmap';
import {
  DEFAULT_KEY_RESULT_MEASURE_SCHEDULE,
  scheduleKeyResultMeasures,
} from './tasks/KeyResultMeasureTask';
import { RequestsService } from './requests/RequestsService';
import { readScoreWeights } from './scoring/score';
import { seedExampleRequests } from './seed/seedExampleRequests';
import {
  platformRoadmapRules,
  platformRoadmapTeamResourceRef,
} from './permissions/rules';
import { notFound } from './service/http';
import { createMetricsRouter } from './service/metricsRouter';
import { createSearchRouter } from './service/searchRouter';
import { SearchDocuments } from './search/SearchDocuments';
import { createRouter } from './service/router';
import { DEFAULT_RATE_LIMIT, RateLimit } from './service/rateLimit';
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
        discovery: coreServices.discovery,
        userInfo: coreServices.userInfo,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { auth, config, database, httpAuth, httpRouter } = deps;
        deps.permissionsRegistry.addResourceType({
          resourceRef: platformRoadmapTeamResourceRef,
          permissions: platformRoadmapPermissions,
          rules: platformRoadmapRules,
          getResources: async refs => refs.map(teamRef => ({ teamRef })),
        });

        // Every service reads the catalog through one short-lived cache.
        const catalog = cachedCatalog(deps.catalog, {
          ttlMs:
            (config.getOptionalNumber(
              'platformRoadmap.catalog.cacheTtlSeconds',
            ) ?? 30) * 1000,
        });
        const teams = new PlatformTeamsService(catalog);
        const snapshots = await ConsumerSnapshotStore.create({ database });

        await scheduleConsumerSnapshots({
          auth,
          logger: deps.logger,
          scheduler: deps.scheduler,
          teams,
          store: snapshots,
          schedule: readSchedule(
            config,
            'platformRoadmap.consumerSnapshots.schedule',
            DEFAULT_CONSUMER_SNAPSHOT_SCHEDULE,
          ),
        });

        const requestStore = await RequestStore.create({ database });
        // Example data (demo only): each part is loaded by the one replica
        // that claims it first.
        const claims = await ExampleDataClaims.create({ database });
        const exampleRequests = config.getOptionalString(
          'platformRoadmap.exampleData.requests',
        );
        if (exampleRequests && (await claims.claim('requests'))) {
          await seedExampleRequests({
            file: exampleRequests,
            store: requestStore,
            logger: deps.logger,
          });
        }
        const requests = new RequestsService({
          catalog,
          store: requestStore,
          teamsImpacted: new TeamsImpactedService(catalog, {
            dependencyDepth: readDependencyDepth(config),
          }),
          weights: readScoreWeights(config),
          cacheTtlMs:
            (config.getOptionalNumber(
              'platformRoadmap.backlog.cacheTtlSeconds',
            ) ?? 30) * 1000,
        });

        const roadmapStore = await RoadmapStore.create({ database });
        const exampleRoadmap = config.getOptionalString(
          'platformRoadmap.exampleData.roadmap',
        );
        if (exampleRoadmap && (await claims.claim('roadmap'))) {
          await seedExampleRoadmap({
            file: exampleRoadmap,
            store: roadmapStore,
            requestStore,
            logger: deps.logger,
          });
        }
        await scheduleKeyResultMeasures({
          auth,
          catalog,
          logger: deps.logger,
          scheduler: deps.scheduler,
          store: roadmapStore,
          schedule: readSchedule(
            config,
            'platformRoadmap.keyResultMeasures.schedule',
            DEFAULT_KEY_RESULT_MEASURE_SCHEDULE,
          ),
        });

        const releaseStore = await ReleaseStore.create({
          database,
          requests: requestStore,
        });
        const exampleReleases = config.getOptionalString(
          'platformRoadmap.exampleData.releases',
        );
        if (exampleReleases && (await claims.claim('releases'))) {
          await seedExampleReleases({
            file: exampleReleases,
            store: releaseStore,
            requestStore,
            logger: deps.logger,
          });
        }
        const deprecations = new DeprecationService({
          catalog,
          store: releaseStore,
        });
        await scheduleDeprecationSnapshots({
          auth,
          logger: deps.logger,
          scheduler: deps.scheduler,
          deprecations,
          store: releaseStore,
          schedule: readSchedule(
            config,
            'platformRoadmap.deprecationSnapshots.schedule',
            DEFAULT_DEPRECATION_SNAPSHOT_SCHEDULE,
          ),
        });
        const notifier = new Notifier({
          notifications: deps.notifications,
          logger: deps.logger,
        });
        await scheduleDeprecationReminders({
          auth,
          logger: deps.logger,
          scheduler: deps.scheduler,
          deprecations,
          store: releaseStore,
          notifier,
          schedule: readSchedule(
            config,
            'platformRoadmap.deprecationReminders.schedule',
            DEFAULT_DEPRECATION_REMINDER_SCHEDULE,
          ),
        });
        const publicFeeds =
          config.getOptionalBoolean(
            'platformRoadmap.releaseNotes.publicFeeds',
          ) ?? false;
        if (publicFeeds) {
          httpRouter.addAuthPolicy({
            path: '/feeds',
            allow: 'unauthenticated',
          });
        }

        const productStore = await ProductStore.create({ database });
        const metricsStore = await MetricsStore.create({ database });
        const exampleProduct = config.getOptionalString(
          'platformRoadmap.exampleData.product',
        );
        if (exampleProduct && (await claims.claim('product'))) {
          await seedExampleProduct({
            file: exampleProduct,
            store: productStore,
            metrics: metricsSeedTarget({ store: metricsStore, roadmapStore }),
            logger: deps.logger,
          });
        }
        const roadmapService = new RoadmapService({
          catalog,
          store: roadmapStore,
          requests,
        });
        const reviews = new CustomerReviewService({
          catalog,
          teams,
          roadmap: roadmapService,
          roadmapStore,
          requestStore,
          requests,
          releaseStore,
          deprecations,
          productStore,
          satisfaction: (teamRefs, period) =>
            metricsStore.surveyAverages(teamRefs, period),
          metrics: async () => {
            const metrics = await metricsStore.listMetrics();
            const recent = await metricsStore.latestTwo(metrics.map(m => m.id));
            return metrics.map(metric => ({
              metric,
              ...recent.get(metric.id),
            }));
          },
        });

        registerActions({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          requestStore,
          requests,
          roadmap: roadmapService,
          notifier,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            teams,
            snapshots,
            rateLimit: readRateLimit(config),
            requests: {
              auditor: deps.auditor,
              permissions: deps.permissions,
              store: requestStore,
              requests,
              themes: roadmapStore,
              releaseNotes: releaseStore,
              notifier,
            },
            roadmap: {
              auditor: deps.auditor,
              permissions: deps.permissions,
              store: roadmapStore,
              requestStore,
              roadmap: roadmapService,
              followMetric: id => followMetric(metricsStore, roadmapStore, id),
              metricTeamOf: id =>
                metricsStore
                  .getMetric(id)
                  .then(m => m.teamRef)
                  .catch(notFound),
            },
            product: {
              auditor: deps.auditor,
              catalog,
              permissions: deps.permissions,
              store: productStore,
              teams,
              roadmap: roadmapService,
              reviews,
            },
            extra: [
              createSearchRouter({
                httpAuth,
                documents: new SearchDocuments({
                  themes: (after, limit) =>
                    roadmapStore.pageThemes(after, limit),
                  requests: (after, limit) =>
                    requestStore.pageRequests(after, limit),
                  deprecations: (after, limit) =>
                    releaseStore.pageDeprecations(after, limit),
                  releaseNotes: (after, limit) =>
                    releaseStore.pageReleaseNotes(after, limit),
                }),
              }),
              createMetricsRouter({
                httpAuth,
                permissions: deps.permissions,
                auditor: deps.auditor,
                userInfo: deps.userInfo,
                store: metricsStore,
                roadmapStore,
                teams,
              }),
            ],
            releases: {
              auth,
              auditor: deps.auditor,
              catalog,
              deprecations,
              discovery: deps.discovery,
              permissions: deps.permissions,
              releaseNotes: new ReleaseNotesService(catalog),
              store: releaseStore,
              appBaseUrl: config.getString('app.baseUrl'),
              publicFeeds,
              notifier,
            },
          }),
        );
      },
    });
  },
});

function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(key);
  return scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : fallback;
}

function readDependencyDepth(config: Config): number {
  const key = 'platformRoadmap.teamsImpacted.dependencyDepth';
  const depth = config.getOptionalNumber(key) ?? 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > 5) {
    throw new Error(`${key} must be a whole number from 1 to 5, got ${depth}`);
  }
  return depth;
}

function readRateLimit(config: Config): RateLimit {
  const read = (key: keyof RateLimit) => {
    const value = config.getOptionalNumber(`platformRoadmap.rateLimit.${key}`);
    if (value === undefined) return DEFAULT_RATE_LIMIT[key];
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(
        `platformRoadmap.rateLimit.${key}: must be a whole number, 0 or more (0 turns the limit off)`,
      );
    }
    return value;
  };
  return {
    requestsPerMinute: read('requestsPerMinute'),
    writesPerMinute: read('writesPerMinute'),
  };
}
