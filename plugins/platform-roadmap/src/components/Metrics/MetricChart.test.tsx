import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MetricChart } from './MetricChart';
import { buildTimePoints, point } from './testData';

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

describe('MetricChart', () => {
  it('summarises the values for screen readers, with every number in a table', async () => {
    await renderInTestApp(
      <MetricChart
        name="p99 CI build time"
        unit="min"
        points={buildTimePoints}
      />,
    );

    const chart = screen.getByRole('img', {
      name: 'p99 CI build time: 18 min on 2026-09-01, 11 min on 2026-11-20',
    });
    // Axis labels: highest and lowest value, first and last day.
    expect(within(chart).getByText('18 min')).toBeInTheDocument();
    expect(within(chart).getByText('11 min')).toBeInTheDocument();
    expect(chart).toHaveTextContent('2026-09-01');
    expect(chart).toHaveTextContent('2026-11-20');
    // The line goes through every point, down from 18 to 11 (svg y grows
    // downwards).
    const d = chart.querySelector('path')!.getAttribute('d')!;
    const ys = [...d.matchAll(/[ML] [\d.]+ ([\d.]+)/g)].map(m => Number(m[1]));
    expect(ys).toHaveLength(3);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);

    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByRole('table', {
      name: 'Values of p99 CI build time, oldest first',
    });
    expect(rows(table)).toEqual([
      ['Measured', 'Value (min)', 'Note', 'Posted by'],
      ['2026-09-01 06:00 UTC', '18', '', 'ci-metrics'],
      ['2026-10-01 06:00 UTC', '14.25', 'Remote cache on', 'alice'],
      ['2026-11-20 06:00 UTC', '11', '', 'ci-metrics'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Hide data' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('draws a single value, or equal values, without dividing by zero', async () => {
    await renderInTestApp(
      <MetricChart
        name="SEV-2 incidents"
        unit="incidents"
        points={[
          point('m', 1, '2026-10-01T00:00:00Z', 2),
          point('m', 2, '2026-10-01T00:00:00Z', 2),
        ]}
      />,
    );
    const chart = screen.getByRole('img', {
      name: 'SEV-2 incidents: 2 incidents on 2026-10-01, 2 incidents on 2026-10-01',
    });
    for (const el of chart.querySelectorAll('path, circle')) {
      expect(el.outerHTML).not.toMatch(/NaN|Infinity/);
    }
  });

  it('says so when there are no values yet', async () => {
    await renderInTestApp(
      <MetricChart name="SEV-2 incidents" unit="incidents" points={[]} />,
    );
    expect(screen.getByText('No values recorded yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
