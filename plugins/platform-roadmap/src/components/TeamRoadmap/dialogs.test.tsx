import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { buildTimeMetric, incidentsMetric } from '../Metrics/testData';
import { keyResult, roadmapFixture, theme } from './testData';
import { TeamRoadmap } from './TeamRoadmap';

const P99 = 'Reduce p99 CI build time from 18 min to 8 min';

/**
 * Renders the roadmap for a member (every test uses a team ref of its own:
 * usePermission caches decisions per resource) and waits for it.
 */
async function renderAsMember(
  teamRef: string,
  implementation: Partial<PlatformRoadmapApi> = {},
) {
  const api = mockPlatformRoadmapApi({
    getRoadmap: async ref => roadmapFixture(ref),
    ...implementation,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <TeamRoadmap teamRef={teamRef} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  await screen.findByRole('button', { name: 'Add theme' });
  return api;
}

async function open(buttonName: string, dialogName: string | RegExp) {
  await userEvent.click(screen.getByRole('button', { name: buttonName }));
  return screen.findByRole('dialog', { name: dialogName });
}

/** A backend error as the client throws it. */
function responseError(status: number, message: string) {
  const body = JSON.stringify({
    error: { name: status === 409 ? 'ConflictError' : 'InputError', message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: status === 409 ? 'Conflict' : 'Bad Request',
    url: 'http://localhost/api/platform-roadmap/themes/t-ci',
    type: 'basic',
    redirected: false,
    headers: {
      append() {},
      delete() {},
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
      has: () => true,
      set() {},
      forEach() {},
    } as unknown as Headers,
    text: async () => body,
  });
}

describe('TeamRoadmap dialogs', () => {
  it('records a check-in with the version seen, then reloads the roadmap', async () => {
    const teamRef = 'group:default/check-in';
    const api = await renderAsMember(teamRef, {
      checkIn: async () => keyResult(teamRef, { version: 4, current: 12 }),
    });

    const dialog = await open(`Check in: ${P99}`, `Check in: ${P99}`);
    expect(dialog).toHaveTextContent('Now 14 min · target 8 min by 2026-12-31');
    // Not measured: no word about the catalog.
    expect(dialog).not.toHaveTextContent('catalog');

    // A value is required.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Check in' }),
    );
    const value = within(dialog).getByLabelText(/New value \(min\)/);
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(/^value: /);
    expect(api.checkIn).not.toHaveBeenCalled();

    await userEvent.type(value, '12');
    await userEvent.type(
      within(dialog).getByLabelText('Note'),
      'Test sharding everywhere',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Check in' }),
    );
    await waitFor(() =>
      expect(api.checkIn).toHaveBeenCalledWith('kr-p99', {
        version: 3,
        value: 12,
        note: 'Test sharding everywhere',
      }),
    );
    expect(api.checkIn.mock.calls[0][1]).not.toHaveProperty(
      'guardrailBreached',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(2));
  }, 20_000);

  it('reports a crossed guardrail, and explains catalog measures', async () => {
    const teamRef = 'group:default/check-in-guardrail';
    const api = await renderAsMember(teamRef, {
      checkIn: async () => keyResult(teamRef, {}),
    });

    let dialog = await open(
      'Check in: Onboard 3 new teams to the build cache',
      /Check in: Onboard 3 new teams/,
    );
    expect(dialog).toHaveTextContent(
      'The catalog updates this value by itself',
    );
    expect(dialog).toHaveTextContent('component:default/build-cache');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    dialog = await open(`Check in: ${P99}`, `Check in: ${P99}`);
    await userEvent.type(within(dialog).getByLabelText(/New value/), '9');
    await userEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Guardrail crossed (no increase in flaky test rate)',
      }),
    );
    // Enter submits the form.
    await userEvent.type(within(dialog).getByLabelText(/New value/), '{Enter}');
    await waitFor(() =>
      expect(api.checkIn).toHaveBeenCalledWith('kr-p99', {
        version: 3,
        value: 9,
        guardrailBreached: true,
      }),
    );
  }, 20_000);

  it('requires a reason to deprioritize a theme, under the field, before calling the backend', async () => {
    const teamRef = 'group:default/theme-reason';
    const api = await renderAsMember(teamRef, {
      updateTheme: async (_id, input) =>
        theme(teamRef, { ...input, version: 3 } as never),
    });

    const dialog = await open(
      'Edit theme: Fast and reliable CI',
      'Edit theme: Fast and reliable CI',
    );
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue(
      'Fast and reliable CI',
    );
    expect(within(dialog).getByLabelText(/Period/)).toHaveValue('2026');
    expect(
      within(within(dialog).getByLabelText(/Period/))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Q4 2026', '2026 (the whole year)', 'Q1 2027']);
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Status/),
      'Deprioritized',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save theme' }),
    );

    const reason = within(dialog).getByLabelText(/Why is it deprioritized\?/);
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      'statusReason: is required when the status is deprioritized',
    );
    expect(reason).toHaveFocus();
    expect(api.updateTheme).not.toHaveBeenCalled();

    await userEvent.type(reason, 'Runner costs matter more this year');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save theme' }),
    );
    await waitFor(() =>
      expect(api.updateTheme).toHaveBeenCalledWith('t-ci', {
        version: 2,
        period: '2026',
        category: 'reliability',
        title: 'Fast and reliable CI',
        outcome: 'p99 CI build under 8 minutes',
        description: 'Builds should **never** wait on a cold cache.',
        status: 'deprioritized',
        statusReason: 'Runner costs matter more this year',
        entityRefs: ['component:default/build-cache'],
      }),
    );
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(2));
  }, 20_000);

  it('adds a theme, validating its fields and showing server errors under them', async () => {
    const teamRef = 'group:default/theme-add';
    const createTheme = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(400, 'entityRefs.0: no such entity in the catalog'),
      )
      .mockResolvedValue(theme(teamRef, { id: 't-new' }));
    const api = await renderAsMember(teamRef, { createTheme });

    const dialog = await open('Add theme', 'Add a theme');
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Docs');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add theme' }),
    );
    expect(within(dialog).getByLabelText(/Title/)).toHaveAccessibleDescription(
      'title: must be at least 5 characters',
    );
    expect(
      within(dialog).getByLabelText(/Outcome/),
    ).toHaveAccessibleDescription(/^outcome: must name the outcome/);
    expect(createTheme).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Title/), ' as code');
    await userEvent.type(
      within(dialog).getByLabelText(/Outcome/),
      'Every platform service has docs in the catalog',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Category/),
      'Capability',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Period/),
      'Q1 2027',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Platform entities/),
      'component:default/techdocs, component:default/docs-site',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add theme' }),
    );
    const expected = {
      period: '2027-Q1',
      category: 'capability',
      title: 'Docs as code',
      outcome: 'Every platform service has docs in the catalog',
      description: '',
      status: 'proposed',
      entityRefs: ['component:default/techdocs', 'component:default/docs-site'],
    };
    await waitFor(() =>
      expect(createTheme).toHaveBeenCalledWith(teamRef, expected),
    );
    expect(
      await within(dialog).findByText(
        'entityRefs.0: no such entity in the catalog',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Platform entities/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add theme' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(createTheme).toHaveBeenCalledTimes(2);
    expect(api.getRoadmap).toHaveBeenCalledTimes(2);
  }, 20_000);

  it('says when someone else changed it, and reloads on request', async () => {
    const teamRef = 'group:default/theme-conflict';
    const conflict = await responseError(
      409,
      'theme t-ci was changed by someone else (version 3, not 2)',
    );
    const api = await renderAsMember(teamRef, {
      updateObjective: async () => {
        throw conflict;
      },
    });

    const dialog = await open(
      'Edit objective: Make CI builds fast',
      'Edit objective: Make CI builds fast',
    );
    await userEvent.type(within(dialog).getByLabelText(/Title/), ' and cheap');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save objective' }),
    );
    await waitFor(() =>
      expect(api.updateObjective).toHaveBeenCalledWith('o-fast', {
        version: 1,
        title: 'Make CI builds fast and cheap',
      }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'theme t-ci was changed by someone else (version 3, not 2)',
    );
    expect(alert).toHaveTextContent('Someone else changed this');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload the roadmap' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(2));
  }, 20_000);

  it('deletes an objective only after confirmation', async () => {
    const teamRef = 'group:default/objective-delete';
    const api = await renderAsMember(teamRef, {
      deleteObjective: async () => undefined,
    });

    const dialog = await open(
      'Edit objective: Make CI builds fast',
      'Edit objective: Make CI builds fast',
    );
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Delete objective: Make CI builds fast',
      }),
    );
    expect(dialog).toHaveTextContent(
      'Delete the objective “Make CI builds fast”? Its key results and their check-ins go with it.',
    );
    // The safe choice has the focus.
    expect(
      within(dialog).getByRole('button', { name: 'Keep it' }),
    ).toHaveFocus();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep it' }),
    );
    expect(api.deleteObjective).not.toHaveBeenCalled();

    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Delete objective: Make CI builds fast',
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Yes, delete objective: Make CI builds fast',
      }),
    );
    await waitFor(() =>
      expect(api.deleteObjective).toHaveBeenCalledWith('o-fast', 1),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(2));
  }, 20_000);

  it('adds an objective to a theme', async () => {
    const teamRef = 'group:default/objective-add';
    const api = await renderAsMember(teamRef, {
      createObjective: async () => ({
        id: 'o-new',
        version: 1,
        themeId: 't-runners',
        teamRef,
        title: 'Right-size the runner pool',
        createdBy: 'user:default/alice',
        createdAt: '2026-10-01T00:00:00Z',
        updatedAt: '2026-10-01T00:00:00Z',
      }),
    });
    const dialog = await open(
      'Add objective to Cut CI runner spend',
      'Add an objective to Cut CI runner spend',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Right-size the runner pool{Enter}',
    );
    await waitFor(() =>
      expect(api.createObjective).toHaveBeenCalledWith('t-runners', {
        title: 'Right-size the runner pool',
      }),
    );
  }, 20_000);

  it('adds a key result measured from the catalog', async () => {
    const teamRef = 'group:default/key-result-add';
    const api = await renderAsMember(teamRef, {
      createKeyResult: async () => keyResult(teamRef, { id: 'kr-new' }),
    });

    const dialog = await open(
      'Add key result to Make CI builds fast',
      'Add a key result to Make CI builds fast',
    );
    // Over the theme's period by default.
    expect(within(dialog).getByLabelText(/Start date/)).toHaveValue(
      '2026-01-01',
    );
    expect(within(dialog).getByLabelText(/Due date/)).toHaveValue('2026-12-31');
    const type = (label: RegExp, text: string) =>
      userEvent.type(within(dialog).getByLabelText(label), text);
    await type(/Title/, 'Onboard 5 teams to remote caching');
    await type(/Metric/, 'teams using the build cache');
    await type(/Unit/, 'teams');
    await type(/Baseline/, '4');
    await type(/Target/, '2');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add key result' }),
    );
    expect(within(dialog).getByLabelText(/Target/)).toHaveAccessibleDescription(
      'target: must be above the baseline when the metric should increase',
    );
    expect(api.createKeyResult).not.toHaveBeenCalled();

    await userEvent.clear(within(dialog).getByLabelText(/Target/));
    await type(/Target/, '9');
    const measuredBy = within(dialog).getByLabelText('Measured by');
    expect(measuredBy).toHaveValue('hand');
    expect(within(dialog).queryByLabelText(/Platform entity/)).toBeNull();
    await userEvent.selectOptions(
      measuredBy,
      'The catalog: teams consuming a platform entity',
    );
    // The theme's platform entity is proposed.
    expect(within(dialog).getByLabelText(/Platform entity/)).toHaveValue(
      'component:default/build-cache',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add key result' }),
    );
    await waitFor(() =>
      expect(api.createKeyResult).toHaveBeenCalledWith('o-fast', {
        title: 'Onboard 5 teams to remote caching',
        metric: 'teams using the build cache',
        unit: 'teams',
        baseline: 4,
        target: 9,
        direction: 'increase',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        measure: {
          type: 'consuming-teams',
          entityRef: 'component:default/build-cache',
        },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 30_000);

  it('stops measuring a key result from the catalog when unchecked', async () => {
    const teamRef = 'group:default/key-result-edit';
    const api = await renderAsMember(teamRef, {
      updateKeyResult: async () => keyResult(teamRef, {}),
    });
    const dialog = await open(
      'Edit key result: Onboard 3 new teams to the build cache',
      'Edit key result: Onboard 3 new teams to the build cache',
    );
    const measuredBy = within(dialog).getByLabelText('Measured by');
    expect(measuredBy).toHaveValue('consuming-teams');
    expect(within(dialog).getByLabelText(/Platform entity/)).toHaveValue(
      'component:default/build-cache',
    );
    await userEvent.selectOptions(measuredBy, 'Check-ins by hand');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save key result' }),
    );
    await waitFor(() =>
      expect(api.updateKeyResult).toHaveBeenCalledWith(
        'kr-teams',
        expect.objectContaining({ version: 3, measure: null, current: 3 }),
      ),
    );
  }, 20_000);

  it('binds a key result to a metric of the team', async () => {
    const teamRef = 'group:default/key-result-metric';
    const api = await renderAsMember(teamRef, {
      listMetrics: async () => ({
        items: [buildTimeMetric(teamRef), incidentsMetric(teamRef)],
      }),
      createKeyResult: async () => keyResult(teamRef, { id: 'kr-new' }),
    });

    const dialog = await open(
      'Add key result to Make CI builds fast',
      'Add a key result to Make CI builds fast',
    );
    const type = (label: RegExp, text: string) =>
      userEvent.type(within(dialog).getByLabelText(label), text);
    await type(/Title/, 'Halve SEV-2 incidents in the build farm');
    await type(/Baseline/, '6');
    await type(/Target/, '3');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Direction/),
      'Decrease (lower is better)',
    );
    // The team's metrics are loaded only once a metric is the choice.
    expect(api.listMetrics).not.toHaveBeenCalled();
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Measured by'),
      'A metric of this team',
    );
    const metric = within(dialog).getByLabelText(/Metric to follow/);
    await waitFor(() => expect(metric).toBeEnabled());
    expect(api.listMetrics).toHaveBeenCalledWith(teamRef);
    expect(
      within(metric)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'Choose a metric',
      'p99 CI build time (min)',
      'SEV-2 incidents (incidents)',
    ]);

    // A metric must be chosen.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add key result' }),
    );
    expect(metric).toHaveAccessibleDescription('measure.metricId: is required');
    expect(api.createKeyResult).not.toHaveBeenCalled();

    // Choosing it fills in the empty metric name and unit.
    await userEvent.selectOptions(metric, 'SEV-2 incidents (incidents)');
    expect(
      within(dialog).getByRole('textbox', { name: /^Metric/ }),
    ).toHaveValue('SEV-2 incidents');
    expect(within(dialog).getByLabelText(/Unit/)).toHaveValue('incidents');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add key result' }),
    );
    await waitFor(() =>
      expect(api.createKeyResult).toHaveBeenCalledWith('o-fast', {
        title: 'Halve SEV-2 incidents in the build farm',
        metric: 'SEV-2 incidents',
        unit: 'incidents',
        baseline: 6,
        target: 3,
        direction: 'decrease',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        measure: { type: 'metric', metricId: 'm-incidents' },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 30_000);

  it('edits a key result bound to a metric, and explains it when checking in', async () => {
    const teamRef = 'group:default/key-result-metric-edit';
    const bound = keyResult(teamRef, {
      measure: { type: 'metric', metricId: 'm-build-time' },
    });
    const roadmap = roadmapFixture(teamRef);
    roadmap.themes[0].objectives[0].keyResults = [bound];
    const api = await renderAsMember(teamRef, {
      getRoadmap: async () => roadmap,
      listMetrics: async () => ({
        items: [buildTimeMetric(teamRef), incidentsMetric(teamRef)],
      }),
      updateKeyResult: async () => bound,
    });
    expect(
      within(screen.getByTestId('key-result-kr-p99')).getByText(
        'Follows a metric',
      ),
    ).toBeInTheDocument();

    let dialog = await open(`Check in: ${P99}`, `Check in: ${P99}`);
    expect(dialog).toHaveTextContent('follows a metric of the team');
    expect(dialog).not.toHaveTextContent('catalog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    dialog = await open(`Edit key result: ${P99}`, `Edit key result: ${P99}`);
    expect(within(dialog).getByLabelText('Measured by')).toHaveValue('metric');
    const metric = within(dialog).getByLabelText(/Metric to follow/);
    await waitFor(() => expect(metric).toHaveValue('m-build-time'));
    await waitFor(() => expect(metric).toBeEnabled());
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save key result' }),
    );
    await waitFor(() =>
      expect(api.updateKeyResult).toHaveBeenCalledWith(
        'kr-p99',
        expect.objectContaining({
          version: 3,
          measure: { type: 'metric', metricId: 'm-build-time' },
        }),
      ),
    );
  }, 30_000);

  it('adds a deprioritized commitment with its reason and theme', async () => {
    const teamRef = 'group:default/commitment-add';
    const api = await renderAsMember(teamRef, {
      createCommitment: async () => roadmapFixture(teamRef).commitments[1],
    });

    const dialog = await open('Add commitment for Q4 2026', 'Add a commitment');
    const quarter = within(dialog).getByLabelText(/Quarter/);
    expect(quarter).toHaveValue('2026-Q4');
    expect(
      within(quarter)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Q2 2027', 'Q1 2027', 'Q4 2026', 'Q3 2026']);
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Kind/),
      'Deprioritized',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Build insights dashboard',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add commitment' }),
    );
    expect(
      within(dialog).getByLabelText(/Why is it deprioritized\?/),
    ).toHaveAccessibleDescription(
      'reason: is required: say why it is deprioritized',
    );
    expect(api.createCommitment).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/Why is it deprioritized\?/),
      'Only one team asked; the CI logs cover it',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Theme/),
      'Fast and reliable CI',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add commitment' }),
    );
    await waitFor(() =>
      expect(api.createCommitment).toHaveBeenCalledWith(teamRef, {
        quarter: '2026-Q4',
        kind: 'deprioritized',
        title: 'Build insights dashboard',
        description: '',
        reason: 'Only one team asked; the CI logs cover it',
        themeId: 't-ci',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('edits a commitment, unlinking its theme', async () => {
    const teamRef = 'group:default/commitment-edit';
    const api = await renderAsMember(teamRef, {
      updateCommitment: async () => roadmapFixture(teamRef).commitments[0],
    });
    const dialog = await open(
      'Edit commitment: Ship remote cache v2',
      'Edit commitment: Ship remote cache v2',
    );
    expect(within(dialog).getByLabelText(/Theme/)).toHaveValue('t-ci');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Theme/),
      'No theme',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save commitment' }),
    );
    await waitFor(() =>
      expect(api.updateCommitment).toHaveBeenCalledWith('c-cache-v2', {
        version: 1,
        quarter: '2026-Q4',
        kind: 'committed',
        title: 'Ship remote cache v2',
        description: 'Content-addressed, _shared_ across branches.',
        themeId: null,
      }),
    );
  }, 20_000);
});
