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
import { IncomingRoadmap } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { keyResult, theme } from '../EntityThemesCard/testFixtures';
import { IncomingThemesCard } from './IncomingThemesCard';

const ENTITY_REF = 'component:default/checkout';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

async function renderCard(api: PlatformRoadmapApi, entity = checkout) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={entity}>
        <IncomingThemesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function apiReturning(incoming: IncomingRoadmap) {
  return mockPlatformRoadmapApi({ getIncomingRoadmap: async () => incoming });
}

const fasterCi = {
  theme: theme({}),
  via: ['component:default/build-runner', 'resource:default/build-cache'],
  keyResults: [keyResult({})],
};
const trustedBuilds = {
  theme: theme({
    id: 'theme-2',
    title: 'Builds you can trust',
    category: 'reliability' as const,
    status: 'committed' as const,
    period: '2026',
    outcome: 'Fewer than 1% flaky builds',
  }),
  via: ['component:default/build-runner'],
  keyResults: [
    keyResult({
      id: 'kr-2',
      title: 'Flaky builds below 1%',
      unit: '%',
      baseline: 6,
      target: 1,
      current: 5,
      progress: {
        progress: 0.2,
        elapsed: 0.5,
        status: 'at-risk',
        achieved: false,
        explanation: '20%',
      },
    }),
  ],
};
const sso = {
  theme: theme({
    id: 'theme-3',
    teamRef: 'group:default/identity',
    title: 'Single sign-on everywhere',
    category: 'capability' as const,
    status: 'committed' as const,
    outcome: 'Every internal tool behind SSO',
  }),
  via: ['api:default/auth-api'],
  keyResults: [],
};

describe('IncomingThemesCard', () => {
  it('shows a progress indicator while loading', async () => {
    const api = mockPlatformRoadmapApi({
      getIncomingRoadmap: () => new Promise(() => {}),
    });
    await renderCard(api);

    expect(screen.getByText('Coming from your platforms')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('groups the committed themes by platform team, with why they matter', async () => {
    const api = apiReturning({
      entityRef: ENTITY_REF,
      teams: [
        {
          teamRef: 'group:default/ci-build',
          title: 'CI & Build',
          themes: [fasterCi, trustedBuilds],
        },
        { teamRef: 'group:default/identity', themes: [sso] },
      ],
    });
    await renderCard(api);

    const ciBuild = await screen.findByRole('region', { name: 'CI & Build' });
    expect(
      within(ciBuild).getByRole('link', { name: 'CI & Build' }),
    ).toHaveAttribute('href', '/catalog/default/group/ci-build');

    const faster = within(ciBuild).getByRole('region', { name: 'Faster CI' });
    expect(within(faster).getByText('In progress')).toBeInTheDocument();
    expect(within(faster).getByText('Q4 2026')).toBeInTheDocument();
    expect(
      within(faster).getByText('Outcome: p99 CI build under 8 minutes'),
    ).toBeInTheDocument();
    expect(
      within(faster).getByText(
        textContentMatcher(
          'Because this component uses build-runner, build-cache',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(faster).getByRole('link', { name: 'build-runner' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-runner');
    expect(
      within(faster).getByRole('link', { name: 'build-cache' }),
    ).toHaveAttribute('href', '/catalog/default/resource/build-cache');
    expect(within(faster).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '50',
    );

    const trusted = within(ciBuild).getByRole('region', {
      name: 'Builds you can trust',
    });
    expect(within(trusted).getByText('Committed')).toBeInTheDocument();
    expect(within(trusted).getByText('2026')).toBeInTheDocument();
    expect(
      within(trusted).getByText(
        textContentMatcher('Because this component uses build-runner'),
      ),
    ).toBeInTheDocument();
    expect(
      within(trusted).getByRole('progressbar', {
        name: 'Flaky builds below 1%: 20% of the way to target',
      }),
    ).toHaveAttribute('aria-valuenow', '20');

    // A team without a title is named by its entity ref.
    const identity = screen.getByRole('region', { name: 'identity' });
    expect(
      within(identity).queryByRole('region', { name: 'Faster CI' }),
    ).not.toBeInTheDocument();
    const ssoRegion = within(identity).getByRole('region', {
      name: 'Single sign-on everywhere',
    });
    expect(
      within(ssoRegion).getByText(
        textContentMatcher('Because this component uses auth-api'),
      ),
    ).toBeInTheDocument();
    expect(
      within(ssoRegion).getByText('No key results yet.'),
    ).toBeInTheDocument();
    expect(within(ciBuild).queryByText('Single sign-on everywhere')).toBeNull();

    expect(api.getIncomingRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getIncomingRoadmap).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('names the kind of entity in why a theme matters', async () => {
    const api = apiReturning({
      entityRef: 'system:default/payments',
      teams: [{ teamRef: 'group:default/identity', themes: [sso] }],
    });
    await renderCard(api, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'payments' },
      spec: { owner: 'group:default/payments' },
    });

    expect(
      await screen.findByText(
        textContentMatcher('Because this system uses auth-api'),
      ),
    ).toBeInTheDocument();
    expect(api.getIncomingRoadmap).toHaveBeenCalledWith(
      'system:default/payments',
    );
  });

  it('says so when no platform it depends on has committed themes', async () => {
    const api = apiReturning({
      entityRef: ENTITY_REF,
      teams: [
        { teamRef: 'group:default/ci-build', title: 'CI & Build', themes: [] },
      ],
    });
    await renderCard(api);

    expect(
      await screen.findByText(
        'None of the platforms this component depends on has committed themes.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(api.getIncomingRoadmap).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when it depends on no platform', async () => {
    const api = apiReturning({ entityRef: ENTITY_REF, teams: [] });
    const { container } = await renderCard(api);

    await waitFor(() => expect(container).toBeEmptyDOMElement());
    expect(
      screen.queryByText('Coming from your platforms'),
    ).not.toBeInTheDocument();
    expect(api.getIncomingRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getIncomingRoadmap).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('shows the error when the themes cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getIncomingRoadmap: () => Promise.reject(new Error('Backend is down')),
    });
    await renderCard(api);

    expect(
      await screen.findAllByText(textContentMatcher('Backend is down')),
    ).not.toHaveLength(0);
    expect(screen.getByText('Coming from your platforms')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
