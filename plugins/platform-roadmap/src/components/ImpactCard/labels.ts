import {
  ImpactItem,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Hours in a person-week, as the backend counts them. */
export const HOURS_PER_PERSON_WEEK = 40;

/** A number with at most `digits` decimals: 6.4, 179, 1,234. */
export function formatNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function plural(count: number, one: string, many = `${one}s`) {
  return count === 1 ? one : many;
}

/** "179 h", "1.5 h": whole hours from 10 up. */
export function hoursLabel(hours: number): string {
  return `${formatNumber(hours, hours >= 10 ? 0 : 1)} h`;
}

/** "8 person-weeks", "1 person-week", "4.5 person-weeks". */
export function personWeeksLabel(personWeeks: number): string {
  const rounded = Number(personWeeks.toFixed(1));
  return `${formatNumber(rounded, 1)} ${plural(rounded, 'person-week')}`;
}

/** "2 h × 14 engineers × 6.4 weeks = 179 h" */
export function calculation(item: ImpactItem): string {
  const weeks = Number(item.weeks.toFixed(1));
  return `${formatNumber(item.hoursPerEngineerPerWeek, 2)} h × ${
    item.engineersAffected
  } ${plural(item.engineersAffected, 'engineer')} × ${formatNumber(
    weeks,
    1,
  )} ${plural(weeks, 'week')} = ${hoursLabel(item.hoursSaved)}`;
}

/** The last four quarters before this one, newest first. */
export function pastQuarters(now: Date = new Date()): string[] {
  const current = quarterOf(now);
  return [1, 2, 3, 4].map(n => shiftQuarter(current, -n));
}
