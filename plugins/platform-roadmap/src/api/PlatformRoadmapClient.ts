import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PlatformTeam,
  PlatformTeamsResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformRoadmapApi } from './PlatformRoadmapApi';

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
    const { namespace, name } = parseEntityRef(teamRef, {
      defaultKind: 'group',
    });
    return this.request<PlatformTeam>(
      `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-roadmap');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
