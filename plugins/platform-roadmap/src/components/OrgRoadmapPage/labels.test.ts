import {
  groupByMonth,
  metricChange,
  monthLabel,
  periodOptions,
  satisfactionLabel,
} from './labels';

describe('periodOptions', () => {
  it('offers both years and the quarters around today, across a new year', () => {
    expect(periodOptions(new Date('2026-12-15T12:00:00Z'))).toEqual([
      { value: '2026', label: '2026 (this year)', group: 'year' },
      { value: '2025', label: '2025 (last year)', group: 'year' },
      { value: '2027-Q1', label: 'Q1 2027 (next quarter)', group: 'quarter' },
      { value: '2026-Q4', label: 'Q4 2026 (this quarter)', group: 'quarter' },
      { value: '2026-Q3', label: 'Q3 2026', group: 'quarter' },
      { value: '2026-Q2', label: 'Q2 2026', group: 'quarter' },
    ]);
  });

  it('adds a chosen period it would not offer, once', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(periodOptions(now, '2020').slice(-1)).toEqual([
      { value: '2020', label: '2020', group: 'year' },
    ]);
    expect(periodOptions(now, '2025-Q3')).toHaveLength(6);
  });
});

describe('monthLabel and groupByMonth', () => {
  it('names the month of a day', () => {
    expect(monthLabel('2026-12-31')).toBe('December 2026');
    expect(monthLabel('2027-01-01')).toBe('January 2027');
  });

  it('groups by month, months in order', () => {
    const days = ['2027-01-02', '2026-12-31', '2026-12-01'];
    expect(groupByMonth(days, d => d)).toEqual([
      { month: '2026-12', items: ['2026-12-31', '2026-12-01'] },
      { month: '2027-01', items: ['2027-01-02'] },
    ]);
  });
});

describe('satisfactionLabel', () => {
  it('rounds the average to one decimal', () => {
    expect(satisfactionLabel(4.1666, 6)).toBe('4.2 / 5 from 6 ratings');
    expect(satisfactionLabel(4, 1)).toBe('4.0 / 5 from 1 rating');
  });
});

describe('metricChange', () => {
  const lower = { direction: 'decrease' as const, unit: 'min' };
  const higher = { direction: 'increase' as const, unit: '' };

  it('judges a move by the direction that is better', () => {
    expect(metricChange(lower, { value: 9 }, { value: 10 })).toMatchObject({
      movement: 'down',
      verdict: 'better',
      amount: '1 min',
    });
    expect(metricChange(lower, { value: 11 }, { value: 10 })).toMatchObject({
      movement: 'up',
      verdict: 'worse',
    });
    expect(metricChange(higher, { value: 11 }, { value: 10 })).toMatchObject({
      movement: 'up',
      verdict: 'better',
      amount: '1',
    });
    expect(metricChange(higher, { value: 9 }, { value: 10 })).toMatchObject({
      movement: 'down',
      verdict: 'worse',
    });
  });

  it('does not call float noise a change, nor judge a single point', () => {
    expect(
      metricChange(higher, { value: 0.1 + 0.2 }, { value: 0.3 }),
    ).toMatchObject({ movement: 'none', verdict: 'no change' });
    expect(metricChange(higher, { value: 1 })).toBeUndefined();
    expect(metricChange(higher, undefined, { value: 1 })).toBeUndefined();
  });
});
