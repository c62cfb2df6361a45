import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  checkInInputSchema,
  commitmentInputSchema,
  commitmentUpdateSchema,
  entityRefSchema,
  isQuarter,
  KeyResult,
  keyResultInputSchema,
  KeyResultMeasure,
  keyResultUpdateSchema,
  objectiveInputSchema,
  objectiveUpdateSchema,
  requestThemeSchema,
  themeInputSchema,
  themeUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';
import { RequestStore } from '../database/RequestStore';
import { CommitmentFields, RoadmapStore } from '../database/RoadmapStore';
import { RoadmapService } from '../roadmap/RoadmapService';
import { audited } from './audit';
import {
  authorizeManage,
  notFound,
  parse,
  parseBody,
  userOf,
  versionQuerySchema,
} from './http';
import { parseTeamRef } from './validation';

export interface RoadmapRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  store: RoadmapStore;
  requestStore: RequestStore;
  roadmap: RoadmapService;
  /** The team of a metric (undefined when there is none), for binding key results. */
  metricTeamOf?: (metricId: string) => Promise<string | undefined>;
  /** Brings the key results bound to a metric to its latest point. */
  followMetric?: (metricId: string) => Promise<unknown>;
  now?: () => Date;
}

const quarterQuerySchema = z.object({
  quarter: z
    .string()
    .refine(isQuarter, 'must be a quarter such as 2026-Q4')
    .optional(),
});

const entityQuerySchema = z.object({ entityRef: entityRefSchema });

/**
 * Routes for themes, objectives, key results, check-ins and commitments.
 * Reads are open to every signed-in user; every change needs the team's
 * manage permission and is audited.
 */
