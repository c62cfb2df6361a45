import { Entity } from '@backstage/catalog-model';
import {
  ConsumerRelation,
  DeprecationConsumer,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { CatalogReader, CONSUMER_RELATIONS, refKey } from './CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from './entitySummary';

const WITH_RELATIONS = [...SUMMARY_FIELDS, 'relations'];

/** One entity whose users are wanted, and how many levels deep. */
export interface DependentsRoot {
  entityRef: string;
  depth: number;
}

/** What a walk found. */
export interface DependentsWalk {
  /** Every entity read: the roots, `extraRefs` and all dependents. */
  known: Map<string, Entity>;
  /**
   * The entities that use a root, directly or through others up to its
   * depth, nearest first; each once (by its shortest path). Undefined
   * when the root itself could not be read.
   */
  dependentsOf(root: DependentsRoot): DeprecationConsumer[] | undefined;
}

/**
 * Walks the catalog's reverse `dependsOn` / `consumesApi` relations from
 * many roots at once, breadth-first, with one batched lookup for the roots
 * (and `extraRefs`, read along for the caller's convenience) and one per
 * level: 1 + the deepest root's depth round trips, whatever the number of
 * roots or dependents.
 */
export async function walkDependents(
  reader: CatalogReader,
  roots: DependentsRoot[],
  extraRefs: string[] = [],
): Promise<DependentsWalk> {
  const known = await reader.byRefs(
    [...roots.map(r => r.entityRef), ...extraRefs],
    WITH_RELATIONS,
  );
  const usersOf = (ref: string) => {
    const users: Array<{ ref: string; relation: ConsumerRelation }> = [];
    for (const r of known.get(ref)?.relations ?? []) {
      const relation = CONSUMER_RELATIONS[r.type];
      if (relation) users.push({ ref: refKey(r.targetRef), relation });
    }
    return users;
  };

  const maxDepth = Math.max(0, ...roots.map(r => r.depth));
  const visited = new Set(roots.map(r => refKey(r.entityRef)));
  let frontier = [...visited];
  for (let level = 1; level <= maxDepth && frontier.length > 0; level++) {
    const next = new Set<string>();
    for (const ref of frontier) {
      for (const user of usersOf(ref)) {
        if (!visited.has(user.ref)) next.add(user.ref);
      }
    }
    next.forEach(ref => visited.add(ref));
    const unknown = [...next].filter(ref => !known.has(ref));
    if (unknown.length > 0) {
      for (const [ref, entity] of await reader.byRefs(
        unknown,
        WITH_RELATIONS,
      )) {
        known.set(ref, entity);
      }
    }
    frontier = [...next];
  }

  return {
    known,
    dependentsOf(root) {
      const rootKey = refKey(root.entityRef);
      if (!known.has(rootKey)) return undefined;
      const found: DeprecationConsumer[] = [];
      const seen = new Set([rootKey]);
      let level = [rootKey];
      for (let depth = 1; depth <= root.depth && level.length; depth++) {
        const next: string[] = [];
        for (const targetKey of level) {
          const target = known.get(targetKey)!;
          for (const user of usersOf(targetKey)) {
            const entity = known.get(user.ref);
            // Unreadable (or missing) users are neither named nor counted.
            if (seen.has(user.ref) || !entity) continue;
            seen.add(user.ref);
            next.push(user.ref);
            found.push({
              entity: toEntitySummary(entity),
              relation: user.relation,
              targetRef: toEntitySummary(target).entityRef,
              depth,
            });
          }
        }
        level = next;
      }
      return found;
    },
  };
}
