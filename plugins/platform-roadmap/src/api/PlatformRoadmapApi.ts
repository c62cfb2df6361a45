import { createApiRef } from '@backstage/core-plugin-api';
import {
  CapacityBudget,
  CapacityInput,
  CustomerReview,
  ImpactSummary,
  Metric,
  TeamMetricsResponse,
  MetricInput,
  MetricPoint,
  MetricPointInput,
  MetricPointsResponse,
  MetricUpdate,
  OrgOverview,
  ReviewAsk,
  ReviewAskInput,
  ReviewAskUpdate,
  Stakeholder,
  StakeholderInput,
  StakeholdersResponse,
  StakeholderUpdate,
  SurveyResponse,
  SurveyResponseInput,
  SurveySummary,
  Deprecation,
  DeprecationInput,
  DeprecationsResponse,
  DeprecationUpdate,
  DeprecationWarningsResponse,
  ReleaseNote,
  ReleaseNoteInput,
  ReleaseNotesPage,
  ReleaseNoteType,
  ReleaseNoteUpdate,
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
 * Filters of a release notes list.
 *
 * @public
 */
export interface ReleaseNotesFilter {
  type?: ReleaseNoteType[];
  /** Only the notes about this entity. */
  about?: string;
  /** Text in the title, body or release version. */
  q?: string;
  limit?: number;
}

/**
 * Whose release notes a feed carries.
 *
 * @public
 */
export type ReleaseNotesFeedTarget =
  | { teamRef: string }
  | { entityRef: string };

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
  getEntityRequests(
    entityRef: string,
  ): Promise<{ items: RankedRequest[]; totalItems: number }>;
  getRequest(id: string): Promise<RequestDetails>;
  /**
   * Files a request. With an `idempotencyKey` (sent as the Idempotency-Key
   * header), a retry of the same filing returns the request filed first.
   */
  fileRequest(
    request: NewRequest,
    options?: { idempotencyKey?: string },
  ): Promise<PlatformRequest>;
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

  /** A platform team's deprecations, with remaining consumers and burn-down. */
  getTeamDeprecations(teamRef: string): Promise<DeprecationsResponse>;
  /** The deprecations of an entity (it is the thing going away). */
  getEntityDeprecations(entityRef: string): Promise<DeprecationsResponse>;
  /** The active deprecations that hit an entity (it is a consumer). */
  getDeprecationWarnings(
    entityRef: string,
  ): Promise<DeprecationWarningsResponse>;
  /** Announces a deprecation; also publishes its `deprecation` release note. */
  announceDeprecation(
    teamRef: string,
    deprecation: DeprecationInput,
  ): Promise<Deprecation>;
  updateDeprecation(
    id: string,
    deprecation: DeprecationUpdate,
  ): Promise<Deprecation>;
  deleteDeprecation(id: string, version: number): Promise<void>;

  /** Every release note of a platform team, newest first. */
  getTeamReleaseNotes(
    teamRef: string,
    filter?: ReleaseNotesFilter,
  ): Promise<ReleaseNotesPage>;
  /**
   * An entity's release notes: for a platform entity, its own and its
   * team's team-wide notes; for any other, those of the platforms it uses.
   */
  getEntityReleaseNotes(
    entityRef: string,
    filter?: ReleaseNotesFilter,
  ): Promise<ReleaseNotesPage>;
  getReleaseNote(id: string): Promise<ReleaseNote>;
  /** Publishes a note; requests it names in `shipsRequestIds` become shipped. */
  createReleaseNote(
    teamRef: string,
    note: ReleaseNoteInput,
  ): Promise<ReleaseNote>;
  updateReleaseNote(id: string, note: ReleaseNoteUpdate): Promise<ReleaseNote>;
  deleteReleaseNote(id: string, version: number): Promise<void>;
  /** The absolute URL of the Atom feed of a team's or an entity's notes. */
  getReleaseNotesFeedUrl(target: ReleaseNotesFeedTarget): Promise<string>;

  /** Every platform team side by side, for a year or quarter (default: this year). */
  getOverview(period?: string): Promise<OrgOverview>;
  /** A platform team's quarterly customer review (default: this quarter). */
  getCustomerReview(teamRef: string, quarter?: string): Promise<CustomerReview>;
  /** The same review as Markdown, with a file name to save it under. */
  getCustomerReviewMarkdown(
    teamRef: string,
    quarter: string,
  ): Promise<{ filename: string; markdown: string }>;
  createReviewAsk(teamRef: string, ask: ReviewAskInput): Promise<ReviewAsk>;
  updateReviewAsk(id: string, ask: ReviewAskUpdate): Promise<ReviewAsk>;
  deleteReviewAsk(id: string, version: number): Promise<void>;

  /** A team's capacity budget for a quarter (version 0: not written yet). */
  getCapacity(teamRef: string, quarter: string): Promise<CapacityBudget>;
  setCapacity(
    teamRef: string,
    quarter: string,
    budget: CapacityInput,
  ): Promise<CapacityBudget>;

  /** The consuming teams (computed) and the stakeholders the team wrote. */
  getStakeholders(teamRef: string): Promise<StakeholdersResponse>;
  createStakeholder(
    teamRef: string,
    stakeholder: StakeholderInput,
  ): Promise<Stakeholder>;
  updateStakeholder(
    id: string,
    stakeholder: StakeholderUpdate,
  ): Promise<Stakeholder>;
  deleteStakeholder(id: string, version: number): Promise<void>;

  /** A team's metrics, each with its latest point. */
  /** A team's metrics; with `points: 'recent'`, their recent values too. */
  listMetrics(
    teamRef: string,
    options?: { points?: 'recent' },
  ): Promise<TeamMetricsResponse>;
  createMetric(teamRef: string, metric: MetricInput): Promise<Metric>;
  updateMetric(id: string, metric: MetricUpdate): Promise<Metric>;
  deleteMetric(id: string, version: number): Promise<void>;
  /** A metric's points, oldest first (default: the last 180 days). */
  getMetricPoints(
    metricId: string,
    since?: string,
  ): Promise<MetricPointsResponse>;
  /** Records a value (key results bound to the metric follow). */
  postMetricPoint(
    teamRef: string,
    metricKey: string,
    point: MetricPointInput,
  ): Promise<MetricPoint>;

  /** Consumer satisfaction of a platform team for a quarter (default: this one). */
  getSurvey(teamRef: string, period?: string): Promise<SurveySummary>;
  /** Rates a platform team 1–5 for this quarter, once. */
  respondToSurvey(
    teamRef: string,
    response: SurveyResponseInput,
  ): Promise<SurveyResponse>;

  /** What platform teams shipped for a consuming team, and the time saved. */
  getImpact(teamRef: string, quarter?: string): Promise<ImpactSummary>;
}

/**
 * API reference for {@link PlatformRoadmapApi}.
 *
 * @public
 */
export const platformRoadmapApiRef = createApiRef<PlatformRoadmapApi>({
  id: 'plugin.platform-roadmap.service',
});
