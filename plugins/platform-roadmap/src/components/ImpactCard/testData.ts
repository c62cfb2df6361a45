import {
  ImpactItem,
  ImpactSummary,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: what platform teams shipped for the Checkout team. */

export function impactItem(overrides: Partial<ImpactItem> = {}): ImpactItem {
  return {
    requestId: 'r-cache',
    title: 'Remote cache misses on every CI run',
    platformTeamRef: 'group:default/ci-build',
    shippedOn: '2026-08-17',
    releaseNoteId: 'rn-cache-v2',
    via: 'filed',
    entityRef: 'component:default/checkout-web',
    hoursPerEngineerPerWeek: 2,
    engineersAffected: 14,
    weeklyHours: 28,
    weeks: 6.4,
    hoursSaved: 179.2,
    ...overrides,
  };
}

/**
 * Two shipped requests: one filed, one "+1"ed; 179.2 + 96 = 275.2 hours,
 * ÷ 40 = 6.88 person-weeks.
 */
export function impactSummary(
  teamRef: string,
  period: string,
  overrides: Partial<ImpactSummary> = {},
): ImpactSummary {
  return {
    teamRef,
    period,
    items: [
      impactItem(),
      impactItem({
        requestId: 'r-secrets',
        title: 'Rotate secrets without a redeploy',
        platformTeamRef: 'group:default/security-platform',
        shippedOn: '2026-09-01',
        releaseNoteId: undefined,
        via: 'endorsed',
        entityRef: 'component:default/checkout-api',
        hoursPerEngineerPerWeek: 0.5,
        engineersAffected: 48,
        weeklyHours: 24,
        weeks: 4,
        hoursSaved: 96,
      }),
    ],
    hoursSaved: 275.2,
    personWeeksSaved: 6.88,
    ...overrides,
  };
}
