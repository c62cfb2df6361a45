import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { TeamRoadmap as TeamRoadmapData } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { roadmapFixture } from './testData';
import { TeamRoadmap } from './TeamRoadmap';

// usePermission caches decisions per permission and resource across
// renders (SWR), so every test uses a team ref of its own.
async function renderRoadmap(
  api: PlatformRoadmapApi,
  allowed: boolean,
  teamRef: string,
  url = '/',
) {
  return renderInTestApp(
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
      <TeamRoadmap teamRef={teamRef} />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [url],
    },
  );
}

/** An api whose getRoadmap answers with the fixture (per quarter). */
function apiFor(
  teamRef: string,
  overrides: Partial<TeamRoadmapData> = {},
  rest: Partial<PlatformRoadmapApi> = {},
) {
  return mockPlatformRoadmapApi({
    getRoadmap: async () => roadmapFixture(teamRef, overrides),
    ...rest,
  });
}

const P99 = 'Reduce p99 CI build time from 18 min to 8 min';

describe('TeamRoadmap', () => {
  it('opens the quarter a link names (search results link a theme with its quarter)', async () => {
    const teamRef = 'group:default/linked-quarter';
    const api = apiFor(teamRef);
    await renderRoadmap(api, false, teamRef, '/?quarter=2026-Q3&theme=t1');
    await screen.findByRole('region', { name: 'Reliability' });
    expect(api.getRoadmap).toHaveBeenCalledWith(teamRef, '2026-Q3');
    expect(api.getRoadmap).not.toHaveBeenCalledWith(teamRef);
  });

  it('ignores a quarter in the link that is not one', async () => {
    const teamRef = 'group:default/bad-quarter';
    const api = apiFor(teamRef);
    await renderRoadmap(api, false, teamRef, '/?quarter=next');
    await screen.findByRole('region', { name: 'Reliability' });
    expect(api.getRoadmap).toHaveBeenCalledWith(teamRef);
  });

  it('shows themes by category with their outcome, status, OKRs, planned requests and teams impacted', async () => {
    const teamRef = 'group:default/read-themes';
    const api = apiFor(teamRef);
    await renderRoadmap(api, false, teamRef);

    const reliability = await screen.findByRole('region', {
      name: 'Reliability',
    });
    // Categories in their fixed order, only those with themes.
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual(['Reliability', 'Velocity', 'Cost', 'Commitments for Q4 2026']);
    expect(api.getRoadmap).toHaveBeenCalledTimes(1);
    expect(api.getRoadmap).toHaveBeenCalledWith(teamRef);

    const ci = within(reliability).getByRole('article', {
      name: 'Fast and reliable CI',
    });
    expect(ci).toHaveTextContent('Outcome: p99 CI build under 8 minutes');
    expect(within(ci).getByText('In progress')).toBeInTheDocument();
    expect(within(ci).getByText('2026')).toBeInTheDocument();
    // The description is Markdown.
    expect(within(ci).getByText('never').tagName).toBe('STRONG');
    expect(
      within(ci).getByRole('heading', { name: 'Make CI builds fast' }),
    ).toBeInTheDocument();
    const bar = within(ci).getByRole('progressbar', {
      name: `${P99}: 40% of the way to target`,
    });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(
      within(ci).getByRole('list', {
        name: 'Requests planned under Fast and reliable CI',
      }),
    ).toHaveTextContent(
      'Remote cache misses on every CI run (Planned, Q4 2026)',
    );
    expect(ci).toHaveTextContent('Teams impacted: 2');
    const teams = within(ci).getByRole('list', {
      name: 'Teams impacted by Fast and reliable CI',
    });
    expect(
      within(teams)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['Checkout', 'orders']);

    const velocity = screen.getByRole('region', { name: 'Velocity' });
    const onboarding = within(velocity).getByRole('article', {
      name: 'Self-service build onboarding',
    });
    expect(within(onboarding).getByText('Committed')).toBeInTheDocument();
    expect(within(onboarding).getByText('Q4 2026')).toBeInTheDocument();
    expect(
      within(onboarding).getByRole('progressbar', {
        name: /Onboard 3 new teams/,
      }),
    ).toHaveAttribute('aria-valuenow', '100');
    expect(onboarding).toHaveTextContent('Measured from catalog');

    const cost = screen.getByRole('region', { name: 'Cost' });
    expect(cost).toHaveTextContent('Deprioritized');
    expect(cost).toHaveTextContent(
      'Why deprioritized: Reliability comes first this year',
    );
    expect(cost).toHaveTextContent('No objectives yet.');
    expect(screen.queryByRole('region', { name: 'Capability' })).toBeNull();
    expect(screen.queryByText(/the guide recommends/)).toBeNull();
  });

  it('lists commitments and deprioritized work with the reason', async () => {
    const teamRef = 'group:default/read-commitments';
    await renderRoadmap(apiFor(teamRef), false, teamRef);

    const committed = await screen.findByRole('list', {
      name: 'Committed (1)',
    });
    expect(committed).toHaveTextContent('Ship remote cache v2');
    // Its theme, and its description as Markdown.
    expect(committed).toHaveTextContent('Fast and reliable CI');
    expect(within(committed).getByText('shared').tagName).toBe('EM');
    const deprioritized = screen.getByRole('list', {
      name: 'Deprioritized (1)',
    });
    expect(deprioritized).toHaveTextContent('Windows build runners');
    expect(deprioritized).toHaveTextContent(
      'Why: Two teams need them and hosted runners cover both',
    );
  });

  it('says so when a list of commitments is empty', async () => {
    const teamRef = 'group:default/no-deprioritized';
    const fixture = roadmapFixture(teamRef);
    await renderRoadmap(
      apiFor(teamRef, {
        commitments: fixture.commitments.filter(c => c.kind === 'committed'),
      }),
      false,
      teamRef,
    );
    expect(
      await screen.findByText('Nothing deprioritized for Q4 2026.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Committed (1)' })).toBeVisible();
  });

  it('warns when the year has more themes than the guide recommends', async () => {
    const teamRef = 'group:default/over-limit';
    await renderRoadmap(
      apiFor(teamRef, {
        themesInYear: { year: '2026', count: 7, overLimit: true },
      }),
      false,
      teamRef,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '7 themes in 2026 — the guide recommends 3–5 a year',
    );
  });

  it('shows an empty state, with buttons to start for members', async () => {
    const teamRef = 'group:default/empty-member';
    await renderRoadmap(
      apiFor(teamRef, { themes: [], commitments: [] }),
      true,
      teamRef,
    );
    expect(
      await screen.findByText('Nothing on the roadmap for Q4 2026 yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Add the first theme' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Add a commitment for Q4 2026' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state without buttons for others', async () => {
    const teamRef = 'group:default/empty-visitor';
    await renderRoadmap(
      apiFor(teamRef, { themes: [], commitments: [] }),
      false,
      teamRef,
    );
    expect(
      await screen.findByText('Nothing on the roadmap for Q4 2026 yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add/ })).toBeNull();
  });

  it('shows the error when the roadmap cannot be loaded', async () => {
    const teamRef = 'group:default/broken';
    await renderRoadmap(
      mockPlatformRoadmapApi({
        getRoadmap: async () => {
          throw new Error('roadmap exploded');
        },
      }),
      false,
      teamRef,
    );
    expect(
      (await screen.findAllByText(/roadmap exploded/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows no add, edit or check-in buttons to non-members', async () => {
    const teamRef = 'group:default/visitor';
    await renderRoadmap(apiFor(teamRef), false, teamRef);
    await screen.findByRole('region', { name: 'Reliability' });
    // The history of a key result is for everyone.
    expect(
      screen.getByRole('button', { name: `History (2 check-ins): ${P99}` }),
    ).toBeInTheDocument();
    expect(
      screen.queryAllByRole('button', {
        name: /^(Add|Edit|Check in|Delete)/,
      }),
    ).toEqual([]);
  });

  it('gives members buttons named after what they act on', async () => {
    const teamRef = 'group:default/member-buttons';
    await renderRoadmap(apiFor(teamRef), true, teamRef);
    await screen.findByRole('button', { name: `Check in: ${P99}` });
    for (const name of [
      'Add theme',
      'Edit theme: Fast and reliable CI',
      'Add objective to Fast and reliable CI',
      'Edit objective: Make CI builds fast',
      'Add key result to Make CI builds fast',
      `Edit key result: ${P99}`,
      'Add commitment for Q4 2026',
      'Edit commitment: Ship remote cache v2',
      'Edit commitment: Windows build runners',
    ]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('shows the latest check-ins of a key result', async () => {
    const teamRef = 'group:default/history';
    await renderRoadmap(apiFor(teamRef), false, teamRef);
    await userEvent.click(
      await screen.findByRole('button', {
        name: `History (2 check-ins): ${P99}`,
      }),
    );
    const history = screen.getByRole('list', {
      name: `Latest check-ins: ${P99}`,
    });
    // Newest first.
    expect(
      within(history)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      '2026-10-01: 14 min — Sharded the integration tests (by bob)',
      '2026-07-01: 16 min — Remote cache on for the monorepo (by alice)',
    ]);
  });

  it('refetches the roadmap of the quarter chosen', async () => {
    const teamRef = 'group:default/quarters';
    const api = mockPlatformRoadmapApi({
      getRoadmap: async (ref, quarter) =>
        quarter === '2026-Q3'
          ? roadmapFixture(ref, {
              quarter: '2026-Q3',
              themes: [],
              commitments: [
                {
                  ...roadmapFixture(ref).commitments[0],
                  id: 'c-q3',
                  quarter: '2026-Q3',
                  title: 'Migrate to the new runner images',
                  themeId: undefined,
                },
              ],
            })
          : roadmapFixture(ref),
    });
    await renderRoadmap(api, false, teamRef);

    const select = await screen.findByLabelText('Quarter');
    expect(select).toHaveValue('2026-Q4');
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Q4 2026', 'Q3 2026']);
    await userEvent.selectOptions(select, 'Q3 2026');

    expect(
      await screen.findByText('Migrate to the new runner images'),
    ).toBeInTheDocument();
    expect(api.getRoadmap).toHaveBeenLastCalledWith(teamRef, '2026-Q3');
    expect(api.getRoadmap).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Quarter')).toHaveValue('2026-Q3');
    expect(screen.getByText('Commitments for Q3 2026')).toBeInTheDocument();
    expect(screen.queryByText('Fast and reliable CI')).toBeNull();
  });
});
