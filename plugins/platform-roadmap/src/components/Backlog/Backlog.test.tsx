import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  PlatformRequest,
  RankedRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { roadmapFixture } from '../TeamRoadmap/testData';
import { Backlog } from './Backlog';

const request: PlatformRequest = {
  id: 'r1',
  version: 1,
  title: 'Remote cache misses on every CI run',
  description:
    'Builds **never** hit the cache. <img src=x onerror="window.pwned=1"> [x](javascript:alert(1))',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
  requestingEntityRef: 'component:default/checkout-web',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: ['component:default/build-cache'],
  status: 'open',
  endorsements: [
    {
      entityRef: 'component:default/order-service',
      teamRef: 'group:default/orders',
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 6 },
      createdBy: 'user:default/bob',
      createdAt: '2026-11-02T00:00:00Z',
    },
  ],
  createdBy: 'user:default/alice',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

const team = (name: string) => ({
  entityRef: `group:default/${name}`,
  kind: 'Group',
  name,
  namespace: 'default',
});

const ranked: RankedRequest = {
  rank: 1,
  request,
  teamsImpacted: {
    teams: [
      {
        team: team('checkout'),
        reasons: [
          { type: 'requested', entityRef: 'component:default/checkout-web' },
        ],
        orgUnitRefs: ['group:default/payments'],
      },
      {
        team: team('orders'),
        reasons: [
          { type: 'endorsed', entityRef: 'component:default/order-service' },
        ],
        orgUnitRefs: [],
      },
      {
        team: team('billing'),
        reasons: [
          {
            type: 'depends',
            entityRef: 'component:default/invoicing',
            relation: 'dependsOn',
            targetRef: 'component:default/build-cache',
            platformEntityRef: 'component:default/build-cache',
            depth: 1,
          },
        ],
        orgUnitRefs: ['group:default/payments'],
      },
    ],
    orgUnits: [{ unit: team('payments'), teamCount: 2 }],
    askingTeamCount: 3,
    strongSignal: true,
  },
  score: {
    total: 44,
    parts: [
      {
        factor: 'teamsImpacted',
        value: 3,
        weight: 10,
        points: 20,
        explanation: '10 × log2(1 + 3 teams)',
      },
      {
        factor: 'severity',
        value: 3,
        weight: 8,
        points: 24,
        explanation: '8 × 3 (high)',
      },
    ],
  },
};

