import { createApiRef } from '@backstage/core-plugin-api';
import {
  ImpactType,
  NewEndorsement,
  NewRequest,
  PlatformRequest,
  PlatformTeam,
  PlatformTeamsResponse,
  RankedRequest,
  RequestHistoryEntry,
  RequestKind,
  RequestStatus,
  StatusChangeInput,
  TriageInput,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/**
 * Filters and page of the ranked backlog.
 *
 * @public
 */
export interface BacklogQuery {
  status?: RequestStatus[];
  kind?: RequestKind[];
  impactType?: ImpactType[];
  limit?: number;
  cursor?: string;
}

/**
 * A page of the ranked backlog.
 *
 * @public
 */
export interface BacklogPage {
  items: RankedRequest[];
  totalItems: number;
  nextCursor?: string;
}

/**
 * One request with everything about it.
 *
 * @public
 */
export type RequestDetails = RankedRequest & { history: RequestHistoryEntry[] };

/**
 * Client for the Platform Roadmap backend.
 *
 * @public
 */
export interface PlatformRoadmapApi {
  /** Every platform team with its platform entities and consuming teams. */
  listTeams(): Promise<PlatformTeamsResponse>;
  /** One platform team, by its Group entity ref. */
  getTeam(teamRef: string): Promise<PlatformTeam>;
  /** The platform team's requests, ranked by score. */
  getBacklog(teamRef: string, query?: BacklogQuery): Promise<BacklogPage>;
  /** Requests filed or endorsed from an entity, ranked. */
  getEntityRequests(entityRef: string): Promise<{ items: RankedRequest[] }>;
  getRequest(id: string): Promise<RequestDetails>;
  fileRequest(request: NewRequest): Promise<PlatformRequest>;
  endorse(id: string, endorsement: NewEndorsement): Promise<PlatformRequest>;
  triage(id: string, triage: TriageInput): Promise<PlatformRequest>;
  changeStatus(id: string, change: StatusChangeInput): Promise<PlatformRequest>;
  merge(
    id: string,
    merge: { version: number; intoId: string },
  ): Promise<PlatformRequest>;
}

/**
 * API reference for {@link PlatformRoadmapApi}.
 *
 * @public
 */
export const platformRoadmapApiRef = createApiRef<PlatformRoadmapApi>({
  id: 'plugin.platform-roadmap.service',
});
