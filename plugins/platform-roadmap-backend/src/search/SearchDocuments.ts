import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Deprecation,
  PLATFORM_ROADMAP_DOCUMENT_KINDS,
  PlatformRequest,
  PlatformRoadmapDocument,
  PlatformRoadmapDocumentKind,
  PlatformRoadmapDocumentsPage,
  ReleaseNote,
  quarterOf,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { entityPath } from '../catalog/entityPath';

/** Where the documents come from: one keyset-paged read per kind. */
export interface SearchDocumentSources {
  themes(afterId: string | undefined, limit: number): Promise<Theme[]>;
  requests(
    afterId: string | undefined,
    limit: number,
  ): Promise<PlatformRequest[]>;
  deprecations(
    afterId: string | undefined,
    limit: number,
  ): Promise<Deprecation[]>;
  releaseNotes(
    afterId: string | undefined,
    limit: number,
  ): Promise<ReleaseNote[]>;
}

/** Largest page the search endpoint returns. */
export const MAX_SEARCH_PAGE = 1000;

/**
 * The search index's view of Platform Roadmap: themes, requests (merged
 * duplicates left out), deprecations and release notes as search documents,
 * read kind after kind in keyset pages. A cursor is `<kind>:<last id>`, so
 * no row is read twice; a row written during a collation with an id below
 * the cursor (ids are random) waits for the next collation.
 *
 * Every document has a location of its own, never an entity page's bare
 * path: search engines key documents by location (the in-memory Lunr
 * engine across all types), so a shared one would replace another
 * document, or the catalog's own result for that entity.
 *
 * Each document names in `authorization.resourceRef` the catalog entity
 * whose read permission decides who finds it; the search backend checks it
 * for the person searching. Documents name teams and entities by ref only,
 * with no catalog data in them (the result item shows titles the reader's
 * own catalog access allows), so reading them needs no catalog calls.
 */
