import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
  textContentMatcher,
} from '@backstage/test-utils';
import { DeprecationView } from '@platform-roadmap/plugin-platform-roadmap-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { DeprecationItem } from './DeprecationItem';
import { deprecationView, GUIDE_URL } from './testData';

// usePermission caches decisions per resource across renders (SWR), so
// every test uses a team ref of its own.
async function renderItem(
  view: DeprecationView,
  options: {
    allowed?: boolean;
    onChanged?: () => void;
    api?: PlatformRoadmapApi;
  } = {},
) {
  const {
    allowed = false,
    onChanged,
    api = mockPlatformRoadmapApi(),
  } = options;
  const permissionApi = mockApis.permission({
    authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <DeprecationItem view={view} onChanged={onChanged} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { authorize };
}

describe('DeprecationItem', () => {
  it('shows what is going away, by when, what replaces it and the remaining consumers by team', async () => {
    await renderItem(deprecationView('group:default/item-read'));

    const item = screen.getByRole('article', {
      name: 'Build cache v1 deprecation',
    });
    expect(
      within(item).getByRole('heading', { name: 'Build cache v1' }),
    ).toBeInTheDocument();
    expect(within(item).getByText('Migrating')).toBeInTheDocument();
    expect(
      within(item).getByText(
        textContentMatcher(
          'Announced 2026-09-01 · Sunset 2026-12-31 · 12 days left',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(item).getByRole('link', { name: 'Build cache v2' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-cache-v2');
    const guide = within(item).getByRole('link', { name: /Migration guide/ });
    expect(guide).toHaveAttribute('href', GUIDE_URL);
    expect(guide).toHaveAttribute('target', '_blank');
    expect(guide).toHaveAttribute('rel', expect.stringContaining('noopener'));
    // The description is Markdown.
    expect(within(item).getByText('content-addressed').tagName).toBe('STRONG');

    expect(
      within(item).getByRole('heading', {
        name: '4 consumers in 2 teams remain',
      }),
    ).toBeInTheDocument();
    expect(
      within(item).getByRole('img', {
        name: 'Remaining consumers of Build cache v1: 7 on 2026-09-01, 4 today; sunset 2026-12-31',
      }),
    ).toBeInTheDocument();

    const teams = within(item).getByRole('list', {
      name: 'Teams still using Build cache v1',
    });
    expect(
      within(teams).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout');
    const checkout = within(teams).getByRole('list', {
      name: 'Consumers owned by Checkout',
    });
    expect(
      within(checkout)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['checkout-web depends on it', 'checkout-api consumes its API']);
    expect(
      within(checkout).getByRole('link', { name: 'checkout-web' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-web');
    const orders = within(teams).getByRole('list', {
      name: 'Consumers owned by orders',
    });
    expect(orders).toHaveTextContent(
      'order-service depends on it via build-runner',
    );
    expect(
      within(orders).getByRole('link', { name: 'build-runner' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-runner');
    const unowned = within(item).getByRole('list', {
      name: 'Consumers without a known owner',
    });
    expect(unowned).toHaveTextContent('legacy-batch depends on it');
    expect(within(teams).queryByText(/legacy-batch/)).toBeNull();
    expect(item).not.toHaveTextContent('cannot see');

    // Not editable without onChanged.
    expect(screen.queryByRole('button', { name: /^(Edit|Delete)/ })).toBeNull();
  });

  it('says when the sunset has passed, and when nobody is left', async () => {
    await renderItem(
      deprecationView('group:default/item-passed', {
        daysLeft: -3,
        consumingTeams: [],
        unownedConsumers: [],
        consumerCount: 0,
        teamCount: 0,
        replacementEntityRef: undefined,
        replacement: undefined,
        migrationGuideUrl: undefined,
      }),
    );
    const item = screen.getByRole('article', {
      name: 'Build cache v1 deprecation',
    });
    expect(item).toHaveTextContent('Sunset passed 3 days ago');
    expect(
      within(item).getByRole('heading', { name: 'No consumers remain' }),
    ).toBeInTheDocument();
    expect(within(item).queryByRole('list')).toBeNull();
    expect(
      within(item).queryByRole('link', { name: /Migration guide/ }),
    ).toBeNull();
    expect(item).not.toHaveTextContent('Replaced by');
  });

  it('counts consumers the viewer cannot see while the deprecation is live', async () => {
    await renderItem(
      deprecationView('group:default/item-hidden', { consumerCount: 6 }),
    );
    const item = screen.getByRole('article', {
      name: 'Build cache v1 deprecation',
    });
    expect(item).toHaveTextContent(
      '2 more consumers you cannot see in the catalog.',
    );
  });

  it('shows no countdown once complete, and the last count without guessing at hidden consumers', async () => {
    await renderItem(
      deprecationView('group:default/item-complete', {
        status: 'complete',
        entityVersion: undefined,
        consumerCount: 0,
        teamCount: 0,
        consumingTeams: [],
        unownedConsumers: [],
      }),
    );
    const item = screen.getByRole('article', {
      name: 'Build cache deprecation',
    });
    expect(within(item).getByText('Complete')).toBeInTheDocument();
    expect(
      within(item).getByText(
        textContentMatcher('Announced 2026-09-01 · Sunset 2026-12-31'),
      ),
    ).toBeInTheDocument();
    expect(item).not.toHaveTextContent('days left');
    expect(item).toHaveTextContent('No consumers remain');
    expect(item).not.toHaveTextContent('you cannot see');
  });

  it('says when the deprecated entity is not in the catalog', async () => {
    await renderItem(
      deprecationView('group:default/item-gone', {
        inCatalog: false,
        entity: undefined,
        consumerCount: 3,
        teamCount: 2,
        consumingTeams: [],
        unownedConsumers: [],
      }),
    );
    const item = screen.getByRole('article', { name: /deprecation$/ });
    expect(item).toHaveTextContent('3 consumers in 2 teams remain');
    expect(item).toHaveTextContent(
      'is not in the catalog, or not visible to you: the count is the last one recorded.',
    );
    expect(item).not.toHaveTextContent('you cannot see');
  });

  it('shows no edit or delete buttons to non-members', async () => {
    const teamRef = 'group:default/item-visitor';
    const { authorize } = await renderItem(deprecationView(teamRef), {
      onChanged: jest.fn(),
    });
    // The decision is in (and rendered) before looking for the buttons.
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await act(async () => {
      await authorize.mock.results[0].value;
    });
    expect(screen.queryByRole('button', { name: /^(Edit|Delete)/ })).toBeNull();
  });

  it('lets members delete it, after confirmation', async () => {
    const teamRef = 'group:default/item-delete';
    const onChanged = jest.fn();
    const api = mockPlatformRoadmapApi({
      deleteDeprecation: async () => undefined,
    });
    await renderItem(deprecationView(teamRef), {
      allowed: true,
      onChanged,
      api,
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Delete deprecation: Build cache v1',
      }),
    );
    let dialog = screen.getByRole('dialog', {
      name: 'Delete the deprecation of Build cache v1?',
    });
    expect(dialog).toHaveTextContent(
      'Teams that still use it stop being warned',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.deleteDeprecation).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Delete deprecation: Build cache v1',
      }),
    );
    dialog = screen.getByRole('dialog', {
      name: 'Delete the deprecation of Build cache v1?',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Yes, delete' }),
    );
    await waitFor(() =>
      expect(api.deleteDeprecation).toHaveBeenCalledWith('d-cache-v1', 3),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
