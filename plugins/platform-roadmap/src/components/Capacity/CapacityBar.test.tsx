import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CapacityBar } from './CapacityBar';
import { noDocsBudget, plannedBudget } from './testData';

const TEAM = 'group:default/ci-build';

describe('CapacityBar', () => {
  it('describes every share for screen readers, with a legend of numbers', async () => {
    await renderInTestApp(
      <CapacityBar budget={plannedBudget(TEAM, '2026-Q4')} />,
    );

    const bar = screen.getByRole('img', {
      name: 'Capacity budget for Q4 2026: On-call 15 %, Maintenance 20 %, Documentation 10 %, Onboarding 5 %, Roadmap work 50 %',
    });
    // One segment per share, as wide as its percent.
    const widths = [...bar.children].map(
      child => (child as HTMLElement).style.width,
    );
    expect(widths).toEqual(['15%', '20%', '10%', '5%', '50%']);
    // Narrow shares carry no number inside the bar; the legend has them all.
    expect(bar).toHaveTextContent('15 %20 %10 %50 %');

    const legend = screen.getByRole('list', { name: 'Capacity budget legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'On-call 15 % (rotation and incident playbook)',
      'Maintenance 20 % (upgrades, patching, deprecation work)',
      'Documentation 10 % (the platform is unusable without docs)',
      'Onboarding 5 % (support for every new consuming team)',
      'Roadmap work 50 % (themes and commitments)',
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns about a discipline left at 0 %, and draws no segment for it', async () => {
    await renderInTestApp(
      <CapacityBar budget={noDocsBudget(TEAM, '2026-Q4')} />,
    );

    expect(screen.getByRole('alert')).toHaveTextContent(
      'No time for documentation this quarter: the guide says skipping it makes the platform fragile',
    );
    const bar = screen.getByRole('img', { name: /Documentation 0 %/ });
    expect(bar.children).toHaveLength(4);
  });
});
