import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import {
  buildRunner,
  deprecationView,
  platformTeam,
  responseError,
} from './testData';
import { TeamDeprecations } from './TeamDeprecations';

// usePermission caches decisions per permission and resource across
// renders (SWR), so every test uses a team ref of its own.
async function renderList(
  api: PlatformRoadmapApi,
  allowed: boolean,
  teamRef: string,
) {
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
      <TeamDeprecations teamRef={teamRef} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  /** Resolves once the permission decision is in and rendered. */
  return async () => {
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await act(async () => {
      await authorize.mock.results[0].value;
    });
  };
}

/** Three deprecations, returned out of order. */
function threeDeprecations(teamRef: string) {
  return [
    deprecationView(teamRef, {
      id: 'd-old-runner',
      entityRef: buildRunner.entityRef,
      entity: buildRunner,
      entityVersion: undefined,
      status: 'complete',
      sunsetOn: '2026-06-30',
    }),
    deprecationView(teamRef, {
      id: 'd-cache-v2-api',
      entityVersion: 'v2 API',
      status: 'announced',
      sunsetOn: '2027-06-30',
      daysLeft: 193,
    }),
    deprecationView(teamRef),
  ];
}

describe('TeamDeprecations', () => {
  it('shows a progress indicator while loading', async () => {
    await renderList(
      mockPlatformRoadmapApi({
        getTeamDeprecations: () => new Promise(() => {}),
      }),
      false,
      'group:default/deprecations-loading',
    );
    expect(screen.getByText('Deprecations')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows the error when the deprecations cannot be loaded', async () => {
    await renderList(
      mockPlatformRoadmapApi({
        getTeamDeprecations: async () => {
          throw new Error('deprecations exploded');
        },
      }),
      false,
      'group:default/deprecations-broken',
    );
    expect(
      (await screen.findAllByText(/deprecations exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says when nothing is deprecated, with a button to announce for members', async () => {
    const teamRef = 'group:default/deprecations-empty-member';
    const api = mockPlatformRoadmapApi({
      getTeamDeprecations: async () => ({ items: [] }),
      getTeam: async ref => platformTeam(ref),
    });
    await renderList(api, true, teamRef);
    expect(
      await screen.findByText('No deprecations announced'),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Announce deprecation' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Announce a deprecation' }),
    ).toBeInTheDocument();
    expect(api.getTeamDeprecations).toHaveBeenCalledWith(teamRef);
  });

  it('shows no announce button to non-members', async () => {
    const teamRef = 'group:default/deprecations-empty-visitor';
    const decided = await renderList(
      mockPlatformRoadmapApi({
        getTeamDeprecations: async () => ({ items: [] }),
      }),
      false,
      teamRef,
    );
    expect(
      await screen.findByText('No deprecations announced'),
    ).toBeInTheDocument();
    await decided();
    expect(screen.queryByRole('button', { name: /Announce/ })).toBeNull();
  });

  it('lists active deprecations first, soonest sunset first, without buttons for non-members', async () => {
    const teamRef = 'group:default/deprecations-visitor';
    const decided = await renderList(
      mockPlatformRoadmapApi({
        getTeamDeprecations: async ref => ({ items: threeDeprecations(ref) }),
      }),
      false,
      teamRef,
    );
    await screen.findByRole('article', { name: 'Build cache v1 deprecation' });
    expect(
      screen.getAllByRole('article').map(a => a.getAttribute('aria-label')),
    ).toEqual([
      'Build cache v1 deprecation',
      'Build cache v2 API deprecation',
      'build-runner deprecation',
    ]);
    expect(
      screen.getByRole('heading', { name: 'Complete or cancelled (1)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'Build cache v1 deprecation' }),
    ).toHaveTextContent('12 days left');
    await decided();
    expect(
      screen.queryAllByRole('button', { name: /^(Announce|Edit|Delete)/ }),
    ).toEqual([]);
  });

  it('says when a team has more deprecations than the list holds', async () => {
    const teamRef = 'group:default/deprecations-many';
    await renderList(
      mockPlatformRoadmapApi({
        getTeamDeprecations: async ref => ({
          items: threeDeprecations(ref),
          totals: { active: 140, finished: 75 },
        }),
      }),
      false,
      teamRef,
    );
    expect(
      await screen.findByText(
        'The 2 active deprecations with the soonest sunsets, of 140.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Complete or cancelled (75)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The latest 1 of 75.')).toBeInTheDocument();
  });

  it('lets members announce a deprecation, then reloads the list', async () => {
    const teamRef = 'group:default/deprecations-announce';
    const api = mockPlatformRoadmapApi({
      getTeamDeprecations: async ref => ({ items: threeDeprecations(ref) }),
      getTeam: async ref => platformTeam(ref),
      announceDeprecation: async ref => deprecationView(ref),
    });
    await renderList(api, true, teamRef);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Announce deprecation' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Announce a deprecation',
    });
    const entity = await within(dialog).findByLabelText(/Deprecated entity/);
    await userEvent.selectOptions(
      entity,
      'Build cache v2 (component:default/build-cache-v2)',
    );
    const sunset = within(dialog).getByLabelText(/Sunset on/);
    await userEvent.type(sunset, '2099-12-31');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    await waitFor(() =>
      expect(api.announceDeprecation).toHaveBeenCalledWith(
        teamRef,
        expect.objectContaining({
          entityRef: 'component:default/build-cache-v2',
          sunsetOn: '2099-12-31',
          status: 'announced',
          consumerDepth: 1,
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(api.getTeamDeprecations).toHaveBeenCalledTimes(2),
    );
  }, 30_000);

  it('edits with the version seen, and offers a reload after a conflict', async () => {
    const teamRef = 'group:default/deprecations-conflict';
    const conflict = await responseError(
      409,
      'deprecation d-cache-v1 was changed by someone else (version 4, not 3)',
    );
    const api = mockPlatformRoadmapApi({
      getTeamDeprecations: async ref => ({ items: threeDeprecations(ref) }),
      getTeam: async ref => platformTeam(ref),
      updateDeprecation: async () => {
        throw conflict;
      },
    });
    await renderList(api, true, teamRef);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit deprecation: Build cache v1',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit deprecation: Build cache v1',
    });
    const sunset = await within(dialog).findByLabelText(/Sunset on/);
    await userEvent.clear(sunset);
    await userEvent.type(sunset, '2027-01-31');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save deprecation' }),
    );
    await waitFor(() =>
      expect(api.updateDeprecation).toHaveBeenCalledWith(
        'd-cache-v1',
        expect.objectContaining({ version: 3, sunsetOn: '2027-01-31' }),
      ),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'deprecation d-cache-v1 was changed by someone else (version 4, not 3)',
    );
    expect(alert).toHaveTextContent('Someone else changed this');
    expect(api.getTeamDeprecations).toHaveBeenCalledTimes(1);
    await userEvent.click(
      within(alert).getByRole('button', { name: /Reload/ }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(api.getTeamDeprecations).toHaveBeenCalledTimes(2),
    );
  }, 30_000);
});
