/**
 * Platform Roadmap for Backstage: the Roadmap tab on platform team pages.
 *
 * Apps on the new frontend system install `@platform-roadmap/plugin-platform-roadmap/alpha`.
 *
 * @packageDocumentation
 */
export {
  platformRoadmapPlugin,
  EntityCustomerReviewContent,
  EntityDeprecationCard,
  EntityDeprecationWarningCard,
  EntityIncomingThemesCard,
  EntityPlatformRequestsCard,
  EntityPlatformRoadmapContent,
  EntityPlatformImpactCard,
  EntityPlatformThemesCard,
  EntityReleaseNotesContent,
  PlatformRoadmapPage,
  PlatformRoadmapSearchResultListItem,
} from './plugin';
export type { PlatformRoadmapSearchResultListItemProps } from './components/SearchResultItem';
export { rootRouteRef } from './routes';
export * from './api';
export { isPlatformTeamEntity } from '@platform-roadmap/plugin-platform-roadmap-common';
