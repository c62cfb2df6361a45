import {
  keyResultProgress,
  periodLabel,
  periodRange,
  quarterOf,
  shiftQuarter,
} from './roadmap';
import { keyResultInputSchema, themeInputSchema } from './roadmapValidation';
import { describeValidationError } from './validation';

const kr = {
  baseline: 18,
  target: 8,
  current: 18,
  unit: 'min',
  startDate: '2026-10-01',
  dueDate: '2026-12-31',
};
const midQuarter = new Date('2026-11-15T12:00:00Z');

describe('periods', () => {
  it('knows quarters and years', () => {
    expect(quarterOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(periodRange('2026-Q1')).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(periodRange('2026')).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
    });
    expect(periodLabel('2026-Q4')).toBe('Q4 2026');
    expect(() => periodRange('Q4')).toThrow(/Not a period/);
  });
});

describe('keyResultProgress', () => {
  it('measures progress from baseline to target in either direction', () => {
    expect(keyResultProgress({ ...kr, current: 13 }, midQuarter).progress).toBe(
      0.5,
    );
    expect(
      keyResultProgress(
        { ...kr, baseline: 2, target: 5, current: 4, unit: 'teams' },
        midQuarter,
      ).progress,
    ).toBeCloseTo(2 / 3);
    // Overshooting counts as done, going backwards as nothing.
    expect(keyResultProgress({ ...kr, current: 6 }, midQuarter)).toMatchObject({
      progress: 1,
      achieved: true,
      status: 'on-track',
    });
    expect(keyResultProgress({ ...kr, current: 20 }, midQuarter).progress).toBe(
      0,
    );
  });

  it('compares progress with the time gone', () => {
    const at = (current: number) =>
      keyResultProgress({ ...kr, current }, midQuarter);
    expect(at(18).elapsed).toBeCloseTo(0.5, 1);
    expect(at(13).status).toBe('on-track'); // 50% done, ~50% of time
    expect(at(14.5).status).toBe('at-risk'); // 35% done
    expect(at(17).status).toBe('off-track'); // 10% done
    expect(at(17).explanation).toBe(
      '10% of the way from 18 to 8 min with 49% of the time gone',
    );
    // Before the start nothing is expected yet.
    expect(keyResultProgress(kr, new Date('2026-09-01T00:00:00Z')).status).toBe(
      'on-track',
    );
  });

  it('is off track when the latest check-in crossed the guardrail', () => {
    const result = keyResultProgress(
      {
        ...kr,
        current: 13,
        checkIns: [{ guardrailBreached: false }, { guardrailBreached: true }],
      },
      midQuarter,
    );
    expect(result.status).toBe('off-track');
    expect(result.explanation).toMatch(/guardrail/);
  });
});

describe('roadmap validation', () => {
  const fail = (
    schema: typeof themeInputSchema | typeof keyResultInputSchema,
    value: unknown,
  ) => {
    const result = schema.safeParse(value);
    return result.success ? 'ok' : describeValidationError(result.error);
  };

  it('names the field', () => {
    const theme = {
      period: '2026',
      category: 'cost',
      title: 'Cheaper storage',
      outcome: 'Storage cost per build down 30%',
    };
    expect(fail(themeInputSchema, theme)).toBe('ok');
    expect(fail(themeInputSchema, { ...theme, period: '2026-Q5' })).toBe(
      'period: must be a year (2026) or a quarter (2026-Q4)',
    );
    expect(fail(themeInputSchema, { ...theme, status: 'deprioritized' })).toBe(
      'statusReason: is required when the status is deprioritized',
    );
    const keyResult = {
      title: 'Onboard 3 new teams',
      metric: 'teams',
      unit: 'teams',
      baseline: 2,
      target: 5,
      direction: 'increase',
      startDate: '2026-10-01',
      dueDate: '2026-12-31',
    };
    expect(fail(keyResultInputSchema, keyResult)).toBe('ok');
    expect(fail(keyResultInputSchema, { ...keyResult, target: 1 })).toBe(
      'target: must be above the baseline when the metric should increase',
    );
    expect(
      fail(keyResultInputSchema, { ...keyResult, dueDate: '31/12/2026' }),
    ).toBe('dueDate: must be a date (YYYY-MM-DD)');
  });
});
