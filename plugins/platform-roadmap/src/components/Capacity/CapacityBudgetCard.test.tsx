import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  CapacityBudget,
  periodLabel,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { CapacityBudgetCard } from './CapacityBudgetCard';
import {
  budget,
  plannedBudget,
  responseError,
  unplannedBudget,
} from './testData';

const NOW = quarterOf(new Date());

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
      <CapacityBudgetCard teamRef={teamRef} />
    </TestApiProvider>,
  );
}

/** The budget field of a discipline in the dialog. */
function field(dialog: HTMLElement, label: string) {
  return within(dialog).getByRole('spinbutton', { name: new RegExp(label) });
}

async function fill(dialog: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await userEvent.clear(field(dialog, label));
    if (value) await userEvent.type(field(dialog, label), value);
  }
}

describe('CapacityBudgetCard', () => {
  it("shows this quarter's budget, and another quarter's when chosen", async () => {
    const teamRef = 'group:default/capacity-read';
    const next = shiftQuarter(NOW, 1);
    const api = mockPlatformRoadmapApi({
      getCapacity: async (ref, quarter) =>
        quarter === next
          ? unplannedBudget(ref, quarter)
          : plannedBudget(ref, quarter),
    });
    await renderCard(api, false, teamRef);

    expect(
      await screen.findByRole('img', {
        name: `Capacity budget for ${periodLabel(
          NOW,
        )}: On-call 15 %, Maintenance 20 %, Documentation 10 %, Onboarding 5 %, Roadmap work 50 %`,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Updated 2026-10-02 by alice')).toBeInTheDocument();
    expect(api.getCapacity).toHaveBeenCalledWith(teamRef, NOW);

    const select = screen.getByLabelText('Quarter');
    expect(select).toHaveValue(NOW);
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(
      [2, 1, 0, -1].map(offset => periodLabel(shiftQuarter(NOW, offset))),
    );
    await userEvent.selectOptions(select, periodLabel(next));

    expect(
      await screen.findByText(`Not planned yet for ${periodLabel(next)}`),
    ).toBeInTheDocument();
    expect(api.getCapacity).toHaveBeenLastCalledWith(teamRef, next);
    expect(
      screen.queryByRole('img', { name: /^Capacity budget for/ }),
    ).toBeNull();
    // Visitors cannot plan it.
    expect(screen.queryByRole('button', { name: /Plan|Edit/ })).toBeNull();
  });

  it('warns when a discipline gets no time', async () => {
    const teamRef = 'group:default/capacity-zero';
    const api = mockPlatformRoadmapApi({
      getCapacity: async (ref, quarter) =>
        budget(ref, quarter, {
          onCall: 30,
          maintenance: 0,
          documentation: 0,
          onboarding: 10,
          roadmap: 60,
        }),
    });
    await renderCard(api, false, teamRef);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'No time for maintenance this quarter: the guide says skipping it makes the platform fragile',
    );
    expect(alert).toHaveTextContent(
      'No time for documentation this quarter: the guide says skipping it makes the platform fragile',
    );
    expect(alert).not.toHaveTextContent('onboarding');
  });

  it('lets a member plan an unplanned quarter, refusing a total that is not 100 %', async () => {
    const teamRef = 'group:default/capacity-plan';
    let saved: CapacityBudget | undefined;
    const api = mockPlatformRoadmapApi({
      getCapacity: async (ref, quarter) =>
        saved ?? unplannedBudget(ref, quarter),
      setCapacity: async (ref, quarter, input) => {
        const { version, ...shares } = input;
        saved = budget(ref, quarter, shares, { version: version + 1 });
        return saved;
      },
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', {
        name: `Plan the budget for ${periodLabel(NOW)}`,
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Plan the capacity budget for ${periodLabel(NOW)}`,
    });
    const status = within(dialog).getByRole('status');
    expect(status).toHaveTextContent('Total: 0 % — must be 100 %');

    await fill(dialog, {
      'On-call': '15',
      Maintenance: '20',
      Documentation: '10',
      Onboarding: '5',
      'Roadmap work': '45',
    });
    expect(status).toHaveTextContent('Total: 95 % — must be 100 %');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save budget' }),
    );
    const roadmap = field(dialog, 'Roadmap work');
    expect(roadmap).toHaveAttribute('aria-invalid', 'true');
    expect(roadmap).toHaveAccessibleDescription(
      'roadmap: the shares must add up to 100 %, they add up to 95 %',
    );
    expect(api.setCapacity).not.toHaveBeenCalled();

    await fill(dialog, { 'Roadmap work': '50' });
    expect(status).toHaveTextContent('Total: 100 %');
    expect(status).not.toHaveTextContent('must be');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save budget' }),
    );
    await waitFor(() => expect(api.setCapacity).toHaveBeenCalledTimes(1));
    expect(api.setCapacity).toHaveBeenCalledWith(teamRef, NOW, {
      version: 0,
      onCall: 15,
      maintenance: 20,
      documentation: 10,
      onboarding: 5,
      roadmap: 50,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByRole('img', { name: /Roadmap work 50 %/ }),
    ).toBeInTheDocument();
    expect(api.getCapacity).toHaveBeenCalledTimes(2);
  }, 30_000);

  it('edits a budget with the version seen, and says what a required share is missing', async () => {
    const teamRef = 'group:default/capacity-edit';
    const api = mockPlatformRoadmapApi({
      getCapacity: async (ref, quarter) => plannedBudget(ref, quarter),
      setCapacity: async (ref, quarter) => plannedBudget(ref, quarter),
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit budget' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Edit the capacity budget for ${periodLabel(NOW)}`,
    });
    expect(field(dialog, 'On-call')).toHaveValue(15);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Total: 100 %',
    );

    await fill(dialog, { Onboarding: '' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save budget' }),
    );
    expect(field(dialog, 'Onboarding')).toHaveAccessibleDescription(
      'onboarding: is required',
    );
    expect(field(dialog, 'Onboarding')).toHaveFocus();
    expect(api.setCapacity).not.toHaveBeenCalled();

    await fill(dialog, { Onboarding: '0', 'Roadmap work': '55' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save budget' }),
    );
    await waitFor(() =>
      expect(api.setCapacity).toHaveBeenCalledWith(teamRef, NOW, {
        version: 3,
        onCall: 15,
        maintenance: 20,
        documentation: 10,
        onboarding: 0,
        roadmap: 55,
      }),
    );
  }, 30_000);

  it('says when someone else changed the budget, and reloads it', async () => {
    const teamRef = 'group:default/capacity-conflict';
    const conflict = await responseError(
      409,
      'capacity budget was changed by someone else (version 4, not 3)',
    );
    const api = mockPlatformRoadmapApi({
      getCapacity: async (ref, quarter) => plannedBudget(ref, quarter),
      setCapacity: async () => {
        throw conflict;
      },
    });
    await renderCard(api, true, teamRef);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit budget' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save budget' }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'capacity budget was changed by someone else (version 4, not 3)',
    );
    await userEvent.click(
      within(alert).getByRole('button', {
        name: 'Reload the capacity budget',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getCapacity).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('shows the error when the budget cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getCapacity: async () => {
        throw new Error('capacity exploded');
      },
    });
    await renderCard(api, false, 'group:default/capacity-broken');
    expect(
      (await screen.findAllByText(/capacity exploded/)).length,
    ).toBeGreaterThan(0);
  });
});
