import { discoveryApiRef } from '@backstage/core-plugin-api';
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
import { responseError } from '../Deprecations/testData';
import { TeamMetricsCard } from './TeamMetricsCard';
import {
  buildTimeMetric,
  buildTimePoints,
  incidentsMetric,
  point,
  pointsOf,
} from './testData';

const BUILD_TIME = 'p99 CI build time';

/** The two metrics, with their points. */
function twoMetrics(teamRef: string): Partial<PlatformRoadmapApi> {
  return {
    // As the backend answers `?points=recent`: the values come along.
    listMetrics: async () => ({
      items: [buildTimeMetric(teamRef), incidentsMetric(teamRef)],
      points: Object.fromEntries(
        (['m-build-time', 'm-incidents'] as const).map(id => [
          id,
          pointsOf(teamRef, id).items,
        ]),
      ),
    }),
    getMetricPoints: async id => pointsOf(teamRef, id),
  };
}

// usePermission caches decisions per permission and resource across
// renders (SWR), so every test uses a team ref of its own.
async function renderCard(
  teamRef: string,
  implementation: Partial<PlatformRoadmapApi>,
  allowed = false,
) {
  const api = mockPlatformRoadmapApi(implementation);
  const permissionApi = mockApis.permission({
    authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [permissionApiRef, permissionApi],
        [
          discoveryApiRef,
          mockApis.discovery({ baseUrl: 'https://backstage.example.com' }),
        ],
      ]}
    >
      <TeamMetricsCard teamRef={teamRef} />
    </TestApiProvider>,
  );
  // Wait for the permission decision to be in and rendered.
  await waitFor(() => expect(authorize).toHaveBeenCalled());
  await act(async () => {
    await authorize.mock.results[0].value;
  });
  return api;
}

