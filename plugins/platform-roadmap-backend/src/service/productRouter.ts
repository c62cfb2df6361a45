import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CAPACITY_DISCIPLINES,
  capacityInputSchema,
  periodSchema,
  quarterOf,
  quarterSchema,
  reviewAskInputSchema,
  reviewAskUpdateSchema,
  shiftQuarter,
  StakeholdersResponse,
  stakeholderInputSchema,
  stakeholderUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ProductStore } from '../database/ProductStore';
import { CustomerReviewService } from '../product/CustomerReviewService';
import { reviewMarkdown } from '../product/reviewMarkdown';
import { RoadmapService } from '../roadmap/RoadmapService';
import { audited } from './audit';
import {
  authorizeManage,
  parse,
  parseBody,
  userOf,
  versionQuerySchema,
} from './http';
import { checkEntities } from '../catalog/checkEntities';
import { parseTeamRef } from './validation';

export interface ProductRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  store: ProductStore;
  teams: PlatformTeamsService;
  roadmap: RoadmapService;
  reviews: CustomerReviewService;
  now?: () => Date;
}

const optionalQuarter = z.object({ quarter: quarterSchema.optional() });
const optionalPeriod = z.object({ period: periodSchema.optional() });
const quarterParams = z.object({ quarter: quarterSchema });

/**
 * Routes for running the platform like a product: the org-wide overview,
 * the quarterly customer review (JSON and Markdown) and its asks, capacity
 * budgets, stakeholders, and the impact of shipped requests on a consuming
 * team. Reads need a signed-in user or a service; every change needs the
 * team's manage permission and is audited.
 */
export function createProductRouter(
  options: ProductRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, store, reviews } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const user = (req: Request) => userOf(httpAuth, req);
  const authorize = (teamRef: string, credentials: BackstageCredentials) =>
    authorizeManage(permissions, teamRef, credentials, 'roadmap');

  router.get('/overview', async (req, res) => {
    const credentials = await reader(req);
    const { period } = parse(optionalPeriod, req.query);
    res.json(
      await reviews.overview(
        period ?? String(now().getUTCFullYear()),
        credentials,
      ),
    );
  });

  // Customer review

  router.get('/teams/:namespace/:name/review', async (req, res) => {
    const credentials = await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { quarter } = parse(optionalQuarter, req.query);
    res.json(
      await reviews.review(teamRef, quarter ?? quarterOf(now()), credentials),
    );
  });

  router.get('/teams/:namespace/:name/review.md', async (req, res) => {
    const credentials = await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { quarter } = parse(optionalQuarter, req.query);
    const review = await reviews.review(
      teamRef,
      quarter ?? quarterOf(now()),
      credentials,
    );
    const file = `${review.team.name}-customer-review-${review.quarter}.md`
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9.-]+/g, '-');
    res
      .type('text/markdown; charset=utf-8')
      // The app runs on another origin in development: let it read the name.
      .set('Access-Control-Expose-Headers', 'Content-Disposition')
      .attachment(file)
      .send(reviewMarkdown(review));
  });

  router.post('/teams/:namespace/:name/review-asks', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const input = parseBody(reviewAskInputSchema, req.body);
    await options.roadmap.requirePlatformTeam(teamRef, credentials);
    const ask = await audited(
      auditor,
      { eventId: 'review-ask-create', request: req, meta: { teamRef } },
      () => store.createAsk(teamRef, input, { by, at: now() }),
      a => ({ askId: a.id }),
    );
    res.status(201).json(ask);
  });

  router.put('/review-asks/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getAsk(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(reviewAskUpdateSchema, req.body);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'review-ask-update',
          request: req,
          meta: { askId: existing.id, version },
        },
        () => store.updateAsk(existing.id, version, input, { by, at: now() }),
      ),
    );
  });

  router.delete('/review-asks/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getAsk(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'review-ask-delete',
        request: req,
        meta: { askId: existing.id, version },
      },
      () => store.deleteAsk(existing.id, version),
    );
    res.status(204).end();
  });

  // Capacity

  router.get('/teams/:namespace/:name/capacity/:quarter', async (req, res) => {
    await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { quarter } = parse(quarterParams, req.params);
    res.json(await store.getCapacity(teamRef, quarter));
  });

  router.put('/teams/:namespace/:name/capacity/:quarter', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const { quarter } = parse(quarterParams, req.params);
    const { version, ...shares } = parseBody(capacityInputSchema, req.body);
    await options.roadmap.requirePlatformTeam(teamRef, credentials);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'capacity-update',
          request: req,
          meta: {
            teamRef,
            quarter,
            version,
            ...Object.fromEntries(
              CAPACITY_DISCIPLINES.map(d => [d, shares[d]]),
            ),
          },
        },
        () =>
          store.setCapacity(teamRef, quarter, version, shares, {
            by,
            at: now(),
          }),
      ),
    );
  });

  // Stakeholders

  router.get('/teams/:namespace/:name/stakeholders', async (req, res) => {
    const credentials = await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const [team, explicit] = await Promise.all([
      options.teams.getTeam(teamRef, credentials),
      store.listStakeholders(teamRef),
    ]);
    const body: StakeholdersResponse = {
      consumingTeams: team.consumingTeams.map(c => ({
        team: c.team,
        entityCount: new Set(c.via.map(v => v.consumer.entityRef)).size,
      })),
      explicit,
    };
    res.json(body);
  });

  /** A stakeholder's entity, when named, must be in the catalog. */
  const checkEntity = (
    ref: string | null | undefined,
    previous: string | undefined,
    credentials: BackstageCredentials,
  ) =>
    checkEntities(
      options.catalog,
      '',
      [{ field: 'entityRef', ref, owned: false, previous }],
      credentials,
    );

  router.post('/teams/:namespace/:name/stakeholders', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const input = parseBody(stakeholderInputSchema, req.body);
    await options.roadmap.requirePlatformTeam(teamRef, credentials);
    await checkEntity(input.entityRef, undefined, credentials);
    const stakeholder = await audited(
      auditor,
      { eventId: 'stakeholder-create', request: req, meta: { teamRef } },
      () => store.createStakeholder(teamRef, input, { by, at: now() }),
      s => ({ stakeholderId: s.id }),
    );
    res.status(201).json(stakeholder);
  });

  router.put('/stakeholders/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getStakeholder(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(stakeholderUpdateSchema, req.body);
    await checkEntity(input.entityRef, existing.entityRef, credentials);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'stakeholder-update',
          request: req,
          meta: { stakeholderId: existing.id, version },
        },
        () =>
          store.updateStakeholder(existing.id, version, input, {
            by,
            at: now(),
          }),
      ),
    );
  });

  router.delete('/stakeholders/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getStakeholder(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'stakeholder-delete',
        request: req,
        meta: { stakeholderId: existing.id, version },
      },
      () => store.deleteStakeholder(existing.id, version),
    );
    res.status(204).end();
  });

  // Impact, for a consuming team's page

  router.get('/teams/:namespace/:name/impact', async (req, res) => {
    await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { quarter } = parse(optionalQuarter, req.query);
    res.json(
      await reviews.impact(
        teamRef,
        quarter ?? shiftQuarter(quarterOf(now()), -1),
      ),
    );
  });

  return router;
}
