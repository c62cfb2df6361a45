import { Entity } from '@backstage/catalog-model';
import { PLATFORM_TEAM_ANNOTATION } from './constants';

/**
 * True when the entity is a Group annotated as a platform team.
 *
 * @public
 */
export function isPlatformTeamEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'group' &&
    entity.metadata.annotations?.[PLATFORM_TEAM_ANNOTATION] === 'true'
  );
}
