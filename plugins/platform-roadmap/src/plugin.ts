import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { PLATFORM_ROADMAP_SEARCH_TYPE } from '@platform-roadmap/plugin-platform-roadmap-common';
import { platformRoadmapApiRef, PlatformRoadmapClient } from './api';
import { rootRouteRef } from './routes';
import type { PlatformRoadmapSearchResultListItemProps } from './components/SearchResultItem';

/**
 * The Platform Roadmap plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const platformRoadmapPlugin = createPlugin({
  id: 'platform-roadmap',
  routes: { root: rootRouteRef },
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
export const EntityPlatformRoadmapContent: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
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
export const EntityPlatformRequestsCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
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

/**
 * The "Platform roadmap" card for the pages of platform entities: the
 * themes and key results of the owning platform team that concern the
 * entity, with a link to the team's Roadmap tab. Mount it in
 * `EntityPage.tsx` in the overview `Grid` of the Component, API and System
 * pages; it renders nothing when the entity's owner is not a platform team.
 *
 * @public
 */
export const EntityPlatformThemesCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityPlatformThemesCard',
      component: {
        lazy: () =>
          import('./components/EntityThemesCard').then(m => m.EntityThemesCard),
      },
    }),
  );

/**
 * The "Coming from your platforms" card for the pages of consuming
 * entities: the committed themes of the platform teams the entity depends
 * on, grouped by team. Mount it in `EntityPage.tsx` in the overview `Grid`
 * of the Component and System pages; it renders nothing when the entity
 * depends on no platform.
 *
 * @public
 */
export const EntityIncomingThemesCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityIncomingThemesCard',
      component: {
        lazy: () =>
          import('./components/IncomingThemesCard').then(
            m => m.IncomingThemesCard,
          ),
      },
    }),
  );

/**
 * The Release notes tab content. Mount it in `EntityPage.tsx` under an
 * `EntityLayout.Route path="/release-notes"` on the Group page (with
 * `if={isPlatformTeamEntity}`) and on the Component, API, System and
 * Resource pages: a platform team's notes, a platform entity's notes with
 * its team's team-wide ones, or for any other entity those of the
 * platforms it uses.
 *
 * @public
 */
export const EntityReleaseNotesContent: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityReleaseNotesContent',
      component: {
        lazy: () =>
          import('./components/ReleaseNotes').then(m => m.ReleaseNotesTab),
      },
    }),
  );

/**
 * The "Deprecations affecting this component" warning card for the pages
 * of consuming Components and Resources: what they use that is going away,
 * the days left, the replacement and the migration guide. Mount it in the
 * overview `Grid`; it renders nothing when no deprecation applies.
 *
 * @public
 */
export const EntityDeprecationWarningCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityDeprecationWarningCard',
      component: {
        lazy: () =>
          import('./components/DeprecationWarningCard').then(
            m => m.DeprecationWarningCard,
          ),
      },
    }),
  );

/**
 * The "Deprecation" card for the page of a deprecated platform entity: its
 * remaining consumers by team and the burn-down. Mount it in the overview
 * `Grid`; it renders nothing when the entity is not deprecated.
 *
 * @public
 */
export const EntityDeprecationCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityDeprecationCard',
      component: {
        lazy: () =>
          import('./components/Deprecations').then(
            m => m.EntityDeprecationsCard,
          ),
      },
    }),
  );

/**
 * The org-wide page: every platform team side by side, themes by category,
 * the org-wide ranked backlog, the deprecation calendar and the metrics.
 * Mount it in `App.tsx` with
 * `<Route path="/platform-roadmap" element={<PlatformRoadmapPage />} />`
 * and add a `SidebarItem` to `/platform-roadmap`.
 *
 * @public
 */
export const PlatformRoadmapPage: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createRoutableExtension({
      name: 'PlatformRoadmapPage',
      component: () =>
        import('./components/OrgRoadmapPage').then(m => m.OrgRoadmapPage),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The Customer review tab content for a platform team's Group page: the
 * quarterly review generated from the team's data, printable and
 * downloadable as Markdown. Mount it under an
 * `EntityLayout.Route path="/customer-review"` with
 * `if={isPlatformTeamEntity}`.
 *
 * @public
 */
export const EntityCustomerReviewContent: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityCustomerReviewContent',
      component: {
        lazy: () =>
          import('./components/CustomerReview').then(m => m.CustomerReviewTab),
      },
    }),
  );

/**
 * "What platforms shipped for you" for any Group page: what platform teams
 * shipped for the team and the time saved, with the calculation.
 *
 * @public
 */
export const EntityPlatformImpactCard: () => JSX.Element | null =
  platformRoadmapPlugin.provide(
    createComponentExtension({
      name: 'EntityPlatformImpactCard',
      component: {
        lazy: () => import('./components/ImpactCard').then(m => m.ImpactCard),
      },
    }),
  );

/**
 * The search result item for Platform Roadmap themes, requests,
 * deprecations and release notes (results of type `platform-roadmap`): an
 * icon for the kind, the title linking to the page it is on, the text, and
 * the kind, status, team and day. Put it among the children of the
 * `SearchResult` of the app's search page (`packages/app/src/components/search/SearchPage.tsx`):
 *
 * ```tsx
 * <SearchResult>
 *   <CatalogSearchResultListItem icon={<CatalogIcon />} />
 *   <PlatformRoadmapSearchResultListItem />
 * </SearchResult>
 * ```
 *
 * It renders only results of type `platform-roadmap`, with an icon for each
 * kind unless given an `icon`.
 *
 * @public
 */
export const PlatformRoadmapSearchResultListItem: (
  props: PlatformRoadmapSearchResultListItemProps,
) => JSX.Element | null = platformRoadmapPlugin.provide(
  createSearchResultListItemExtension({
    name: 'PlatformRoadmapSearchResultListItem',
    component: () =>
      import('./components/SearchResultItem').then(
        m => m.PlatformRoadmapSearchResultListItem,
      ),
    predicate: result => result.type === PLATFORM_ROADMAP_SEARCH_TYPE,
  }),
);
