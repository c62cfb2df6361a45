import {
  AskKind,
  isQuarter,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** What a platform team asks of its consumers, in words. */
export const ASK_KIND_LABELS: Record<AskKind, string> = {
  'review-time': 'Review time',
  beta: 'Beta participation',
  feedback: 'Feedback',
  other: 'Other',
};

/**
 * The quarters a review can be shown for, newest first: the next one, this
 * one and the last two; plus the one asked for in the URL, if another.
 */
export function reviewQuarters(
  now: Date = new Date(),
  selected?: string,
): string[] {
  const current = quarterOf(now);
  const quarters = [1, 0, -1, -2].map(offset => shiftQuarter(current, offset));
  if (selected && !quarters.includes(selected)) quarters.push(selected);
  return quarters.sort((a, b) => b.localeCompare(a));
}

/** The quarter in `?quarter=`, when it is one; else this quarter. */
export function quarterParam(
  value: string | null,
  now: Date = new Date(),
): string {
  return value && isQuarter(value) ? value : quarterOf(now);
}

/** A number for people: at most one decimal, no float noise ("3.5"). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(1)));
}

/** "≈ 3.5 person-weeks saved", "≈ 1 person-week saved". */
export function personWeeksLabel(personWeeks: number): string {
  const n = formatNumber(personWeeks);
  return `≈ ${n} person-${n === '1' ? 'week' : 'weeks'} saved`;
}
