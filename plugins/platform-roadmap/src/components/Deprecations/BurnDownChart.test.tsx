import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BurnDownChart } from './BurnDownChart';
import { deprecationView } from './testData';

const NAME = 'Build cache v1';

/** The rows of the data table, as the text of their cells. */
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

describe('BurnDownChart', () => {
  it('summarises the burn-down for screen readers, with every number in a table', async () => {
    const { burnDown, sunsetOn } = deprecationView('group:default/ci-build');
    await renderInTestApp(
      <BurnDownChart
        name={NAME}
        burnDown={burnDown}
        sunsetOn={sunsetOn}
        today="2026-12-19"
      />,
    );

    const chart = screen.getByRole('img', {
      name: 'Remaining consumers of Build cache v1: 7 on 2026-09-01, 4 today; sunset 2026-12-31',
    });
    // Axis labels: first day, sunset, largest count; markers at today and sunset.
    expect(chart).toHaveTextContent('2026-09-01');
    expect(chart).toHaveTextContent('2026-12-31');
    expect(chart).toHaveTextContent('Sunset');
    expect(chart).toHaveTextContent('Today (4)');
    expect(within(chart).getByText('7')).toBeInTheDocument();
    expect(chart.querySelectorAll('line[stroke-dasharray]')).toHaveLength(2);

    expect(screen.queryByRole('table')).toBeNull();
    const show = screen.getByRole('button', { name: 'Show data' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(show);

    const table = screen.getByRole('table', {
      name: 'Remaining consumers of Build cache v1 by day',
    });
    expect(screen.getByRole('button', { name: 'Hide data' })).toHaveAttribute(
      'aria-controls',
      table.id,
    );
    expect(rows(table)).toEqual([
      ['Day', 'Consumers', 'Teams'],
      ['2026-09-01', '7', '4'],
      ['2026-10-01', '5', '3'],
      ['2026-12-19 (today)', '4', '2'],
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Hide data' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('draws a single day with no consumers left', async () => {
    await renderInTestApp(
      <BurnDownChart
        name={NAME}
        burnDown={[{ day: '2026-12-19', consumerCount: 0, teamCount: 0 }]}
        sunsetOn="2026-12-31"
        today="2026-12-19"
      />,
    );

    const chart = screen.getByRole('img', {
      name: 'Remaining consumers of Build cache v1: 0 today; sunset 2026-12-31',
    });
    for (const path of chart.querySelectorAll('path')) {
      expect(path.getAttribute('d')).not.toMatch(/NaN|Infinity/);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Show data' }));
    expect(rows(screen.getByRole('table'))).toEqual([
      ['Day', 'Consumers', 'Teams'],
      ['2026-12-19 (today)', '0', '0'],
    ]);
  });

  it('extends to today once the sunset has passed', async () => {
    await renderInTestApp(
      <BurnDownChart
        name={NAME}
        burnDown={[
          { day: '2026-12-01', consumerCount: 3, teamCount: 2 },
          { day: '2027-01-10', consumerCount: 1, teamCount: 1 },
        ]}
        today="2027-01-10"
        sunsetOn="2026-12-31"
      />,
    );
    const chart = screen.getByRole('img', {
      name: 'Remaining consumers of Build cache v1: 3 on 2026-12-01, 1 today; sunset 2026-12-31',
    });
    const [sunset, today] = chart.querySelectorAll('line[stroke-dasharray]');
    expect(Number(sunset.getAttribute('x1'))).toBeLessThan(
      Number(today.getAttribute('x1')),
    );
  });

  it('names the day of the last snapshot when it is not today', async () => {
    await renderInTestApp(
      <BurnDownChart
        name={NAME}
        burnDown={[
          { day: '2026-06-01', consumerCount: 5, teamCount: 3 },
          { day: '2026-08-01', consumerCount: 0, teamCount: 0 },
        ]}
        sunsetOn="2026-08-01"
        today="2026-11-24"
      />,
    );
    const chart = screen.getByRole('img', {
      name: 'Remaining consumers of Build cache v1: 5 on 2026-06-01, 0 on 2026-08-01; sunset 2026-08-01',
    });
    expect(chart).toHaveTextContent('2026-08-01 (0)');
    expect(chart).not.toHaveTextContent('Today');
  });

  it('says so when no counts are recorded yet', async () => {
    await renderInTestApp(
      <BurnDownChart name={NAME} burnDown={[]} sunsetOn="2026-12-31" />,
    );
    expect(
      screen.getByText('No consumer counts recorded yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
