import { mockCredentials } from '@backstage/backend-test-utils';
import { buildCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { CatalogReader } from './CatalogReader';
import { walkDependents } from './DependentsWalk';

/*
 *   lib-a  <- lib-b (dependsOn)  <- app-c (dependsOn)  <- app-d (dependsOn)
 *   api-x  <- app-c (consumesApi)
 */
const catalog = () =>
  buildCatalog([
    { kind: 'Group', name: 'team' },
    { kind: 'Component', name: 'lib-a', owner: 'group:default/team' },
    {
      kind: 'Component',
      name: 'lib-b',
      owner: 'group:default/team',
      dependsOn: ['component:default/lib-a'],
    },
    {
      kind: 'Component',
      name: 'app-c',
      owner: 'group:default/team',
      dependsOn: ['component:default/lib-b'],
      consumesApis: ['api:default/api-x'],
    },
    {
      kind: 'Component',
      name: 'app-d',
      owner: 'group:default/team',
      dependsOn: ['component:default/app-c'],
    },
    { kind: 'API', name: 'api-x', owner: 'group:default/team' },
  ]);

const caller = mockCredentials.user('user:default/someone');
const names = (list?: Array<{ entity: { name: string }; depth: number }>) =>
  list?.map(c => `${c.entity.name}@${c.depth}`);

describe('walkDependents', () => {
  it('follows users level by level, each once by its shortest path', async () => {
    const { catalog: service, calls } = fakeCatalog(catalog());
    const walk = await walkDependents(new CatalogReader(service, caller), [
      { entityRef: 'component:default/lib-a', depth: 3 },
      { entityRef: 'api:default/api-x', depth: 1 },
    ]);
    expect(
      names(
        walk.dependentsOf({ entityRef: 'component:default/lib-a', depth: 3 }),
      ),
    ).toEqual(['lib-b@1', 'app-c@2', 'app-d@3']);
    expect(
      names(walk.dependentsOf({ entityRef: 'api:default/api-x', depth: 1 })),
    ).toEqual(['app-c@1']);
    // The roots, with their users in one query alongside; then one lookup
    // for what is new at the next level (app-d: app-c came with api-x's
    // users already); nothing is new after that.
    expect(calls).toMatchObject({ getEntities: 1, getEntitiesByRefs: 2 });
  });

  it('follows through a root that is not walked itself (depth 0)', async () => {
    const { catalog: service } = fakeCatalog(catalog());
    // app-c is a root of its own with depth 0 (a finished deprecation, say),
    // read without its relations, and lib-a's walk reaches it at depth 2.
    const walk = await walkDependents(new CatalogReader(service, caller), [
      { entityRef: 'component:default/lib-a', depth: 3 },
      { entityRef: 'component:default/app-c', depth: 0 },
    ]);
    expect(
      names(
        walk.dependentsOf({ entityRef: 'component:default/lib-a', depth: 3 }),
      ),
    ).toEqual(['lib-b@1', 'app-c@2', 'app-d@3']);
    expect(
      walk.dependentsOf({ entityRef: 'component:default/app-c', depth: 0 }),
    ).toEqual([]);
  });

  it('neither names nor follows what the caller may not read', async () => {
    const { catalog: service } = fakeCatalog(catalog(), {
      hiddenFrom: {
        user: 'user:default/someone',
        refs: ['component:default/lib-b'],
      },
    });
    const walk = await walkDependents(new CatalogReader(service, caller), [
      { entityRef: 'component:default/lib-a', depth: 3 },
    ]);
    expect(
      walk.dependentsOf({ entityRef: 'component:default/lib-a', depth: 3 }),
    ).toEqual([]);
    expect(
      walk.dependentsOf({ entityRef: 'component:default/nope', depth: 1 }),
    ).toBeUndefined();
  });
});
