import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ACTIVE_DEPRECATION_STATUSES,
  daysBetween,
  Deprecation,
  DeprecationConsumer,
  DeprecationView,
  DeprecationWarning,
  DeprecationWarningsResponse,
  EntitySummary,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { CatalogReader, ownerRefs, refKey } from '../catalog/CatalogReader';
import { walkDependents } from '../catalog/DependentsWalk';
import { SUMMARY_FIELDS, toEntitySummary } from '../catalog/entitySummary';
import { DeprecationSnapshot, ReleaseStore } from '../database/ReleaseStore';

const WITH_RELATIONS = [...SUMMARY_FIELDS, 'relations'];
const USES: Record<string, DeprecationConsumer['relation'] | undefined> = {
  [RELATION_DEPENDS_ON]: 'dependsOn',
  [RELATION_CONSUMES_API]: 'consumesApi',
};

/**
 * Remaining consumers of deprecations, their burn-down, and the warnings a
 * consuming entity gets — all computed from catalog relations with a
 * number of round trips bounded by the consumer depth, never by the number
 * of deprecations, consumers or teams.
 */
export class DeprecationService {
  constructor(
    private readonly deps: { catalog: CatalogService; store: ReleaseStore },
  ) {}

  /**
   * Deprecations with their remaining consumers grouped by owning team, as
   * the caller may read them, and their burn-down, for the whole list at
   * once: the entities and their direct consumers in two concurrent calls
   * (see walkDependents), one lookup per 1,000 deeper consumers, one per
   * 1,000 owning teams.
   */
  async views(
    deprecations: Deprecation[],
    credentials: BackstageCredentials,
    today: string,
  ): Promise<DeprecationView[]> {
    if (deprecations.length === 0) return [];
    const reader = new CatalogReader(this.deps.catalog, credentials);
    // Finished deprecations are not walked: their story is the burn-down.
    const rootOf = (d: Deprecation) => ({
      entityRef: d.entityRef,
      depth: isActive(d) ? d.consumerDepth : 0,
    });
    const walk = await walkDependents(
      reader,
      deprecations.map(rootOf),
      deprecations.flatMap(d =>
        d.replacementEntityRef ? [d.replacementEntityRef] : [],
      ),
    );
    const consumersOf = new Map(
      deprecations.map(d => [d.id, walk.dependentsOf(rootOf(d)) ?? []]),
    );
    const owners = await reader.byRefs(
      [...consumersOf.values()].flatMap(list =>
        list.flatMap(c =>
          ownerRefs(walk.known.get(refKey(c.entity.entityRef))!),
        ),
      ),
      SUMMARY_FIELDS,
    );
    const burnDowns = await this.deps.store.burnDowns(
      deprecations.map(d => d.id),
    );
    const summary = (ref?: string) => {
      const entity = ref && walk.known.get(refKey(ref));
      return entity ? toEntitySummary(entity) : undefined;
    };

    return deprecations.map(deprecation => {
      const consumers = consumersOf.get(deprecation.id)!;
      const byTeam = new Map<
        string,
        { team: EntitySummary; consumers: DeprecationConsumer[] }
      >();
      const unownedConsumers: DeprecationConsumer[] = [];
      for (const consumer of consumers) {
        const entity = walk.known.get(refKey(consumer.entity.entityRef))!;
        const readable = ownerRefs(entity)
          .map(ref => owners.get(refKey(ref)))
          .filter((o): o is Entity => !!o);
        if (readable.length === 0) unownedConsumers.push(consumer);
        for (const owner of readable) {
          const team = toEntitySummary(owner);
          const entry = byTeam.get(team.entityRef) ?? { team, consumers: [] };
          entry.consumers.push(consumer);
          byTeam.set(team.entityRef, entry);
        }
      }
      const entity = summary(deprecation.entityRef);
      const replacement = summary(deprecation.replacementEntityRef);
      const burnDown = burnDowns.get(deprecation.id) ?? [];
      return {
        ...deprecation,
        ...(entity && { entity }),
        ...(replacement && { replacement }),
        consumingTeams: [...byTeam.values()].sort(
          (a, b) =>
            b.consumers.length - a.consumers.length ||
            byName(a.team).localeCompare(byName(b.team)),
        ),
        unownedConsumers,
        inCatalog: !!entity,
        ...(isActive(deprecation) && entity
          ? { consumerCount: consumers.length, teamCount: byTeam.size }
          : {
              consumerCount: burnDown.at(-1)?.consumerCount ?? 0,
              teamCount: burnDown.at(-1)?.teamCount ?? 0,
            }),
        burnDown,
        daysLeft: daysBetween(today, deprecation.sunsetOn),
      };
    });
  }

