import {
  SurveyResponse,
  SurveySummary,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: consumers rate the CI & Build team for Q4 2026. */

/** 10 ratings averaging 4.2, after two quarters of getting better. */
export function surveySummary(
  teamRef: string,
  overrides: Partial<SurveySummary> = {},
): SurveySummary {
  return {
    teamRef,
    period: '2026-Q4',
    count: 10,
    average: 4.2,
    distribution: [0, 1, 1, 3, 5],
    trend: [
      { period: '2026-Q2', count: 0 },
      { period: '2026-Q3', count: 8, average: 3.625 },
      { period: '2026-Q4', count: 10, average: 4.2 },
    ],
    respondAs: [],
    ...overrides,
  };
}

export const comments: NonNullable<SurveySummary['comments']> = [
  {
    score: 5,
    comment: 'The remote cache cut our builds in half.',
    respondentTeamRef: 'group:default/checkout',
    createdAt: '2026-10-14T09:30:00Z',
  },
  {
    score: 2,
    comment: 'Flaky runners on Mondays.',
    respondentTeamRef: 'group:default/payments',
    createdAt: '2026-11-03T16:00:00Z',
  },
];

export function surveyResponse(
  teamRef: string,
  overrides: Partial<SurveyResponse> = {},
): SurveyResponse {
  return {
    id: 'sr-1',
    teamRef,
    period: '2026-Q4',
    respondentRef: 'user:default/carol',
    respondentTeamRef: 'group:default/payments',
    score: 4,
    comment: 'Much faster since the cache',
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}
