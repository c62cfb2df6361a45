import {
  CommitmentKind,
  KeyResultDirection,
  MAX_THEMES_PER_YEAR,
  periodLabel,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';

export const COMMITMENT_KIND_LABELS: Record<CommitmentKind, string> = {
  committed: 'Committed',
  deprioritized: 'Deprioritized',
};

export const DIRECTION_LABELS: Record<KeyResultDirection, string> = {
  increase: 'Increase (higher is better)',
  decrease: 'Decrease (lower is better)',
};

/** Who recorded a check-in, in words. */
export function byLabel(by: string): string {
  if (by === 'platform-roadmap:catalog') return 'the catalog';
  return by.replace(/^user:(default\/)?/, '');
}

export { formatValue } from '../KeyResultProgress';

/** "7 themes in 2026 — the guide recommends 3–5 a year". */
export function overLimitMessage(count: number, year: string): string {
  return `${count} themes in ${year} — the guide recommends 3–${MAX_THEMES_PER_YEAR} a year`;
}

/**
 * The periods a theme can be planned for from a quarter: the quarter, its
 * year and the next quarter (and the theme's own period when editing).
 */
export function themePeriods(quarter: string, current?: string): string[] {
  const periods = [quarter, quarter.slice(0, 4), shiftQuarter(quarter, 1)];
  if (current && !periods.includes(current)) periods.push(current);
  return periods;
}

/** "Q4 2026", "2026 (the whole year)". */
export function periodOptionLabel(period: string): string {
  return period.length === 4
    ? `${period} (the whole year)`
    : periodLabel(period);
}

/**
 * The quarters a commitment can be made for: the roadmap's quarters and the
 * next two after the selected one, newest first.
 */
export function commitmentQuarters(
  quarter: string,
  quarters: string[],
  current?: string,
): string[] {
  const all = new Set([
    ...quarters,
    quarter,
    shiftQuarter(quarter, 1),
    shiftQuarter(quarter, 2),
    ...(current ? [current] : []),
  ]);
  return [...all].sort().reverse();
}
