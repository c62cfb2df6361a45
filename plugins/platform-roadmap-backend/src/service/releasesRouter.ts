import express, { Request } from 'express';
import Router from 'express-promise-router';
import { entityPath } from '../catalog/entityPath';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Deprecation,
  deprecationInputSchema,
  deprecationUpdateSchema,
  entityRefSchema,
  releaseNoteInputSchema,
  releaseNotesQuerySchema,
  ReleaseNotesPage,
  releaseNoteUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { z } from 'zod';
import { refKey } from '../catalog/CatalogReader';
import { toEntitySummary } from '../catalog/entitySummary';
import { ReleaseNoteScope, ReleaseStore } from '../database/ReleaseStore';
import { announcementNote } from '../deprecations/announcementNote';
import { DeprecationService } from '../deprecations/DeprecationService';
import { atomFeed } from '../releaseNotes/atomFeed';
import { ReleaseNotesService } from '../releaseNotes/ReleaseNotesService';
import { audited } from './audit';
import { utcDay } from './consumerHistory';
import {
  authorizeManage,
  parse,
  parseBody,
  userOf,
  versionQuerySchema,
} from './http';
import { Notifier } from '../notifications/Notifier';
import {
  checkEntities as checkCatalogEntities,
  NamedEntity,
} from '../catalog/checkEntities';
import { parseTeamRef } from './validation';

export interface ReleasesRouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  discovery: DiscoveryService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  store: ReleaseStore;
  deprecations: DeprecationService;
  releaseNotes: ReleaseNotesService;
  /** The Backstage app's base URL, for permalinks in feeds. */
  appBaseUrl: string;
  /**
   * Feeds answer without a Backstage token (for feed readers); they are
   * read with the plugin's own credentials. Off by default.
   */
  publicFeeds?: boolean;
  /** Tells consumers about deprecations; absent, nobody is notified. */
  notifier?: Notifier;
  now?: () => Date;
}

const entityQuerySchema = z.object({ entityRef: entityRefSchema });
const FEED_LIMIT = 50;

/**
 * Routes for release notes, deprecations and the Atom feeds. Reads are
 * open to every signed-in user (and to services); every change needs the
 * team's manage permission and is audited.
 */
