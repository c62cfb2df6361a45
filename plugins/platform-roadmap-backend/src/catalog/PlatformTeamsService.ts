import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import {
  ConsumerRelation,
  ConsumingTeam,
  PLATFORM_ENTITY_KINDS,
  PLATFORM_TEAM_ANNOTATION,
  PlatformTeam,
  isPlatformTeamEntity,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { SUMMARY_FIELDS, toEntitySummary } from './entitySummary';

const PAGE_SIZE = 500;
/** Largest list of refs sent in one getEntitiesByRefs call. */
const REFS_BATCH = 1000;

const TEAM_FIELDS = [
  ...SUMMARY_FIELDS,
  'metadata.description',
  'metadata.annotations',
];

const key = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Which reverse relation on a platform entity names which kind of consumer. */
const CONSUMER_RELATIONS: Record<string, ConsumerRelation> = {
  [RELATION_DEPENDENCY_OF]: 'dependsOn',
  [RELATION_API_CONSUMED_BY]: 'consumesApi',
};

function ownerRefs(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
}

/**
 * Computes platform teams, their platform entities and their consuming teams
 * from the software catalog.
 *
 * Every catalog call is made with the caller's credentials, so an entity the
 * caller may not read never shows up, and the number of calls does not grow
 * with the number of teams or entities (only with pages of results).
 */
export class PlatformTeamsService {
  constructor(private readonly catalog: CatalogService) {}

  /** All platform teams, sorted by display name. */
  async listTeams(credentials: BackstageCredentials): Promise<PlatformTeam[]> {
    const teams = await this.queryAll(
      {
        kind: 'group',
        [`metadata.annotations.${PLATFORM_TEAM_ANNOTATION}`]: 'true',
      },
      TEAM_FIELDS,
      credentials,
    );
    return this.describeTeams(teams, credentials);
  }

  /** One platform team by its Group entity ref; NotFoundError otherwise. */
  async getTeam(
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<PlatformTeam> {
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [teamRef], fields: TEAM_FIELDS },
      { credentials },
    );
    const team = items[0];
    if (!team || !isPlatformTeamEntity(team)) {
      throw new NotFoundError(`No platform team ${teamRef}`);
    }
    const [described] = await this.describeTeams([team], credentials);
    return described;
  }

  private async describeTeams(
    teams: Entity[],
    credentials: BackstageCredentials,
  ): Promise<PlatformTeam[]> {
    if (teams.length === 0) return [];
    const teamRefs = teams.map(t => stringifyEntityRef(t));

    // 1. Everything the platform teams own, with its reverse relations.
    const owned = await this.queryAll(
      {
        'relations.ownedBy': teamRefs.map(key),
        kind: PLATFORM_ENTITY_KINDS.map(k => k.toLocaleLowerCase('en-US')),
      },
      [...SUMMARY_FIELDS, 'relations'],
      credentials,
    );

    // 2. The consuming entities named by those reverse relations, in one
    //    batched lookup (unreadable ones come back empty and are dropped).
    const consumerRefs = new Set<string>();
    for (const entity of owned) {
      for (const r of entity.relations ?? []) {
        if (CONSUMER_RELATIONS[r.type]) consumerRefs.add(key(r.targetRef));
      }
    }
    const consumers = await this.byRefs(
      [...consumerRefs],
      [...SUMMARY_FIELDS, 'relations'],
      credentials,
    );

    // 3. The owners of the consuming entities, in one batched lookup.
    const ownerKeys = new Set<string>();
    for (const consumer of consumers.values()) {
      for (const ref of ownerRefs(consumer)) ownerKeys.add(key(ref));
    }
    const owners = await this.byRefs(
      [...ownerKeys],
      SUMMARY_FIELDS,
      credentials,
    );

    const result = teams.map(team => {
      const teamKey = key(stringifyEntityRef(team));
      const platformEntities = owned.filter(e =>
        ownerRefs(e).some(ref => key(ref) === teamKey),
      );
      const byTeam = new Map<string, ConsumingTeam>();
      const seenEdges = new Set<string>();
      const unowned = new Set<string>();
      for (const platformEntity of platformEntities) {
        const platformEntityRef = stringifyEntityRef(platformEntity);
        for (const r of platformEntity.relations ?? []) {
          const relation = CONSUMER_RELATIONS[r.type];
          const consumer = relation && consumers.get(key(r.targetRef));
          if (!consumer) continue;
          const readableOwners = ownerRefs(consumer)
            .map(ref => owners.get(key(ref)))
            .filter((o): o is Entity => !!o);
          if (readableOwners.length === 0) {
            unowned.add(key(r.targetRef));
            continue;
          }
          for (const owner of readableOwners) {
            const ownerKey = key(stringifyEntityRef(owner));
            if (ownerKey === teamKey) continue; // a team does not consume itself
            const edgeKey = `${ownerKey}|${key(r.targetRef)}|${relation}|${key(
              platformEntityRef,
            )}`;
            if (seenEdges.has(edgeKey)) continue;
            seenEdges.add(edgeKey);
            let entry = byTeam.get(ownerKey);
            if (!entry) {
              entry = { team: toEntitySummary(owner), via: [] };
              byTeam.set(ownerKey, entry);
            }
            entry.via.push({
              consumer: toEntitySummary(consumer),
              relation,
              platformEntityRef,
            });
          }
        }
      }
      const summary = toEntitySummary(team);
      return {
        team: {
          ...summary,
          ...(team.metadata.description
            ? { description: team.metadata.description }
            : {}),
        },
        platformEntities: platformEntities
          .map(toEntitySummary)
          .sort((a, b) => displayName(a).localeCompare(displayName(b))),
        consumingTeams: [...byTeam.values()].sort(
          (a, b) =>
            b.via.length - a.via.length ||
            displayName(a.team).localeCompare(displayName(b.team)),
        ),
        unownedConsumerCount: unowned.size,
      };
    });
    return result.sort((a, b) =>
      displayName(a.team).localeCompare(displayName(b.team)),
    );
  }

  private async queryAll(
    filter: Record<string, string | string[]>,
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const items: Entity[] = [];
    let response = await this.catalog.queryEntities(
      { filter, fields, limit: PAGE_SIZE },
      { credentials },
    );
    items.push(...response.items);
    while (response.pageInfo.nextCursor) {
      response = await this.catalog.queryEntities(
        { cursor: response.pageInfo.nextCursor, fields, limit: PAGE_SIZE },
        { credentials },
      );
      items.push(...response.items);
    }
    return items;
  }

  private async byRefs(
    refs: string[],
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    for (let i = 0; i < refs.length; i += REFS_BATCH) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + REFS_BATCH), fields },
        { credentials },
      );
      for (const entity of items) {
        if (entity) found.set(key(stringifyEntityRef(entity)), entity);
      }
    }
    return found;
  }
}

function displayName(e: { title?: string; name: string }) {
  return (e.title ?? e.name).toLocaleLowerCase('en-US');
}
