import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
  textContentMatcher,
} from '@backstage/test-utils';
import {
  EntitySummary,
  PlatformTeam,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { PlatformTeamRoadmap } from './PlatformTeamRoadmap';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';

const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'ci-build',
    namespace: 'default',
    title: 'CI & Build',
    annotations: { 'platform-roadmap/platform-team': 'true' },
  },
  spec: { type: 'team', children: [] },
};

const ciBuild: PlatformTeam['team'] = {
  entityRef: 'group:default/ci-build',
  kind: 'Group',
  name: 'ci-build',
  namespace: 'default',
  title: 'CI & Build',
};

const buildCache: EntitySummary = {
  entityRef: 'component:default/build-cache',
  kind: 'Component',
  name: 'build-cache',
  namespace: 'default',
  title: 'Build Cache',
  type: 'service',
};
const artifactApi: EntitySummary = {
  entityRef: 'api:default/artifact-api',
  kind: 'API',
  name: 'artifact-api',
  namespace: 'default',
  type: 'openapi',
};
const runnerPool: EntitySummary = {
  entityRef: 'resource:default/runner-pool',
  kind: 'Resource',
  name: 'runner-pool',
  namespace: 'default',
};

const checkout: EntitySummary = {
  entityRef: 'component:default/checkout',
  kind: 'Component',
  name: 'checkout',
  namespace: 'default',
  title: 'Checkout',
};
const ledger: EntitySummary = {
  entityRef: 'component:default/ledger',
  kind: 'Component',
  name: 'ledger',
  namespace: 'default',
  title: 'Ledger',
};
const indexer: EntitySummary = {
  entityRef: 'component:default/indexer',
  kind: 'Component',
  name: 'indexer',
  namespace: 'default',
};

const fullTeam: PlatformTeam = {
  team: ciBuild,
  platformEntities: [buildCache, artifactApi, runnerPool],
  consumingTeams: [
    {
      team: {
        entityRef: 'group:default/payments',
        kind: 'Group',
        name: 'payments',
        namespace: 'default',
        title: 'Payments',
      },
      // Two of Payments' entities depend on build-cache: it still counts as
      // one consuming team of build-cache.
      via: [
        {
          consumer: checkout,
          relation: 'dependsOn',
          platformEntityRef: buildCache.entityRef,
        },
        {
          consumer: ledger,
          relation: 'dependsOn',
          platformEntityRef: buildCache.entityRef,
        },
        {
          consumer: ledger,
          relation: 'consumesApi',
          platformEntityRef: artifactApi.entityRef,
        },
      ],
    },
    {
      team: {
        entityRef: 'group:default/search',
        kind: 'Group',
        name: 'search',
        namespace: 'default',
      },
      via: [
        {
          consumer: indexer,
          relation: 'dependsOn',
          platformEntityRef: buildCache.entityRef,
        },
      ],
    },
  ],
  unownedConsumerCount: 2,
};

function mockApi(getTeam: PlatformRoadmapApi['getTeam']) {
  return mockPlatformRoadmapApi({ getTeam });
}

async function renderRoadmap(api: PlatformRoadmapApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={groupEntity}>
        <PlatformTeamRoadmap />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The body rows of a table (every row but the header row). */
function bodyRows(table: HTMLElement) {
  const [, ...rows] = within(table).getAllByRole('row');
  return rows;
}

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);
}

