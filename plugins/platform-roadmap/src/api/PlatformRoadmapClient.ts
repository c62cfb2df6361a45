import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  ReleaseNoteUpdate,
  CheckInInput,
  Commitment,
  CommitmentInput,
  CommitmentUpdate,
  EntityRoadmap,
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
  StatusChangeInput,
  TriageInput,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  BacklogPage,
  BacklogQuery,
  PlatformRoadmapApi,
  ReleaseNotesFeedTarget,
  ReleaseNotesFilter,
  RequestDetails,
} from './PlatformRoadmapApi';

const enc = encodeURIComponent;

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

  getEntityRequests(
    entityRef: string,
  ): Promise<{ items: RankedRequest[]; totalItems: number }> {
    return this.request(`/requests?entityRef=${encodeURIComponent(entityRef)}`);
  }

  getRequest(id: string): Promise<RequestDetails> {
    return this.request(`/requests/${encodeURIComponent(id)}`);
  }

  fileRequest(
    request: NewRequest,
    options?: { idempotencyKey?: string },
  ): Promise<PlatformRequest> {
    return this.request(
      '/requests',
      'POST',
      request,
      options?.idempotencyKey
        ? { 'Idempotency-Key': options.idempotencyKey }
        : undefined,
    );
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

  setRequestTheme(
    id: string,
    input: RequestThemeInput,
  ): Promise<PlatformRequest> {
    return this.request(`/requests/${enc(id)}/theme`, 'PUT', input);
  }

  getRoadmap(teamRef: string, quarter?: string): Promise<TeamRoadmap> {
    const qs = quarter ? `?quarter=${enc(quarter)}` : '';
    return this.request(`${teamPath(teamRef)}/roadmap${qs}`);
  }

  createTheme(teamRef: string, theme: ThemeInput): Promise<Theme> {
    return this.request(`${teamPath(teamRef)}/themes`, 'POST', theme);
  }

  updateTheme(id: string, theme: ThemeUpdate): Promise<Theme> {
    return this.request(`/themes/${enc(id)}`, 'PUT', theme);
  }

  deleteTheme(id: string, version: number): Promise<void> {
    return this.request(`/themes/${enc(id)}?version=${version}`, 'DELETE');
  }

  createObjective(
    themeId: string,
    objective: ObjectiveInput,
  ): Promise<Objective> {
    return this.request(
      `/themes/${enc(themeId)}/objectives`,
      'POST',
      objective,
    );
  }

  updateObjective(id: string, objective: ObjectiveUpdate): Promise<Objective> {
    return this.request(`/objectives/${enc(id)}`, 'PUT', objective);
  }

  deleteObjective(id: string, version: number): Promise<void> {
    return this.request(`/objectives/${enc(id)}?version=${version}`, 'DELETE');
  }

  createKeyResult(
    objectiveId: string,
    keyResult: KeyResultInput,
  ): Promise<KeyResult> {
    return this.request(
      `/objectives/${enc(objectiveId)}/key-results`,
      'POST',
      keyResult,
    );
  }

  updateKeyResult(id: string, keyResult: KeyResultUpdate): Promise<KeyResult> {
    return this.request(`/key-results/${enc(id)}`, 'PUT', keyResult);
  }

  deleteKeyResult(id: string, version: number): Promise<void> {
    return this.request(`/key-results/${enc(id)}?version=${version}`, 'DELETE');
  }

  checkIn(keyResultId: string, checkIn: CheckInInput): Promise<KeyResult> {
    return this.request(
      `/key-results/${enc(keyResultId)}/check-ins`,
      'POST',
      checkIn,
    );
  }

  createCommitment(
    teamRef: string,
    commitment: CommitmentInput,
  ): Promise<Commitment> {
    return this.request(`${teamPath(teamRef)}/commitments`, 'POST', commitment);
  }

  updateCommitment(
    id: string,
    commitment: CommitmentUpdate,
  ): Promise<Commitment> {
    return this.request(`/commitments/${enc(id)}`, 'PUT', commitment);
  }

  deleteCommitment(id: string, version: number): Promise<void> {
    return this.request(`/commitments/${enc(id)}?version=${version}`, 'DELETE');
  }

  getEntityRoadmap(entityRef: string): Promise<EntityRoadmap> {
    return this.request(`/entities/roadmap?entityRef=${enc(entityRef)}`);
  }

  getIncomingRoadmap(entityRef: string): Promise<IncomingRoadmap> {
    return this.request(`/entities/incoming?entityRef=${enc(entityRef)}`);
  }

  getTeamDeprecations(teamRef: string): Promise<DeprecationsResponse> {
    return this.request(`${teamPath(teamRef)}/deprecations`);
  }

  getEntityDeprecations(entityRef: string): Promise<DeprecationsResponse> {
    return this.request(`/entities/deprecations?entityRef=${enc(entityRef)}`);
  }

  getDeprecationWarnings(
    entityRef: string,
  ): Promise<DeprecationWarningsResponse> {
    return this.request(
      `/entities/deprecation-warnings?entityRef=${enc(entityRef)}`,
    );
  }

  announceDeprecation(
    teamRef: string,
    deprecation: DeprecationInput,
  ): Promise<Deprecation> {
    return this.request(
      `${teamPath(teamRef)}/deprecations`,
      'POST',
      deprecation,
    );
  }

  updateDeprecation(
    id: string,
    deprecation: DeprecationUpdate,
  ): Promise<Deprecation> {
    return this.request(`/deprecations/${enc(id)}`, 'PUT', deprecation);
  }

  deleteDeprecation(id: string, version: number): Promise<void> {
    return this.request(
      `/deprecations/${enc(id)}?version=${version}`,
      'DELETE',
    );
  }

  getTeamReleaseNotes(
    teamRef: string,
    filter: ReleaseNotesFilter = {},
  ): Promise<ReleaseNotesPage> {
    return this.request(
      `${teamPath(teamRef)}/release-notes${filterQuery(filter, '?')}`,
    );
  }

  getEntityReleaseNotes(
    entityRef: string,
    filter: ReleaseNotesFilter = {},
  ): Promise<ReleaseNotesPage> {
    return this.request(
      `/entities/release-notes?entityRef=${enc(entityRef)}${filterQuery(
        filter,
        '&',
      )}`,
    );
  }

  getReleaseNote(id: string): Promise<ReleaseNote> {
    return this.request(`/release-notes/${enc(id)}`);
  }

  createReleaseNote(
    teamRef: string,
    note: ReleaseNoteInput,
  ): Promise<ReleaseNote> {
    return this.request(`${teamPath(teamRef)}/release-notes`, 'POST', note);
  }

  updateReleaseNote(id: string, note: ReleaseNoteUpdate): Promise<ReleaseNote> {
    return this.request(`/release-notes/${enc(id)}`, 'PUT', note);
  }

  deleteReleaseNote(id: string, version: number): Promise<void> {
    return this.request(
      `/release-notes/${enc(id)}?version=${version}`,
      'DELETE',
    );
  }

  async getReleaseNotesFeedUrl(
    target: ReleaseNotesFeedTarget,
  ): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-roadmap');
    if ('teamRef' in target) {
      return `${baseUrl}/feeds${teamPath(target.teamRef)}.atom`;
    }
    const { kind, namespace, name } = parseEntityRef(target.entityRef);
    return `${baseUrl}/feeds/entities/${enc(
      kind.toLocaleLowerCase('en-US'),
    )}/${enc(namespace)}/${enc(name)}.atom`;
  }

  getOverview(period?: string): Promise<OrgOverview> {
    return this.request(`/overview${period ? `?period=${enc(period)}` : ''}`);
  }

  getCustomerReview(
    teamRef: string,
    quarter?: string,
  ): Promise<CustomerReview> {
    return this.request(
      `${teamPath(teamRef)}/review${quarter ? `?quarter=${enc(quarter)}` : ''}`,
    );
  }

  async getCustomerReviewMarkdown(
    teamRef: string,
    quarter: string,
  ): Promise<{ filename: string; markdown: string }> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-roadmap');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${teamPath(teamRef)}/review.md?quarter=${enc(quarter)}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const filename =
      /filename="([^"]+)"/.exec(disposition)?.[1] ??
      `customer-review-${quarter}.md`;
    return { filename, markdown: await response.text() };
  }

  createReviewAsk(teamRef: string, ask: ReviewAskInput): Promise<ReviewAsk> {
    return this.request(`${teamPath(teamRef)}/review-asks`, 'POST', ask);
  }

  updateReviewAsk(id: string, ask: ReviewAskUpdate): Promise<ReviewAsk> {
    return this.request(`/review-asks/${enc(id)}`, 'PUT', ask);
  }

  deleteReviewAsk(id: string, version: number): Promise<void> {
    return this.request(`/review-asks/${enc(id)}?version=${version}`, 'DELETE');
  }

  getCapacity(teamRef: string, quarter: string): Promise<CapacityBudget> {
    return this.request(`${teamPath(teamRef)}/capacity/${enc(quarter)}`);
  }

  setCapacity(
    teamRef: string,
    quarter: string,
    budget: CapacityInput,
  ): Promise<CapacityBudget> {
    return this.request(
      `${teamPath(teamRef)}/capacity/${enc(quarter)}`,
      'PUT',
      budget,
    );
  }

  getStakeholders(teamRef: string): Promise<StakeholdersResponse> {
    return this.request(`${teamPath(teamRef)}/stakeholders`);
  }

  createStakeholder(
    teamRef: string,
    stakeholder: StakeholderInput,
  ): Promise<Stakeholder> {
    return this.request(
      `${teamPath(teamRef)}/stakeholders`,
      'POST',
      stakeholder,
    );
  }

  updateStakeholder(
    id: string,
    stakeholder: StakeholderUpdate,
  ): Promise<Stakeholder> {
    return this.request(`/stakeholders/${enc(id)}`, 'PUT', stakeholder);
  }

  deleteStakeholder(id: string, version: number): Promise<void> {
    return this.request(
      `/stakeholders/${enc(id)}?version=${version}`,
      'DELETE',
    );
  }

  listMetrics(
    teamRef: string,
    options?: { points?: 'recent' },
  ): Promise<TeamMetricsResponse> {
    return this.request(
      `${teamPath(teamRef)}/metrics${
        options?.points ? `?points=${enc(options.points)}` : ''
      }`,
    );
  }

  createMetric(teamRef: string, metric: MetricInput): Promise<Metric> {
    return this.request(`${teamPath(teamRef)}/metrics`, 'POST', metric);
  }

  updateMetric(id: string, metric: MetricUpdate): Promise<Metric> {
    return this.request(`/metrics/${enc(id)}`, 'PUT', metric);
  }

  deleteMetric(id: string, version: number): Promise<void> {
    return this.request(`/metrics/${enc(id)}?version=${version}`, 'DELETE');
  }

  getMetricPoints(
    metricId: string,
    since?: string,
  ): Promise<MetricPointsResponse> {
    return this.request(
      `/metrics/${enc(metricId)}/points${since ? `?since=${enc(since)}` : ''}`,
    );
  }

  postMetricPoint(
    teamRef: string,
    metricKey: string,
    point: MetricPointInput,
  ): Promise<MetricPoint> {
    return this.request(
      `${teamPath(teamRef)}/metrics/${enc(metricKey)}/points`,
      'POST',
      point,
    );
  }

  getSurvey(teamRef: string, period?: string): Promise<SurveySummary> {
    return this.request(
      `${teamPath(teamRef)}/survey${period ? `?period=${enc(period)}` : ''}`,
    );
  }

  respondToSurvey(
    teamRef: string,
    response: SurveyResponseInput,
  ): Promise<SurveyResponse> {
    return this.request(`${teamPath(teamRef)}/survey`, 'POST', response);
  }

  getImpact(teamRef: string, quarter?: string): Promise<ImpactSummary> {
    return this.request(
      `${teamPath(teamRef)}/impact${quarter ? `?quarter=${enc(quarter)}` : ''}`,
    );
  }

  private async request<T>(
    path: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' = 'GET',
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-roadmap');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

function filterQuery(filter: ReleaseNotesFilter, lead: '?' | '&') {
  const params = new URLSearchParams();
  for (const type of filter.type ?? []) params.append('type', type);
  if (filter.about) params.set('about', filter.about);
  if (filter.q) params.set('q', filter.q);
  if (filter.limit) params.set('limit', String(filter.limit));
  const qs = params.toString();
  return qs ? `${lead}${qs}` : '';
}

function teamPath(teamRef: string) {
  const { namespace, name } = parseEntityRef(teamRef, {
    defaultKind: 'group',
  });
  return `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
