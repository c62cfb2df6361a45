import {
  Entity,
  parseEntityRef,
  RELATION_API_CONSUMED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConsumerRelation } from '@platform-roadmap/plugin-platform-roadmap-common';

const PAGE_SIZE = 500;
/**
 * Largest list of refs sent in one getEntitiesByRefs call; the catalog
 * client splits bigger lists the same way, one round trip per batch.
 */
export const REFS_BATCH = 1000;
/**
 * Most characters of target refs named in one relation-filter query: each
 * travels twice in the query string (two filters, encoded), which must stay
 * well under the server's limit (8 KiB and more).
 */
const FILTER_REFS_CHARS = 2000;

/** Consecutive batches whose refs add up to at most `chars` characters. */
function byLength(refs: string[], chars: number): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const ref of refs) {
    if (batch.length > 0 && length + ref.length > chars) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(ref);
    length += ref.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Entity refs compare case-insensitively; relations carry lower-case refs.
 * (toLowerCase is what toLocaleLowerCase('en-US') gives, at half the cost
 * on hot paths that key hundreds of thousands of refs.)
 */
export const refKey = (ref: string) => ref.toLowerCase();

export const entityKey = (entity: Entity) => refKey(stringifyEntityRef(entity));

/** Which reverse relation on a used entity names which kind of consumer. */
export const CONSUMER_RELATIONS: Record<string, ConsumerRelation | undefined> =
  {
    [RELATION_DEPENDENCY_OF]: 'dependsOn',
    [RELATION_API_CONSUMED_BY]: 'consumesApi',
  };

/** Which forward relation of a user names the entity it uses. */
export const USE_RELATIONS: Record<string, ConsumerRelation | undefined> = {
  [RELATION_DEPENDS_ON]: 'dependsOn',
  [RELATION_CONSUMES_API]: 'consumesApi',
};

/**
 * The entity's owners: its `ownedBy` relations when they were read, else
 * `spec.owner` resolved the way the catalog turns it into that relation
 * (kind Group and the entity's namespace unless the ref names them), so a
 * lookup may read `spec.owner` instead of every relation of a heavily used
 * entity.
 */
export function ownerRefs(entity: Entity): string[] {
  if (entity.relations) return relationTargets(entity, RELATION_OWNED_BY);
  return groupRef(entity.spec?.owner, entity);
}

/**
 * A group's parent: its `childOf` relation when relations were read, else
 * `spec.parent` resolved as the catalog resolves it.
 */
export function parentRef(group: Entity): string | undefined {
  const [parent] = group.relations
    ? relationTargets(group, RELATION_CHILD_OF)
    : groupRef(group.spec?.parent, group);
  return parent;
}

/** The children a group names in `spec.children`, resolved. */
export function childRefs(group: Entity): string[] {
  const children = group.spec?.children;
  if (!Array.isArray(children)) return [];
  return children.flatMap(child => groupRef(child, group));
}

/** A ref an entity's spec names, as the catalog resolves it (or none). */
function groupRef(value: unknown, entity: Entity): string[] {
  if (typeof value !== 'string' || !value) return [];
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'Group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    ];
  } catch {
    return []; // the catalog makes no relation of a malformed ref either
  }
}

export function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef);
}

/**
 * Batched, paged catalog reads on behalf of one caller. `byRefs` costs one
 * round trip per 1,000 refs; `usersOf` one per ~40 targets, whatever the
 * number of users; `queryAll` one per page of 500.
 */
export class CatalogReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly credentials: BackstageCredentials,
  ) {}

  /** Every entity matching the filter, page by page. */
  async queryAll(
    filter: Record<string, string | string[]>,
    fields: string[],
  ): Promise<Entity[]> {
    const { credentials } = this;
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

  /**
   * Every readable entity that names one of the targets in its `dependsOn`
   * or `consumesApi` relations (the targets' direct users), keyed by
   * lower-case ref: one unpaged relation-filter query per 40 targets, so
   * the round trips do not grow with the number of users.
   */
  async usersOf(targetRefs: Iterable<string>, fields: string[]) {
    const unique = [...new Set([...targetRefs].map(refKey))];
    const found = new Map<string, Entity>();
    for (const targets of byLength(unique, FILTER_REFS_CHARS)) {
      const { items } = await this.catalog.getEntities(
        {
          filter: [
            { [`relations.${RELATION_DEPENDS_ON}`]: targets },
            { [`relations.${RELATION_CONSUMES_API}`]: targets },
          ],
          fields,
        },
        { credentials: this.credentials },
      );
      for (const entity of items) found.set(entityKey(entity), entity);
    }
    return found;
  }

  /** Every readable Group, keyed by lower-case ref, in one unpaged query. */
  async allGroups(fields: string[]) {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'group' }, fields },
      { credentials: this.credentials },
    );
    return new Map(items.map(group => [entityKey(group), group]));
  }

  /**
   * The readable entities among the refs, keyed by lower-case ref; refs the
   * caller may not read (or that do not exist) are absent.
   */
  async byRefs(refs: Iterable<string>, fields: string[]) {
    const unique = [...new Set([...refs].map(refKey))];
    const found = new Map<string, Entity>();
    for (let i = 0; i < unique.length; i += REFS_BATCH) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: unique.slice(i, i + REFS_BATCH), fields },
        { credentials: this.credentials },
      );
      for (const entity of items) {
        if (entity) found.set(entityKey(entity), entity);
      }
    }
    return found;
  }
}
