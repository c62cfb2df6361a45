import { Entity } from '@backstage/catalog-model';
import {
  ConsumerRelation,
  DeprecationConsumer,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  CONSUMER_RELATIONS,
  refKey,
  USE_RELATIONS,
} from './CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from './entitySummary';

/** What a user is read with: enough to name it, its owners and its uses. */
const WITH_RELATIONS = [...SUMMARY_FIELDS, 'relations'];
/**
 * What a root or extra ref is read with. Not its relations: a platform
 * entity used by 100,000 others carries 100,000 of them, and its users
 * come from the relation-filter query instead.
 */
const WITHOUT_RELATIONS = [...SUMMARY_FIELDS, 'spec.owner'];

/** One entity whose users are wanted, and how many levels deep. */
export interface DependentsRoot {
  entityRef: string;
  depth: number;
}

/** What a walk found. */
export interface DependentsWalk {
  /**
   * Every entity read: the roots and `extraRefs` (without relations; their
   * owners come from `spec.owner`) and all users (with relations).
   */
  known: Map<string, Entity>;
  /**
   * The entities that use a root, directly or through others up to its
   * depth, nearest first; each once (by its shortest path). Undefined
   * when the root itself could not be read.
   */
  dependentsOf(root: DependentsRoot): DeprecationConsumer[] | undefined;
}

type User = { ref: string; relation: ConsumerRelation };

/**
 * Walks the users of many roots at once, breadth-first.
 *
 * Round trips: the roots and `extraRefs` are read in one batched lookup
 * (one per 1,000 refs) while, at the same time, their direct users come
 * from one relation-filter query (per 40 roots) — so level 1 costs the
 * same whatever the number of users. Each deeper level follows the users'
 * reverse relations with one batched lookup per 1,000 new entities.
 */
export async function walkDependents(
  reader: CatalogReader,
  roots: DependentsRoot[],
  extraRefs: string[] = [],
): Promise<DependentsWalk> {
  const rootKeys = new Set(roots.map(r => refKey(r.entityRef)));
  const walked = roots.filter(r => r.depth >= 1).map(r => r.entityRef);
  const [level0, direct] = await Promise.all([
    reader.byRefs([...rootKeys, ...extraRefs], WITHOUT_RELATIONS),
    walked.length > 0
      ? reader.usersOf(walked, WITH_RELATIONS)
      : Promise.resolve(new Map<string, Entity>()),
  ]);
  const known = new Map(level0);
  direct.forEach((entity, key) => known.set(key, entity));

  // users.get(x): the entities that use x directly, with the relation.
  const users = new Map<string, User[]>();
  const addUser = (targetKey: string, user: User) => {
    const list = users.get(targetKey);
    if (list) list.push(user);
    else users.set(targetKey, [user]);
  };
  const walkedKeys = new Set(walked.map(refKey));
  for (const [key, entity] of direct) {
    for (const r of entity.relations ?? []) {
      const relation = USE_RELATIONS[r.type];
      const target = relation && refKey(r.targetRef);
      if (target && walkedKeys.has(target)) {
        addUser(target, { ref: key, relation });
      }
    }
  }
  // The catalog's order is not guaranteed: users by ref, so the same
  // catalog always names the same dependents first.
  for (const list of users.values()) {
    list.sort((a, b) => (a.ref < b.ref ? -1 : Number(a.ref > b.ref)));
  }

  // Deeper levels: the reverse relations of the last level's users.
  const maxDepth = Math.max(0, ...roots.map(r => r.depth));
  const expanded = new Set(walkedKeys);
  // A root that is not walked itself (depth 0) is listed only when reached,
  // and then read with its relations and followed like any other user.
  const listed = new Set([...walkedKeys, ...direct.keys()]);
  let frontier = [...direct.keys()];
  for (let level = 2; level <= maxDepth && frontier.length > 0; level++) {
    const next = new Set<string>();
    for (const ref of frontier) {
      if (!expanded.has(ref)) {
        expanded.add(ref);
        for (const r of known.get(ref)?.relations ?? []) {
          const relation = CONSUMER_RELATIONS[r.type];
          if (relation) addUser(ref, { ref: refKey(r.targetRef), relation });
        }
      }
      for (const user of users.get(ref) ?? []) {
        if (!listed.has(user.ref)) next.add(user.ref);
      }
    }
    next.forEach(ref => listed.add(ref));
    // Only what was not read with its relations yet (a root, say) is read.
    const unread = [...next].filter(ref => !known.get(ref)?.relations);
    if (unread.length > 0) {
      (await reader.byRefs(unread, WITH_RELATIONS)).forEach((entity, key) =>
        known.set(key, entity),
      );
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
          for (const user of users.get(targetKey) ?? []) {
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
