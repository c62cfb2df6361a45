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
  IMPACT_TYPES,
  newEndorsementSchema,
  newRequestSchema,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  statusChangeSchema,
  triageSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';
import { RequestStore } from '../database/RequestStore';
import { ReleaseStore } from '../database/ReleaseStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { LIST_LIMITS, RequestsService } from '../requests/RequestsService';
import { audited } from './audit';
import { authorizeManage, notFound, parse, parseBody, userOf } from './http';
import { askingTeams, Notifier } from '../notifications/Notifier';
import { STRONG_SIGNAL_TEAMS } from '../catalog/TeamsImpactedService';
import { parseTeamRef } from './validation';

export interface RequestsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  store: RequestStore;
  requests: RequestsService;
  /** Checks the theme a request is planned under; absent, none can be named. */
  themes?: Pick<RoadmapStore, 'getTheme'>;
  /** Checks the release note a request ships in; absent, none can be named. */
  releaseNotes?: Pick<ReleaseStore, 'getReleaseNote'>;
  /** Tells people what changed; absent, nobody is notified. */
  notifier?: Notifier;
  now?: () => Date;
}

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform(v =>
      v === undefined ? [] : [v].flat().flatMap(s => s.split(',')),
    )
    .pipe(z.array(z.enum(values)));

const backlogQuerySchema = z.object({
  status: list(REQUEST_STATUSES),
  kind: list(REQUEST_KINDS),
  impactType: list(IMPACT_TYPES),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

const mergeSchema = z.object({
  version: z.number().int().min(1),
  intoId: z
    .string()
    .min(1, 'is required')
    .refine(
      s => !s.includes('\u0000'),
      'must not contain the character U+0000',
    ),
});

/**
 * The optional `Idempotency-Key` header of a filing: 1 to 200 visible
 * ASCII characters (a UUID per filing form is what the UI sends).
 */
function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new InputError(
      'Idempotency-Key: must be 1 to 200 visible ASCII characters, such as a UUID',
    );
  }
  return value;
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through
  }
  throw new InputError('cursor: is not a cursor this API returned');
}

const encodeCursor = (offset: number) =>
  Buffer.from(JSON.stringify({ offset })).toString('base64url');

