import { parseEntityRef } from '@backstage/catalog-model';
import {
  Metric,
  MetricPoint,
  periodLabel,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** "1 rating", "6 ratings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One choice of the period filter. */
export interface PeriodOption {
  value: string;
  label: string;
  group: 'year' | 'quarter';
}

/** The year (`YYYY`, UTC, as the backend counts) of a date. */
export function yearOf(date: Date): string {
  return quarterOf(date).slice(0, 4);
}

/**
 * The periods the page offers on a day: this year and last year; the next
 * quarter, this one and the two before it (newest first). A period the URL
 * asks for that is not among them (a shared link) is offered too.
 */
export function periodOptions(now: Date, selected?: string): PeriodOption[] {
  const year = yearOf(now);
  const quarter = quarterOf(now);
  const options: PeriodOption[] = [
    { value: year, label: `${year} (this year)`, group: 'year' },
    {
      value: String(Number(year) - 1),
      label: `${Number(year) - 1} (last year)`,
      group: 'year',
    },
    ...[1, 0, -1, -2].map(offset => {
      const value = shiftQuarter(quarter, offset);
      let suffix = '';
      if (offset === 1) suffix = ' (next quarter)';
      if (offset === 0) suffix = ' (this quarter)';
      return {
        value,
        label: `${periodLabel(value)}${suffix}`,
        group: 'quarter' as const,
      };
    }),
  ];
  if (selected && !options.some(o => o.value === selected)) {
    options.push({
      value: selected,
      label: periodLabel(selected),
      group: selected.length === 4 ? 'year' : 'quarter',
    });
  }
  return options;
}

/** The name people know a team by: its title, else the name in its ref. */
export function refName(entityRef: string): string {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/** "4.2 / 5 from 6 ratings". */
export function satisfactionLabel(average: number, count: number): string {
  return `${average.toFixed(1)} / 5 from ${plural(count, 'rating')}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "December 2026" for `2026-12-31`. */
export function monthLabel(day: string): string {
  const [year, month] = day.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/**
 * Items grouped by the month (`YYYY-MM`) of a day, months in order and the
 * items of a month in the order given.
 */
export function groupByMonth<T>(
  items: T[],
  dayOf: (item: T) => string,
): Array<{ month: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const month = dayOf(item).slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, grouped]) => ({ month, items: grouped }));
}

/** A metric value with its unit, without float noise ("12.5 min"). */
export function formatMetricValue(value: number, unit: string): string {
  const number = String(Number(value.toFixed(2)));
  return unit ? `${number} ${unit}` : number;
}

/** How a metric moved from its previous point to its latest. */
export interface MetricChange {
  /** Which way the value went. */
  movement: 'up' | 'down' | 'none';
  /** Whether that is good news, given the metric's direction. */
  verdict: 'better' | 'worse' | 'no change';
  /** The size of the move, with the unit: "1.5 min". */
  amount: string;
  /** The previous value, with the unit. */
  from: string;
}

/** The change between two points, judged by the metric's direction. */
export function metricChange(
  metric: Pick<Metric, 'direction' | 'unit'>,
  latest?: Pick<MetricPoint, 'value'>,
  previous?: Pick<MetricPoint, 'value'>,
): MetricChange | undefined {
  if (!latest || !previous) return undefined;
  // Compare rounded values, so float noise is not reported as a change.
  const delta = Number((latest.value - previous.value).toFixed(2));
  const from = formatMetricValue(previous.value, metric.unit);
  if (delta === 0) {
    return { movement: 'none', verdict: 'no change', amount: '', from };
  }
  const movement = delta > 0 ? 'up' : 'down';
  const better = (movement === 'up') === (metric.direction === 'increase');
  return {
    movement,
    verdict: better ? 'better' : 'worse',
    amount: formatMetricValue(Math.abs(delta), metric.unit),
    from,
  };
}

/** Names the platform teams of an overview; other refs by their name. */
export function teamNamer(
  teams: Array<{ team: { entityRef: string; name: string; title?: string } }>,
): (teamRef: string) => string {
  const names = new Map(
    teams.map(({ team }) => [team.entityRef, team.title ?? team.name]),
  );
  return teamRef => names.get(teamRef) ?? refName(teamRef);
}
