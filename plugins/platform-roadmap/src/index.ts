/**
 * Platform Roadmap for Backstage: the Roadmap tab on platform team pages.
 *
 * Apps on the new frontend system install `@platform-roadmap/plugin-platform-roadmap/alpha`.
 *
 * @packageDocumentation
 */
export {
  platformRoadmapPlugin,
  EntityDeprecationCard,
  EntityDeprecationWarningCard,
  EntityIncomingThemesCard,
  EntityPlatformRequestsCard,
  EntityPlatformRoadmapContent,
  EntityPlatformThemesCard,
  EntityReleaseNotesContent,
} from './plugin';
export * from './api';
export { isPlatformTeamEntity } from '@platform-roadmap/plugin-platform-roadmap-common';
