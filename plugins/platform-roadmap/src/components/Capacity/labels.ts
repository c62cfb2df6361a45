import {
  CapacityBudget,
  CAPACITY_DISCIPLINES,
  CapacityDiscipline,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** What each share of the team's time is called. */
export const DISCIPLINE_LABELS: Record<CapacityDiscipline, string> = {
  onCall: 'On-call',
  maintenance: 'Maintenance',
  documentation: 'Documentation',
  onboarding: 'Onboarding',
  roadmap: 'Roadmap work',
};

/** What each share covers, in the guide's words. */
export const DISCIPLINE_DETAILS: Record<CapacityDiscipline, string> = {
  onCall: 'rotation and incident playbook',
  maintenance: 'upgrades, patching, deprecation work',
  documentation: 'the platform is unusable without docs',
  onboarding: 'support for every new consuming team',
  roadmap: 'themes and commitments',
};

/**
 * Colours of the shares: the Okabe–Ito palette, told apart with colour
 * blindness, each with a text colour readable on it.
 */
export const DISCIPLINE_COLORS: Record<
  CapacityDiscipline,
  { background: string; text: string }
> = {
  onCall: { background: '#D55E00', text: '#000000' },
  maintenance: { background: '#E69F00', text: '#000000' },
  documentation: { background: '#56B4E9', text: '#000000' },
  onboarding: { background: '#CC79A7', text: '#000000' },
  roadmap: { background: '#0072B2', text: '#FFFFFF' },
};

/** "15 %". */
export function percentLabel(value: number): string {
  return `${value} %`;
}

/** "On-call 15 %, Maintenance 20 %, …": every share, in a fixed order. */
export function sharesSummary(budget: Pick<CapacityBudget, 'shares'>): string {
  return CAPACITY_DISCIPLINES.map(
    d => `${DISCIPLINE_LABELS[d]} ${percentLabel(budget.shares[d])}`,
  ).join(', ');
}

/**
 * Why a discipline at 0 % is a problem: "No time for documentation this
 * quarter: the guide says skipping it makes the platform fragile".
 */
export function zeroWarning(discipline: CapacityDiscipline): string {
  if (discipline === 'roadmap') {
    return 'No time for roadmap work this quarter: nothing on the roadmap can move';
  }
  const name = DISCIPLINE_LABELS[discipline].toLocaleLowerCase('en-US');
  return `No time for ${name} this quarter: the guide says skipping it makes the platform fragile`;
}
