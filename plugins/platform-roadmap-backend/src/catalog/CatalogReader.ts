import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConsumerRelation } from '@platform-roadmap/plugin-platform-roadmap-common';

const PAGE_SIZE = 500;
/** Largest list of refs sent in one getEntitiesByRefs call. */
const REFS_BATCH = 1000;

/** Entity refs compare case-insensitively; relations carry lower-case refs. */
export const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

export const entityKey = (entity: Entity) => refKey(stringifyEntityRef(entity));

/** Which reverse relation on a used entity names which kind of consumer. */
export const CONSUMER_RELATIONS: Record<string, ConsumerRelation | undefined> =
  {
    [RELATION_DEPENDENCY_OF]: 'dependsOn',
    [RELATION_API_CONSUMED_BY]: 'consumesApi',
  };

export function ownerRefs(entity: Entity): string[] {
  return relationTargets(entity, RELATION_OWNED_BY);
}

export function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef);
}

/**
 * Batched, paged catalog reads on behalf of one caller: every method is a
 * bounded number of round trips whatever the number of refs.
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
