import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { platformRoadmapApiRef, PlatformRoadmapClient } from './api';

/**
 * The Platform Roadmap plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const platformRoadmapPlugin = createPlugin({
  id: 'platform-roadmap',
  apis: [
    createApiFactory({
      api: platformRoadmapApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformRoadmapClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Roadmap tab content for a platform team's Group page. Mount it in
 * `EntityPage.tsx` under an `EntityLayout.Route` with
 * `if={isPlatformTeamEntity}`.
 *
 * @public
 */
export const EntityPlatformRoadmapContent = platformRoadmapPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformRoadmapContent',
    component: {
      lazy: () => import('./components/RoadmapTab').then(m => m.RoadmapTab),
    },
  }),
);

/**
 * The "Platform requests" card for Component, API and System pages: what
 * this entity filed or endorsed, and a form to file a request.
 *
 * @public
 */
export const EntityPlatformRequestsCard = platformRoadmapPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformRequestsCard',
    component: {
      lazy: () =>
        import('./components/EntityRequestsCard').then(
          m => m.EntityRequestsCard,
        ),
    },
  }),
);
