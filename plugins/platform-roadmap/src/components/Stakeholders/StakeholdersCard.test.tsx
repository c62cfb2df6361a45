import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Stakeholder } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { StakeholdersCard } from './StakeholdersCard';
import { responseError, stakeholder, stakeholdersFixture } from './testData';

// usePermission caches decisions per permission and resource across
// renders (SWR), so every test uses a team ref of its own.
async function renderCard(
  api: PlatformRoadmapApi,
  allowed: boolean,
  teamRef: string,
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <StakeholdersCard teamRef={teamRef} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The text of each item of a list. */
function items(list: HTMLElement) {
  return within(list)
    .getAllByRole('listitem')
    .map(li => li.textContent);
}

describe('StakeholdersCard', () => {
  it('lists the consuming teams and the stakeholders written down, by kind', async () => {
    const teamRef = 'group:default/stakeholders-read';
    const api = mockPlatformRoadmapApi({
      getStakeholders: async ref => stakeholdersFixture(ref),
    });
    await renderCard(api, false, teamRef);

    const consuming = await screen.findByRole('list', {
      name: 'Consuming teams',
    });
    expect(items(consuming)).toEqual([
      'Checkout — 3 entities depend on the platform',
      'orders — 1 entity depends on the platform',
    ]);
    expect(
      within(consuming).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout');
    expect(
      screen.getByRole('heading', { name: 'Consuming teams (2)' }),
    ).toBeInTheDocument();

    // Groups in the fixed order of kinds, only those with someone in them.
    const also = screen.getByRole('region', { name: 'Also answering to' });
    expect(
      within(also)
        .getAllByRole('heading', { level: 4 })
        .map(h => h.textContent),
    ).toEqual(['Leadership that funds us', 'Security', 'Vendors']);

    const leadership = within(also).getByRole('list', {
      name: 'Leadership that funds us',
    });
    expect(leadership).toHaveTextContent('VP Engineering');
    expect(leadership).toHaveTextContent(
      'Funds the team; wants the quarterly review.',
    );
    expect(
      within(leadership).getByRole('link', { name: 'carol@example.com' }),
    ).toHaveAttribute('href', 'mailto:carol@example.com');
    expect(
      within(leadership).getByRole('link', { name: 'carol' }),
    ).toHaveAttribute('href', '/catalog/default/user/carol');

    const security = within(also).getByRole('list', { name: 'Security' });
    expect(security).toHaveTextContent('AppSec');
    expect(security).toHaveTextContent('Contact: #appsec');
    expect(
      within(security).getByRole('link', { name: 'appsec' }),
    ).toHaveAttribute('href', '/catalog/default/group/appsec');

    const vendors = within(also).getByRole('list', { name: 'Vendors' });
    expect(
      within(vendors).getByRole('link', {
        name: /^https:\/\/support\.buildfarm\.example\.com/,
      }),
    ).toHaveAttribute('href', 'https://support.buildfarm.example.com');

    // Visitors read only.
    expect(screen.queryByRole('button', { name: /Add|Edit/ })).toBeNull();
  });

  it('says so when nothing is there yet', async () => {
    const teamRef = 'group:default/stakeholders-empty';
    const api = mockPlatformRoadmapApi({
      getStakeholders: async () => ({ consumingTeams: [], explicit: [] }),
    });
    await renderCard(api, false, teamRef);
    expect(
      await screen.findByText('No team depends on the platform yet.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Nobody written down yet')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets a member add a stakeholder, checking it before calling the backend', async () => {
    const teamRef = 'group:default/stakeholders-add';
    let explicit: Stakeholder[] = [];
    const api = mockPlatformRoadmapApi({
      getStakeholders: async ref => stakeholdersFixture(ref, { explicit }),
      createStakeholder: async (ref, input) => {
        const created = stakeholder(ref, {
          id: 's-finance',
          version: 1,
          kind: input.kind,
          name: input.name,
          entityRef: input.entityRef ?? undefined,
          contact: input.contact,
          notes: input.notes ?? '',
        });
        explicit = [created];
        return created;
      },
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Add the first stakeholder' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Add a stakeholder',
    });
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Kind/),
      'Finance',
    );
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'F');
    await userEvent.type(
      within(dialog).getByLabelText('Catalog entity'),
      'finance',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add stakeholder' }),
    );

    const name = within(dialog).getByLabelText(/Name/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(
      'name: must be at least 2 characters',
    );
    expect(name).toHaveFocus();
    expect(
      within(dialog).getByLabelText('Catalog entity'),
    ).toHaveAccessibleDescription(
      'entityRef: must be an entity ref such as component:default/my-service',
    );
    expect(api.createStakeholder).not.toHaveBeenCalled();

    await userEvent.type(name, 'inance partner');
    const entity = within(dialog).getByLabelText('Catalog entity');
    await userEvent.clear(entity);
    await userEvent.type(entity, 'group:default/finance');
    await userEvent.type(
      within(dialog).getByLabelText('Contact'),
      'finance@example.com',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Notes'),
      'Signs off the runner budget',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add stakeholder' }),
    );

    await waitFor(() =>
      expect(api.createStakeholder).toHaveBeenCalledWith(teamRef, {
        kind: 'finance',
        name: 'Finance partner',
        entityRef: 'group:default/finance',
        contact: 'finance@example.com',
        notes: 'Signs off the runner budget',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const finance = await screen.findByRole('list', { name: 'Finance' });
    expect(finance).toHaveTextContent('Finance partner');
    expect(api.getStakeholders).toHaveBeenCalledTimes(2);
    expect(
      screen.getByRole('button', { name: 'Edit stakeholder: Finance partner' }),
    ).toBeInTheDocument();
  }, 30_000);

  it('edits a stakeholder with the version seen, unlinking a cleared entity', async () => {
    const teamRef = 'group:default/stakeholders-edit';
    const api = mockPlatformRoadmapApi({
      getStakeholders: async ref => stakeholdersFixture(ref),
      updateStakeholder: async (id, input) =>
        stakeholder(teamRef, { ...input, id, entityRef: undefined }),
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit stakeholder: VP Engineering',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit stakeholder: VP Engineering',
    });
    expect(within(dialog).getByLabelText(/Kind/)).toHaveValue('leadership');
    await userEvent.clear(within(dialog).getByLabelText('Catalog entity'));
    await userEvent.clear(within(dialog).getByLabelText('Contact'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save stakeholder' }),
    );
    await waitFor(() =>
      expect(api.updateStakeholder).toHaveBeenCalledWith('s-vp', {
        version: 2,
        kind: 'leadership',
        name: 'VP Engineering',
        entityRef: null,
        contact: '',
        notes: 'Funds the team; wants the quarterly review.',
      }),
    );
  }, 30_000);

  it('deletes a stakeholder after confirmation, and handles a conflict', async () => {
    const teamRef = 'group:default/stakeholders-delete';
    const conflict = await responseError(
      409,
      'stakeholder s-sec was changed by someone else (version 3, not 2)',
    );
    const api = mockPlatformRoadmapApi({
      getStakeholders: async ref => stakeholdersFixture(ref),
      deleteStakeholder: async () => {
        throw conflict;
      },
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit stakeholder: AppSec' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Delete stakeholder: AppSec',
      }),
    );
    expect(api.deleteStakeholder).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Yes, delete stakeholder: AppSec',
      }),
    );
    await waitFor(() =>
      expect(api.deleteStakeholder).toHaveBeenCalledWith('s-sec', 2),
    );
    const alert = await within(dialog).findByText(/changed by someone else/);
    expect(alert).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reload the stakeholders' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getStakeholders).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('shows the error when the stakeholders cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getStakeholders: async () => {
        throw new Error('stakeholders exploded');
      },
    });
    await renderCard(api, false, 'group:default/stakeholders-broken');
    expect(
      (await screen.findAllByText(/stakeholders exploded/)).length,
    ).toBeGreaterThan(0);
  });
});
