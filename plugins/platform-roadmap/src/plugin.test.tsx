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
import { EntityPlatformRoadmapContent, platformRoadmapPlugin } from './plugin';

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
