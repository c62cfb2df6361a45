/**
 * Backend for the Platform Roadmap plugins: platform teams, their platform
 * entities and their consuming teams, computed from the software catalog.
 *
 * @packageDocumentation
 */
export { platformRoadmapPlugin as default } from './plugin';
export {
  createPlatformRoadmapConditionalDecision,
  isTeamMember,
  platformRoadmapConditions,
  platformRoadmapTeamResourceRef,
  type PlatformRoadmapTeamResource,
} from './permissions/rules';