describe('TeamMetricsCard', () => {
  it('lists the metrics with their latest value and chart, read-only for non-members', async () => {
    const teamRef = 'group:default/metrics-list';
    const api = await renderCard(teamRef, twoMetrics(teamRef));

    const article = await screen.findByRole('article', { name: BUILD_TIME });
    expect(article).toHaveTextContent(
      'Time to build · in min · lower is better · key p99-build-time',
    );
    expect(article).toHaveTextContent(
      'The 99th percentile of the monorepo pipeline, per day.',
    );
    expect(article).toHaveTextContent('Latest: 11 min on 2026-11-20');
    expect(
      await within(article).findByRole('img', {
        name: 'p99 CI build time: 18 min on 2026-09-01, 11 min on 2026-11-20',
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(article).getByRole('button', { name: 'Show data' }),
    );
    const cells = within(within(article).getByRole('table'))
      .getAllByRole('cell')
      .map(cell => cell.textContent);
    expect(cells).toEqual([
      ...['2026-09-01 06:00 UTC', '18', '', 'ci-metrics'],
      ...['2026-10-01 06:00 UTC', '14.25', 'Remote cache on', 'alice'],
      ...['2026-11-20 06:00 UTC', '11', '', 'ci-metrics'],
    ]);

    const incidents = screen.getByRole('article', { name: 'SEV-2 incidents' });
    expect(incidents).toHaveTextContent('Incident count');
    expect(incidents).toHaveTextContent('No values yet');
    expect(
      await within(incidents).findByText('No values recorded yet.'),
    ).toBeInTheDocument();

    // One request for the metrics and their values; none per metric.
    expect(api.listMetrics).toHaveBeenCalledTimes(1);
    expect(api.listMetrics).toHaveBeenCalledWith(teamRef, { points: 'recent' });
    expect(api.getMetricPoints).not.toHaveBeenCalled();

    // Not a member: nothing to change.
    expect(screen.queryByRole('button', { name: 'New metric' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add value/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit metric/ })).toBeNull();
  });

  it('shows how CI posts a value, with the exact command', async () => {
    const teamRef = 'group:platform/ci-build';
    await renderCard(teamRef, twoMetrics(teamRef));

    const article = await screen.findByRole('article', { name: BUILD_TIME });
    const toggle = within(article).getByRole('button', {
      name: 'Post from CI',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);

    const help = within(article).getByTestId('post-from-ci-p99-build-time');
    expect(
      within(article).getByRole('button', {
        name: 'Hide how to post from CI',
      }),
    ).toHaveAttribute('aria-controls', help.id);
    // The snippet's highlighter loads lazily.
    await waitFor(() =>
      expect(help).toHaveTextContent(
        `curl -X POST -H "Authorization: Bearer $PLATFORM_ROADMAP_TOKEN" -H "Content-Type: application/json" -d '{"value": 11.5}' https://backstage.example.com/api/platform-roadmap/teams/platform/ci-build/metrics/p99-build-time/points`,
      ),
    );
    expect(help).toHaveTextContent('backend.auth.externalAccess');
  });

  it('lets a member add a value, then refreshes that metric only', async () => {
    const teamRef = 'group:default/metrics-add-value';
    const added = point('m-build-time', 4, '2026-11-25T10:00:00Z', 12.5, {
      note: 'Cold cache after the runner upgrade',
      source: 'user:default/alice',
    });
    const postMetricPoint = jest.fn(async () => added);
    const getMetricPoints = jest.fn(async (id: string) => {
      const answer = pointsOf(teamRef, id);
      // After the value is posted, the backend has it.
      return id === 'm-build-time' && postMetricPoint.mock.calls.length
        ? {
            metric: { ...answer.metric, latest: added },
            items: [...buildTimePoints, added],
          }
        : answer;
    });
    const api = await renderCard(
      teamRef,
      { ...twoMetrics(teamRef), getMetricPoints, postMetricPoint },
      true,
    );

    const article = await screen.findByRole('article', { name: BUILD_TIME });
    await within(article).findByRole('img');
    await userEvent.click(
      within(article).getByRole('button', {
        name: 'Add value to p99 CI build time',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Add a value to p99 CI build time',
    });
    expect(dialog).toHaveTextContent('Latest: 11 min on 2026-11-20');

    // A value is required.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add value' }),
    );
    expect(within(dialog).getByLabelText(/Value \(min\)/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(postMetricPoint).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/Value \(min\)/),
      '12.5',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Note'),
      'Cold cache after the runner upgrade',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add value' }),
    );
    await waitFor(() =>
      expect(postMetricPoint).toHaveBeenCalledWith(teamRef, 'p99-build-time', {
        value: 12.5,
        note: 'Cold cache after the runner upgrade',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(
      await within(article).findByRole('img', {
        name: 'p99 CI build time: 18 min on 2026-09-01, 12.5 min on 2026-11-25',
      }),
    ).toBeInTheDocument();
    expect(article).toHaveTextContent('Latest: 12.5 min on 2026-11-25');
    // Only that metric was refetched; the list was not.
    expect(
      getMetricPoints.mock.calls.filter(([id]) => id === 'm-build-time'),
    ).toHaveLength(1);
    expect(
      getMetricPoints.mock.calls.filter(([id]) => id === 'm-incidents'),
    ).toHaveLength(0);
    expect(api.listMetrics).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('validates a new metric before sending it, with the key error under Key', async () => {
    const teamRef = 'group:default/metrics-new';
    const createMetric = jest.fn(async () => incidentsMetric(teamRef));
    const api = await renderCard(
      teamRef,
      { ...twoMetrics(teamRef), createMetric },
      true,
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'New metric' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'New metric' });
    await userEvent.type(
      within(dialog).getByLabelText(/Name/),
      'Deployment frequency',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Key/),
      'Deploys Per Week',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Kind/),
      'Deployment frequency',
    );
    // The kind proposes its direction.
    expect(within(dialog).getByLabelText(/Direction/)).toHaveValue('increase');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add metric' }),
    );

    const key = within(dialog).getByLabelText(/Key/);
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription(
      'key: must be lower-case letters, digits and dashes, e.g. p99-build-time',
    );
    expect(key).toHaveFocus();
    expect(within(dialog).getByLabelText(/Unit/)).toHaveAccessibleDescription(
      'unit: is required',
    );
    expect(createMetric).not.toHaveBeenCalled();

    await userEvent.clear(key);
    await userEvent.type(key, 'deploys-per-week');
    await userEvent.type(within(dialog).getByLabelText(/Unit/), 'deploys/week');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add metric' }),
    );
    await waitFor(() =>
      expect(createMetric).toHaveBeenCalledWith(teamRef, {
        key: 'deploys-per-week',
        kind: 'deployment-frequency',
        name: 'Deployment frequency',
        unit: 'deploys/week',
        direction: 'increase',
        description: '',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.listMetrics).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('edits a metric with the version seen, and says when someone else changed it', async () => {
    const teamRef = 'group:default/metrics-edit';
    const updateMetric = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          409,
          'metric m-build-time was changed (version 3, not 2)',
        ),
      )
      .mockResolvedValue(buildTimeMetric(teamRef, { version: 3 }));
    const api = await renderCard(
      teamRef,
      { ...twoMetrics(teamRef), updateMetric },
      true,
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit metric: p99 CI build time',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit metric: p99 CI build time',
    });
    expect(within(dialog).getByLabelText(/Key/)).toHaveValue('p99-build-time');
    expect(within(dialog).getByLabelText(/Kind/)).toHaveValue('time-to-build');
    await userEvent.clear(within(dialog).getByLabelText(/Unit/));
    await userEvent.type(within(dialog).getByLabelText(/Unit/), 's');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save metric' }),
    );
    await waitFor(() =>
      expect(updateMetric).toHaveBeenCalledWith('m-build-time', {
        version: 2,
        key: 'p99-build-time',
        kind: 'time-to-build',
        name: 'p99 CI build time',
        unit: 's',
        direction: 'decrease',
        description: 'The 99th percentile of the monorepo pipeline, per day.',
      }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('was changed (version 3, not 2)');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload the metrics' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.listMetrics).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('deletes a metric only after confirmation', async () => {
    const teamRef = 'group:default/metrics-delete';
    const deleteMetric = jest.fn(async () => undefined);
    const api = await renderCard(
      teamRef,
      { ...twoMetrics(teamRef), deleteMetric },
      true,
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit metric: SEV-2 incidents',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit metric: SEV-2 incidents',
    });
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Delete metric: SEV-2 incidents',
      }),
    );
    expect(dialog).toHaveTextContent(
      'Delete the metric “SEV-2 incidents”? Its recorded values go with it.',
    );
    expect(deleteMetric).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Yes, delete metric: SEV-2 incidents',
      }),
    );
    await waitFor(() =>
      expect(deleteMetric).toHaveBeenCalledWith('m-incidents', 1),
    );
    await waitFor(() => expect(api.listMetrics).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('explains which metrics to track when there are none, and offers members to add one', async () => {
    const teamRef = 'group:default/metrics-empty';
    await renderCard(
      teamRef,
      { listMetrics: async () => ({ items: [] }) },
      true,
    );
    expect(await screen.findByText('No metrics yet')).toBeInTheDocument();
    for (const metric of [
      'time to build',
      'deployment frequency',
      'MTTR',
      'incident count',
      'infra cost per unit of work',
      'consumer satisfaction',
    ]) {
      expect(screen.getByText(new RegExp(metric))).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('button', { name: 'New metric' }));
    expect(
      await screen.findByRole('dialog', { name: 'New metric' }),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard('group:default/metrics-loading', {
      listMetrics: () => new Promise(() => {}),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when loading fails', async () => {
    await renderCard('group:default/metrics-error', {
      listMetrics: async () => {
        throw new Error('The backend is down');
      },
    });
    expect(
      await screen.findByText('Error: The backend is down'),
    ).toBeInTheDocument();
  });
});
