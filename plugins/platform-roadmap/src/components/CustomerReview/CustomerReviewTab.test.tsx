import { useLocation } from 'react-router-dom';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  periodLabel,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { CustomerReviewTab } from './CustomerReviewTab';
import {
  ask,
  emptyReview,
  groupEntity,
  responseError,
  reviewFixture,
} from './testData';

const NOW = quarterOf(new Date());

/** The query of the current URL, to check what a shared link would hold. */
function CurrentSearch() {
  return <output aria-label="Current search">{useLocation().search}</output>;
}

/**
 * Renders the tab on a team's Group page (a name of its own per test:
 * usePermission caches decisions per resource across tests).
 */
async function renderTab(options: {
  name: string;
  api: PlatformRoadmapApi;
  allowed?: boolean;
  query?: string;
}) {
  const { name, api, allowed = false, query = '' } = options;
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
      <EntityProvider entity={groupEntity(name)}>
        <CustomerReviewTab />
        <CurrentSearch />
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [`/catalog/default/group/${name}/review${query}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return `group:default/${name}`;
}

/** An API whose review is the fixture, for the quarter asked. */
function reviewApi(rest: Partial<PlatformRoadmapApi> = {}) {
  return mockPlatformRoadmapApi({
    getCustomerReview: async (ref, quarter = NOW) =>
      reviewFixture(ref, quarter),
    ...rest,
  });
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
      ]
        // In the order they are in the row.
        .sort((a, b) =>
          a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
        )
        .map(cell => cell.textContent),
    );
}

function section(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

describe('CustomerReviewTab', () => {
  it('shows every part of the review as a document', async () => {
    const api = reviewApi();
    const teamRef = await renderTab({
      name: 'review-read',
      api,
      query: '?quarter=2026-Q4',
    });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Customer review: CI & Build, Q4 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getCustomerReview).toHaveBeenCalledWith(teamRef, '2026-Q4');
    expect(api.getCustomerReview).toHaveBeenCalledTimes(1);
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      'The team and how to reach it',
      'Themes for Q4 2026',
      'What we commit to',
      'What we deprioritize, and why',
      'What we need from you',
      'What shipped',
      'Deprecations',
      'Capacity',
      'Satisfaction',
      'For each consuming team',
    ]);

    const team = section('The team and how to reach it');
    expect(team).toHaveTextContent(
      'CI & Build — Builds, caches and runners for every team',
    );
    expect(
      within(team).getByRole('heading', { name: 'How to reach CI & Build' }),
    ).toBeInTheDocument();
    expect(
      within(team).getByRole('link', { name: /^Weekly drop-in/ }),
    ).toHaveAttribute('href', 'https://meet.example.com/ci-build');

    const themes = section('Themes for Q4 2026');
    const ci = within(themes).getByRole('article', {
      name: 'Fast and reliable CI',
    });
    expect(ci).toHaveTextContent('Reliability');
    expect(ci).toHaveTextContent('In progress');
    expect(ci).toHaveTextContent('Outcome: p99 CI build under 8 minutes');
    expect(
      within(ci).getByRole('heading', { name: 'Make CI builds fast' }),
    ).toBeInTheDocument();
    expect(
      within(ci).getByRole('progressbar', {
        name: 'Reduce p99 CI build time from 18 min to 8 min: 40% of the way to target',
      }),
    ).toHaveAttribute('aria-valuenow', '40');

    const committed = within(section('What we commit to')).getByRole('list');
    expect(committed).toHaveTextContent('Ship remote cache v2');
    expect(committed).toHaveTextContent('Fast and reliable CI');
    expect(section('What we deprioritize, and why')).toHaveTextContent(
      'Windows build runners' +
        'Why: Two teams need them and hosted runners cover both',
    );
    expect(
      within(section('What we need from you')).getByRole('listitem'),
    ).toHaveTextContent(
      'Review time: Two reviewers per team for the cache v2 design',
    );

    expect(
      rows(
        within(section('What shipped')).getByRole('table', {
          name: 'What shipped in Q4 2026',
        }),
      ),
    ).toEqual([
      ['Date', 'Type', 'What'],
      [
        '2026-11-02',
        'Feature',
        'Remote cache v2 is generally available (2.0.0)',
      ],
    ]);
    expect(rows(within(section('Deprecations')).getByRole('table'))).toEqual([
      ['Going away', 'Sunset', 'Days left', 'Remaining consumers'],
      [
        'Build cache v1Migrating; use Build cache v2',
        '2026-12-31',
        '12 days left',
        '4 consumers in 2 teams remain: Checkout, orders',
      ],
    ]);

    const capacity = section('Capacity');
    expect(
      within(capacity).getByRole('img', {
        name: 'Capacity budget for Q4 2026: On-call 20 %, Maintenance 20 %, Documentation 0 %, Onboarding 10 %, Roadmap work 50 %',
      }),
    ).toBeInTheDocument();
    expect(within(capacity).getByRole('alert')).toHaveTextContent(
      'No time for documentation this quarter',
    );
    expect(section('Satisfaction')).toHaveTextContent(
      '4.3 out of 5 from 12 responses of consuming teams in Q4 2026',
    );

    const consumers = section('For each consuming team');
    const checkout = within(consumers).getByRole('article', {
      name: 'Checkout',
    });
    expect(checkout).toHaveTextContent('≈ 3.5 person-weeks saved in Q4 2026');
    expect(rows(within(checkout).getByRole('table'))).toEqual([
      ['Request', 'Hours/eng/week', 'Engineers', 'Weeks', 'Hours saved'],
      [
        'Remote cache misses on every CI runFiled from checkout-web, shipped 2026-11-02',
        '2',
        '× 12',
        '× 5',
        '= 120',
      ],
      [
        'Flaky artifact uploads+1 from checkout-api, shipped 2026-11-02',
        '0.5',
        '× 8',
        '× 5',
        '= 20',
      ],
      ['Total: 140 hours ÷ 40 hours a week', '3.5 person-weeks'],
    ]);
    expect(checkout).toHaveTextContent('No open requests.');
    expect(checkout).toHaveTextContent('No pending migrations.');

    const orders = within(consumers).getByRole('article', { name: 'orders' });
    expect(orders).toHaveTextContent('Nothing shipped for orders in Q4 2026.');
    expect(
      within(orders).getByRole('list', { name: 'Open requests of orders' }),
    ).toHaveTextContent('ARM runners for the mobile builds (Triaged)');
    const migrations = within(orders).getByRole('list', {
      name: 'Pending migrations of orders',
    });
    expect(migrations).toHaveTextContent(
      'Build cache v1 — sunset 2026-12-31, 12 days left. Still used by order-service, order-worker',
    );
    expect(
      within(migrations).getByRole('link', { name: 'order-worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/order-worker');

    // Visitors read only.
    expect(screen.queryByRole('button', { name: /Add|Edit/ })).toBeNull();
  });

  it('hides the toolbar and buttons when printed', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    try {
      await renderTab({ name: 'review-print', api: reviewApi() });
      const button = await screen.findByRole('button', { name: 'Print' });
      await waitFor(() => expect(button).toBeEnabled());
      await userEvent.click(button);
      expect(print).toHaveBeenCalledTimes(1);

      // The toolbar carries a class that print media hides.
      const toolbar = button.parentElement!;
      const hidden = [...toolbar.classList].find(c => c.includes('noPrint'));
      expect(hidden).toBeDefined();
      const css = [...document.querySelectorAll('style')]
        .map(style => style.textContent)
        .join('\n');
      expect(css).toMatch(
        new RegExp(`@media print \\{\\s*\\.${hidden} \\{\\s*display: none`),
      );
    } finally {
      print.mockRestore();
    }
  });

  it('downloads the Markdown of the quarter chosen, under its file name', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:review-q3');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    try {
      const previous = shiftQuarter(NOW, -1);
      const api = reviewApi({
        getCustomerReviewMarkdown: async (_ref, quarter) => ({
          filename: `ci-build-review-${quarter}.md`,
          markdown: `# Customer review: CI & Build, ${periodLabel(quarter)}\n`,
        }),
      });
      const teamRef = await renderTab({
        name: 'review-download',
        api,
        query: `?quarter=${previous}`,
      });
      await screen.findByRole('heading', { level: 2 });

      await userEvent.click(
        screen.getByRole('button', { name: 'Download Markdown' }),
      );
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.getCustomerReviewMarkdown).toHaveBeenCalledWith(
        teamRef,
        previous,
      );
      const [link] = clicked;
      expect(link.download).toBe(`ci-build-review-${previous}.md`);
      expect(link.getAttribute('href')).toBe('blob:review-q3');
      // The link was temporary.
      expect(link.isConnected).toBe(false);
      const blob = createObjectURL.mock.calls[0][0];
      expect(blob.type).toBe('text/markdown;charset=utf-8');
      expect(await blob.text()).toBe(
        `# Customer review: CI & Build, ${periodLabel(previous)}\n`,
      );
      await waitFor(() =>
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:review-q3'),
      );
      expect(screen.queryByRole('alert', { name: /download/ })).toBeNull();
    } finally {
      click.mockRestore();
    }
  });

  it('says why the Markdown could not be downloaded', async () => {
    const api = reviewApi({
      getCustomerReviewMarkdown: async () => {
        throw new Error('markdown exploded');
      },
    });
    await renderTab({ name: 'review-download-error', api });
    await screen.findByRole('heading', { level: 2 });
    await userEvent.click(
      screen.getByRole('button', { name: 'Download Markdown' }),
    );
    const alerts = await screen.findAllByRole('alert');
    expect(
      alerts.some(
        a =>
          a.textContent ===
          'Could not download the review as Markdown: markdown exploded',
      ),
    ).toBe(true);
  });

  it('shows the quarter in the URL, and refetches the quarter chosen', async () => {
    const api = reviewApi();
    const last = shiftQuarter(NOW, -1);
    const teamRef = await renderTab({
      name: 'review-quarters',
      api,
      query: `?quarter=${last}`,
    });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: `Customer review: CI & Build, ${periodLabel(last)}`,
      }),
    ).toBeInTheDocument();
    const select = screen.getByLabelText('Quarter');
    expect(select).toHaveValue(last);
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(
      [1, 0, -1, -2].map(offset => periodLabel(shiftQuarter(NOW, offset))),
    );

    const earlier = shiftQuarter(NOW, -2);
    await userEvent.selectOptions(select, periodLabel(earlier));
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: `Customer review: CI & Build, ${periodLabel(earlier)}`,
      }),
    ).toBeInTheDocument();
    expect(api.getCustomerReview).toHaveBeenLastCalledWith(teamRef, earlier);
    expect(api.getCustomerReview).toHaveBeenCalledTimes(2);
    expect(
      screen.getByRole('heading', {
        name: `Themes for ${periodLabel(earlier)}`,
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Current search')).toHaveTextContent(
      `?quarter=${earlier}`,
    );
  });

  it('shows this quarter without one in the URL, or with a wrong one', async () => {
    const api = reviewApi();
    const teamRef = await renderTab({
      name: 'review-default',
      api,
      query: '?quarter=last-year',
    });
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: `Customer review: CI & Build, ${periodLabel(NOW)}`,
      }),
    ).toBeInTheDocument();
    expect(api.getCustomerReview).toHaveBeenCalledWith(teamRef, NOW);
    expect(screen.getByLabelText('Quarter')).toHaveValue(NOW);
  });

  it('lets a member add an ask, checking it before calling the backend', async () => {
    let asks: ReturnType<typeof ask>[] = [];
    const api = reviewApi({
      getCustomerReview: async (ref, quarter = NOW) =>
        reviewFixture(ref, quarter, { asks }),
      createReviewAsk: async (ref, input) => {
        const created = ask(ref, input.quarter, {
          id: 'a-beta',
          version: 1,
          kind: input.kind,
          text: input.text,
        });
        asks = [created];
        return created;
      },
    });
    const teamRef = await renderTab({
      name: 'review-add-ask',
      api,
      allowed: true,
      query: '?quarter=2026-Q4',
    });

    const needs = await screen.findByRole('region', {
      name: 'What we need from you',
    });
    expect(needs).toHaveTextContent(
      'Nothing asked of consuming teams for Q4 2026 yet.',
    );
    await userEvent.click(
      await within(needs).findByRole('button', { name: 'Add ask' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Add an ask' });
    expect(dialog).toHaveTextContent('in Q4 2026');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Kind/),
      'Beta participation',
    );
    const text = within(dialog).getByLabelText(/What we need/);
    await userEvent.type(text, 'Beta');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add ask' }),
    );
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription(
      'text: must be at least 5 characters',
    );
    expect(api.createReviewAsk).not.toHaveBeenCalled();

    await userEvent.type(text, ' testers for the ARM runners');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add ask' }),
    );
    await waitFor(() =>
      expect(api.createReviewAsk).toHaveBeenCalledWith(teamRef, {
        quarter: '2026-Q4',
        kind: 'beta',
        text: 'Beta testers for the ARM runners',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await within(needs).findByText('Beta testers for the ARM runners'),
    ).toBeInTheDocument();
    expect(api.getCustomerReview).toHaveBeenCalledTimes(2);
  }, 30_000);

  it('edits an ask with the version seen, and handles a conflict', async () => {
    const conflict = await responseError(
      409,
      'ask a-review was changed by someone else (version 3, not 2)',
    );
    const api = reviewApi({
      updateReviewAsk: async () => {
        throw conflict;
      },
    });
    const teamRef = await renderTab({
      name: 'review-edit-ask',
      api,
      allowed: true,
      query: '?quarter=2026-Q4',
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit ask: Two reviewers per team for the cache v2 design',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit ask' });
    expect(within(dialog).getByLabelText(/Kind/)).toHaveValue('review-time');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Kind/),
      'Feedback',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save ask' }),
    );
    await waitFor(() =>
      expect(api.updateReviewAsk).toHaveBeenCalledWith('a-review', {
        version: 2,
        quarter: '2026-Q4',
        kind: 'feedback',
        text: 'Two reviewers per team for the cache v2 design',
      }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('changed by someone else');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload the review' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(api.getCustomerReview).toHaveBeenCalledTimes(2));
    expect(api.getCustomerReview).toHaveBeenLastCalledWith(teamRef, '2026-Q4');
  }, 30_000);

  it('says when there is nothing to review yet', async () => {
    const api = reviewApi({
      getCustomerReview: async (ref, quarter = NOW) =>
        emptyReview(ref, quarter),
    });
    await renderTab({ name: 'review-empty', api, query: '?quarter=2026-Q4' });
    expect(
      await screen.findByText('Nothing to review for Q4 2026 yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
  });

  it('shows the error when the review cannot be loaded', async () => {
    const api = reviewApi({
      getCustomerReview: async () => {
        throw new Error('review exploded');
      },
    });
    await renderTab({ name: 'review-broken', api });
    expect(
      (await screen.findAllByText(/review exploded/)).length,
    ).toBeGreaterThan(0);
  });
});
