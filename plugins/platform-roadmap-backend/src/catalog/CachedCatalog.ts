import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Catalog answers kept at most; the oldest goes first. */
const MAX_ENTRIES = 2000;

/**
 * The catalog, with the answers to the plugin's reads (entities by ref, by
 * filter, by query) kept for `ttlMs` per caller: a page of the plugin asks
 * the catalog the same questions again and again, and a write to a
 * request or a theme changes nothing in the catalog, so a ranking
 * recomputed after a write reads only its own tables. The key includes
 * who asks (the catalog answers each caller with what they may read).
 * Concurrent identical asks share one call; failures are not kept.
 * Catalog changes show within the TTL (the catalog itself takes longer to
 * process them).
 */
export function cachedCatalog(
  catalog: CatalogService,
  options: { ttlMs: number; now?: () => number },
): CatalogService {
  const { ttlMs } = options;
  if (ttlMs <= 0) return catalog;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();

  function cached<T>(
    method: string,
    request: unknown,
    credentials: BackstageCredentials,
    call: () => Promise<T>,
  ): Promise<T> {
    const key = JSON.stringify([method, callerKey(credentials), request]);
    const at = now();
    const hit = entries.get(key);
    if (hit && at - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = call();
    entries.delete(key);
    entries.set(key, { at, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    if (entries.size > MAX_ENTRIES) {
      entries.delete(entries.keys().next().value!);
    }
    return value;
  }

  return {
    ...bind(catalog),
    getEntities: (request, opts) =>
      cached('getEntities', request, opts.credentials, () =>
        catalog.getEntities(request, opts),
      ),
    getEntitiesByRefs: (request, opts) =>
      cached('getEntitiesByRefs', request, opts.credentials, () =>
        catalog.getEntitiesByRefs(request, opts),
      ),
    queryEntities: (request, opts) =>
      cached('queryEntities', request, opts.credentials, () =>
        catalog.queryEntities(request, opts),
      ),
  };
}

/** Every method of the catalog, bound to it (writes and the rest pass through). */
function bind(catalog: CatalogService): CatalogService {
  const bound: Record<string, unknown> = {};
  let proto: object | null = catalog;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (catalog as unknown as Record<string, unknown>)[name];
      if (
        typeof value === 'function' &&
        name !== 'constructor' &&
        !(name in bound)
      ) {
        bound[name] = value.bind(catalog);
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return bound as unknown as CatalogService;
}

function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
