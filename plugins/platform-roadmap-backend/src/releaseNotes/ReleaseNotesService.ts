import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySummary,
  isPlatformTeamEntity,
  ReleaseNotesScope,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  entityKey,
  ownerRefs,
  refKey,
  relationTargets,
} from '../catalog/CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from '../catalog/entitySummary';
import { ReleaseNoteScope } from '../database/ReleaseStore';

const FIELDS = [...SUMMARY_FIELDS, 'relations', 'metadata.annotations'];

/** Whose notes an entity's Release notes tab (and feed) lists. */
export interface ResolvedScope {
  /** What the response tells the reader. */
  scope: ReleaseNotesScope;
  /** What the store lists. */
  query: ReleaseNoteScope;
  /** The entity itself, for titles and links. */
  entity: EntitySummary;
}

/**
 * Resolves the release notes an entity shows, from the catalog, on behalf
 * of the caller, in at most 3 round trips:
 *
 * - a platform team (Group): every note of the team;
 * - an entity a platform team owns: its notes and the team-wide ones;
 * - any other entity: the notes of the platform entities it depends on or
 *   consumes, and their teams' team-wide notes.
 */
export class ReleaseNotesService {
  constructor(private readonly catalog: CatalogService) {}

  async scopeOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ResolvedScope> {
    const reader = new CatalogReader(this.catalog, credentials);
    const entity = (await reader.byRefs([entityRef], FIELDS)).get(
      refKey(entityRef),
    );
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const self = toEntitySummary(entity);
    const selfKey = entityKey(entity);

    if (isPlatformTeamEntity(entity)) {
      return {
        entity: self,
        scope: { kind: 'team', teamRefs: [selfKey], entityRefs: [] },
        query: { teamRefs: [selfKey] },
      };
    }

    // The entity's owners and what it uses, in one lookup.
    const usedRefs = [
      ...relationTargets(entity, RELATION_DEPENDS_ON),
      ...relationTargets(entity, RELATION_CONSUMES_API),
    ].map(refKey);
    const around = await reader.byRefs(
      [...ownerRefs(entity), ...usedRefs],
      FIELDS,
    );
    const platformOwner = ownerRefs(entity)
      .map(ref => around.get(refKey(ref)))
      .find((owner): owner is Entity => !!owner && isPlatformTeamEntity(owner));
    if (platformOwner) {
      const teamRef = entityKey(platformOwner);
      return {
        entity: self,
        scope: { kind: 'entity', teamRefs: [teamRef], entityRefs: [selfKey] },
        query: { entityRefs: [selfKey], teamWideRefs: [teamRef] },
      };
    }

    // A consumer: the platform entities it uses, by their owners.
    const used = usedRefs
      .map(ref => around.get(ref))
      .filter((e): e is Entity => !!e);
    const owners = await reader.byRefs(used.flatMap(ownerRefs), FIELDS);
    const ownKeys = new Set(ownerRefs(entity).map(refKey));
    const teams = new Set<string>();
    const platformEntities: string[] = [];
    for (const dependency of used) {
      const team = ownerRefs(dependency)
        .map(ref => owners.get(refKey(ref)))
        .find(
          (owner): owner is Entity =>
            !!owner &&
            isPlatformTeamEntity(owner) &&
            !ownKeys.has(entityKey(owner)),
        );
      if (!team) continue;
      teams.add(entityKey(team));
      platformEntities.push(entityKey(dependency));
    }
    return {
      entity: self,
      scope: {
        kind: 'consumer',
        teamRefs: [...teams].sort(),
        entityRefs: platformEntities.sort(),
      },
      query: { entityRefs: platformEntities, teamWideRefs: [...teams] },
    };
  }
}