export class SearchDocuments {
  constructor(
    private readonly sources: SearchDocumentSources,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async page(options: {
    cursor?: string;
    limit: number;
  }): Promise<PlatformRoadmapDocumentsPage> {
    let { kind, afterId } = parseCursor(options.cursor);
    const items: PlatformRoadmapDocument[] = [];
    while (items.length < options.limit) {
      const wanted = options.limit - items.length;
      const page = await this.read(kind, afterId, wanted);
      items.push(...page.documents);
      if (page.lastId !== undefined && page.documents.length === wanted) {
        afterId = page.lastId;
        break;
      }
      const next = nextKind(kind);
      if (!next) return { items };
      kind = next;
      afterId = undefined;
    }
    return { items, nextCursor: `${kind}:${afterId}` };
  }

  private async read(
    kind: PlatformRoadmapDocumentKind,
    afterId: string | undefined,
    limit: number,
  ): Promise<{ documents: PlatformRoadmapDocument[]; lastId?: string }> {
    const last = <T extends { id: string }>(rows: T[]) => rows.at(-1)?.id;
    switch (kind) {
      case 'theme': {
        const rows = await this.sources.themes(afterId, limit);
        return {
          documents: rows.map(t => themeDocument(t, this.now())),
          lastId: last(rows),
        };
      }
      case 'request': {
        const rows = await this.sources.requests(afterId, limit);
        return { documents: rows.map(requestDocument), lastId: last(rows) };
      }
      case 'deprecation': {
        const rows = await this.sources.deprecations(afterId, limit);
        return {
          documents: rows.map(deprecationDocument),
          lastId: last(rows),
        };
      }
      default: {
        const rows = await this.sources.releaseNotes(afterId, limit);
        return { documents: rows.map(releaseNoteDocument), lastId: last(rows) };
      }
    }
  }
}

function parseCursor(cursor: string | undefined): {
  kind: PlatformRoadmapDocumentKind;
  afterId?: string;
} {
  if (!cursor) return { kind: PLATFORM_ROADMAP_DOCUMENT_KINDS[0] };
  const colon = cursor.indexOf(':');
  const kind = cursor.slice(0, colon) as PlatformRoadmapDocumentKind;
  const afterId = cursor.slice(colon + 1);
  if (
    colon < 0 ||
    !PLATFORM_ROADMAP_DOCUMENT_KINDS.includes(kind) ||
    !afterId
  ) {
    throw new InputError(
      'cursor must be the nextCursor of a previous page, like "theme:<id>"',
    );
  }
  return { kind, afterId };
}

function nextKind(
  kind: PlatformRoadmapDocumentKind,
): PlatformRoadmapDocumentKind | undefined {
  return PLATFORM_ROADMAP_DOCUMENT_KINDS[
    PLATFORM_ROADMAP_DOCUMENT_KINDS.indexOf(kind) + 1
  ];
}

/**
 * Markdown to the words a search engine should see: no link targets,
 * images, code fences or emphasis marks.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentences(...parts: Array<string | undefined>): string {
  return parts
    .map(p => p?.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The quarter whose Roadmap tab shows a theme: its own, or for a theme of a
 * year, this quarter in this year and the first quarter in another.
 */
function quarterShowing(theme: Theme, now: Date): string {
  if (theme.period.includes('-Q')) return theme.period;
  const current = quarterOf(now);
  return current.startsWith(theme.period) ? current : `${theme.period}-Q1`;
}

function themeDocument(theme: Theme, now: Date): PlatformRoadmapDocument {
  return {
    kind: 'theme',
    id: theme.id,
    title: theme.title,
    text: sentences(
      `Outcome: ${theme.outcome}.`,
      plainText(theme.description),
      theme.statusReason && `Deprioritized: ${theme.statusReason}`,
    ),
    location: `${entityPath(theme.teamRef, 'roadmap')}?quarter=${quarterShowing(
      theme,
      now,
    )}&theme=${encodeURIComponent(theme.id)}`,
    teamRef: theme.teamRef,
    status: theme.status,
    category: theme.category,
    date: theme.period,
    authorization: { resourceRef: theme.teamRef },
  };
}

function requestDocument(request: PlatformRequest): PlatformRoadmapDocument {
  return {
    kind: 'request',
    id: request.id,
    title: request.title,
    text: sentences(
      plainText(request.description),
      request.cost.evidence,
      request.statusReason,
    ),
    location: `${entityPath(
      request.requestingEntityRef,
    )}?request=${encodeURIComponent(request.id)}`,
    teamRef: request.platformTeamRef,
    entityRef: request.requestingEntityRef,
    status: request.status,
    category: request.kind,
    date: request.createdAt.slice(0, 10),
    authorization: { resourceRef: request.requestingEntityRef },
  };
}

function deprecationDocument(
  deprecation: Deprecation,
): PlatformRoadmapDocument {
  const { name } = parseEntityRef(deprecation.entityRef);
  const what = deprecation.entityVersion
    ? `${name} ${deprecation.entityVersion}`
    : name;
  return {
    kind: 'deprecation',
    id: deprecation.id,
    title: `${what} is deprecated`,
    text: sentences(
      `Sunset on ${deprecation.sunsetOn}.`,
      deprecation.replacementEntityRef &&
        `Replacement: ${
          parseEntityRef(deprecation.replacementEntityRef).name
        }.`,
      plainText(deprecation.description),
    ),
    location: `${entityPath(
      deprecation.entityRef,
    )}?deprecation=${encodeURIComponent(deprecation.id)}`,
    teamRef: deprecation.teamRef,
    entityRef: deprecation.entityRef,
    status: deprecation.status,
    date: deprecation.sunsetOn,
    authorization: { resourceRef: deprecation.entityRef },
  };
}

function releaseNoteDocument(note: ReleaseNote): PlatformRoadmapDocument {
  const page = note.entityRef ?? note.teamRef;
  return {
    kind: 'release-note',
    id: note.id,
    title: note.releaseVersion
      ? `${note.title} (${note.releaseVersion})`
      : note.title,
    text: plainText(note.body),
    location: `${entityPath(page, 'release-notes')}?note=${encodeURIComponent(
      note.id,
    )}`,
    teamRef: note.teamRef,
    entityRef: note.entityRef,
    status: note.type,
    date: note.publishedOn,
    authorization: { resourceRef: page },
  };
}
