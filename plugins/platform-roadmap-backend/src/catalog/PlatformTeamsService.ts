import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import {
  ConsumingTeam,
  PLATFORM_ENTITY_KINDS,
  PLATFORM_TEAM_ANNOTATION,
  PlatformTeam,
  isPlatformTeamEntity,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  CONSUMER_RELATIONS,
  entityKey,
  ownerRefs,
  refKey,
} from './CatalogReader';
import { CONTACT_FIELDS, contactChannels } from './contactChannels';
import { SUMMARY_FIELDS, toEntitySummary } from './entitySummary';

const TEAM_FIELDS = [
  ...SUMMARY_FIELDS,
  'metadata.description',
  ...CONTACT_FIELDS,
];

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
    const reader = new CatalogReader(this.catalog, credentials);
    const teams = await reader.queryAll(
      {
        kind: 'group',
        [`metadata.annotations.${PLATFORM_TEAM_ANNOTATION}`]: 'true',
      },
      TEAM_FIELDS,
    );
    return this.describeTeams(teams, reader);
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
    const [described] = await this.describeTeams(
      [team],
      new CatalogReader(this.catalog, credentials),
    );
    return described;
  }

  private async describeTeams(
    teams: Entity[],
    reader: CatalogReader,
  ): Promise<PlatformTeam[]> {
    if (teams.length === 0) return [];
    const teamRefs = teams.map(t => stringifyEntityRef(t));

    // 1. Everything the platform teams own, with its reverse relations.
    const owned = await reader.queryAll(
      {
        'relations.ownedBy': teamRefs.map(refKey),
        kind: PLATFORM_ENTITY_KINDS.map(k => k.toLocaleLowerCase('en-US')),
      },
      [...SUMMARY_FIELDS, 'relations'],
    );

    // 2. The consuming entities named by those reverse relations, in one
    //    batched lookup (unreadable ones come back empty and are dropped).
    const consumerRefs = new Set<string>();
    for (const entity of owned) {
      for (const r of entity.relations ?? []) {
        if (CONSUMER_RELATIONS[r.type]) consumerRefs.add(refKey(r.targetRef));
      }
    }
    const consumers = await reader.byRefs(consumerRefs, [
      ...SUMMARY_FIELDS,
      'relations',
    ]);

    // 3. The owners of the consuming entities, in one batched lookup.
    const ownerKeys = new Set<string>();
    for (const consumer of consumers.values()) {
      for (const ref of ownerRefs(consumer)) ownerKeys.add(refKey(ref));
    }
    const owners = await reader.byRefs(ownerKeys, SUMMARY_FIELDS);

    const result = teams.map(team => {
      const teamKey = entityKey(team);
      const platformEntities = owned.filter(e =>
        ownerRefs(e).some(ref => refKey(ref) === teamKey),
      );
      const byTeam = new Map<string, ConsumingTeam>();
      const seenEdges = new Set<string>();
      const unowned = new Set<string>();
      for (const platformEntity of platformEntities) {
        const platformEntityRef = stringifyEntityRef(platformEntity);
        for (const r of platformEntity.relations ?? []) {
          const relation = CONSUMER_RELATIONS[r.type];
          const consumer = relation && consumers.get(refKey(r.targetRef));
          if (!consumer) continue;
          const readableOwners = ownerRefs(consumer)
            .map(ref => owners.get(refKey(ref)))
            .filter((o): o is Entity => !!o);
          if (readableOwners.length === 0) {
            unowned.add(refKey(r.targetRef));
            continue;
          }
          for (const owner of readableOwners) {
            const ownerKey = entityKey(owner);
            if (ownerKey === teamKey) continue; // a team does not consume itself
            const edgeKey = `${ownerKey}|${refKey(
              r.targetRef,
            )}|${relation}|${refKey(platformEntityRef)}`;
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
        contact: contactChannels(team),
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
}

function displayName(e: { title?: string; name: string }) {
  return (e.title ?? e.name).toLocaleLowerCase('en-US');
}
