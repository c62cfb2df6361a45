import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  periodLabel,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { ImpactCard } from './ImpactCard';
import { impactSummary } from './testData';

const TEAM_REF = 'group:default/checkout';

const checkoutTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'team', children: [] },
};

/** The quarter before this one: what the card shows first. */
const LAST_QUARTER = shiftQuarter(quarterOf(new Date()), -1);

async function renderCard(implementation: Partial<PlatformRoadmapApi>) {
  const api = mockPlatformRoadmapApi(implementation);
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={checkoutTeam}>
        <ImpactCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

/** The rows of a table, as the text of their cells. */
function rows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .map(row =>
      [
        ...within(row).queryAllByRole('columnheader'),
        ...within(row).queryAllByRole('rowheader'),
        ...within(row).queryAllByRole('cell'),
      ].map(cell => cell.textContent),
    );
}

describe('ImpactCard', () => {
  it("shows last quarter's time saved, with the calculation behind it", async () => {
    const api = await renderCard({
      getImpact: async (teamRef, quarter) => impactSummary(teamRef, quarter!),
    });

    expect(
      await screen.findByText(
        `≈ 6.9 person-weeks saved in ${periodLabel(LAST_QUARTER)}`,
      ),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenCalledTimes(1);
    expect(api.getImpact).toHaveBeenCalledWith(TEAM_REF, LAST_QUARTER);

    const table = screen.getByRole('table', {
      name: `How the time saved in ${periodLabel(LAST_QUARTER)} is calculated`,
    });
    expect(rows(table)).toEqual([
      ['Request', 'Platform team', 'Shipped on', 'Via', 'Time saved'],
      [
        'Remote cache misses on every CI run',
        'ci-build',
        '2026-08-17',
        'Filed from checkout-web',
        '2 h × 14 engineers × 6.4 weeks = 179 h',
      ],
      [
        'Rotate secrets without a redeploy',
        'security-platform',
        '2026-09-01',
        'Endorsed from checkout-api',
        '0.5 h × 48 engineers × 4 weeks = 96 h',
      ],
      ['Total', '275 h ÷ 40 h = 6.9 person-weeks'],
    ]);
    // The request links to the release note that shipped it.
    expect(
      within(table).getByRole('link', {
        name: 'Remote cache misses on every CI run',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/release-notes?note=rn-cache-v2',
    );
    expect(
      within(table).getByRole('link', { name: 'security-platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/security-platform');
  });

  it('loads another quarter when chosen', async () => {
    const api = await renderCard({
      getImpact: async (teamRef, quarter) =>
        quarter === LAST_QUARTER
          ? impactSummary(teamRef, quarter)
          : impactSummary(teamRef, quarter!, {
              items: [impactSummary(teamRef, quarter!).items[1]],
              hoursSaved: 96,
              personWeeksSaved: 2.4,
            }),
    });
    await screen.findByText(/≈ 6.9 person-weeks/);

    const select = screen.getByLabelText('Quarter');
    expect(select).toHaveValue(LAST_QUARTER);
    const quarters = [1, 2, 3, 4].map(n =>
      shiftQuarter(quarterOf(new Date()), -n),
    );
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(quarters.map(periodLabel));

    await userEvent.selectOptions(select, periodLabel(quarters[2]));
    expect(
      await screen.findByText(
        `≈ 2.4 person-weeks saved in ${periodLabel(quarters[2])}`,
      ),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenLastCalledWith(TEAM_REF, quarters[2]);
    expect(api.getImpact).toHaveBeenCalledTimes(2);
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('says when nothing shipped for the team', async () => {
    await renderCard({
      getImpact: async (teamRef, quarter) =>
        impactSummary(teamRef, quarter!, {
          items: [],
          hoursSaved: 0,
          personWeeksSaved: 0,
        }),
    });
    expect(
      await screen.findByText(
        `Nothing shipped for this team in ${periodLabel(LAST_QUARTER)}`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText(/person-week/)).toBeNull();
    // The card stays, with its title, so the quarter can be changed.
    expect(
      screen.getByText('What platforms shipped for you'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Quarter')).toBeInTheDocument();
  });

  it('shows progress while loading, then the error when loading fails', async () => {
    let fail: (error: Error) => void = () => {};
    await renderCard({
      getImpact: () =>
        new Promise((_, reject) => {
          fail = reject;
        }),
    });
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    fail(new Error('The impact is unavailable'));
    expect(
      await screen.findByText('Error: The impact is unavailable'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
