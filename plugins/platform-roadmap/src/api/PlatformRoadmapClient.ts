import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  NewEndorsement,
  NewRequest,
  PlatformRequest,
  PlatformTeam,
  PlatformTeamsResponse,
  RankedRequest,
  StatusChangeInput,
  TriageInput,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  BacklogPage,
  BacklogQuery,
  PlatformRoadmapApi,
  RequestDetails,
} from './PlatformRoadmapApi';

/**
 * Talks to the Platform Roadmap backend through the app's discovery and
 * fetch APIs (which add the caller's Backstage token).
 *
 * @public
 */
export class PlatformRoadmapClient implements PlatformRoadmapApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listTeams(): Promise<PlatformTeamsResponse> {
    return this.request<PlatformTeamsResponse>('/teams');
  }

  getTeam(teamRef: string): Promise<PlatformTeam> {
    return this.request<PlatformTeam>(teamPath(teamRef));
  }

  getBacklog(teamRef: string, query: BacklogQuery = {}): Promise<BacklogPage> {
    const params = new URLSearchParams();
    for (const key of ['status', 'kind', 'impactType'] as const) {
      if (query[key]?.length) params.set(key, query[key]!.join(','));
    }
    if (query.limit) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    const qs = params.toString();
    return this.request<BacklogPage>(
      `${teamPath(teamRef)}/backlog${qs ? `?${qs}` : ''}`,
    );
  }

  getEntityRequests(entityRef: string): Promise<{ items: RankedRequest[] }> {
    return this.request(`/requests?entityRef=${encodeURIComponent(entityRef)}`);
  }

  getRequest(id: string): Promise<RequestDetails> {
    return this.request(`/requests/${encodeURIComponent(id)}`);
  }

  fileRequest(request: NewRequest): Promise<PlatformRequest> {
    return this.request('/requests', 'POST', request);
  }

  endorse(id: string, endorsement: NewEndorsement): Promise<PlatformRequest> {
    return this.request(
      `/requests/${encodeURIComponent(id)}/endorsements`,
      'POST',
      endorsement,
    );
  }

  triage(id: string, triage: TriageInput): Promise<PlatformRequest> {
    return this.request(
      `/requests/${encodeURIComponent(id)}/triage`,
      'PUT',
      triage,
    );
  }

  changeStatus(
    id: string,
    change: StatusChangeInput,
  ): Promise<PlatformRequest> {
    return this.request(
      `/requests/${encodeURIComponent(id)}/status`,
      'POST',
      change,
    );
  }

  merge(
    id: string,
    merge: { version: number; intoId: string },
  ): Promise<PlatformRequest> {
    return this.request(
      `/requests/${encodeURIComponent(id)}/merge`,
      'POST',
      merge,
    );
  }

  private async request<T>(
    path: string,
    method: 'GET' | 'POST' | 'PUT' = 'GET',
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-roadmap');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function teamPath(teamRef: string) {
  const { namespace, name } = parseEntityRef(teamRef, {
    defaultKind: 'group',
  });
  return `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