describe('PlatformTeamRoadmap', () => {
  it('shows a progress indicator while the team is loading', async () => {
    const api = mockApi(() => new Promise<PlatformTeam>(() => {}));
    await renderRoadmap(api);

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.queryByText('No platform entities yet'),
    ).not.toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith('group:default/ci-build');
  });

  it('shows the error when the team cannot be loaded', async () => {
    const api = mockApi(() =>
      Promise.reject(new Error('Catalog is unreachable')),
    );
    await renderRoadmap(api);

    expect(
      await screen.findAllByText(textContentMatcher('Catalog is unreachable')),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith('group:default/ci-build');
  });

  it("shows the backend's message for a ResponseError", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: 'No platform team group:default/ci-build',
        },
        request: {
          method: 'GET',
          url: '/api/platform-roadmap/teams/default/ci-build',
        },
        response: { statusCode: 404 },
      }),
      {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    const api = mockApi(() => Promise.reject(error));
    await renderRoadmap(api);

    expect(
      await screen.findAllByText(
        textContentMatcher('Request failed with 404 Not Found'),
      ),
    ).not.toHaveLength(0);
    expect(
      screen.getAllByText(
        textContentMatcher('No platform team group:default/ci-build'),
      ),
    ).not.toHaveLength(0);
  });

  it('shows an empty state when the team has no platform entities', async () => {
    const api = mockApi(async () => ({
      team: ciBuild,
      platformEntities: [],
      consumingTeams: [],
      unownedConsumerCount: 0,
    }));
    await renderRoadmap(api);

    expect(
      await screen.findByText('No platform entities yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledTimes(1);
    expect(api.getTeam).toHaveBeenCalledWith('group:default/ci-build');
  });

  describe('with a platform team and its consumers', () => {
    it('summarises the counts', async () => {
      const api = mockApi(async () => fullTeam);
      await renderRoadmap(api);

      expect(
        await screen.findByText(
          textContentMatcher(
            'CI & Build runs 3 platform entities used by 2 consuming teams through 4 dependencies.',
          ),
        ),
      ).toBeInTheDocument();
      expect(api.getTeam).toHaveBeenCalledWith('group:default/ci-build');
      expect(
        screen.queryByText('No platform entities yet'),
      ).not.toBeInTheDocument();
    });

    it('lists the platform entities with their consuming team counts', async () => {
      await renderRoadmap(mockApi(async () => fullTeam));

      expect(
        await screen.findByText('Platform entities (3)'),
      ).toBeInTheDocument();
      const table = screen.getByRole('table', { name: 'Platform entities' });
      const rows = bodyRows(table);
      expect(rows.map(cellTexts)).toEqual([
        ['Build Cache', 'Component', 'service', '2'],
        ['artifact-api', 'API', 'openapi', '1'],
        ['runner-pool', 'Resource', '—', '0'],
      ]);
      expect(
        within(rows[0]).getByRole('link', { name: 'Build Cache' }),
      ).toHaveAttribute('href', '/catalog/default/component/build-cache');
      expect(
        within(rows[1]).getByRole('link', { name: 'artifact-api' }),
      ).toHaveAttribute('href', '/catalog/default/api/artifact-api');
      expect(
        within(rows[2]).getByRole('link', { name: 'runner-pool' }),
      ).toHaveAttribute('href', '/catalog/default/resource/runner-pool');
    });

    it('lists each consuming team with what uses what', async () => {
      await renderRoadmap(mockApi(async () => fullTeam));

      expect(
        await screen.findByText('Consuming teams (2)'),
      ).toBeInTheDocument();
      const table = screen.getByRole('table', { name: 'Consuming teams' });
      const [payments, search, ...rest] = bodyRows(table);
      expect(rest).toHaveLength(0);

      const paymentsCells = within(payments).getAllByRole('cell');
      expect(
        within(paymentsCells[0]).getByRole('link', { name: 'Payments' }),
      ).toHaveAttribute('href', '/catalog/default/group/payments');
      const paymentsLines = within(paymentsCells[1]).getAllByText(
        (_, el) => el?.tagName === 'P',
      );
      expect(paymentsLines.map(line => line.textContent)).toEqual([
        'Checkout depends on Build Cache',
        'Ledger depends on Build Cache',
        'Ledger consumes artifact-api',
      ]);
      const [ledger2, artifact] = within(paymentsLines[2]).getAllByRole('link');
      expect(ledger2).toHaveAttribute(
        'href',
        '/catalog/default/component/ledger',
      );
      expect(artifact).toHaveAttribute(
        'href',
        '/catalog/default/api/artifact-api',
      );

      const searchCells = within(search).getAllByRole('cell');
      expect(
        within(searchCells[0]).getByRole('link', { name: 'search' }),
      ).toHaveAttribute('href', '/catalog/default/group/search');
      const searchLines = within(searchCells[1]).getAllByText(
        (_, el) => el?.tagName === 'P',
      );
      expect(searchLines).toHaveLength(1);
      expect(searchLines[0].textContent).toBe('indexer depends on Build Cache');
      const [indexerLink, buildCacheLink] = within(searchLines[0]).getAllByRole(
        'link',
      );
      expect(indexerLink).toHaveAttribute(
        'href',
        '/catalog/default/component/indexer',
      );
      expect(buildCacheLink).toHaveAttribute(
        'href',
        '/catalog/default/component/build-cache',
      );
    });

    it('counts consumers with no visible owner', async () => {
      await renderRoadmap(mockApi(async () => fullTeam));

      expect(
        await screen.findByText(
          textContentMatcher(
            '2 more consuming entities have no owner you can see.',
          ),
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByText(
          "No team depends on this team's platform entities yet.",
        ),
      ).not.toBeInTheDocument();
    });
  });

  it('says so when no team consumes the platform entities', async () => {
    const api = mockApi(async () => ({
      team: ciBuild,
      platformEntities: [buildCache],
      consumingTeams: [],
      unownedConsumerCount: 1,
    }));
    await renderRoadmap(api);

    expect(
      await screen.findByText(
        "No team depends on this team's platform entities yet.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        textContentMatcher(
          'CI & Build runs 1 platform entity used by 0 consuming teams through 0 dependencies.',
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Consuming teams (0)')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Consuming teams' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        textContentMatcher('1 more consuming entity has no owner you can see.'),
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Platform entities' });
    expect(bodyRows(table).map(cellTexts)).toEqual([
      ['Build Cache', 'Component', 'service', '0'],
    ]);
  });

  it('uses singular wording and the team name when there is one of each', async () => {
    const { title: _title, ...untitledTeam } = ciBuild;
    await renderRoadmap(
      mockApi(async () => ({
        team: untitledTeam,
        platformEntities: [buildCache],
        consumingTeams: [
          {
            team: fullTeam.consumingTeams[1].team,
            via: fullTeam.consumingTeams[1].via,
          },
        ],
        unownedConsumerCount: 0,
      })),
    );

    expect(
      await screen.findByText(
        textContentMatcher(
          'ci-build runs 1 platform entity used by 1 consuming team through 1 dependency.',
        ),
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Platform entities' });
    expect(bodyRows(table).map(cellTexts)).toEqual([
      ['Build Cache', 'Component', 'service', '1'],
    ]);
  });

  it('hides the no-owner caption when every consumer has a visible owner', async () => {
    await renderRoadmap(
      mockApi(async () => ({ ...fullTeam, unownedConsumerCount: 0 })),
    );

    expect(await screen.findByText('Consuming teams (2)')).toBeInTheDocument();
    expect(screen.queryByText(/no owner you can see/)).not.toBeInTheDocument();
  });

  it('names the teams that started consuming since the baseline snapshot', async () => {
    await renderRoadmap(
      mockApi(async () => ({
        ...fullTeam,
        consumerHistory: {
          since: '2026-10-24',
          newConsumingTeams: [fullTeam.consumingTeams[1].team],
        },
      })),
    );

    const line = await screen.findByText(
      textContentMatcher('1 new consuming team since 2026-10-24: search.'),
    );
    expect(within(line).getByRole('link', { name: 'search' })).toHaveAttribute(
      'href',
      '/catalog/default/group/search',
    );
  });

  it('says when no team started consuming since the baseline', async () => {
    await renderRoadmap(
      mockApi(async () => ({
        ...fullTeam,
        consumerHistory: { since: '2026-11-23', newConsumingTeams: [] },
      })),
    );
    expect(
      await screen.findByText('No new consuming teams since 2026-11-23.'),
    ).toBeInTheDocument();
  });

  it('shows no history line before the first snapshot', async () => {
    await renderRoadmap(mockApi(async () => fullTeam));
    expect(await screen.findByText('Consuming teams (2)')).toBeInTheDocument();
    expect(screen.queryByText(/new consuming team/)).not.toBeInTheDocument();
  });
});