export function createReleasesRouter(
  options: ReleasesRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, store } = options;
  const now = options.now ?? (() => new Date());
  const today = () => utcDay(now());
  const router = Router();

  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const user = (req: Request) => userOf(httpAuth, req);
  const authorize = (teamRef: string, credentials: BackstageCredentials) =>
    authorizeManage(permissions, teamRef, credentials, 'release notes');

  const checkEntities = (
    teamRef: string,
    refs: NamedEntity[],
    credentials: BackstageCredentials,
  ) => checkCatalogEntities(options.catalog, teamRef, refs, credentials);

  /** What an announcement calls an entity: its title, else its name. */
  const named = (found: Map<string, Entity>, ref: string) => {
    const entity = found.get(refKey(ref));
    return entity
      ? toEntitySummary(entity)
      : { name: parseEntityRef(ref).name };
  };

  async function notesPage(
    query: ReleaseNoteScope,
    scope: ReleaseNotesPage['scope'],
    rawQuery: unknown,
  ): Promise<ReleaseNotesPage> {
    const filter = parse(releaseNotesQuerySchema, rawQuery);
    const { items, totalItems, totalIsLowerBound } =
      await store.listReleaseNotes(query, {
        types: filter.type,
        about: filter.about,
        q: filter.q,
        limit: filter.limit,
      });
    return {
      items,
      totalItems,
      ...(totalIsLowerBound && { totalIsLowerBound }),
      scope,
    };
  }

  // Release notes

  router.get('/teams/:namespace/:name/release-notes', async (req, res) => {
    await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    res.json(
      await notesPage(
        { teamRefs: [teamRef] },
        { kind: 'team', teamRefs: [teamRef], entityRefs: [] },
        req.query,
      ),
    );
  });

  router.get('/entities/release-notes', async (req, res) => {
    const credentials = await reader(req);
    const { entityRef, ...rest } = req.query;
    const ref = parse(entityQuerySchema, { entityRef }).entityRef;
    const { scope, query } = await options.releaseNotes.scopeOf(
      ref,
      credentials,
    );
    res.json(await notesPage(query, scope, rest));
  });

  router.get('/release-notes/:id', async (req, res) => {
    await reader(req);
    res.json(await store.getReleaseNote(req.params.id));
  });

  router.post('/teams/:namespace/:name/release-notes', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const { shipsRequestIds, ...input } = parseBody(
      releaseNoteInputSchema,
      req.body,
    );
    await checkEntities(
      teamRef,
      [{ field: 'entityRef', ref: input.entityRef, owned: true }],
      credentials,
    );
    const note = await audited(
      auditor,
      {
        eventId: 'release-note-create',
        request: req,
        meta: { teamRef, type: input.type, shipsRequestIds },
      },
      () =>
        store.createReleaseNote(teamRef, input, shipsRequestIds, {
          by,
          at: now(),
        }),
      n => ({ releaseNoteId: n.id }),
    );
    res.status(201).json(note);
  });

  router.put('/release-notes/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getReleaseNote(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(releaseNoteUpdateSchema, req.body);
    await checkEntities(
      existing.teamRef,
      [
        {
          field: 'entityRef',
          ref: input.entityRef,
          owned: true,
          previous: existing.entityRef,
        },
      ],
      credentials,
    );
    res.json(
      await audited(
        auditor,
        {
          eventId: 'release-note-update',
          request: req,
          meta: { releaseNoteId: existing.id, version },
        },
        () =>
          store.updateReleaseNote(existing.id, version, input, {
            by,
            at: now(),
          }),
      ),
    );
  });

  router.delete('/release-notes/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getReleaseNote(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'release-note-delete',
        request: req,
        meta: { releaseNoteId: existing.id, version },
      },
      () => store.deleteReleaseNote(existing.id, version),
    );
    res.status(204).end();
  });

  // Deprecations

  router.get('/teams/:namespace/:name/deprecations', async (req, res) => {
    const credentials = await reader(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    const { limit } = parse(
      z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      req.query,
    );
    const { active, finished, totals } = await store.teamDeprecations(
      teamRef,
      limit,
    );
    res.json({
      items: await options.deprecations.views(
        [...active, ...finished],
        credentials,
        today(),
      ),
      totals,
    });
  });

  router.get('/entities/deprecations', async (req, res) => {
    const credentials = await reader(req);
    const { entityRef } = parse(entityQuerySchema, req.query);
    const list = await store.listDeprecations({ entityRefs: [entityRef] });
    res.json({
      items: await options.deprecations.views(list, credentials, today()),
    });
  });

  router.get('/entities/deprecation-warnings', async (req, res) => {
    const credentials = await reader(req);
    const { entityRef } = parse(entityQuerySchema, req.query);
    res.json(
      await options.deprecations.warnings(entityRef, credentials, today()),
    );
  });

  router.post('/teams/:namespace/:name/deprecations', async (req, res) => {
    const { credentials, by } = await user(req);
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await authorize(teamRef, credentials);
    const input = parseBody(deprecationInputSchema, req.body);
    const found = await checkEntities(
      teamRef,
      [
        { field: 'entityRef', ref: input.entityRef, owned: true },
        {
          field: 'replacementEntityRef',
          ref: input.replacementEntityRef,
          owned: false,
        },
      ],
      credentials,
    );
    const at = now();
    // The first point of the burn-down: consumers on the day it is announced.
    const [firstSnapshot] = await options.deprecations.snapshots(
      [{ id: 'new', ...input } as Deprecation],
      await options.auth.getOwnServiceCredentials(),
      utcDay(at),
    );
    const entity = toEntitySummary(found.get(refKey(input.entityRef))!);
    const replacement =
      input.replacementEntityRef &&
      toEntitySummary(found.get(refKey(input.replacementEntityRef))!);
    const deprecation = await audited(
      auditor,
      {
        eventId: 'deprecation-announce',
        request: req,
        meta: { teamRef, entityRef: input.entityRef },
      },
      () =>
        store.announceDeprecation(
          teamRef,
          input,
          announcementNote(input, entity, replacement || undefined),
          firstSnapshot && {
            takenOn: firstSnapshot.takenOn,
            consumerEntityRefs: firstSnapshot.consumerEntityRefs,
            teamRefs: firstSnapshot.teamRefs,
          },
          { by, at },
        ),
      d => ({ deprecationId: d.id, releaseNoteId: d.releaseNoteId ?? null }),
    );
    await options.notifier?.deprecation(
      deprecation,
      firstSnapshot?.consumerEntityRefs ?? [],
    );
    res.status(201).json(deprecation);
  });

  router.put('/deprecations/:id', async (req, res) => {
    const { credentials, by } = await user(req);
    const existing = await store.getDeprecation(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version, ...input } = parseBody(deprecationUpdateSchema, req.body);
    if (refKey(input.entityRef) !== refKey(existing.entityRef)) {
      // Its burn-down is of that entity: another one is another deprecation.
      throw new InputError(
        `entityRef: a deprecation cannot move to another entity; announce a new one for ${input.entityRef}`,
      );
    }
    const found = await checkEntities(
      existing.teamRef,
      [
        {
          field: 'entityRef',
          ref: input.entityRef,
          owned: true,
          previous: existing.entityRef,
        },
        {
          field: 'replacementEntityRef',
          ref: input.replacementEntityRef,
          owned: false,
          previous: existing.replacementEntityRef,
        },
      ],
      credentials,
    );
    // The announcement says what the deprecation now says.
    const note = announcementNote(
      input,
      named(found, input.entityRef),
      input.replacementEntityRef
        ? named(found, input.replacementEntityRef)
        : undefined,
    );
    res.json(
      await audited(
        auditor,
        {
          eventId: 'deprecation-update',
          request: req,
          meta: { deprecationId: existing.id, version, status: input.status },
        },
        () =>
          store.updateDeprecation(existing.id, version, input, note, {
            by,
            at: now(),
          }),
      ),
    );
  });

  router.delete('/deprecations/:id', async (req, res) => {
    const { credentials } = await user(req);
    const existing = await store.getDeprecation(req.params.id);
    await authorize(existing.teamRef, credentials);
    const { version } = parse(versionQuerySchema, req.query);
    await audited(
      auditor,
      {
        eventId: 'deprecation-delete',
        request: req,
        meta: { deprecationId: existing.id, version },
      },
      () => store.deleteDeprecation(existing.id, version),
    );
    res.status(204).end();
  });

  // Atom feeds

  const feedCredentials = async (req: Request) =>
    options.publicFeeds ? options.auth.getOwnServiceCredentials() : reader(req);

  async function sendFeed(
    req: Request,
    res: express.Response,
    entityRef: string,
  ) {
    const credentials = await feedCredentials(req);
    const { scope, query, entity } = await options.releaseNotes.scopeOf(
      entityRef,
      credentials,
    );
    if (options.publicFeeds && scope.kind === 'consumer') {
      // Open feeds are read with the plugin's own credentials: they carry
      // what platform teams publish, never what a consumer depends on.
      throw new NotFoundError(`No release notes feed for ${entityRef}`);
    }
    const { items } = await store.listReleaseNotes(query, {
      limit: FEED_LIMIT,
    });
    const page = (ref: string) =>
      `${options.appBaseUrl}${entityPath(ref, 'release-notes')}`;
    const selfUrl = `${await options.discovery.getExternalBaseUrl(
      'platform-roadmap',
    )}${req.path}`;
    const xml = atomFeed(
      {
        id: `urn:platform-roadmap:${scope.kind}:${entity.entityRef}`,
        title: `Release notes: ${entity.title ?? entity.name}`,
        pageUrl: page(entity.entityRef),
        selfUrl,
        noteUrl: note =>
          `${page(note.entityRef ?? note.teamRef)}?note=${encodeURIComponent(
            note.id,
          )}`,
      },
      items,
    );
    res.type('application/atom+xml; charset=utf-8').send(xml);
  }

  router.get('/feeds/teams/:namespace/:name.atom', async (req, res) => {
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    await sendFeed(req, res, teamRef);
  });

  router.get(
    '/feeds/entities/:kind/:namespace/:name.atom',
    async (req, res) => {
      const { kind, namespace, name } = req.params;
      await sendFeed(req, res, `${kind}:${namespace}/${name}`);
    },
  );

  return router;
}
