import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogReader,
  CONSUMER_RELATIONS,
  ownerRefs,
  refKey,
} from './CatalogReader';

// byRefs keys what it finds by ref, so the ref's parts come along.
const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];

/** One measured entity's consuming teams. */
export interface ConsumingTeamsCount {
  entityRef: string;
  /** Distinct Groups owning an entity that depends on or consumes it. */
  teamRefs: string[];
  /** False when the entity is not in the catalog (nothing is measured). */
  found: boolean;
}

/**
 * Counts, for each entity, the distinct teams that own an entity which
 * `dependsOn` it or `consumesApi` it — the catalog measure behind key
 * results such as "Onboard 3 new teams to the new auth library". The
 * entity's own owner is not counted (a team does not onboard itself).
 * Two batched catalog calls whatever the number of entities.
 */
export async function countConsumingTeams(
  catalog: CatalogService,
  entityRefs: string[],
  credentials: BackstageCredentials,
): Promise<ConsumingTeamsCount[]> {
  if (entityRefs.length === 0) return [];
  const reader = new CatalogReader(catalog, credentials);
  const measured = await reader.byRefs(entityRefs, FIELDS);
  const consumerRefs = new Set<string>();
  for (const entity of measured.values()) {
    for (const r of entity.relations ?? []) {
      if (CONSUMER_RELATIONS[r.type]) consumerRefs.add(refKey(r.targetRef));
    }
  }
  const consumers = await reader.byRefs(consumerRefs, FIELDS);
  return entityRefs.map(entityRef => {
    const entity = measured.get(refKey(entityRef));
    if (!entity) return { entityRef, teamRefs: [], found: false };
    const ownKeys = new Set(ownerRefs(entity).map(refKey));
    const teams = new Set<string>();
    for (const r of entity.relations ?? []) {
      const consumer =
        CONSUMER_RELATIONS[r.type] && consumers.get(refKey(r.targetRef));
      if (!consumer) continue;
      for (const owner of ownerRefs(consumer).map(refKey)) {
        if (owner.startsWith('group:') && !ownKeys.has(owner)) {
          teams.add(owner);
        }
      }
    }
    return { entityRef, teamRefs: [...teams].sort(), found: true };
  });
}
