import { ResponseError } from '@backstage/errors';
import {
  EntitySummary,
  Stakeholder,
  StakeholdersResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: who the CI & Build team answers to. */

const at = '2026-10-01T09:00:00Z';

const group = (name: string, title?: string): EntitySummary => ({
  entityRef: `group:default/${name}`,
  kind: 'Group',
  name,
  namespace: 'default',
  ...(title ? { title } : {}),
});

export function stakeholder(
  teamRef: string,
  overrides: Partial<Stakeholder> = {},
): Stakeholder {
  return {
    id: 's-vp',
    version: 2,
    teamRef,
    kind: 'leadership',
    name: 'VP Engineering',
    entityRef: 'user:default/carol',
    contact: 'carol@example.com',
    notes: 'Funds the team; wants the quarterly review.',
    createdBy: 'user:default/alice',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/**
 * Two consuming teams, and three stakeholders written down: leadership,
 * security and an external vendor (returned out of order).
 */
export function stakeholdersFixture(
  teamRef: string,
  overrides: Partial<StakeholdersResponse> = {},
): StakeholdersResponse {
  return {
    consumingTeams: [
      { team: group('checkout', 'Checkout'), entityCount: 3 },
      { team: group('orders'), entityCount: 1 },
    ],
    explicit: [
      stakeholder(teamRef, {
        id: 's-vendor',
        kind: 'vendor',
        name: 'BuildFarm Inc.',
        entityRef: undefined,
        contact: 'https://support.buildfarm.example.com',
        notes: 'Hosts the remote runners; renewal in March.',
      }),
      stakeholder(teamRef),
      stakeholder(teamRef, {
        id: 's-sec',
        kind: 'security',
        name: 'AppSec',
        entityRef: 'group:default/appsec',
        contact: '#appsec',
        notes: '',
      }),
    ],
    ...overrides,
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
    url: 'http://localhost/api/platform-roadmap/stakeholders/s-vp',
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
