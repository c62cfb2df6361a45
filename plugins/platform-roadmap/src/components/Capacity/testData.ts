import { ResponseError } from '@backstage/errors';
import {
  CapacityBudget,
  CAPACITY_DISCIPLINES,
  CapacityDiscipline,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: the CI & Build team's capacity budgets. */

/** A budget with the given shares; zero disciplines are worked out. */
export function budget(
  teamRef: string,
  quarter: string,
  shares: Record<CapacityDiscipline, number>,
  overrides: Partial<CapacityBudget> = {},
): CapacityBudget {
  return {
    teamRef,
    quarter,
    version: 3,
    shares,
    zeroDisciplines: CAPACITY_DISCIPLINES.filter(d => shares[d] === 0),
    updatedBy: 'user:default/alice',
    updatedAt: '2026-10-02T09:00:00Z',
    ...overrides,
  };
}

/** A healthy plan: every discipline gets time. */
export function plannedBudget(teamRef: string, quarter: string) {
  return budget(teamRef, quarter, {
    onCall: 15,
    maintenance: 20,
    documentation: 10,
    onboarding: 5,
    roadmap: 50,
  });
}

/** No time for documentation. */
export function noDocsBudget(teamRef: string, quarter: string) {
  return budget(teamRef, quarter, {
    onCall: 20,
    maintenance: 20,
    documentation: 0,
    onboarding: 10,
    roadmap: 50,
  });
}

/** What the backend answers for a quarter nobody planned. */
export function unplannedBudget(
  teamRef: string,
  quarter: string,
): CapacityBudget {
  return {
    teamRef,
    quarter,
    version: 0,
    shares: {
      onCall: 0,
      maintenance: 0,
      documentation: 0,
      onboarding: 0,
      roadmap: 0,
    },
    zeroDisciplines: [...CAPACITY_DISCIPLINES],
  };
}

/** A backend error as the client throws it. */
export function responseError(status: number, message: string) {
  const body = JSON.stringify({
    error: { name: status === 409 ? 'ConflictError' : 'InputError', message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: status === 409 ? 'Conflict' : 'Bad Request',
    url: 'http://localhost/api/platform-roadmap/teams/default/x/capacity',
    type: 'basic',
    redirected: false,
    headers: {
      append() {},
      delete() {},
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
      has: () => true,
      set() {},
      forEach() {},
    } as unknown as Headers,
    text: async () => body,
  });
}
