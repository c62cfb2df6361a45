import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
  textContentMatcher,
} from '@backstage/test-utils';
import { EntityRoadmap } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { EntityThemesCard } from './EntityThemesCard';
import { keyResult, theme, themeView as view } from './testFixtures';

const ENTITY_REF = 'component:default/build-runner';
const TEAM_REF = 'group:default/ci-build';

const buildRunner: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'build-runner', namespace: 'default' },
  spec: { type: 'service', owner: TEAM_REF },
};

async function renderCard(api: PlatformRoadmapApi, entity = buildRunner) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityThemesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function apiReturning(roadmap: EntityRoadmap) {
  return mockPlatformRoadmapApi({ getEntityRoadmap: async () => roadmap });
}

describe('EntityThemesCard', () => {
  it('shows a progress indicator while the roadmap loads', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRoadmap: () => new Promise(() => {}),
    });
    await renderCard(api);

    expect(screen.getByText('Platform roadmap')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('lists the themes that concern the entity with their key results', async () => {
    const api = apiReturning({
      entityRef: ENTITY_REF,
      teamRef: TEAM_REF,
      themes: [
        view(theme({}), [
          [keyResult({})],
          [
            keyResult({
              id: 'kr-2',
              title: 'Cache hit rate above 90%',
              unit: '%',
              baseline: 40,
              target: 90,
              current: 80,
              direction: 'increase',
              progress: {
                progress: 0.8,
                elapsed: 0.5,
                status: 'on-track',
                achieved: false,
                explanation: '80%',
              },
            }),
          ],
        ]),
        view(
          theme({
            id: 'theme-2',
            title: 'Builds you can trust',
            category: 'reliability',
            status: 'committed',
            period: '2026',
            outcome: 'Fewer than 1% flaky builds',
          }),
          [],
        ),
      ],
    });
    await renderCard(api);

    const faster = await screen.findByRole('region', { name: 'Faster CI' });
    expect(within(faster).getByText('Velocity')).toBeInTheDocument();
    expect(within(faster).getByText('In progress')).toBeInTheDocument();
    expect(within(faster).getByText('Q4 2026')).toBeInTheDocument();
    expect(
      within(faster).getByText('Outcome: p99 CI build under 8 minutes'),
    ).toBeInTheDocument();
    // The key results of every objective, flattened.
    const bars = within(faster).getAllByRole('progressbar');
    expect(
      bars.map(bar => [
        bar.getAttribute('aria-label'),
        bar.getAttribute('aria-valuenow'),
      ]),
    ).toEqual([
      [
        'Reduce p99 CI build time from 18 min to 8 min: 50% of the way to target',
        '50',
      ],
      ['Cache hit rate above 90%: 80% of the way to target', '80'],
    ]);

    const trust = screen.getByRole('region', { name: 'Builds you can trust' });
    expect(within(trust).getByText('Reliability')).toBeInTheDocument();
    expect(within(trust).getByText('Committed')).toBeInTheDocument();
    expect(within(trust).getByText('2026')).toBeInTheDocument();
    expect(within(trust).getByText('No key results yet.')).toBeInTheDocument();
    expect(within(trust).queryByRole('progressbar')).not.toBeInTheDocument();

    // The owning team, and its Roadmap tab.
    expect(
      screen.getByText(textContentMatcher('Owned by ci-build')),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ci-build' })).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build',
    );
    expect(
      screen.getByRole('link', { name: "See the team's roadmap" }),
    ).toHaveAttribute('href', '/catalog/default/group/ci-build/roadmap');

    expect(api.getEntityRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getEntityRoadmap).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('says so when no theme of the platform team concerns the entity', async () => {
    const api = apiReturning({
      entityRef: ENTITY_REF,
      teamRef: TEAM_REF,
      themes: [],
    });
    await renderCard(api);

    expect(
      await screen.findByText(
        textContentMatcher(
          'No themes or key results of ci-build concern this entity yet.',
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: "See the team's roadmap" }),
    ).toHaveAttribute('href', '/catalog/default/group/ci-build/roadmap');
    expect(api.getEntityRoadmap).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when the owner is not a platform team', async () => {
    const api = apiReturning({ entityRef: ENTITY_REF, themes: [] });
    const { container } = await renderCard(api);

    await waitFor(() => expect(container).toBeEmptyDOMElement());
    expect(screen.queryByText('Platform roadmap')).not.toBeInTheDocument();
    expect(api.getEntityRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getEntityRoadmap).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('shows the error when the roadmap cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRoadmap: () => Promise.reject(new Error('Backend is down')),
    });
    await renderCard(api);

    expect(
      await screen.findAllByText(textContentMatcher('Backend is down')),
    ).not.toHaveLength(0);
    expect(screen.getByText('Platform roadmap')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: "See the team's roadmap" }),
    ).not.toBeInTheDocument();
  });

  it('asks for the roadmap of the current entity by its full ref', async () => {
    const api = apiReturning({ entityRef: '', themes: [] });
    await renderCard(api, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'builds-api', namespace: 'tooling' },
      spec: { type: 'openapi', owner: TEAM_REF },
    });
    expect(api.getEntityRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getEntityRoadmap).toHaveBeenCalledWith('api:tooling/builds-api');
  });
});
