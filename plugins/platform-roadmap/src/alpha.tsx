import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isPlatformTeamEntity } from '@platform-roadmap/plugin-platform-roadmap-common';
import { platformRoadmapApiRef, PlatformRoadmapClient } from './api';

const platformRoadmapApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformRoadmapApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformRoadmapClient({ discoveryApi, fetchApi }),
    }),
});

/** The Roadmap tab, on Group pages of platform teams only. */
const roadmapEntityContent = EntityContentBlueprint.make({
  name: 'roadmap',
  params: {
    path: '/roadmap',
    title: 'Roadmap',
    filter: isPlatformTeamEntity,
    loader: () => import('./components/RoadmapTab').then(m => <m.RoadmapTab />),
  },
});

/**
 * Requests filed or endorsed from a Component, API or System, and the form
 * to file one, on its Overview.
 */
const requestsEntityCard = EntityCardBlueprint.make({
  name: 'requests',
  params: {
    filter: { kind: { $in: ['component', 'api', 'system'] } },
    loader: () =>
      import('./components/EntityRequestsCard').then(m => (
        <m.EntityRequestsCard />
      )),
  },
});

/**
 * The themes and key results of the owning platform team that concern a
 * platform Component, API or System, on its Overview. Renders nothing when
 * the owner is not a platform team.
 */
const themesEntityCard = EntityCardBlueprint.make({
  name: 'themes',
  params: {
    type: 'content',
    filter: { kind: { $in: ['component', 'api', 'system'] } },
    loader: () =>
      import('./components/EntityThemesCard').then(m => <m.EntityThemesCard />),
  },
});

/**
 * "Coming from your platforms": the committed themes of the platform teams a
 * Component or System depends on, on its Overview. Renders nothing when it
 * depends on no platform.
 */
const incomingThemesEntityCard = EntityCardBlueprint.make({
  name: 'incoming-themes',
  params: {
    type: 'content',
    filter: { kind: { $in: ['component', 'system'] } },
    loader: () =>
      import('./components/IncomingThemesCard').then(m => (
        <m.IncomingThemesCard />
      )),
  },
});

/**
 * The Platform Roadmap plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-roadmap',
  title: 'Platform Roadmap',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    platformRoadmapApi,
    roadmapEntityContent,
    requestsEntityCard,
    themesEntityCard,
    incomingThemesEntityCard,
  ],
});
