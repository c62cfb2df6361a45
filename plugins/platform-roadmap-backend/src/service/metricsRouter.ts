import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  MetricPointsResponse,
  TeamMetricsResponse,
  metricInputSchema,
  metricPointInputSchema,
  metricUpdateSchema,
  quarterOf,
  quarterSchema,
  shiftQuarter,
  SurveySummary,
  surveyResponseInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';
import { refKey } from '../catalog/CatalogReader';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { MetricsStore } from '../database/MetricsStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { audited } from './audit';
import {
  authorizeManage,
  parse,
  parseBody,
  userOf,
  versionQuerySchema,
} from './http';
import { followMetric } from '../metrics/followMetric';
import { parseTeamRef } from './validation';

export interface MetricsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** For the caller's teams (ownership refs), which credentials do not carry. */
  userInfo: UserInfoService;
  store: MetricsStore;
  /** Key results bound to a metric follow its latest point. */
  roadmapStore: Pick<
    RoadmapStore,
    'listKeyResultsByMetric' | 'getKeyResult' | 'checkIn'
  >;
  teams: PlatformTeamsService;
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** What `GET /metrics/:id/points` covers without `since`. */
const DEFAULT_POINTS_DAYS = 180;
/** Clock skew tolerated for a point's `at`. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** The survey trend: this many quarters, ending with the one asked for. */
const TREND_QUARTERS = 4;

const metricsQuerySchema = z.object({
  points: z.enum(['recent']).optional(),
});

const pointsQuerySchema = z.object({
  since: z
    .string()
    .refine(
      s => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
      'must be an ISO date or date-time',
    )
    .optional(),
});

const surveyQuerySchema = z.object({ period: quarterSchema.optional() });

/**
 * Routes for a team's metrics, the points machines and people post to
 * them, and the satisfaction survey of its consumers. Reads are open to
 * every signed-in user and to services; changing a metric needs the team's
 * manage permission. A point may be posted by a member or by any service
 * the backend's external access lets call the plugin (e.g. a CI job with a
 * static token). Every change is audited.
 */