export function createRoadmapRouter(
  options: RoadmapRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, store, requestStore, roadmap } =
    options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const user = (req: Request) => userOf(httpAuth, req);
  const authorize = (teamRef: string, credentials: BackstageCredentials) =>
    authorizeManage(permissions, teamRef, credentials, 'roadmap');

  /** A commitment's theme and request must be the team's own. */
  async function checkCommitmentLinks(
    teamRef: string,
    input: Pick<CommitmentFields, 'themeId' | 'requestId'>,
  ) {
    const team = teamRef.toLocaleLowerCase('en-US');
    if (input.themeId) {
      const theme = await store.getTheme(input.themeId).catch(notFound);
      if (theme?.teamRef !== team) {
        throw new InputError(`themeId: no theme ${input.themeId} of ${team}`);
      }
    }
    if (input.requestId) {
      const request = await requestStore
        .getRequest(input.requestId)
        .catch(notFound);
      if (request?.platformTeamRef !== team) {
        throw new InputError(
          `requestId: no request ${input.requestId} to ${team}`,
        );
      }
    }
  }

  /** A measured key result names the team's own entity or metric. */
  async function checkMeasure(
    teamRef: string,
    measure: KeyResultMeasure | null | undefined,
    credentials: BackstageCredentials,
  ) {
    if (measure?.type === 'consuming-teams') {
      await roadmap.checkTeamEntities(
        teamRef,
        [measure.entityRef],
        'measure.entityRef',
        credentials,
      );
    } else if (measure?.type === 'metric') {
      const owner = await options.metricTeamOf?.(measure.metricId);
      if (
        owner?.toLocaleLowerCase('en-US') !== teamRef.toLocaleLowerCase('en-US')
      ) {
        throw new InputError(
          `measure.metricId: no metric ${measure.metricId} of ${teamRef}`,
        );
      }
    }
  }

  /** A key result just bound to a metric starts from its latest point. */
  async function withMetric(kr: KeyResult): Promise<KeyResult> {
    if (kr.measure?.type !== 'metric' || !options.followMetric) return kr;
    await options.followMetric(kr.measure.metricId);
    return store.getKeyResult(kr.id);
  }

  router.get('/teams/:namespace/:name/roadmap', async (req, res) => {
    const { credentials } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { quarter } = parse(quarterQuerySchema, req.query);
    res.json(await roadmap.teamRoadmap(teamRef, quarter, credentials));
  });

  router.get('/entities/roadmap', async (req, res) => {
    const { credentials } = await user(req);
    const { entityRef } = parse(entityQuerySchema, req.query);
    res.json(await roadmap.entityRoadmap(entityRef, credentials));
  });

  router.get('/entities/incoming', async (req, res) => {
    const { credentials } = await user(req);
    const { entityRef } = parse(entityQuerySchema, req.query);
    res.json(await roadmap.incomingRoadmap(entityRef, credentials));
  });

  // Themes

  router.post('/teams/:namespace/:name/themes', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const input = parseBody(themeInputSchema, req.body);
    await roadmap.requirePlatformTeam(teamRef, credentials);
    await roadmap.checkTeamEntities(
      teamRef,
      input.entityRefs,
      'entityRefs',
      credentials,
    );
    const theme = await audited(
      auditor,
      { eventId: 'theme-create', request: req, meta: { teamRef } },
      () => store.createTheme(teamRef, input, { by, at: now() }),
      t => ({ themeId: t.id }),
    );
    res.status(201).json(theme);
  });

  router.put('/themes/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getTheme(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(themeUpdateSchema, req.body);
    await roadmap.checkTeamEntities(
      existing.teamRef,
      input.entityRefs,
      'entityRefs',
      credentials,
    );
    res.json(
      await audited(
        auditor,
        {
          eventId: 'theme-update',
          request: req,
          meta: {
            themeId: existing.id,
            from: existing.status,
            to: input.status,
          },
        },
        () => store.updateTheme(existing.id, version, input, { by, at: now() }),
      ),
    );
  });

  router.delete('/themes/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getTheme(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      { eventId: 'theme-delete', request: req, meta: { themeId: existing.id } },
      () => store.deleteTheme(existing.id, version),
    );
    res.status(204).end();
  });

  // Objectives

  router.post('/themes/:id/objectives', async (req, res) => {
    const { credentials, by } = await user(req);
    const theme = await store.getTheme(req.params.id);
    await authorize(theme.teamRef, credentials);
    const input = parseBody(objectiveInputSchema, req.body);
    const objective = await audited(
      auditor,
      {
        eventId: 'objective-create',
        request: req,
        meta: { themeId: theme.id },
      },
      () => store.createObjective(theme, input, { by, at: now() }),
      o => ({ objectiveId: o.id }),
    );
    res.status(201).json(objective);
  });

  router.put('/objectives/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getObjective(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(objectiveUpdateSchema, req.body);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'objective-update',
          request: req,
          meta: { objectiveId: existing.id },
        },
        () =>
          store.updateObjective(existing.id, version, input, { by, at: now() }),
      ),
    );
  });

  router.delete('/objectives/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getObjective(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'objective-delete',
        request: req,
        meta: { objectiveId: existing.id },
      },
      () => store.deleteObjective(existing.id, version),
    );
    res.status(204).end();
  });

  // Key results

  router.post('/objectives/:id/key-results', async (req, res) => {
    const { credentials, by } = await user(req);
    const objective = await store.getObjective(req.params.id);
    await authorize(objective.teamRef, credentials);
    const input = parseBody(keyResultInputSchema, req.body);
    await checkMeasure(objective.teamRef, input.measure, credentials);
    const kr = await audited(
      auditor,
      {
        eventId: 'key-result-create',
        request: req,
        meta: { objectiveId: objective.id },
      },
      () => store.createKeyResult(objective, input, { by, at: now() }),
      k => ({ keyResultId: k.id }),
    );
    res.status(201).json(await withMetric(kr));
  });

  router.put('/key-results/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getKeyResult(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(keyResultUpdateSchema, req.body);
    await checkMeasure(existing.teamRef, input.measure, credentials);
    res.json(
      await withMetric(
        await audited(
          auditor,
          {
            eventId: 'key-result-update',
            request: req,
            meta: { keyResultId: existing.id },
          },
          () =>
            store.updateKeyResult(existing.id, version, input, {
              by,
              at: now(),
            }),
        ),
      ),
    );
  });

  router.delete('/key-results/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getKeyResult(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'key-result-delete',
        request: req,
        meta: { keyResultId: existing.id },
      },
      () => store.deleteKeyResult(existing.id, version),
    );
    res.status(204).end();
  });

  router.post('/key-results/:id/check-ins', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getKeyResult(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(checkInInputSchema, req.body);
    const kr = await audited(
      auditor,
      {
        eventId: 'key-result-check-in',
        request: req,
        meta: {
          keyResultId: existing.id,
          from: existing.current,
          to: input.value,
        },
      },
      () => store.checkIn(existing.id, version, input, { by, at: now() }),
    );
    res.status(201).json(kr);
  });

  // Commitments

  router.post('/teams/:namespace/:name/commitments', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const input = parseBody(commitmentInputSchema, req.body);
    await roadmap.requirePlatformTeam(teamRef, credentials);
    await checkCommitmentLinks(teamRef, input);
    const commitment = await audited(
      auditor,
      {
        eventId: 'commitment-create',
        request: req,
        meta: { teamRef, quarter: input.quarter, kind: input.kind },
      },
      () => store.createCommitment(teamRef, input, { by, at: now() }),
      c => ({ commitmentId: c.id }),
    );
    res.status(201).json(commitment);
  });

  router.put('/commitments/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getCommitment(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(commitmentUpdateSchema, req.body);
    await checkCommitmentLinks(existing.teamRef, input);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'commitment-update',
          request: req,
          meta: { commitmentId: existing.id, kind: input.kind },
        },
        () =>
          store.updateCommitment(existing.id, version, input, {
            by,
            at: now(),
          }),
      ),
    );
  });

  router.delete('/commitments/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getCommitment(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'commitment-delete',
        request: req,
        meta: { commitmentId: existing.id },
      },
      () => store.deleteCommitment(existing.id, version),
    );
    res.status(204).end();
  });

  // Planning a request under a theme

  router.put('/requests/:id/theme', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await requestStore.getRequest(req.params.id);
    await authorize(existing.platformTeamRef, credentials);
    const input = parseBody(requestThemeSchema, req.body);
    if (input.themeId) {
      await checkCommitmentLinks(existing.platformTeamRef, {
        themeId: input.themeId,
      });
    }
    res.json(
      await audited(
        auditor,
        {
          eventId: 'request-theme',
          request: req,
          meta: { requestId: existing.id, themeId: input.themeId },
        },
        () =>
          requestStore.setTheme(existing.id, input.version, input, {
            by,
            at: now(),
          }),
      ),
    );
  });

  return router;
}
