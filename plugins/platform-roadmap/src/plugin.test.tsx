import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockPlatformRoadmapApi } from './__testUtils__/mockApi';
import {
  discoveryApiRef,
  fetchApiRef,
  FetchApi,
} from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  PlatformRoadmapApi,
  platformRoadmapApiRef,
  PlatformRoadmapClient,
} from './api';
import {
  EntityIncomingThemesCard,
  EntityPlatformRoadmapContent,
  EntityPlatformThemesCard,
  platformRoadmapPlugin,
  PlatformRoadmapSearchResultListItem,
} from './plugin';
import * as publicApi from './index';
import alphaPlugin from './alpha';
import {
  createExtensionTester,
  renderInTestApp as renderInNewTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { analyticsApiRef } from '@backstage/core-plugin-api';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { SearchResult } from '@backstage/plugin-search-common';
import {
  PLATFORM_ROADMAP_SEARCH_TYPE,
  PlatformRoadmapDocument,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import userEvent from '@testing-library/user-event';

describe('platformRoadmapPlugin', () => {
  it('has the platform-roadmap id', () => {
    expect(platformRoadmapPlugin.getId()).toBe('platform-roadmap');
  });

  it('provides a PlatformRoadmapClient for platformRoadmapApiRef', async () => {
    const factories = Array.from(platformRoadmapPlugin.getApis());
    const factory = factories.find(f => f.api === platformRoadmapApiRef);
    expect(factory).toBeDefined();
    expect(factory!.deps).toEqual({
      discoveryApi: discoveryApiRef,
      fetchApi: fetchApiRef,
    });

    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ items: [] }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const fetchApi: FetchApi = { fetch };
    const client = factory!.factory({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
      fetchApi,
    }) as PlatformRoadmapApi;

    expect(client).toBeInstanceOf(PlatformRoadmapClient);
    // The factory wires in the discovery and fetch APIs it was given.
    await expect(client.listTeams()).resolves.toEqual({ items: [] });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/platform-roadmap/teams',
      {
        method: 'GET',
      },
    );
  });
});

describe('EntityPlatformRoadmapContent', () => {
  it('is defined', () => {
    expect(EntityPlatformRoadmapContent).toBeDefined();
    expect(typeof EntityPlatformRoadmapContent).toBe('function');
  });

  it('lazily renders the roadmap for the current entity', async () => {
    const api = mockPlatformRoadmapApi({
      getTeam: async (_teamRef: string) => ({
        team: {
          entityRef: 'group:default/ci-build',
          kind: 'Group',
          name: 'ci-build',
          namespace: 'default',
        },
        platformEntities: [],
        consumingTeams: [],
        unownedConsumerCount: 0,
      }),
      getBacklog: async () => ({ items: [], totalItems: 0 }),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [platformRoadmapApiRef, api],
          [permissionApiRef, mockApis.permission()],
          [discoveryApiRef, mockApis.discovery()],
        ]}
      >
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: {
              name: 'ci-build',
              annotations: { 'platform-roadmap/platform-team': 'true' },
            },
            spec: { type: 'team', children: [] },
          }}
        >
          <EntityPlatformRoadmapContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('No platform entities yet'),
    ).toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith('group:default/ci-build');
    // the ranked backlog is on the same tab
    expect(await screen.findByText('No requests here')).toBeInTheDocument();
    expect(api.getBacklog).toHaveBeenCalledWith(
      'group:default/ci-build',
      expect.objectContaining({ status: ['open', 'triaged', 'planned'] }),
    );
  });
});

const buildRunner: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'build-runner' },
  spec: { type: 'service', owner: 'group:default/ci-build' },
};

function entityOfKind(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x' },
  };
}

describe('EntityPlatformThemesCard', () => {
  it('is exported from the package', () => {
    expect(publicApi.EntityPlatformThemesCard).toBe(EntityPlatformThemesCard);
  });

  it('lazily renders the themes concerning the current entity', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRoadmap: async () => ({
        entityRef: 'component:default/build-runner',
        teamRef: 'group:default/ci-build',
        themes: [],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <EntityProvider entity={buildRunner}>
          <EntityPlatformThemesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('Platform roadmap')).toBeInTheDocument();
    expect(
      await screen.findByText(/concern this entity yet/),
    ).toBeInTheDocument();
    expect(api.getEntityRoadmap).toHaveBeenCalledWith(
      'component:default/build-runner',
    );
  });
});

