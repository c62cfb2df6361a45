import { createApiRef } from '@backstage/core-plugin-api';
import {
  PlatformTeam,
  PlatformTeamsResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/**
 * Client for the Platform Roadmap backend.
 *
 * @public
 */
export interface PlatformRoadmapApi {
  /** Every platform team with its platform entities and consuming teams. */
  listTeams(): Promise<PlatformTeamsResponse>;
  /** One platform team, by its Group entity ref. */
  getTeam(teamRef: string): Promise<PlatformTeam>;
}

/**
 * API reference for {@link PlatformRoadmapApi}.
 *
 * @public
 */
export const platformRoadmapApiRef = createApiRef<PlatformRoadmapApi>({
  id: 'plugin.platform-roadmap.service',
});
