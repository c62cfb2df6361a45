import {
  EntitySummary,
  KeyResult,
  RankedRequest,
  TeamRoadmap,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: a CI & Build team's roadmap for Q4 2026. */

const at = '2026-10-01T09:00:00Z';
const meta = {
  createdBy: 'user:default/alice',
  createdAt: at,
  updatedAt: at,
};

const group = (name: string, title?: string): EntitySummary => ({
  entityRef: `group:default/${name}`,
  kind: 'Group',
  name,
  namespace: 'default',
  ...(title ? { title } : {}),
});

export function theme(teamRef: string, overrides: Partial<Theme>): Theme {
  return {
    id: 't-ci',
    version: 2,
    teamRef,
    period: '2026',
    category: 'reliability',
    title: 'Fast and reliable CI',
    outcome: 'p99 CI build under 8 minutes',
    description: 'Builds should **never** wait on a cold cache.',
    status: 'in-progress',
    entityRefs: ['component:default/build-cache'],
    ...meta,
    ...overrides,
  };
}

export function keyResult(
  teamRef: string,
  overrides: Partial<KeyResult>,
): KeyResult {
  return {
    id: 'kr-p99',
    version: 3,
    objectiveId: 'o-fast',
    teamRef,
    title: 'Reduce p99 CI build time from 18 min to 8 min',
    metric: 'p99 CI build time',
    unit: 'min',
    baseline: 18,
    target: 8,
    current: 14,
    direction: 'decrease',
    startDate: '2026-01-01',
    dueDate: '2026-12-31',
    guardrail: 'no increase in flaky test rate',
    checkIns: [
      {
        id: 1,
        keyResultId: 'kr-p99',
        value: 16,
        at: '2026-07-01T10:00:00Z',
        note: 'Remote cache on for the monorepo',
        by: 'user:default/alice',
      },
      {
        id: 2,
        keyResultId: 'kr-p99',
        value: 14,
        at: '2026-10-01T10:00:00Z',
        note: 'Sharded the integration tests',
        by: 'user:default/bob',
      },
    ],
    progress: {
      progress: 0.4,
      elapsed: 0.75,
      status: 'off-track',
      achieved: false,
      explanation: '40% of the way from 18 to 8 min with 75% of the time gone',
    },
    ...meta,
    ...overrides,
  };
}

function plannedRequest(teamRef: string): RankedRequest {
  return {
    rank: 1,
    request: {
      id: 'r-cache',
      version: 4,
      title: 'Remote cache misses on every CI run',
      description: '',
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: 'high',
      cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
      requestingEntityRef: 'component:default/checkout-web',
      requestingTeamRef: 'group:default/checkout',
      platformTeamRef: teamRef,
      aboutEntityRefs: ['component:default/build-cache'],
      status: 'planned',
      themeId: 't-ci',
      plannedQuarter: '2026-Q4',
      endorsements: [],
      ...meta,
    },
    teamsImpacted: {
      teams: [
        {
          team: group('checkout', 'Checkout'),
          reasons: [
            { type: 'requested', entityRef: 'component:default/checkout-web' },
          ],
          orgUnitRefs: [],
        },
        {
          team: group('orders'),
          reasons: [
            {
              type: 'depends',
              entityRef: 'component:default/order-service',
              relation: 'dependsOn',
              targetRef: 'component:default/build-cache',
              platformEntityRef: 'component:default/build-cache',
              depth: 1,
            },
          ],
          orgUnitRefs: [],
        },
      ],
      orgUnits: [],
      askingTeamCount: 1,
      strongSignal: false,
    },
    score: { total: 30, parts: [] },
  };
}

/**
 * A realistic roadmap: a yearly reliability theme with an OKR and a planned
 * request, a quarterly velocity theme measured from the catalog, a
 * deprioritized cost theme, and one commitment of each kind.
 */
export function roadmapFixture(
  teamRef: string,
  overrides: Partial<TeamRoadmap> = {},
): TeamRoadmap {
  const ci = theme(teamRef, {});
  const onboarding = theme(teamRef, {
    id: 't-onboarding',
    period: '2026-Q4',
    category: 'velocity',
    title: 'Self-service build onboarding',
    outcome: 'New teams adopt the build cache without a ticket',
    description: '',
    status: 'committed',
  });
  const runners = theme(teamRef, {
    id: 't-runners',
    period: '2026',
    category: 'cost',
    title: 'Cut CI runner spend',
    outcome: 'Runner spend below 40k USD/month',
    description: '',
    status: 'deprioritized',
    statusReason: 'Reliability comes first this year',
    entityRefs: [],
  });
  const checkout = group('checkout', 'Checkout');
  const orders = group('orders');
  return {
    teamRef,
    quarter: '2026-Q4',
    quarters: ['2026-Q4', '2026-Q3'],
    themes: [
      {
        theme: ci,
        objectives: [
          {
            id: 'o-fast',
            version: 1,
            themeId: ci.id,
            teamRef,
            title: 'Make CI builds fast',
            ...meta,
            keyResults: [keyResult(teamRef, {})],
          },
        ],
        requests: [plannedRequest(teamRef)],
        teamsImpacted: {
          teams: [
            { team: checkout, reasons: [], orgUnitRefs: [] },
            { team: orders, reasons: [], orgUnitRefs: [] },
          ],
          orgUnits: [],
          askingTeamCount: 1,
          strongSignal: false,
        },
      },
      {
        theme: onboarding,
        objectives: [
          {
            id: 'o-adopt',
            version: 1,
            themeId: onboarding.id,
            teamRef,
            title: 'Teams onboard themselves',
            ...meta,
            keyResults: [
              keyResult(teamRef, {
                id: 'kr-teams',
                objectiveId: 'o-adopt',
                title: 'Onboard 3 new teams to the build cache',
                metric: 'teams consuming the build cache',
                unit: 'teams',
                baseline: 0,
                target: 3,
                current: 3,
                direction: 'increase',
                startDate: '2026-10-01',
                dueDate: '2026-12-31',
                guardrail: undefined,
                measure: {
                  type: 'consuming-teams',
                  entityRef: 'component:default/build-cache',
                },
                checkIns: [],
                progress: {
                  progress: 1,
                  elapsed: 0.5,
                  status: 'on-track',
                  achieved: true,
                  explanation: 'Target reached: 100% of the way from 0 to 3',
                },
              }),
            ],
          },
        ],
        requests: [],
        teamsImpacted: {
          teams: [],
          orgUnits: [],
          askingTeamCount: 0,
          strongSignal: false,
        },
      },
      {
        theme: runners,
        objectives: [],
        requests: [],
        teamsImpacted: {
          teams: [],
          orgUnits: [],
          askingTeamCount: 0,
          strongSignal: false,
        },
      },
    ],
    commitments: [
      {
        id: 'c-cache-v2',
        version: 1,
        teamRef,
        quarter: '2026-Q4',
        kind: 'committed',
        title: 'Ship remote cache v2',
        description: 'Content-addressed, _shared_ across branches.',
        themeId: ci.id,
        ...meta,
      },
      {
        id: 'c-windows',
        version: 1,
        teamRef,
        quarter: '2026-Q4',
        kind: 'deprioritized',
        title: 'Windows build runners',
        description: '',
        reason: 'Two teams need them and hosted runners cover both',
        ...meta,
      },
    ],
    themesInYear: { year: '2026', count: 3, overLimit: false },
    ...overrides,
  };
}
