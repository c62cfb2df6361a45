import {
  KeyResult,
  Theme,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';

// Test data shared by the EntityThemesCard and IncomingThemesCard tests.

const TEAM_REF = 'group:default/ci-build';

const timestamps = {
  createdBy: 'user:default/alice',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** A theme of CI & Build, about `component:default/build-runner`. */
export function theme(overrides: Partial<Theme>): Theme {
  return {
    id: 'theme-1',
    version: 1,
    teamRef: TEAM_REF,
    period: '2026-Q4',
    category: 'velocity',
    title: 'Faster CI',
    outcome: 'p99 CI build under 8 minutes',
    description: '',
    status: 'in-progress',
    entityRefs: ['component:default/build-runner'],
    ...timestamps,
    ...overrides,
  };
}

/** A key result, half-way and on track. */
export function keyResult(overrides: Partial<KeyResult>): KeyResult {
  return {
    id: 'kr-1',
    version: 1,
    objectiveId: 'objective-1',
    teamRef: TEAM_REF,
    title: 'Reduce p99 CI build time from 18 min to 8 min',
    metric: 'p99 CI build time',
    unit: 'min',
    baseline: 18,
    target: 8,
    current: 13,
    direction: 'decrease',
    startDate: '2026-10-01',
    dueDate: '2026-12-31',
    checkIns: [],
    progress: {
      progress: 0.5,
      elapsed: 0.5,
      status: 'on-track',
      achieved: false,
      explanation: '50% of the way from 18 to 8 min with 50% of the time gone',
    },
    ...timestamps,
    ...overrides,
  };
}

/** A theme with objectives holding the given key results. */
export function themeView(t: Theme, objectives: Array<KeyResult[]>): ThemeView {
  return {
    theme: t,
    objectives: objectives.map((keyResults, i) => ({
      id: `${t.id}-objective-${i}`,
      version: 1,
      themeId: t.id,
      teamRef: t.teamRef,
      title: `Objective ${i}`,
      keyResults,
      ...timestamps,
    })),
    requests: [],
    teamsImpacted: {
      teams: [],
      orgUnits: [],
      askingTeamCount: 0,
      strongSignal: false,
    },
  };
}
