import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogService } from '@backstage/plugin-catalog-node';

type EntityInput = {
  kind: string;
  name: string;
  owner?: string;
  title?: string;
  type?: string;
  dependsOn?: string[];
  consumesApis?: string[];
  annotations?: Record<string, string>;
  links?: Array<{ url: string; title?: string; type?: string }>;
  /** For a Group: its parent group's ref. */
  parent?: string;
};

const ref = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase('en-US');

/**
 * Builds entities the way the catalog stores them: with relations in both
 * directions (ownedBy/ownerOf, dependsOn/dependencyOf,
 * consumesApi/apiConsumedBy, childOf/parentOf), which is what the service reads.
 */
export function buildCatalog(inputs: EntityInput[]): Entity[] {
  const entities: Entity[] = inputs.map(i => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: i.kind,
    metadata: {
      name: i.name,
      namespace: 'default',
      ...(i.title ? { title: i.title } : {}),
      ...(i.annotations ? { annotations: i.annotations } : {}),
      ...(i.links ? { links: i.links } : {}),
    },
    spec: {
      ...(i.type ? { type: i.type } : {}),
      ...(i.owner ? { owner: i.owner } : {}),
      ...(i.parent ? { parent: i.parent } : {}),
    },
    relations: [],
  }));
  const byRef = new Map(entities.map(e => [ref(e), e]));
  const relate = (from: string, type: string, to: string, reverse: string) => {
    byRef.get(from)?.relations!.push({ type, targetRef: to });
    byRef.get(to)?.relations!.push({ type: reverse, targetRef: from });
  };
  inputs.forEach((input, index) => {
    const self = ref(entities[index]);
    if (input.owner) {
      relate(self, RELATION_OWNED_BY, input.owner, RELATION_OWNER_OF);
    }
    if (input.parent) {
      relate(self, RELATION_CHILD_OF, input.parent, RELATION_PARENT_OF);
    }
    for (const target of input.dependsOn ?? []) {
      relate(self, RELATION_DEPENDS_ON, target, RELATION_DEPENDENCY_OF);
    }
    for (const target of input.consumesApis ?? []) {
      relate(self, RELATION_CONSUMES_API, target, RELATION_API_CONSUMED_BY);
    }
  });
  return entities;
}

/** The example used across tests: one platform team, two consuming teams. */
export function exampleCatalog(): Entity[] {
  return buildCatalog([
    {
      kind: 'Group',
      name: 'ci-build',
      title: 'CI & Build',
      type: 'team',
      annotations: { 'platform-roadmap/platform-team': 'true' },
    },
    { kind: 'Group', name: 'checkout', title: 'Checkout', type: 'team' },
    { kind: 'Group', name: 'orders', title: 'Orders', type: 'team' },
    { kind: 'Group', name: 'secret-team', type: 'team' },
    {
      kind: 'Component',
      name: 'build-cache',
      title: 'Remote Build Cache',
      type: 'service',
      owner: 'group:default/ci-build',
    },
    {
      kind: 'API',
      name: 'build-api',
      type: 'openapi',
      owner: 'group:default/ci-build',
    },
    {
      kind: 'Component',
      name: 'ci-runners',
      type: 'service',
      owner: 'group:default/ci-build',
      dependsOn: ['component:default/build-cache'],
    },
    {
      kind: 'Component',
      name: 'checkout-web',
      type: 'website',
      owner: 'group:default/checkout',
      dependsOn: ['component:default/build-cache'],
      consumesApis: ['api:default/build-api'],
    },
    {
      kind: 'Component',
      name: 'order-service',
      type: 'service',
      owner: 'group:default/orders',
      dependsOn: ['component:default/build-cache'],
    },
    {
      kind: 'Component',
      name: 'hidden-service',
      type: 'service',
      owner: 'group:default/secret-team',
      dependsOn: ['component:default/build-cache'],
    },
  ]);
}

/**
 * A catalog that hides some entities from one user, as a permission policy
 * would, and counts the round trips made to it.
 *
 * Note: the in-memory catalog from test utils stops at the first filter key
 * whose value is a list, so the service puts its most selective list key
 * first; the real catalog applies every key.
 */
export function fakeCatalog(
  entities: Entity[],
  options: { hiddenFrom?: { user: string; refs: string[] } } = {},
) {
  const inner = catalogServiceMock({ entities });
  const hidden = new Set(
    (options.hiddenFrom?.refs ?? []).map(r => r.toLocaleLowerCase('en-US')),
  );
  const visible = (credentials: BackstageCredentials, e: Entity) =>
    !(
      options.hiddenFrom &&
      credentials.principal &&
      (credentials.principal as { userEntityRef?: string }).userEntityRef ===
        options.hiddenFrom.user &&
      hidden.has(ref(e))
    );
  const calls = {
    queryEntities: 0,
    getEntities: 0,
    getEntitiesByRefs: 0,
    total: 0,
  };
  const catalog: CatalogService = {
    ...inner,
    async getEntities(request, opts) {
      calls.getEntities += 1;
      calls.total += 1;
      const response = await inner.getEntities(request, opts);
      return {
        items: response.items.filter(e => visible(opts.credentials, e)),
      };
    },
    async queryEntities(request, opts) {
      calls.queryEntities += 1;
      calls.total += 1;
      const response = await inner.queryEntities(request, opts);
      return {
        ...response,
        items: response.items.filter(e => visible(opts.credentials, e)),
      };
    },
    async getEntitiesByRefs(request, opts) {
      calls.getEntitiesByRefs += 1;
      calls.total += 1;
      const response = await inner.getEntitiesByRefs(request, opts);
      return {
        items: response.items.map(e =>
          e && visible(opts.credentials, e) ? e : undefined,
        ),
      };
    },
  };
  return { catalog, calls };
}