describe('EntityIncomingThemesCard', () => {
  it('is exported from the package', () => {
    expect(publicApi.EntityIncomingThemesCard).toBe(EntityIncomingThemesCard);
  });

  it('lazily renders what is coming from the platforms', async () => {
    const api = mockPlatformRoadmapApi({
      getIncomingRoadmap: async () => ({
        entityRef: 'component:default/build-runner',
        teams: [{ teamRef: 'group:default/identity', themes: [] }],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <EntityProvider entity={buildRunner}>
          <EntityIncomingThemesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Coming from your platforms'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'None of the platforms this component depends on has committed themes.',
      ),
    ).toBeInTheDocument();
    expect(api.getIncomingRoadmap).toHaveBeenCalledWith(
      'component:default/build-runner',
    );
  });
});

describe('platform-roadmap plugin on the new frontend system', () => {
  function cardFilter(id: Parameters<typeof alphaPlugin.getExtension>[0]) {
    const tester = createExtensionTester(alphaPlugin.getExtension(id));
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error(`${id} has no entity filter`);
    return {
      kinds: ['Component', 'API', 'System', 'Group', 'Resource'].filter(kind =>
        filter(entityOfKind(kind)),
      ),
      type: tester.get(EntityCardBlueprint.dataRefs.type),
    };
  }

  it('shows the themes card on Component, API and System pages', () => {
    expect(cardFilter('entity-card:platform-roadmap/themes')).toEqual({
      kinds: ['Component', 'API', 'System'],
      type: 'content',
    });
  });

  it('shows the deprecation warning on consumers and the deprecation card on platform entities', () => {
    expect(
      cardFilter('entity-card:platform-roadmap/deprecation-warnings'),
    ).toEqual({ kinds: ['Component', 'Resource'], type: 'info' });
    expect(cardFilter('entity-card:platform-roadmap/deprecation')).toEqual({
      kinds: ['Component', 'API', 'System', 'Resource'],
      type: 'content',
    });
  });

  it('adds the org-wide page at /platform-roadmap with a sidebar item', () => {
    const tester = createExtensionTester(
      alphaPlugin.getExtension('page:platform-roadmap'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/platform-roadmap');
    expect(tester.get(coreExtensionData.title)).toBe('Platform roadmap');
  });

  it('adds the Customer review tab to platform teams only, and the impact card to every group', () => {
    const tester = createExtensionTester(
      alphaPlugin.getExtension(
        'entity-content:platform-roadmap/customer-review',
      ),
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(entityOfKind('Group'))).toBe(false);
    expect(
      filter({
        ...entityOfKind('Group'),
        metadata: {
          name: 'ci-build',
          annotations: { 'platform-roadmap/platform-team': 'true' },
        },
      }),
    ).toBe(true);
    expect(cardFilter('entity-card:platform-roadmap/impact')).toEqual({
      kinds: ['Group'],
      type: 'content',
    });
  });

  it('adds a Release notes tab to platform teams and to entities, not to other groups', () => {
    const tester = createExtensionTester(
      alphaPlugin.getExtension('entity-content:platform-roadmap/release-notes'),
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Release notes',
    );
    expect(
      ['Component', 'API', 'System', 'Resource', 'Group', 'User'].filter(kind =>
        filter(entityOfKind(kind)),
      ),
    ).toEqual(['Component', 'API', 'System', 'Resource']);
    expect(
      filter({
        ...entityOfKind('Group'),
        metadata: {
          name: 'ci-build',
          annotations: { 'platform-roadmap/platform-team': 'true' },
        },
      }),
    ).toBe(true);
  });

  it('shows the incoming themes card on Component and System pages', () => {
    expect(cardFilter('entity-card:platform-roadmap/incoming-themes')).toEqual({
      kinds: ['Component', 'System'],
      type: 'content',
    });
  });
});

describe('release notes and deprecations in a legacy app', () => {
  it('exports the tab and the cards from the package', () => {
    expect(publicApi.PlatformRoadmapPage).toBeDefined();
    expect(publicApi.EntityCustomerReviewContent).toBeDefined();
    expect(publicApi.EntityPlatformImpactCard).toBeDefined();
    expect(platformRoadmapPlugin.routes.root).toBe(publicApi.rootRouteRef);
    expect(publicApi.EntityReleaseNotesContent).toBeDefined();
    expect(publicApi.EntityDeprecationWarningCard).toBeDefined();
    expect(publicApi.EntityDeprecationCard).toBeDefined();
  });

  it('lazily renders the deprecation warning for the current entity', async () => {
    const api = mockPlatformRoadmapApi({
      getDeprecationWarnings: async () => ({
        entityRef: 'component:default/build-runner',
        items: [
          {
            deprecation: {
              id: 'd1',
              version: 1,
              teamRef: 'group:default/security',
              entityRef: 'component:default/legacy-sdk',
              announcedOn: '2026-11-01',
              sunsetOn: '2026-12-05',
              migrationGuideUrl: 'https://wiki.acme.example/sdk',
              description: '',
              status: 'migrating',
              consumerDepth: 1,
              createdBy: 'user:default/sec',
              createdAt: '2026-11-01T00:00:00Z',
              updatedAt: '2026-11-01T00:00:00Z',
            },
            usage: {
              entity: {
                entityRef: 'component:default/build-runner',
                kind: 'Component',
                name: 'build-runner',
                namespace: 'default',
              },
              relation: 'dependsOn',
              targetRef: 'component:default/legacy-sdk',
              depth: 1,
            },
            daysLeft: 12,
          },
        ],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <EntityProvider entity={buildRunner}>
          <publicApi.EntityDeprecationWarningCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('Deprecations affecting this component'),
    ).toBeInTheDocument();
    expect(screen.getByText(/12 days left/)).toBeInTheDocument();
    expect(api.getDeprecationWarnings).toHaveBeenCalledWith(
      'component:default/build-runner',
    );
  });
});

const releaseNoteDocument: PlatformRoadmapDocument = {
  kind: 'release-note',
  id: 'n1',
  title: 'Remote build cache',
  text: 'Builds now share a cache.',
  location: '/catalog/default/group/ci-build/release-notes?note=n1',
  teamRef: 'group:default/ci-build',
  status: 'feature',
  date: '2026-11-20',
};

function searchResult(type: string): SearchResult {
  return {
    type,
    document: {
      ...releaseNoteDocument,
      title: `A ${type} result`,
      location: `/${type}`,
    },
    rank: 1,
  };
}

describe('platform roadmap search results', () => {
  it('adds a search result item for platform-roadmap results on the new frontend system', async () => {
    const tester = createExtensionTester(
      alphaPlugin.getExtension('search-result-list-item:platform-roadmap'),
    );
    const item = tester.get(SearchResultListItemBlueprint.dataRefs.item);
    expect(item.predicate).toBeDefined();
    expect(
      ['platform-roadmap', 'software-catalog', 'techdocs', 'roadmap'].filter(
        type => item.predicate!(searchResult(type)),
      ),
    ).toEqual([PLATFORM_ROADMAP_SEARCH_TYPE]);

    const Item = item.component;
    renderInNewTestApp(<Item result={releaseNoteDocument} rank={1} />);
    expect(
      await screen.findByRole('link', { name: 'Remote build cache' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/release-notes?note=n1',
    );
    expect(screen.getByText('Type: Feature')).toBeInTheDocument();
  });

  it('adds "Platform roadmap" to the search page\'s result type filter', () => {
    const tester = createExtensionTester(
      alphaPlugin.getExtension('search-filter-result-type:platform-roadmap'),
    );
    expect(
      tester.get(SearchFilterResultTypeBlueprint.dataRefs.resultType),
    ).toMatchObject({
      value: PLATFORM_ROADMAP_SEARCH_TYPE,
      name: 'Platform roadmap',
    });
  });

  it('exports the legacy search result item from the package', () => {
    expect(publicApi.PlatformRoadmapSearchResultListItem).toBe(
      PlatformRoadmapSearchResultListItem,
    );
    expect(typeof PlatformRoadmapSearchResultListItem).toBe('function');
  });

  it('renders platform-roadmap results only, in a legacy SearchResult list, and records a click once', async () => {
    const analyticsApi = mockApis.analytics.mock();
    const roadmapResult: SearchResult = {
      type: PLATFORM_ROADMAP_SEARCH_TYPE,
      document: releaseNoteDocument,
      rank: 3,
    };
    await renderInTestApp(
      <TestApiProvider apis={[[analyticsApiRef, analyticsApi]]}>
        <SearchResultListItemExtensions
          results={[roadmapResult, searchResult('software-catalog')]}
        >
          <publicApi.PlatformRoadmapSearchResultListItem />
        </SearchResultListItemExtensions>
      </TestApiProvider>,
    );

    const link = await screen.findByRole('link', {
      name: 'Remote build cache',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/release-notes?note=n1',
    );
    expect(screen.getByText('Released 2026-11-20')).toBeInTheDocument();
    // the other result falls back to the default item, without the chips
    expect(
      screen.getByRole('link', { name: 'A software-catalog result' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/^Released /)).toHaveLength(1);

    await userEvent.click(link);
    expect(analyticsApi.captureEvent).toHaveBeenCalledTimes(1);
    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'discover',
        subject: 'Remote build cache',
        value: 3,
        attributes: expect.objectContaining({
          to: '/catalog/default/group/ci-build/release-notes?note=n1',
        }),
      }),
    );
  });
});
