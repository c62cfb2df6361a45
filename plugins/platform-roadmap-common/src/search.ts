import { IndexableDocument } from '@backstage/plugin-search-common';

/**
 * The search document type of everything Platform Roadmap indexes: the
 * `type` of its results on the search page.
 *
 * @public
 */
export const PLATFORM_ROADMAP_SEARCH_TYPE = 'platform-roadmap';

/** What a search document is about. @public */
export const PLATFORM_ROADMAP_DOCUMENT_KINDS = [
  'theme',
  'request',
  'deprecation',
  'release-note',
] as const;
/** @public */
export type PlatformRoadmapDocumentKind =
  (typeof PLATFORM_ROADMAP_DOCUMENT_KINDS)[number];

/**
 * One theme, request, deprecation or release note in the search index.
 *
 * `authorization.resourceRef` is the catalog entity whose read permission
 * decides who finds it: the requesting entity for a request, the deprecated
 * entity for a deprecation, the entity of a release note (or the team for
 * a team-wide note), and the platform team for a theme.
 *
 * @public
 */
export interface PlatformRoadmapDocument extends IndexableDocument {
  kind: PlatformRoadmapDocumentKind;
  /** The id of the theme, request, deprecation or release note. */
  id: string;
  /** The platform team that owns it. */
  teamRef: string;
  /** The entity it is about: requesting, deprecated, or the note's entity. */
  entityRef?: string;
  /** Theme, request or deprecation status; the type of a release note. */
  status: string;
  /** Theme category; request kind. */
  category?: string;
  /**
   * The day that matters, `YYYY-MM-DD`: a note's release day, a
   * deprecation's sunset, the day a request was filed; a theme's period
   * (`2026` or `2026-Q4`).
   */
  date: string;
}

/**
 * One page of documents from the backend's service-only
 * `GET /search/documents` endpoint, which the search collator reads.
 *
 * @public
 */
export interface PlatformRoadmapDocumentsPage {
  items: PlatformRoadmapDocument[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}
