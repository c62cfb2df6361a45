import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { responseError } from '../Deprecations/testData';
import { SatisfactionCard } from './SatisfactionCard';
import { comments, surveyResponse, surveySummary } from './testData';

const TEAM_REF = 'group:default/ci-build';

async function renderCard(implementation: Partial<PlatformRoadmapApi>) {
  const api = mockPlatformRoadmapApi(implementation);
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <SatisfactionCard teamRef={TEAM_REF} />
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

describe('SatisfactionCard', () => {
  it('shows the average, the distribution and the trend, without comments or a form for others', async () => {
    const api = await renderCard({
      getSurvey: async () => surveySummary(TEAM_REF),
    });

    expect(await screen.findByText('4.2 / 5')).toBeInTheDocument();
    expect(
      screen.getByText('Average of 10 ratings in Q4 2026'),
    ).toBeInTheDocument();
    expect(
      rows(screen.getByRole('table', { name: 'Ratings by score in Q4 2026' })),
    ).toEqual([
      ['Score', 'Ratings'],
      ['5 – Very satisfied', '5 (50%)'],
      ['4 – Satisfied', '3 (30%)'],
      ['3 – Neutral', '1 (10%)'],
      ['2 – Dissatisfied', '1 (10%)'],
      ['1 – Very dissatisfied', '0 (0%)'],
    ]);

    const trend = screen.getByRole('list', { name: 'Over the last quarters' });
    expect(
      within(trend)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Q2 2026: no ratings',
      'Q3 2026: 3.6 / 5 from 8 ratings',
      'Q4 2026 (this quarter): 4.2 / 5 from 10 ratings',
    ]);

    expect(screen.queryByText(/^Comments/)).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByText(/You rated/)).toBeNull();
    expect(api.getSurvey).toHaveBeenCalledWith(TEAM_REF);
    expect(api.getSurvey).toHaveBeenCalledTimes(1);
  });

  it("shows the comments to the team's members", async () => {
    await renderCard({
      getSurvey: async () => surveySummary(TEAM_REF, { comments }),
    });
    const list = await screen.findByRole('list', { name: 'Comments (2)' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'The remote cache cut our builds in half.5 / 5 from checkout on 2026-10-14',
    );
    expect(within(items[1]).getByRole('link')).toHaveTextContent('payments');
    expect(items[1]).toHaveTextContent('2 / 5 from payments on 2026-11-03');
  });

  it('says so when members have no comments yet', async () => {
    await renderCard({
      getSurvey: async () => surveySummary(TEAM_REF, { comments: [] }),
    });
    expect(
      await screen.findByText('No comments this quarter.'),
    ).toBeInTheDocument();
  });

  it('lets a consumer rate the team once, for one of their teams', async () => {
    const getSurvey = jest
      .fn()
      .mockResolvedValueOnce(
        surveySummary(TEAM_REF, {
          respondAs: ['group:default/checkout', 'group:default/payments'],
        }),
      )
      .mockResolvedValue(
        surveySummary(TEAM_REF, {
          count: 11,
          mine: surveyResponse(TEAM_REF),
          respondAs: ['group:default/checkout', 'group:default/payments'],
        }),
      );
    const respondToSurvey = jest.fn(async () => surveyResponse(TEAM_REF));
    await renderCard({ getSurvey, respondToSurvey });

    const form = await screen.findByRole('form', {
      name: 'Rate ci-build for Q4 2026',
    });
    // A score is required.
    await userEvent.click(
      within(form).getByRole('button', { name: 'Send rating' }),
    );
    const group = within(form).getByRole('radiogroup', { name: 'Your rating' });
    expect(group).toHaveAccessibleDescription('score: must be from 1 to 5');
    expect(within(group).getByRole('radio', { name: /^1/ })).toHaveFocus();
    expect(respondToSurvey).not.toHaveBeenCalled();

    await userEvent.click(
      within(group).getByRole('radio', { name: '4 – Satisfied' }),
    );
    const team = within(form).getByLabelText(/Rating for/);
    expect(team).toHaveValue('group:default/checkout');
    expect(
      within(team)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['checkout', 'payments']);
    await userEvent.selectOptions(team, 'payments');
    await userEvent.type(
      within(form).getByLabelText(/Comment/),
      'Much faster since the cache',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Send rating' }),
    );

    await waitFor(() =>
      expect(respondToSurvey).toHaveBeenCalledWith(TEAM_REF, {
        score: 4,
        comment: 'Much faster since the cache',
        respondentTeamRef: 'group:default/payments',
      }),
    );
    expect(
      await screen.findByText('You rated 4 / 5 for Q4 2026.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect(getSurvey).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText('Average of 11 ratings in Q4 2026'),
    ).toBeInTheDocument();
  }, 30_000);

  it('rates for the only team without asking, and shows "already rated"', async () => {
    const getSurvey = jest.fn(async () =>
      surveySummary(TEAM_REF, { respondAs: ['group:default/checkout'] }),
    );
    const respondToSurvey = jest
      .fn()
      .mockRejectedValue(
        await responseError(
          409,
          'group:default/checkout already rated group:default/ci-build for 2026-Q4',
        ),
      );
    await renderCard({ getSurvey, respondToSurvey });

    const form = await screen.findByRole('form', {
      name: 'Rate ci-build for Q4 2026',
    });
    expect(within(form).queryByLabelText(/Rating for/)).toBeNull();
    expect(form).toHaveTextContent('You rate for checkout.');
    await userEvent.click(
      within(form).getByRole('radio', { name: '2 – Dissatisfied' }),
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Send rating' }),
    );
    await waitFor(() =>
      expect(respondToSurvey).toHaveBeenCalledWith(TEAM_REF, {
        score: 2,
        respondentTeamRef: 'group:default/checkout',
      }),
    );
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(
      'group:default/checkout already rated group:default/ci-build for 2026-Q4',
    );
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Show the rating' }),
    );
    await waitFor(() => expect(getSurvey).toHaveBeenCalledTimes(2));
  }, 30_000);

  it('shows your rating instead of the form once you rated', async () => {
    await renderCard({
      getSurvey: async () =>
        surveySummary(TEAM_REF, {
          mine: surveyResponse(TEAM_REF, { score: 3, comment: undefined }),
          respondAs: ['group:default/payments'],
        }),
    });
    expect(
      await screen.findByText('You rated 3 / 5 for Q4 2026.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Your comment/)).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says when nobody rated the team this quarter, and still asks consumers', async () => {
    await renderCard({
      getSurvey: async () =>
        surveySummary(TEAM_REF, {
          count: 0,
          average: undefined,
          distribution: [0, 0, 0, 0, 0],
          trend: [{ period: '2026-Q4', count: 0 }],
          respondAs: ['group:default/checkout'],
        }),
    });
    expect(
      await screen.findByText('No ratings yet this quarter.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    // A single quarter is no trend.
    expect(screen.queryByText('Over the last quarters')).toBeNull();
    expect(
      screen.getByRole('form', { name: 'Rate ci-build for Q4 2026' }),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({ getSurvey: () => new Promise(() => {}) });
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows the error when loading fails', async () => {
    await renderCard({
      getSurvey: async () => {
        throw new Error('The survey is unavailable');
      },
    });
    expect(
      await screen.findByText('Error: The survey is unavailable'),
    ).toBeInTheDocument();
  });
});
