import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  PlatformTeam,
  PlatformTeamsResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ConsumerSnapshotStore } from '../database/ConsumerSnapshotStore';
import {
  consumerHistory,
  daysBefore,
  HISTORY_WINDOW_DAYS,
} from './consumerHistory';
import { createRequestsRouter, RequestsRouterOptions } from './requestsRouter';
import { createProductRouter, ProductRouterOptions } from './productRouter';
import { createReleasesRouter, ReleasesRouterOptions } from './releasesRouter';
import { createRoadmapRouter, RoadmapRouterOptions } from './roadmapRouter';
import { parseTeamRef } from './validation';
import { RateLimit, rateLimiter } from './rateLimit';
import { InputError } from '@backstage/errors';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_SIZE = '256kb';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  teams: PlatformTeamsService;
  snapshots: ConsumerSnapshotStore;
  /** The request routes; absent in tests of the team routes alone. */
  requests?: Omit<RequestsRouterOptions, 'httpAuth' | 'now'>;
  /** The theme, OKR and commitment routes; absent in tests of others. */
  roadmap?: Omit<RoadmapRouterOptions, 'httpAuth' | 'now'>;
  /** Release notes, deprecations and feeds; absent in tests of others. */
  releases?: Omit<ReleasesRouterOptions, 'httpAuth' | 'now'>;
  /** Overview, customer review, capacity, stakeholders, impact. */
  product?: Omit<ProductRouterOptions, 'httpAuth' | 'now'>;
  /** Requests per caller and minute; absent, none is counted. */
  rateLimit?: RateLimit;
  /** Extra routers (metrics and the survey), given the same httpAuth. */
  extra?: express.Router[];
  now?: () => Date;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, teams, snapshots } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();
  if (options.rateLimit) {
    router.use(rateLimiter({ httpAuth, limit: options.rateLimit }));
  }
  // The largest body the UI sends is a request or release note with a long
  // Markdown description (schemas cap those at 20,000 characters); a body
  // over this limit is answered 413 before it is parsed.
  router.use(express.json({ limit: MAX_BODY_SIZE }));
  // PostgreSQL can neither store nor compare U+0000: an id or a query value
  // holding it is refused here, for every route at once.
  router.use((req, _res, next) => {
    const where = nulIn(req);
    next(
      where
        ? new InputError(`${where}: must not contain the character U+0000`)
        : undefined,
    );
  });
  // A write may change a ranking (requests, themes, release notes): cached
  // rankings are dropped before it runs and again once it is over, answered
  // or aborted (a read in between may have cached the state before it).
  // Metric points and survey answers rank nothing.
  const rankings = options.requests?.requests;
  if (rankings) {
    router.use((req, res, next) => {
      const write = req.method !== 'GET' && req.method !== 'HEAD';
      if (write && !/\/(metrics|survey)(\/|$)/.test(req.path)) {
        rankings.invalidate();
        res.on('close', () => rankings.invalidate());
      }
      next();
    });
  }

  /** Adds each team's consumer history, with one query for all teams. */
  async function withHistory(list: PlatformTeam[]): Promise<PlatformTeam[]> {
    const baselines = await snapshots.baselines(
      list.map(t => t.team.entityRef),
      daysBefore(now(), HISTORY_WINDOW_DAYS),
    );
    return list.map(team => {
      const history = consumerHistory(
        team,
        baselines.get(team.team.entityRef.toLocaleLowerCase('en-US')),
      );
      return history ? { ...team, consumerHistory: history } : team;
    });
  }

  router.get('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const body: PlatformTeamsResponse = {
      items: await withHistory(await teams.listTeams(credentials)),
    };
    res.json(body);
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const [team] = await withHistory([
      await teams.getTeam(teamRef, credentials),
    ]);
    res.json(team);
  });

  if (options.requests) {
    router.use(
      createRequestsRouter({ ...options.requests, httpAuth, now: options.now }),
    );
  }

  if (options.roadmap) {
    router.use(
      createRoadmapRouter({ ...options.roadmap, httpAuth, now: options.now }),
    );
  }

  if (options.product) {
    router.use(
      createProductRouter({ ...options.product, httpAuth, now: options.now }),
    );
  }

  for (const extra of options.extra ?? []) router.use(extra);

  if (options.releases) {
    router.use(
      createReleasesRouter({ ...options.releases, httpAuth, now: options.now }),
    );
  }

  return router;
}

/** Where a request's path or query holds U+0000, if anywhere. */
function nulIn(req: express.Request): string | undefined {
  if (/%00/.test(req.path) || req.path.includes('\u0000')) return 'path';
  for (const [name, value] of Object.entries(req.query)) {
    if (JSON.stringify(value ?? '').includes('\\u0000')) return name;
  }
  return undefined;
}