/** Routes for filing, endorsing, triaging and ranking requests. */
export function createRequestsRouter(
  options: RequestsRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, store, requests } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const user = (req: Request) => userOf(httpAuth, req);
  const authorize = (teamRef: string, credentials: BackstageCredentials) =>
    authorizeManage(permissions, teamRef, credentials, 'requests');

  async function requireTheme(themeId: string, teamRef: string) {
    const theme = await options.themes?.getTheme(themeId).catch(notFound);
    if (!theme || theme.teamRef !== teamRef.toLocaleLowerCase('en-US')) {
      throw new InputError(`themeId: no theme ${themeId} of ${teamRef}`);
    }
  }

  router.post('/requests', async (req, res) => {
    const { credentials, by } = await user(req);
    const idempotencyKey = parseIdempotencyKey(req.header('Idempotency-Key'));
    const input = parseBody(newRequestSchema, req.body);
    const { request: created, replayed } = await audited(
      auditor,
      {
        eventId: 'request-file',
        request: req,
        meta: {
          platformTeamRef: input.platformTeamRef,
          requestingEntityRef: input.requestingEntityRef,
          ...(idempotencyKey && { idempotencyKey }),
        },
      },
      async () => {
        const { requestingTeamRef } = await requests.resolveNewRequest(
          input,
          credentials,
        );
        const toCreate = { ...input, requestingTeamRef };
        const actor = { by, at: now() };
        return idempotencyKey
          ? store.createRequestOnce(toCreate, actor, idempotencyKey)
          : {
              request: await store.createRequest(toCreate, actor),
              replayed: false,
            };
      },
      r => ({ requestId: r.request.id, replayed: r.replayed }),
    );
    // A retry gets the first filing's answer, and nobody is notified twice.
    if (replayed) res.set('Idempotent-Replayed', 'true');
    else await options.notifier?.requestFiled(created, by);
    res.status(201).json(created);
  });

  router.get('/requests', async (req, res) => {
    const { credentials } = await user(req);
    const { entityRef, limit } = parse(
      z.object({
        entityRef: z.string().min(1, 'is required'),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      req.query,
    );
    // The highest-ranked first; an entity that filed thousands gets a page.
    const { items, totalItems } = await requests.rank(
      { entityRef, includeMerged: true },
      credentials,
      { limit, ...LIST_LIMITS },
    );
    res.json({ items, totalItems });
  });

  router.get('/requests/:id', async (req, res) => {
    const { credentials } = await user(req);
    const request = await store.getRequest(req.params.id);
    const ranked = await requests.rankOne(request, credentials);
    res.json({ ...ranked, history: await store.history(request.id) });
  });

  router.post('/requests/:id/endorsements', async (req, res) => {
    const { credentials, by } = await user(req);
    const input = parseBody(newEndorsementSchema, req.body);
    const updated = await audited(
      auditor,
      {
        eventId: 'request-endorse',
        request: req,
        meta: { requestId: req.params.id, entityRef: input.entityRef },
      },
      async () => {
        await store.getRequest(req.params.id);
        const { teamRef } = await requests.resolveEndorsement(
          input,
          credentials,
        );
        return store.addEndorsement(
          req.params.id,
          { ...input, teamRef },
          { by, at: now() },
        );
      },
    );
    // The platform team hears once when 3+ teams ask for the same thing.
    const teams = askingTeams(updated);
    if (
      options.notifier &&
      teams.length >= STRONG_SIGNAL_TEAMS &&
      (await store.claimStrongSignal(updated.id, now()))
    ) {
      await options.notifier.strongSignal(updated, teams.length);
    }
    res.status(201).json(updated);
  });

  router.put('/requests/:id/triage', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getRequest(req.params.id);
    await authorize(existing.platformTeamRef, credentials);
    const { version, ...estimate } = parseBody(triageSchema, req.body);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'request-triage',
          request: req,
          meta: { requestId: existing.id, ...estimate },
        },
        () => store.triage(existing.id, version, estimate, { by, at: now() }),
      ),
    );
  });

  router.post('/requests/:id/status', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getRequest(req.params.id);
    await authorize(existing.platformTeamRef, credentials);
    const change = parseBody(statusChangeSchema, req.body);
    if (change.themeId) {
      if (change.status !== 'planned') {
        throw new InputError('themeId: only a planned request has a theme');
      }
      await requireTheme(change.themeId, existing.platformTeamRef);
    }
    if (change.releaseNoteId) {
      if (change.status !== 'shipped') {
        throw new InputError(
          'releaseNoteId: only a shipped request has a release note',
        );
      }
      const note = await options.releaseNotes
        ?.getReleaseNote(change.releaseNoteId)
        .catch(notFound);
      if (note?.teamRef !== existing.platformTeamRef) {
        throw new InputError(
          `releaseNoteId: no release note ${change.releaseNoteId} of ${existing.platformTeamRef}`,
        );
      }
    }
    const changed = await audited(
      auditor,
      {
        eventId: 'request-status',
        request: req,
        meta: {
          requestId: existing.id,
          from: existing.status,
          to: change.status,
          ...(change.releaseNoteId && {
            releaseNoteId: change.releaseNoteId,
          }),
        },
      },
      () => store.changeStatus(existing.id, change, { by, at: now() }),
    );
    await options.notifier?.requestStatusChanged(changed, by);
    res.json(changed);
  });

  router.post('/requests/:id/merge', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getRequest(req.params.id);
    await authorize(existing.platformTeamRef, credentials);
    const { version, intoId } = parseBody(mergeSchema, req.body);
    res.json(
      await audited(
        auditor,
        {
          eventId: 'request-merge',
          request: req,
          meta: { requestId: existing.id, intoId },
        },
        () => store.merge(existing.id, version, intoId, { by, at: now() }),
      ),
    );
  });

  router.get('/teams/:namespace/:name/backlog', async (req, res) => {
    const { credentials } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const query = parse(backlogQuerySchema, req.query);
    const offset = decodeCursor(query.cursor);
    const { items, totalItems } = await requests.rank(
      {
        platformTeamRef: teamRef,
        statuses: query.status,
        kinds: query.kind,
        impactTypes: query.impactType,
      },
      credentials,
      { offset, limit: query.limit, ...LIST_LIMITS },
    );
    const next = offset + query.limit;
    res.json({
      items,
      totalItems,
      ...(next < totalItems && { nextCursor: encodeCursor(next) }),
    });
  });

  return router;
}
