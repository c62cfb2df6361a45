import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { EntityDeprecationsCard } from './EntityDeprecationsCard';
import { deprecationView } from './testData';

const ENTITY_REF = 'component:default/build-cache';

const buildCache: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'build-cache', namespace: 'default', title: 'Build cache' },
  spec: { type: 'service', owner: 'group:default/ci-build' },
};

async function renderCard(api: PlatformRoadmapApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
      ]}
    >
      <EntityProvider entity={buildCache}>
        <EntityDeprecationsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityDeprecationsCard', () => {
  it('shows the deprecation of the entity with its burn-down and consumers', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityDeprecations: async () => ({
        items: [deprecationView('group:default/ci-build')],
      }),
    });
    await renderCard(api);

    const item = await screen.findByRole('article', {
      name: 'Build cache v1 deprecation',
    });
    expect(screen.getByText('Deprecation')).toBeInTheDocument();
    expect(item).toHaveTextContent('12 days left');
    expect(
      within(item).getByRole('img', { name: /^Remaining consumers of/ }),
    ).toBeInTheDocument();
    expect(
      within(item).getByRole('list', { name: 'Consumers owned by Checkout' }),
    ).toBeInTheDocument();
    expect(api.getEntityDeprecations).toHaveBeenCalledTimes(1);
    expect(api.getEntityDeprecations).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('renders nothing when the entity is not deprecated', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityDeprecations: async () => ({ items: [] }),
    });
    const { container } = await renderCard(api);

    await waitFor(() => expect(api.getEntityDeprecations).toHaveBeenCalled());
    await waitFor(() => expect(container).toBeEmptyDOMElement());
    expect(screen.queryByText('Deprecation')).toBeNull();
  });

  it('shows the error when the deprecations cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityDeprecations: () => Promise.reject(new Error('Backend is down')),
    });
    await renderCard(api);

    expect(
      (await screen.findAllByText(/Backend is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Deprecation')).toBeInTheDocument();
  });
});