  /**
   * Today's snapshot of each deprecation's remaining consumers, computed
   * with the given (service) credentials over the whole catalog. A
   * deprecation whose entity is not in the catalog gets no snapshot: a
   * missing entity is not "zero consumers".
   */
  async snapshots(
    deprecations: Deprecation[],
    credentials: BackstageCredentials,
    takenOn: string,
  ): Promise<DeprecationSnapshot[]> {
    if (deprecations.length === 0) return [];
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const walk = await walkDependents(
      reader,
      deprecations.map(d => ({
        entityRef: d.entityRef,
        depth: d.consumerDepth,
      })),
    );
    const result: DeprecationSnapshot[] = [];
    for (const deprecation of deprecations) {
      const consumers = walk.dependentsOf({
        entityRef: deprecation.entityRef,
        depth: deprecation.consumerDepth,
      });
      if (!consumers) continue;
      result.push({
        deprecationId: deprecation.id,
        takenOn,
        consumerEntityRefs: consumers.map(c => c.entity.entityRef),
        teamRefs: consumers.flatMap(c =>
          ownerRefs(walk.known.get(refKey(c.entity.entityRef))!),
        ),
      });
    }
    return result;
  }

  /**
   * The active deprecations that hit an entity: what it depends on or
   * consumes, directly or (for deprecations counting deeper consumers)
   * through other entities. One round trip for the entity, one per extra
   * level, one for the deprecated entities and their replacements.
   */
  async warnings(
    entityRef: string,
    credentials: BackstageCredentials,
    today: string,
  ): Promise<DeprecationWarningsResponse> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const entity = (await reader.byRefs([entityRef], WITH_RELATIONS)).get(
      refKey(entityRef),
    );
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const self = toEntitySummary(entity);
    // Only the active deprecations of what the entity uses are read, not
    // every one of the organisation.
    const maxDepth = await this.deps.store.maxConsumerDepth(
      ACTIVE_DEPRECATION_STATUSES,
    );

    // usage.get(x): how the entity reaches x, by its shortest path.
    const usage = new Map<string, DeprecationConsumer>();
    const known = new Map([[refKey(entityRef), entity]]);
    let frontier: Array<{ ref: string; via?: DeprecationConsumer }> = [
      { ref: refKey(entityRef) },
    ];
    for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const { ref, via } of frontier) {
        for (const r of known.get(ref)?.relations ?? []) {
          const relation = USES[r.type];
          const target = refKey(r.targetRef);
          if (!relation || usage.has(target) || target === refKey(entityRef)) {
            continue;
          }
          const use: DeprecationConsumer = via
            ? { ...via, depth }
            : { entity: self, relation, targetRef: target, depth };
          usage.set(target, use);
          next.push({ ref: target, via: use });
        }
      }
      frontier = next;
      if (depth < maxDepth && frontier.length) {
        const found = await reader.byRefs(
          frontier.map(f => f.ref),
          WITH_RELATIONS,
        );
        found.forEach((e, k) => known.set(k, e));
      }
    }

    // By entity, 500 refs a query (well within both databases' limits).
    const used = [...usage.keys()];
    const active: Deprecation[] = [];
    for (let i = 0; i < used.length; i += 500) {
      active.push(
        ...(await this.deps.store.listDeprecations({
          entityRefs: used.slice(i, i + 500),
          statuses: ACTIVE_DEPRECATION_STATUSES,
        })),
      );
    }
    const hits = active.filter(d => {
      const use = usage.get(refKey(d.entityRef));
      return use && use.depth <= d.consumerDepth;
    });
    const summaries = await reader.byRefs(
      hits.flatMap(d => [
        d.entityRef,
        ...(d.replacementEntityRef ? [d.replacementEntityRef] : []),
      ]),
      SUMMARY_FIELDS,
    );
    const summary = (ref?: string) => {
      const found = ref && summaries.get(refKey(ref));
      return found ? toEntitySummary(found) : undefined;
    };
    const items: DeprecationWarning[] = hits
      // Only deprecations of entities the caller may read.
      .filter(d => summaries.has(refKey(d.entityRef)))
      .map(deprecation => {
        const replacement = summary(deprecation.replacementEntityRef);
        return {
          deprecation,
          entity: summary(deprecation.entityRef),
          ...(replacement && { replacement }),
          usage: usage.get(refKey(deprecation.entityRef))!,
          daysLeft: daysBetween(today, deprecation.sunsetOn),
        };
      });
    return { entityRef: self.entityRef, items };
  }
}

function isActive(deprecation: Deprecation) {
  return ACTIVE_DEPRECATION_STATUSES.includes(deprecation.status);
}

function byName(e: EntitySummary) {
  return (e.title ?? e.name).toLocaleLowerCase('en-US');
}