// usePermission caches decisions per permission and resource across
// renders (SWR), so tests that allow use a team ref of their own.
async function renderBacklog(
  api: PlatformRoadmapApi,
  allowed: boolean,
  teamRef = 'group:default/ci-build',
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
      <Backlog teamRef={teamRef} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('Backlog', () => {
  it('ranks requests with teams impacted, the reasons and the score breakdown', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({ items: [ranked], totalItems: 1 }),
    });
    await renderBacklog(api, false);

    const table = await screen.findByRole('table', { name: 'Backlog' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('Remote cache misses on every CI run');
    expect(row).toHaveTextContent('Strong signal: 3 teams asking');
    // 2 h × 12 + 1 h × 6 = 30 engineer-hours a week
    expect(within(row).getAllByRole('cell')[5]).toHaveTextContent('30');
    expect(within(row).getAllByRole('cell')[9]).toHaveTextContent('44');
    expect(screen.queryByRole('button', { name: /^Triage/ })).toBeNull();
    expect(api.getBacklog).toHaveBeenCalledWith('group:default/ci-build', {
      status: ['open', 'triaged', 'planned'],
      limit: 25,
    });

    await userEvent.click(
      within(row).getByRole('button', { name: '3 teams impacted: show why' }),
    );
    const reasons = screen.getByRole('list', { name: 'Teams impacted' });
    expect(reasons).toHaveTextContent(
      'filed it from component:default/checkout-web',
    );
    expect(reasons).toHaveTextContent(
      'component:default/invoicing depends on component:default/build-cache',
    );
    expect(
      screen.getByRole('table', { name: 'Score breakdown' }),
    ).toHaveTextContent('10 × log2(1 + 3 teams)');
    // The description is Markdown, rendered sanitized.
    expect(screen.getByText('never').tagName).toBe('STRONG');
    expect(document.querySelector('img[onerror]')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('counts the teams and dependents a long list leaves out', async () => {
    const [checkout, orders, billing] = ranked.teamsImpacted.teams;
    const long: RankedRequest = {
      ...ranked,
      teamsImpacted: {
        ...ranked.teamsImpacted,
        teams: [checkout, orders, { ...billing, omittedReasons: 39 }],
        omittedTeams: 1200,
      },
    };
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({ items: [long], totalItems: 1 }),
    });
    await renderBacklog(api, false);

    const table = await screen.findByRole('table', { name: 'Backlog' });
    const [, row] = within(table).getAllByRole('row');
    await userEvent.click(
      within(row).getByRole('button', {
        name: '1203 teams impacted: show why',
      }),
    );
    expect(
      screen.getByRole('list', { name: 'Teams impacted' }),
    ).toHaveTextContent('; and 39 more');
    expect(screen.getByText('…and 1200 more teams')).toBeInTheDocument();
  });

  it('shows an empty state and errors', async () => {
    await renderBacklog(
      mockPlatformRoadmapApi({
        getBacklog: async () => ({ items: [], totalItems: 0 }),
      }),
      false,
    );
    expect(await screen.findByText('No requests here')).toBeInTheDocument();
  });

  it('shows the error when the backlog cannot be loaded', async () => {
    await renderBacklog(
      mockPlatformRoadmapApi({
        getBacklog: async () => {
          throw new Error('backlog exploded');
        },
      }),
      false,
    );
    expect(
      (await screen.findAllByText(/backlog exploded/)).length,
    ).toBeGreaterThan(0);
  });

  it('lets members triage, validating before saving, and reloads', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({ items: [ranked], totalItems: 1 }),
      triage: async () => ({ ...request, version: 2, status: 'triaged' }),
    });
    await renderBacklog(api, true, 'group:default/platform-members');

    await screen.findByRole('table', { name: 'Backlog' });
    await userEvent.click(
      await screen.findByLabelText(
        'Triage Remote cache misses on every CI run',
      ),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByText('Save'));
    expect(api.triage).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText(/Cost to ship/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await userEvent.type(within(dialog).getByLabelText(/Cost to ship/), '2');
    await userEvent.click(within(dialog).getByText('Save'));
    await waitFor(() =>
      expect(api.triage).toHaveBeenCalledWith('r1', {
        version: 1,
        costToShip: 2,
        strategicFit: 3,
        reversibility: 3,
      }),
    );
    await waitFor(() => expect(api.getBacklog).toHaveBeenCalledTimes(2));
  }, 20_000);

  it('plans a request under a theme and for a quarter', async () => {
    const teamRef = 'group:default/platform-planning';
    const triaged: RankedRequest = {
      ...ranked,
      request: {
        ...request,
        platformTeamRef: teamRef,
        status: 'triaged',
        version: 3,
        triage: { costToShip: 1, strategicFit: 4, reversibility: 4 },
      },
    };
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({ items: [triaged], totalItems: 1 }),
      getRoadmap: async ref => roadmapFixture(ref),
      triage: async () => ({ ...triaged.request, version: 4 }),
      changeStatus: async () => ({
        ...triaged.request,
        version: 5,
        status: 'planned',
      }),
    });
    await renderBacklog(api, true, teamRef);

    await userEvent.click(
      await screen.findByLabelText(
        'Triage Remote cache misses on every CI run',
      ),
    );
    const dialog = await screen.findByRole('dialog');
    // Fetched once, when the dialog opens.
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledWith(teamRef));
    expect(within(dialog).queryByText('Theme')).toBeNull();

    const choose = async (field: RegExp, option: string) => {
      await userEvent.click(
        within(dialog).getByRole('button', { name: field }),
      );
      await userEvent.click(
        within(await screen.findByRole('listbox')).getByText(option),
      );
    };
    await choose(/Change status/, 'Planned');
    await userEvent.click(
      within(dialog).getByRole('button', { name: /Theme/ }),
    );
    // Deprioritized themes are not offered.
    expect(
      within(await screen.findByRole('listbox'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'No theme',
      'Fast and reliable CI (2026)',
      'Self-service build onboarding (Q4 2026)',
    ]);
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText(
        'Fast and reliable CI (2026)',
      ),
    );
    // The roadmap's quarter is proposed; the next ones can be chosen.
    expect(
      within(dialog).getByRole('button', { name: /Quarter/ }),
    ).toHaveTextContent('Q4 2026');
    await choose(/Quarter/, 'Q1 2027');
    await userEvent.click(within(dialog).getByText('Save'));

    await waitFor(() =>
      expect(api.changeStatus).toHaveBeenCalledWith('r1', {
        version: 4,
        status: 'planned',
        themeId: 't-ci',
        quarter: '2027-Q1',
      }),
    );
    expect(api.getRoadmap).toHaveBeenCalledTimes(1);
  }, 20_000);
});
