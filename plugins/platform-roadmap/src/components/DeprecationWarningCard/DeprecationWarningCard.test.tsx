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
import { DeprecationWarning } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import {
  buildRunner,
  consumer,
  deprecationWarning,
  GUIDE_URL,
} from '../Deprecations/testData';
import { DeprecationWarningCard } from './DeprecationWarningCard';

const ENTITY_REF = 'component:default/checkout-web';

const checkoutWeb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-web', namespace: 'default' },
  spec: { type: 'website', owner: 'group:default/checkout' },
};

async function renderCard(api: PlatformRoadmapApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={checkoutWeb}>
        <DeprecationWarningCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function apiReturning(items: DeprecationWarning[]) {
  return mockPlatformRoadmapApi({
    getDeprecationWarnings: async entityRef => ({ entityRef, items }),
  });
}

describe('DeprecationWarningCard', () => {
  it('warns about what this entity uses that is going away, most urgent first', async () => {
    const base = deprecationWarning();
    const runner = deprecationWarning({
      deprecation: {
        ...base.deprecation,
        id: 'd-runner',
        entityRef: buildRunner.entityRef,
        entityVersion: undefined,
        sunsetOn: '2026-12-16',
        replacementEntityRef: undefined,
        migrationGuideUrl: undefined,
      },
      entity: undefined,
      replacement: undefined,
      usage: consumer(ENTITY_REF, {
        relation: 'consumesApi',
        targetRef: 'api:default/runner-api',
        depth: 2,
      }),
      daysLeft: -3,
    });
    const api = apiReturning([base, runner]);
    await renderCard(api);

    expect(
      await screen.findByText('Deprecations affecting this component'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('article').map(a => a.getAttribute('aria-label')),
    ).toEqual(['build-runner deprecation', 'Build cache v1 deprecation']);

    const cache = screen.getByRole('article', {
      name: 'Build cache v1 deprecation',
    });
    expect(
      within(cache).getByRole('heading', {
        name: 'Build cache v1 is deprecated',
      }),
    ).toBeInTheDocument();
    expect(
      within(cache).getByRole('link', { name: 'Build cache' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-cache');
    expect(within(cache).getByText('12 days left')).toBeInTheDocument();
    expect(
      within(cache).getByText(
        textContentMatcher(
          'Sunset on 2026-12-31. This component depends on it.',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(cache).getByRole('link', { name: 'Build cache v2' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-cache-v2');
    const guide = within(cache).getByRole('link', { name: /Migration guide/ });
    expect(guide).toHaveAttribute('href', GUIDE_URL);
    expect(guide).toHaveAttribute('target', '_blank');

    const passed = screen.getByRole('article', {
      name: 'build-runner deprecation',
    });
    expect(
      within(passed).getByText('Sunset passed 3 days ago'),
    ).toBeInTheDocument();
    expect(
      within(passed).getByText(
        textContentMatcher(
          'Sunset on 2026-12-16. This component consumes its API via runner-api.',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(passed).getByRole('link', { name: 'runner-api' }),
    ).toHaveAttribute('href', '/catalog/default/api/runner-api');
    expect(
      within(passed).queryByRole('link', { name: /Migration guide/ }),
    ).toBeNull();

    expect(api.getDeprecationWarnings).toHaveBeenCalledTimes(1);
    expect(api.getDeprecationWarnings).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('renders nothing when nothing it uses is deprecated', async () => {
    const api = apiReturning([]);
    const { container } = await renderCard(api);

    await waitFor(() => expect(api.getDeprecationWarnings).toHaveBeenCalled());
    await waitFor(() => expect(container).toBeEmptyDOMElement());
    expect(screen.queryByText(/Deprecations affecting/)).toBeNull();
  });

  it('shows a progress indicator while loading', async () => {
    await renderCard(
      mockPlatformRoadmapApi({
        getDeprecationWarnings: () => new Promise(() => {}),
      }),
    );
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows the error when the warnings cannot be loaded', async () => {
    await renderCard(
      mockPlatformRoadmapApi({
        getDeprecationWarnings: () =>
          Promise.reject(new Error('Backend is down')),
      }),
    );
    expect(
      (await screen.findAllByText(/Backend is down/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('Deprecations affecting this component'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
