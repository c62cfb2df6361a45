import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TimelineIcon from '@material-ui/icons/Timeline';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  isPlatformTeamEntity,
  PLATFORM_ROADMAP_SEARCH_TYPE,
} from '@platform-roadmap/plugin-platform-roadmap-common';
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

const orgRoadmapRouteRef = createRouteRef();

/**
 * The org-wide page at /platform-roadmap, with its sidebar item: every
 * platform team side by side.
 */
const orgRoadmapPage = PageBlueprint.make({
  params: {
    path: '/platform-roadmap',
    title: 'Platform roadmap',
    icon: <TimelineIcon />,
    routeRef: orgRoadmapRouteRef,
    // The page draws its own header.
    noHeader: true,
    loader: () =>
      import('./components/OrgRoadmapPage').then(m => <m.OrgRoadmapPage />),
  },
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

/** The quarterly customer review, on Group pages of platform teams only. */
const customerReviewEntityContent = EntityContentBlueprint.make({
  name: 'customer-review',
  params: {
    path: '/customer-review',
    title: 'Customer review',
    filter: isPlatformTeamEntity,
    loader: () =>
      import('./components/CustomerReview').then(m => <m.CustomerReviewTab />),
  },
});

/**
 * "What platforms shipped for you": on every Group page, what platform
 * teams shipped for the team and the time it saved.
 */
const impactEntityCard = EntityCardBlueprint.make({
  name: 'impact',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () => import('./components/ImpactCard').then(m => <m.ImpactCard />),
  },
});

const RELEASE_NOTE_KINDS = ['component', 'api', 'system', 'resource'];

/**
 * The Release notes tab: on a platform team's Group page, the team's notes;
 * on a Component, API, System or Resource page, that entity's notes and its
 * team's team-wide ones (or, for a consumer, those of the platforms it
 * uses).
 */
const releaseNotesEntityContent = EntityContentBlueprint.make({
  name: 'release-notes',
  params: {
    path: '/release-notes',
    title: 'Release notes',
    filter: entity =>
      isPlatformTeamEntity(entity) ||
      RELEASE_NOTE_KINDS.includes(entity.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('./components/ReleaseNotes').then(m => <m.ReleaseNotesTab />),
  },
});

/**
 * "Deprecations affecting this component": what the entity uses that is
 * going away, with the days left and the migration guide. Renders nothing
 * when none apply.
 */
const deprecationWarningsEntityCard = EntityCardBlueprint.make({
  name: 'deprecation-warnings',
  params: {
    type: 'info',
    filter: { kind: { $in: ['component', 'resource'] } },
    loader: () =>
      import('./components/DeprecationWarningCard').then(m => (
        <m.DeprecationWarningCard />
      )),
  },
});

/**
 * The deprecation of a platform entity, with its remaining consumers by
 * team and its burn-down. Renders nothing when the entity is not deprecated.
 */
const deprecationEntityCard = EntityCardBlueprint.make({
  name: 'deprecation',
  params: {
    type: 'content',
    filter: { kind: { $in: RELEASE_NOTE_KINDS } },
    loader: () =>
      import('./components/Deprecations').then(m => (
        <m.EntityDeprecationsCard />
      )),
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
 * Themes, requests, deprecations and release notes on the search page:
 * results of type `platform-roadmap`, with an icon for each kind.
 */
const searchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => result.type === PLATFORM_ROADMAP_SEARCH_TYPE,
    component: () =>
      import('./components/SearchResultItem').then(
        m => m.PlatformRoadmapSearchResultListItem,
      ),
  },
});

/** "Platform roadmap" in the search page's result type filter. */
const searchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: PLATFORM_ROADMAP_SEARCH_TYPE,
    name: 'Platform roadmap',
    icon: <TimelineIcon />,
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
  routes: { root: orgRoadmapRouteRef },
  extensions: [
    platformRoadmapApi,
    orgRoadmapPage,
    roadmapEntityContent,
    requestsEntityCard,
    themesEntityCard,
    incomingThemesEntityCard,
    releaseNotesEntityContent,
    customerReviewEntityContent,
    impactEntityCard,
    deprecationWarningsEntityCard,
    deprecationEntityCard,
    searchResultListItem,
    searchResultType,
  ],
});