export function createMetricsRouter(
  options: MetricsRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, store, roadmapStore, teams } =
    options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const user = (req: Request) => userOf(httpAuth, req);
  const authorize = (teamRef: string, credentials: BackstageCredentials) =>
    authorizeManage(permissions, teamRef, credentials, 'metrics');
  const teamOf = (req: Request) =>
    parseTeamRef(req.params.namespace, req.params.name);

  /**
   * Whether the caller is a person who may manage the team; a denial is no
   * error. Services never are: a CI token posts points, it does not read
   * what consumers wrote to the team.
   */
  const mayManage = (teamRef: string, credentials: BackstageCredentials) =>
    (credentials.principal as { type?: string }).type !== 'user'
      ? Promise.resolve(false)
      : authorize(teamRef, credentials).then(
          () => true,
          error => {
            if ((error as Error)?.name === 'NotAllowedError') return false;
            throw error;
          },
        );

  /** The consuming teams of `teamRef` the user belongs to (lower case). */
  async function respondAs(
    teamRef: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const [info, team] = await Promise.all([
      options.userInfo.getUserInfo(credentials),
      teams.getTeam(teamRef, credentials),
    ]);
    const own = new Set(info.ownershipEntityRefs.map(refKey));
    return team.consumingTeams
      .map(c => refKey(c.team.entityRef))
      .filter(ref => own.has(ref));
  }

  // Metrics

  router.get('/teams/:namespace/:name/metrics', async (req, res) => {
    await reader(req);
    const teamRef = teamOf(req);
    const { points } = parse(metricsQuerySchema, req.query);
    const items = await store.listMetrics({ teamRefs: [teamRef] });
    const body: TeamMetricsResponse = { items };
    // The metrics card shows every metric's recent values: one request for
    // all of them, not one per metric.
    if (points === 'recent') {
      const from = new Date(now().getTime() - DEFAULT_POINTS_DAYS * DAY_MS);
      const byMetric = await store.listPointsOf(
        items.map(m => m.id),
        from.toISOString(),
      );
      body.points = Object.fromEntries(byMetric);
    }
    res.json(body);
  });

  router.post('/teams/:namespace/:name/metrics', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = teamOf(req);
    await authorize(teamRef, credentials);
    const input = parseBody(metricInputSchema, req.body);
    const metric = await audited(
      auditor,
      {
        eventId: 'metric-create',
        request: req,
        meta: { teamRef, key: input.key, kind: input.kind },
      },
      () => store.createMetric(teamRef, input, { by, at: now() }),
      m => ({ metricId: m.id }),
    );
    res.status(201).json(metric);
  });

  router.put('/metrics/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getMetric(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(metricUpdateSchema, req.body);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'metric-update',
          request: req,
          meta: { metricId: existing.id, version, key: input.key },
        },
        () =>
          store.updateMetric(existing.id, version, input, { by, at: now() }),
      ),
    );
  });

  router.delete('/metrics/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getMetric(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'metric-delete',
        request: req,
        meta: { metricId: existing.id, version },
      },
      async () => {
        // A key result measured by a deleted metric could neither follow it
        // nor be checked in by hand: it has to be unbound first.
        const bound = await roadmapStore.listKeyResultsByMetric(existing.id);
        if (bound.length > 0) {
          throw new ConflictError(
            `Metric ${existing.name} measures ${bound
              .map(kr => `"${kr.title}"`)
              .join(', ')}; measure ${
              bound.length === 1 ? 'it' : 'them'
            } another way before deleting the metric`,
          );
        }
        await store.deleteMetric(existing.id, version);
      },
    );
    res.status(204).end();
  });

  // Points

  router.get('/metrics/:id/points', async (req, res) => {
    await reader(req);
    const { since } = parse(pointsQuerySchema, req.query);
    const metric = await store.getMetric(req.params.id);
    const from =
      since ?? new Date(now().getTime() - DEFAULT_POINTS_DAYS * DAY_MS);
    const body: MetricPointsResponse = {
      metric,
      items: await store.listPoints(metric.id, new Date(from).toISOString()),
    };
    res.json(body);
  });

  router.post(
    '/teams/:namespace/:name/metrics/:key/points',
    async (req, res) => {
      const credentials = await reader(req);
      const teamRef = teamOf(req);
      let source: string;
      if (credentials.principal.type === 'user') {
        await authorize(teamRef, credentials);
        source = credentials.principal.userEntityRef;
      } else {
        // A machine: which services may call the plugin at all is up to
        // the backend's external access config and its accessRestrictions.
        source = `service:${credentials.principal.subject}`;
      }
      const input = parseBody(metricPointInputSchema, req.body);
      const at = input.at ? new Date(input.at) : now();
      if (at.getTime() > now().getTime() + FUTURE_TOLERANCE_MS) {
        throw new InputError('at: must not be in the future');
      }
      const { point } = await audited(
        auditor,
        {
          eventId: 'metric-point',
          request: req,
          meta: {
            teamRef,
            key: req.params.key,
            source,
            value: input.value,
            at: at.toISOString(),
          },
        },
        async () => {
          const metric = await store.getMetricByKey(teamRef, req.params.key);
          const added = await store.addPoint(
            metric.id,
            { value: input.value, at, note: input.note },
            source,
          );
          return {
            point: added,
            moved: await followMetric(store, roadmapStore, metric.id),
          };
        },
        r => ({
          metricId: r.point.metricId,
          pointId: r.point.id,
          keyResultIds: r.moved,
        }),
      );
      res.status(201).json(point);
    },
  );

  // Satisfaction survey

  router.get('/teams/:namespace/:name/survey', async (req, res) => {
    const credentials = await reader(req);
    const teamRef = teamOf(req);
    const period =
      parse(surveyQuerySchema, req.query).period ?? quarterOf(now());
    const principal = credentials.principal;
    const asUser =
      principal.type === 'user'
        ? (credentials as BackstageCredentials<BackstageUserPrincipal>)
        : undefined;
    const periodsBack = Array.from({ length: TREND_QUARTERS - 1 }, (_, i) =>
      shiftQuarter(period, i - (TREND_QUARTERS - 1)),
    );
    const [summary, manager, consumerOf, mine] = await Promise.all([
      store.surveySummary(teamRef, period, periodsBack),
      mayManage(teamRef, credentials),
      asUser
        ? respondAs(teamRef, asUser)
        : teams.getTeam(teamRef, credentials).then(() => []),
      asUser
        ? store.getResponse(teamRef, period, asUser.principal.userEntityRef)
        : undefined,
    ]);
    const body: SurveySummary = {
      ...summary,
      ...(manager && { comments: await store.listComments(teamRef, period) }),
      ...(mine && { mine }),
      respondAs: consumerOf,
    };
    res.json(body);
  });

  router.post('/teams/:namespace/:name/survey', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = teamOf(req);
    const input = parseBody(surveyResponseInputSchema, req.body);
    const allowed = await respondAs(teamRef, credentials);
    const respondentTeamRef = refKey(input.respondentTeamRef);
    if (!allowed.includes(respondentTeamRef)) {
      throw new InputError(
        `respondentTeamRef: you are not a member of a team that uses ${teamRef}`,
      );
    }
    const at = now();
    const period = quarterOf(at);
    const response = await audited(
      auditor,
      {
        eventId: 'survey-response',
        request: req,
        meta: { teamRef, period, respondentTeamRef },
      },
      () =>
        store.recordSurveyResponse(
          {
            teamRef,
            period,
            respondentRef: by,
            respondentTeamRef,
            score: input.score,
            comment: input.comment,
          },
          at,
        ),
      r => ({ surveyResponseId: r.id }),
    );
    res.status(201).json(response);
  });

  return router;
}
