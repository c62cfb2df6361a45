import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  periodLabel,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { OrgRoadmapPage } from './OrgRoadmapPage';
import { orgOverview } from './testData';

/** The year the backend shows without a period: the current one (UTC). */
const THIS_YEAR = String(new Date().getUTCFullYear());

function CurrentSearch() {
  return <output aria-label="Current search">{useLocation().search}</output>;
}

async function renderPage(api: PlatformRoadmapApi, query = '') {
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <OrgRoadmapPage />
      <CurrentSearch />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [`/platform-roadmap${query}`],
    },
  );
}

/** An API that answers the fixture for whatever period it is asked. */
function overviewApi() {
  return mockPlatformRoadmapApi({
    getOverview: async period => orgOverview(period ?? THIS_YEAR),
  });
}

async function renderLoaded(query = '') {
  const api = overviewApi();
  await renderPage(api, query);
  await screen.findByRole('heading', { name: 'Platform teams' });
  return api;
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });

/** The text of each cell of each body row of a table. */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('OrgRoadmapPage', () => {
  it('shows a progress indicator while loading', async () => {
    await renderPage(
      mockPlatformRoadmapApi({ getOverview: () => new Promise(() => {}) }),
    );
    expect(
      screen.getByRole('heading', { name: 'Platform roadmap' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Platform teams' }),
    ).toBeNull();
  });

  it('shows the error when the overview cannot be loaded', async () => {
    await renderPage(
      mockPlatformRoadmapApi({
        getOverview: async () => {
          throw new Error('overview exploded');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/overview exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      screen.queryByRole('heading', { name: 'Platform teams' }),
    ).toBeNull();
  });

  it('says so when there are no platform teams', async () => {
    await renderPage(
      mockPlatformRoadmapApi({
        getOverview: async () =>
          orgOverview('2026', {
            teams: [],
            themes: [],
            backlog: [],
            backlogTotal: 0,
            deprecations: [],
            metrics: [],
          }),
      }),
    );
    expect(
      await screen.findByText('No platform teams yet'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Platform teams' }),
    ).toBeNull();
  });

  it('says what each section lacks when teams have nothing yet', async () => {
    await renderPage(
      mockPlatformRoadmapApi({
        getOverview: async () =>
          orgOverview('2026-Q4', {
            themes: [],
            backlog: [],
            backlogTotal: 0,
            deprecations: [],
            metrics: [],
          }),
      }),
    );
    await screen.findByRole('heading', { name: 'Platform teams' });
    expect(
      within(region('Themes by category')).getByText('No themes for Q4 2026.'),
    ).toBeInTheDocument();
    expect(
      within(region('Org-wide backlog')).getByText(
        "No open, triaged or planned requests in any platform team's backlog.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Org-wide backlog' }),
    ).toBeNull();
    expect(
      within(region('Deprecation calendar')).getByText(
        'No active deprecations.',
      ),
    ).toBeInTheDocument();
    expect(
      within(region('Metrics')).getByText('No metrics recorded yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Metrics overview' }),
    ).toBeNull();
  });

  it('shows a card per team, its name linking to its Roadmap tab', async () => {
    await renderLoaded();
    const teams = region('Platform teams');
    expect(
      within(teams).getByRole('link', { name: 'CI & Build' }),
    ).toHaveAttribute('href', '/catalog/default/group/ci-build/roadmap');
    expect(
      within(teams).getByRole('link', { name: 'Developer Portal' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/developer-portal/roadmap',
    );

    const ci = within(teams).getByRole('article', { name: 'CI & Build' });
    expect(
      within(ci).getByText('Builds, caches and runners for every repository.'),
    ).toBeInTheDocument();
    expect(
      within(within(ci).getByRole('list', { name: 'CI & Build in numbers' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      '7 consuming teams',
      `2 themes in ${THIS_YEAR}`,
      '2 active deprecations',
      'Satisfaction: 4.2 / 5 from 6 ratings',
    ]);
    const contact = within(ci).getByRole('list', {
      name: 'Contact CI & Build',
    });
    expect(
      within(contact).getByRole('link', { name: /^#ci-build/ }),
    ).toHaveAttribute('href', 'https://chat.example.com/channels/ci-build');
    expect(
      within(contact).getByText('Office hours: Tuesdays 14:00'),
    ).toBeInTheDocument();

    const portal = within(teams).getByRole('article', {
      name: 'Developer Portal',
    });
    expect(
      within(
        within(portal).getByRole('list', {
          name: 'Developer Portal in numbers',
        }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      '1 consuming team',
      `1 theme in ${THIS_YEAR}`,
      '1 active deprecation',
    ]);
    expect(within(portal).queryByText(/Satisfaction/)).toBeNull();
    expect(within(portal).queryByText('Contact')).toBeNull();
  });

  it('groups the themes by category, with team, status and outcome', async () => {
    await renderLoaded();
    const themes = region('Themes by category');
    expect(
      within(themes)
        .getAllByRole('heading', { level: 3 })
        .map(h => h.textContent),
    ).toEqual(['Reliability (1)', 'Velocity (2)']);

    const velocity = within(themes).getByRole('region', {
      name: 'Velocity (2)',
    });
    const builds = within(velocity).getByRole('article', {
      name: 'Faster builds',
    });
    expect(within(builds).getByText('CI & Build')).toBeInTheDocument();
    expect(within(builds).getByText('In progress')).toBeInTheDocument();
    expect(
      within(builds).getByText('p99 CI build under 8 minutes'),
    ).toBeInTheDocument();
    const golden = within(velocity).getByRole('article', {
      name: 'Golden paths',
    });
    expect(within(golden).getByText('Developer Portal')).toBeInTheDocument();
    expect(within(golden).getByText('Deprioritized')).toBeInTheDocument();
    expect(
      within(golden).getByText(
        'Why deprioritized: The auth migration comes first',
      ),
    ).toBeInTheDocument();

    const reliability = within(themes).getByRole('region', {
      name: 'Reliability (1)',
    });
    const flakes = within(reliability).getByRole('article', {
      name: 'Runners that do not flake',
    });
    expect(within(flakes).getByText('Q4 2026')).toBeInTheDocument();
    expect(within(flakes).getByText('Committed')).toBeInTheDocument();
  });

  it('lists the org-wide backlog with its ranks, teams and scores', async () => {
    await renderLoaded();
    const table = screen.getByRole('table', { name: 'Org-wide backlog' });
    expect(bodyRows(table)).toEqual([
      [
        '1',
        'Remote build cache for GradleStrong signal: 3 teams asking',
        'CI & Build',
        'Open',
        '3',
        '42.5',
      ],
      [
        '2',
        'Template for Python services',
        'Developer Portal',
        'Triaged',
        '1',
        '17',
      ],
    ]);
    expect(
      within(region('Org-wide backlog')).getByText(/^Showing 2 of 9 open/),
    ).toBeInTheDocument();
  });

  it('lays the deprecations out by the month they sunset', async () => {
    await renderLoaded();
    const calendar = region('Deprecation calendar');
    expect(
      within(calendar)
        .getAllByRole('heading', { level: 3 })
        .map(h => h.textContent),
    ).toEqual(['December 2026', 'February 2027']);

    const december = within(calendar).getByRole('table', {
      name: 'Sunsets in December 2026',
    });
    expect(bodyRows(december)).toEqual([
      [
        'legacy-runner',
        'CI & Build',
        '2026-12-05',
        'Sunset passed 2 days ago',
        '3',
      ],
      ['Build cache v1', 'CI & Build', '2026-12-31', '12 days left', '4'],
    ]);
    expect(
      within(december).getByRole('link', { name: 'Build cache' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-cache');

    const february = within(calendar).getByRole('table', {
      name: 'Sunsets in February 2027',
    });
    expect(bodyRows(february)).toEqual([
      [
        'Portal search API v1',
        'Developer Portal',
        '2027-02-15',
        '58 days left',
        '1',
      ],
    ]);
  });

  it('judges each metric change by the direction that is better', async () => {
    await renderLoaded();
    const table = screen.getByRole('table', { name: 'Metrics overview' });
    const rows = new Map(bodyRows(table).map(row => [row[1], row]));
    // Lower is better and it went down.
    expect(rows.get('p99 build time')).toEqual([
      'CI & Build',
      'p99 build time',
      '12.5 min',
      '↓ down 1.5 min, betterfrom 14 min',
      '2026-12-01',
    ]);
    // Lower is better and it went up.
    expect(rows.get('Flaky build rate')?.[3]).toBe(
      '↑ up 0.6 %, worsefrom 1.2 %',
    );
    // Higher is better and it went up.
    expect(rows.get('Deploys per day')?.[3]).toBe(
      '↑ up 4 deploys, betterfrom 30 deploys',
    );
    // Higher is better and it went down.
    expect(rows.get('Consumer satisfaction')?.slice(2, 4)).toEqual([
      '4.1',
      '↓ down 0.3, worsefrom 4.4',
    ]);
    expect(rows.get('Cache hit rate')?.[3]).toBe('→ no changefrom 80 %');
    expect(rows.get('Onboarding time')?.slice(2)).toEqual([
      'No data yet',
      '—',
      '—',
    ]);
    // Sorted by team, then metric.
    expect([...rows.keys()]).toEqual([
      'Cache hit rate',
      'Flaky build rate',
      'p99 build time',
      'Consumer satisfaction',
      'Deploys per day',
      'Onboarding time',
    ]);
  });

  it('offers this and last year, and the quarters around this one', async () => {
    const api = await renderLoaded();
    const now = new Date();
    const year = now.getUTCFullYear();
    const quarter = quarterOf(now);
    const select = screen.getByRole('combobox', { name: 'Period' });
    expect(select).toHaveValue(String(year));
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.getAttribute('value')),
    ).toEqual([
      String(year),
      String(year - 1),
      shiftQuarter(quarter, 1),
      quarter,
      shiftQuarter(quarter, -1),
      shiftQuarter(quarter, -2),
    ]);
    expect(
      within(select).getByRole('option', {
        name: `${periodLabel(quarter)} (this quarter)`,
      }),
    ).toBeInTheDocument();
    // Without a period the backend picks the current year.
    expect(api.getOverview).toHaveBeenCalledTimes(1);
    expect(api.getOverview).toHaveBeenCalledWith(undefined);
    expect(screen.getByLabelText('Current search')).toBeEmptyDOMElement();
  });

  it('loads the period chosen, once, and keeps it in the URL', async () => {
    const api = await renderLoaded();
    const lastQuarter = shiftQuarter(quarterOf(new Date()), -1);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Period' }),
      lastQuarter,
    );
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith(lastQuarter),
    );
    expect(screen.getByLabelText('Current search')).toHaveTextContent(
      `?period=${lastQuarter}`,
    );
    const teams = await screen.findByRole('article', { name: 'CI & Build' });
    expect(
      within(teams).getByText(`2 themes in ${periodLabel(lastQuarter)}`),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue(
      lastQuarter,
    );
    expect(api.getOverview).toHaveBeenCalledTimes(2);
  });

  it('opens on the period in the URL, even one the filter does not list', async () => {
    const api = await renderLoaded('?period=2019-Q2');
    expect(api.getOverview).toHaveBeenCalledTimes(1);
    expect(api.getOverview).toHaveBeenCalledWith('2019-Q2');
    const select = screen.getByRole('combobox', { name: 'Period' });
    expect(select).toHaveValue('2019-Q2');
    expect(
      within(select).getByRole('option', { name: 'Q2 2019' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 themes in Q2 2019')).toBeInTheDocument();
  });

  it('ignores a period in the URL that is not one', async () => {
    const api = await renderLoaded('?period=next-week');
    expect(api.getOverview).toHaveBeenCalledTimes(1);
    expect(api.getOverview).toHaveBeenCalledWith(undefined);
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue(
      THIS_YEAR,
    );
  });
});
