/**
 * Annotation that marks a catalog Group as a platform team.
 *
 * @public
 */
export const PLATFORM_TEAM_ANNOTATION = 'platform-roadmap/platform-team';

/**
 * The catalog kinds that a platform team can own as platform entities.
 *
 * @public
 */
export const PLATFORM_ENTITY_KINDS = [
  'Component',
  'API',
  'System',
  'Resource',
] as const;
