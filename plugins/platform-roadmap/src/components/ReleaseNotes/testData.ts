import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  PlatformRequest,
  PlatformTeam,
  RankedRequest,
  ReleaseNote,
  ReleaseNotesPage,
  ReleaseNotesScope,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: the release notes of a CI & Build platform team. */

export const BUILD_CACHE = 'component:default/build-cache';
export const CI_RUNNER = 'component:default/ci-runner';

/** A platform team's Group entity (a name of its own per test). */
export function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/** A Component entity, e.g. a platform entity or a consumer. */
export function componentEntity(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

export function releaseNote(
  teamRef: string,
  overrides: Partial<ReleaseNote> = {},
): ReleaseNote {
  return {
    id: 'rn-cache-v2',
    version: 2,
    teamRef,
    entityRef: BUILD_CACHE,
    releaseVersion: '2.0.0',
    publishedOn: '2026-11-02',
    type: 'feature',
    title: 'Remote cache v2 is generally available',
    body: 'Cache hits are **shared** across branches.\n\n- Opt in with `cache: v2`',
    requests: [
      { id: 'r-misses', title: 'Remote cache misses on every CI run' },
    ],
    createdBy: 'user:default/alice',
    createdAt: '2026-11-02T10:00:00Z',
    updatedAt: '2026-11-02T10:00:00Z',
    ...overrides,
  };
}

/** Three notes of a team, newest first: a feature, a breaking change, a fix. */
export function teamNotes(teamRef: string): ReleaseNote[] {
  return [
    releaseNote(teamRef),
    releaseNote(teamRef, {
      id: 'rn-node-18',
      version: 1,
      entityRef: CI_RUNNER,
      releaseVersion: '5.0.0',
      publishedOn: '2026-10-20',
      type: 'breaking',
      title: 'Runner images drop Node 18',
      body: 'Move your pipelines to Node 22 before upgrading.',
      requests: [],
      createdAt: '2026-10-20T09:00:00Z',
      updatedAt: '2026-10-20T09:00:00Z',
    }),
    releaseNote(teamRef, {
      id: 'rn-eviction',
      version: 3,
      entityRef: undefined,
      releaseVersion: undefined,
      publishedOn: '2026-10-01',
      type: 'fix',
      title: 'Fixed flaky cache eviction',
      body: '',
      requests: [],
      createdAt: '2026-10-01T08:00:00Z',
      updatedAt: '2026-10-01T08:00:00Z',
    }),
  ];
}

export function notesPage(
  items: ReleaseNote[],
  scope: Partial<ReleaseNotesScope> & Pick<ReleaseNotesScope, 'teamRefs'>,
): ReleaseNotesPage {
  return {
    items,
    totalItems: items.length,
    scope: { kind: 'team', entityRefs: [BUILD_CACHE, CI_RUNNER], ...scope },
  };
}

export function platformTeam(teamRef: string): PlatformTeam {
  const component = (name: string, title?: string) => ({
    entityRef: `component:default/${name}`,
    kind: 'Component',
    name,
    namespace: 'default',
    ...(title ? { title } : {}),
  });
  return {
    team: {
      entityRef: teamRef,
      kind: 'Group',
      name: teamRef.split('/')[1],
      namespace: 'default',
      title: 'CI & Build',
    },
    platformEntities: [
      component('build-cache', 'Build cache'),
      component('ci-runner'),
    ],
    consumingTeams: [],
    unownedConsumerCount: 0,
  };
}

function rankedRequest(
  teamRef: string,
  rank: number,
  request: Pick<PlatformRequest, 'id' | 'title' | 'status'>,
): RankedRequest {
  return {
    rank,
    request: {
      version: 1,
      description: '',
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: 'high',
      cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
      requestingEntityRef: 'component:default/checkout-web',
      platformTeamRef: teamRef,
      aboutEntityRefs: [BUILD_CACHE],
      endorsements: [],
      createdBy: 'user:default/bob',
      createdAt: '2026-09-01T00:00:00Z',
      updatedAt: '2026-09-01T00:00:00Z',
      ...request,
    },
    teamsImpacted: {
      teams: [],
      orgUnits: [],
      askingTeamCount: 1,
      strongSignal: false,
    },
    score: { total: 30, parts: [] },
  };
}

/** The team's planned requests, as the backlog lists them. */
export function shippableRequests(teamRef: string): RankedRequest[] {
  return [
    rankedRequest(teamRef, 1, {
      id: 'r-misses',
      title: 'Remote cache misses on every CI run',
      status: 'planned',
    }),
    rankedRequest(teamRef, 2, {
      id: 'r-arm',
      title: 'ARM runners for the mobile builds',
      status: 'planned',
    }),
  ];
}

/** A backend error as the client throws it. */
export function responseError(status: number, message: string) {
  const names: Record<number, [string, string]> = {
    400: ['InputError', 'Bad Request'],
    404: ['NotFoundError', 'Not Found'],
    409: ['ConflictError', 'Conflict'],
    500: ['Error', 'Internal Server Error'],
  };
  const [name, statusText] = names[status] ?? names[500];
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    url: 'http://localhost/api/platform-roadmap/release-notes',
    type: 'basic',
    redirected: false,
    headers: {
      append() {},
      delete() {},
      get: (header: string) =>
        header.toLowerCase() === 'content-type' ? 'application/json' : null,
      has: () => true,
      set() {},
      forEach() {},
    } as unknown as Headers,
    text: async () => body,
  });
}
