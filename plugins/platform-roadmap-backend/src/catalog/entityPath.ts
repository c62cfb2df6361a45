import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The app path of an entity's page (or one of its tabs), at the app's
 * default catalog route: what notifications, search results and feed
 * entries link to.
 */
export function entityPath(ref: string, tab?: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const path = `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
  return tab ? `${path}/${tab}` : path;
}
