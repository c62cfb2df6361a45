import { PlatformRequest } from '@platform-roadmap/plugin-platform-roadmap-common';
import { impactOf } from './impact';

const base: PlatformRequest = {
  id: 'r1',
  version: 3,
  title: 'Remote cache misses on every CI run',
  description: '',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 14 },
  requestingEntityRef: 'component:default/checkout-service',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: [],
  status: 'shipped',
  endorsements: [
    {
      entityRef: 'component:default/order-service',
      teamRef: 'group:default/orders',
      cost: { hoursPerEngineerPerWeek: 1.5, engineersAffected: 9 },
      createdBy: 'user:default/a',
      createdAt: '2026-06-01T00:00:00Z',
    },
    {
      entityRef: 'component:default/order-history',
      teamRef: 'group:default/orders',
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 3 },
      createdBy: 'user:default/b',
      createdAt: '2026-06-01T00:00:00Z',
    },
  ],
  createdBy: 'user:default/c',
  createdAt: '2026-05-01T00:00:00Z',
  updatedAt: '2026-09-01T00:00:00Z',
};

describe('impactOf', () => {
  const shipped = new Map([['r1', new Date('2026-09-01T10:00:00Z')]]);
  // After the end of Q4, so whole quarters count.
  const later = new Date('2027-01-15T00:00:00Z');

  it('counts the weeks of the quarter after a request shipped, in the filing team’s figures', () => {
    const impact = impactOf(
      'group:default/Checkout',
      '2026-Q3',
      [base],
      shipped,
    );
    // 2 h × 14 engineers = 28 h a week, for the 30 days of September left.
    expect(impact.items).toEqual([
      expect.objectContaining({
        via: 'filed',
        entityRef: 'component:default/checkout-service',
        weeklyHours: 28,
        weeks: 4.3,
        hoursSaved: 120.4,
        shippedOn: '2026-09-01',
      }),
    ]);
    expect(impact).toMatchObject({ hoursSaved: 120.4, personWeeksSaved: 3 });
  });

  it('counts a whole quarter for something shipped before it', () => {
    const impact = impactOf(
      'group:default/checkout',
      '2026-Q4',
      [base],
      shipped,
      later,
    );
    // 92 days = 13.1 weeks × 28 h = 366.8 h ≈ 9.2 person-weeks.
    expect(impact).toMatchObject({ hoursSaved: 366.8, personWeeksSaved: 9.2 });
  });

  it('credits an endorsing team once, with its largest figure', () => {
    const impact = impactOf(
      'group:default/orders',
      '2026-Q4',
      [base],
      shipped,
      later,
    );
    expect(impact.items).toEqual([
      expect.objectContaining({
        via: 'endorsed',
        entityRef: 'component:default/order-service',
        weeklyHours: 13.5,
      }),
    ]);
  });

  it('counts only the weeks that have passed: up to today, nothing for a quarter to come', () => {
    // 2026-11-23 is day 54 of Q4: 54 days = 7.7 weeks × 28 h.
    const today = new Date('2026-11-23T18:00:00Z');
    expect(
      impactOf('group:default/checkout', '2026-Q4', [base], shipped, today),
    ).toMatchObject({ hoursSaved: 215.6 });
    expect(
      impactOf('group:default/checkout', '2027-Q1', [base], shipped, today)
        .items,
    ).toEqual([]);
  });

  it('counts nothing before the ship day, for other teams, or for requests not shipped', () => {
    expect(
      impactOf('group:default/checkout', '2026-Q2', [base], shipped).items,
    ).toEqual([]);
    expect(
      impactOf('group:default/billing', '2026-Q4', [base], shipped).items,
    ).toEqual([]);
    expect(
      impactOf(
        'group:default/checkout',
        '2026-Q4',
        [{ ...base, status: 'planned' }],
        shipped,
      ).items,
    ).toEqual([]);
  });
});
