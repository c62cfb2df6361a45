import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Deprecation } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { DeprecationDialog } from './DeprecationDialog';
import {
  deprecationView,
  GUIDE_URL,
  platformTeam,
  responseError,
} from './testData';

const TEAM_REF = 'group:default/ci-build';

async function renderDialog(
  implementation: Partial<PlatformRoadmapApi>,
  deprecation?: Deprecation,
) {
  const api = mockPlatformRoadmapApi({
    getTeam: async ref => platformTeam(ref),
    ...implementation,
  });
  const onClose = jest.fn();
  const onSaved = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <DeprecationDialog
        teamRef={TEAM_REF}
        deprecation={deprecation}
        onClose={onClose}
        onSaved={onSaved}
      />
    </TestApiProvider>,
  );
  const dialog = await screen.findByRole('dialog');
  // The fields show once the team's platform entities are in.
  await within(dialog).findByLabelText(/Deprecated entity/);
  return { api, onClose, onSaved, dialog };
}

/** Replaces the value of a field, date fields included. */
async function fill(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  if (value) await userEvent.type(field, value);
}

/** Today where the test runs, computed independently of the component. */
function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 10);
}

describe('DeprecationDialog', () => {
  it('announces a deprecation, validating it under the fields first', async () => {
    const { api, onSaved, dialog } = await renderDialog({
      announceDeprecation: async () => deprecationView(TEAM_REF),
    });
    const field = (label: RegExp) => within(dialog).getByLabelText(label);

    expect(screen.getByRole('dialog', { name: 'Announce a deprecation' })).toBe(
      dialog,
    );
    expect(dialog).toHaveTextContent(
      'Announcing also publishes a deprecation release note',
    );
    expect(api.getTeam).toHaveBeenCalledWith(TEAM_REF);
    expect(
      within(field(/Deprecated entity/))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'Choose an entity',
      'Build cache (component:default/build-cache)',
      'Build cache v2 (component:default/build-cache-v2)',
      'build-runner (component:default/build-runner)',
    ]);
    expect(field(/Announced on/)).toHaveValue(today());
    expect(field(/Consumer depth/)).toHaveValue(1);
    expect(field(/Consumer depth/)).toHaveAccessibleDescription(
      /^1 = direct consumers only/,
    );
    // Status is for edits: a new one is announced.
    expect(within(dialog).queryByLabelText(/Status/)).toBeNull();

    // Nothing chosen yet.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    expect(field(/Deprecated entity/)).toHaveAttribute('aria-invalid', 'true');
    expect(field(/Deprecated entity/)).toHaveFocus();
    expect(field(/Sunset on/)).toHaveAccessibleDescription(
      'sunsetOn: must be a date (YYYY-MM-DD)',
    );

    await userEvent.selectOptions(
      field(/Deprecated entity/),
      'Build cache (component:default/build-cache)',
    );
    await userEvent.type(field(/Version/), 'v1');
    await fill(field(/Announced on/), '2026-09-01');
    await fill(field(/Sunset on/), '2026-08-01');
    await fill(field(/Consumer depth/), '6');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    expect(field(/Sunset on/)).toHaveAttribute('aria-invalid', 'true');
    expect(field(/Sunset on/)).toHaveAccessibleDescription(
      'sunsetOn: must be after the announcement date',
    );
    expect(field(/Consumer depth/)).toHaveAccessibleDescription(
      'consumerDepth: must be at most 5',
    );
    expect(field(/Deprecated entity/)).toHaveAttribute('aria-invalid', 'false');
    expect(api.announceDeprecation).not.toHaveBeenCalled();

    await fill(field(/Sunset on/), '2026-12-31');
    await fill(field(/Consumer depth/), '2');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Replacement' }),
      'Build cache v2 (component:default/build-cache-v2)',
    );
    await userEvent.type(field(/Migration guide URL/), GUIDE_URL);
    await userEvent.type(field(/Description/), 'Move to v2.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    await waitFor(() =>
      expect(api.announceDeprecation).toHaveBeenCalledWith(TEAM_REF, {
        entityRef: 'component:default/build-cache',
        entityVersion: 'v1',
        announcedOn: '2026-09-01',
        sunsetOn: '2026-12-31',
        replacementEntityRef: 'component:default/build-cache-v2',
        migrationGuideUrl: GUIDE_URL,
        description: 'Move to v2.',
        status: 'announced',
        consumerDepth: 2,
      }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  }, 30_000);

  it('takes any entity as the replacement, and shows the server errors under the field', async () => {
    const announceDeprecation = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          400,
          'replacementEntityRef: no such entity in the catalog',
        ),
      )
      .mockResolvedValue(deprecationView(TEAM_REF));
    const { onSaved, dialog } = await renderDialog({ announceDeprecation });
    const field = (label: RegExp) => within(dialog).getByLabelText(label);

    await userEvent.selectOptions(
      field(/Deprecated entity/),
      'build-runner (component:default/build-runner)',
    );
    await fill(field(/Announced on/), '2026-09-01');
    await fill(field(/Sunset on/), '2027-03-31');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Replacement' }),
      'Another entity…',
    );
    // The same entity as the deprecated one is refused.
    await userEvent.type(
      field(/Replacement entity ref/),
      'component:default/build-runner',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    expect(field(/Replacement entity ref/)).toHaveAccessibleDescription(
      'replacementEntityRef: must be another entity than the deprecated one',
    );
    expect(field(/Replacement entity ref/)).toHaveFocus();
    expect(announceDeprecation).not.toHaveBeenCalled();

    await fill(field(/Replacement entity ref/), 'component:default/runner-v2');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    await waitFor(() =>
      expect(announceDeprecation).toHaveBeenCalledWith(
        TEAM_REF,
        expect.objectContaining({
          entityRef: 'component:default/build-runner',
          replacementEntityRef: 'component:default/runner-v2',
          consumerDepth: 1,
        }),
      ),
    );
    expect(announceDeprecation.mock.calls[0][1]).not.toHaveProperty(
      'migrationGuideUrl',
      expect.anything(),
    );
    await waitFor(() =>
      expect(field(/Replacement entity ref/)).toHaveAccessibleDescription(
        'replacementEntityRef: no such entity in the catalog',
      ),
    );
    expect(onSaved).not.toHaveBeenCalled();

    await fill(
      field(/Replacement entity ref/),
      'component:default/build-cache-v2',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Announce deprecation' }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  }, 30_000);

  it('edits a deprecation with the version seen, clearing what was emptied', async () => {
    const view = deprecationView(TEAM_REF);
    const { api, onSaved, dialog } = await renderDialog(
      { updateDeprecation: async () => view },
      view,
    );
    const field = (label: RegExp) => within(dialog).getByLabelText(label);

    expect(
      screen.getByRole('dialog', { name: 'Edit deprecation: Build cache v1' }),
    ).toBe(dialog);
    expect(field(/Deprecated entity/)).toHaveValue(
      'component:default/build-cache',
    );
    expect(field(/Version/)).toHaveValue('v1');
    expect(field(/Announced on/)).toHaveValue('2026-09-01');
    expect(field(/Sunset on/)).toHaveValue('2026-12-31');
    expect(
      within(dialog).getByRole('combobox', { name: 'Replacement' }),
    ).toHaveValue('component:default/build-cache-v2');
    expect(field(/Migration guide URL/)).toHaveValue(GUIDE_URL);
    expect(field(/Status/)).toHaveValue('migrating');
    expect(field(/Consumer depth/)).toHaveValue(2);

    await userEvent.selectOptions(field(/Status/), 'Complete');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Replacement' }),
      'None',
    );
    await userEvent.clear(field(/Migration guide URL/));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save deprecation' }),
    );
    await waitFor(() =>
      expect(api.updateDeprecation).toHaveBeenCalledWith('d-cache-v1', {
        version: 3,
        entityRef: 'component:default/build-cache',
        entityVersion: 'v1',
        announcedOn: '2026-09-01',
        sunsetOn: '2026-12-31',
        replacementEntityRef: null,
        migrationGuideUrl: null,
        description: 'Move to v2: it is **content-addressed**.',
        status: 'complete',
        consumerDepth: 2,
      }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  }, 30_000);

  it('lets the entity be typed when the team cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getTeam: async () => {
        throw new Error('catalog unavailable');
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <DeprecationDialog
          teamRef={TEAM_REF}
          onClose={jest.fn()}
          onSaved={jest.fn()}
        />
      </TestApiProvider>,
    );
    const entity = await screen.findByRole('textbox', {
      name: /Deprecated entity/,
    });
    expect(entity).toHaveAccessibleDescription(/catalog unavailable/);
  });
});
