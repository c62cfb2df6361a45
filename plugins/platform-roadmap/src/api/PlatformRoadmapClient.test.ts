import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import {
  PlatformTeam,
  PlatformTeamsResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PlatformRoadmapClient } from './PlatformRoadmapClient';

const baseUrl = 'http://roadmap.test/api/platform-roadmap';

const team: PlatformTeam = {
  team: {
    entityRef: 'group:default/ci-build',
    kind: 'Group',
    name: 'ci-build',
    namespace: 'default',
    title: 'CI & Build',
  },
  platformEntities: [
    {
      entityRef: 'component:default/build-cache',
      kind: 'Component',
      name: 'build-cache',
      namespace: 'default',
      type: 'service',
    },
  ],
  consumingTeams: [],
  unownedConsumerCount: 0,
};

describe('PlatformRoadmapClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const getBaseUrl = jest.fn(async (pluginId: string) => {
    if (pluginId !== 'platform-roadmap') {
      throw new Error(`unexpected plugin id ${pluginId}`);
    }
    return baseUrl;
  });
  const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    global.fetch(input, init),
  );
  const client = new PlatformRoadmapClient({
    discoveryApi: mockApis.discovery.mock({ getBaseUrl }),
    fetchApi: { fetch: fetchSpy },
  });

  beforeEach(() => {
    getBaseUrl.mockClear();
    fetchSpy.mockClear();
  });

  it('gets one team by its entity ref from /teams/:namespace/:name', async () => {
    const seen: { method: string; pathname: string }[] = [];
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name`, ({ request, params }) => {
        seen.push({
          method: request.method,
          pathname: new URL(request.url).pathname,
        });
        if (params.namespace !== 'default' || params.name !== 'ci-build') {
          return HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'wrong team' } },
            { status: 404 },
          );
        }
        return HttpResponse.json(team);
      }),
    );

    await expect(client.getTeam('group:default/ci-build')).resolves.toEqual(
      team,
    );
    expect(getBaseUrl).toHaveBeenCalledWith('platform-roadmap');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy).toHaveBeenCalledWith(`${baseUrl}/teams/default/ci-build`, {
      method: 'GET',
    });
    expect(seen).toEqual([
      {
        method: 'GET',
        pathname: '/api/platform-roadmap/teams/default/ci-build',
      },
    ]);
  });

  it('defaults the kind to group and the namespace to default', async () => {
    server.use(
      http.get(`${baseUrl}/teams/default/ci-build`, () =>
        HttpResponse.json(team),
      ),
    );

    await expect(client.getTeam('ci-build')).resolves.toEqual(team);
    expect(fetchSpy).toHaveBeenCalledWith(`${baseUrl}/teams/default/ci-build`, {
      method: 'GET',
    });
  });

  it('URL-encodes namespace and name', async () => {
    const seen: { namespace: unknown; name: unknown; pathname: string }[] = [];
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name`, ({ request, params }) => {
        seen.push({
          namespace: params.namespace,
          name: params.name,
          pathname: new URL(request.url).pathname,
        });
        return HttpResponse.json(team);
      }),
    );

    await client.getTeam('group:my ns/a?b#c&d%e');

    expect(fetchSpy).toHaveBeenCalledWith(
      `${baseUrl}/teams/my%20ns/a%3Fb%23c%26d%25e`,
      {
        method: 'GET',
      },
    );
    expect(seen).toEqual([
      {
        namespace: 'my ns',
        name: 'a?b#c&d%e',
        pathname: '/api/platform-roadmap/teams/my%20ns/a%3Fb%23c%26d%25e',
      },
    ]);
  });

  it('turns a backend error body into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/teams/default/nope`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No platform team group:default/nope',
            },
            request: {
              method: 'GET',
              url: '/api/platform-roadmap/teams/default/nope',
            },
            response: { statusCode: 404 },
          },
          { status: 404, statusText: 'Not Found' },
        ),
      ),
    );

    const error = await client.getTeam('group:default/nope').then(
      () => {
        throw new Error('expected getTeam to reject');
      },
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    const responseError = error as ResponseError;
    expect(responseError.name).toBe('ResponseError');
    expect(responseError.statusCode).toBe(404);
    expect(responseError.message).toBe('Request failed with 404 Not Found');
    // The backend's own message travels as the error's cause (that is what
    // ResponseErrorPanel shows as "Message").
    expect(responseError.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'No platform team group:default/nope',
    });
    expect(responseError.body.error.message).toBe(
      'No platform team group:default/nope',
    );
  });

  it('keeps a non-JSON error body in the cause message', async () => {
    server.use(
      http.get(
        `${baseUrl}/teams`,
        () =>
          new HttpResponse('upstream exploded', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/plain' },
          }),
      ),
    );

    const error = await client.listTeams().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(502);
    expect((error as ResponseError).cause.message).toContain(
      'upstream exploded',
    );
  });

  it('lists all teams from /teams', async () => {
    const body: PlatformTeamsResponse = { items: [team] };
    const seen: string[] = [];
    server.use(
      http.get(`${baseUrl}/teams`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return HttpResponse.json(body);
      }),
    );

    await expect(client.listTeams()).resolves.toEqual(body);
    expect(fetchSpy).toHaveBeenCalledWith(`${baseUrl}/teams`, {
      method: 'GET',
    });
    expect(seen).toEqual(['GET /api/platform-roadmap/teams']);
  });

  it('files a request as JSON and returns the created request', async () => {
    let received:
      | { contentType: string | null; key: string | null; body: unknown }
      | undefined;
    server.use(
      http.post(`${baseUrl}/requests`, async ({ request }) => {
        received = {
          contentType: request.headers.get('content-type'),
          key: request.headers.get('idempotency-key'),
          body: await request.json(),
        };
        return HttpResponse.json({ id: 'r1', status: 'open' }, { status: 201 });
      }),
    );
    const body = {
      title: 'Remote cache misses',
      kind: 'slowdown' as const,
      impactType: 'velocity-tax' as const,
      severity: 'high' as const,
      cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
      requestingEntityRef: 'component:default/checkout-web',
      platformTeamRef: 'group:default/ci-build',
    };

    await expect(client.fileRequest(body)).resolves.toMatchObject({
      id: 'r1',
    });
    expect(received).toEqual({
      contentType: 'application/json',
      key: null,
      body,
    });
    await client.fileRequest(body, { idempotencyKey: 'k-1' });
    expect(received).toEqual({
      contentType: 'application/json',
      key: 'k-1',
      body,
    });
  });

  it('asks for the backlog with its filters and cursor', async () => {
    let search = '';
    server.use(
      http.get(`${baseUrl}/teams/default/ci-build/backlog`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({ items: [], totalItems: 0 });
      }),
    );
    await client.getBacklog('group:default/ci-build', {
      status: ['open', 'triaged'],
      kind: ['bug'],
      limit: 10,
      cursor: 'abc',
    });
    expect(new URLSearchParams(search).get('status')).toBe('open,triaged');
    expect(new URLSearchParams(search).get('kind')).toBe('bug');
    expect(new URLSearchParams(search).get('limit')).toBe('10');
    expect(new URLSearchParams(search).get('cursor')).toBe('abc');
    expect(new URLSearchParams(search).has('impactType')).toBe(false);
  });
});
