import { createApiRef } from '@backstage/core-plugin-api';
import {
  CheckInInput,
  Commitment,
  CommitmentInput,
  CommitmentUpdate,
  EntityRoadmap,
  ImpactType,
  IncomingRoadmap,
  KeyResult,
  KeyResultInput,
  KeyResultUpdate,
  Objective,
  ObjectiveInput,
  ObjectiveUpdate,
  RequestThemeInput,
  TeamRoadmap,
  Theme,
  ThemeInput,
  ThemeUpdate,
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
  /** Plans a request under a theme (or unlinks it with `themeId: null`). */
  setRequestTheme(
    id: string,
    input: RequestThemeInput,
  ): Promise<PlatformRequest>;

  /** A team's themes, OKRs and commitments for a quarter (default: now). */
  getRoadmap(teamRef: string, quarter?: string): Promise<TeamRoadmap>;
  createTheme(teamRef: string, theme: ThemeInput): Promise<Theme>;
  updateTheme(id: string, theme: ThemeUpdate): Promise<Theme>;
  deleteTheme(id: string, version: number): Promise<void>;
  createObjective(
    themeId: string,
    objective: ObjectiveInput,
  ): Promise<Objective>;
  updateObjective(id: string, objective: ObjectiveUpdate): Promise<Objective>;
  deleteObjective(id: string, version: number): Promise<void>;
  createKeyResult(
    objectiveId: string,
    keyResult: KeyResultInput,
  ): Promise<KeyResult>;
  updateKeyResult(id: string, keyResult: KeyResultUpdate): Promise<KeyResult>;
  deleteKeyResult(id: string, version: number): Promise<void>;
  /** Records a new value of a key result. */
  checkIn(keyResultId: string, checkIn: CheckInInput): Promise<KeyResult>;
  createCommitment(
    teamRef: string,
    commitment: CommitmentInput,
  ): Promise<Commitment>;
  updateCommitment(
    id: string,
    commitment: CommitmentUpdate,
  ): Promise<Commitment>;
  deleteCommitment(id: string, version: number): Promise<void>;
  /** Themes and key results that concern a platform entity. */
  getEntityRoadmap(entityRef: string): Promise<EntityRoadmap>;
  /** Committed themes of the platform teams an entity depends on. */
  getIncomingRoadmap(entityRef: string): Promise<IncomingRoadmap>;
}

/**
 * API reference for {@link PlatformRoadmapApi}.
 *
 * @public
 */
export const platformRoadmapApiRef = createApiRef<PlatformRoadmapApi>({
  id: 'plugin.platform-roadmap.service',
});
