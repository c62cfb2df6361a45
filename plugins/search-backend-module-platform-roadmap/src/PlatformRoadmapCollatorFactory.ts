import { Readable } from 'node:stream';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  PLATFORM_ROADMAP_SEARCH_TYPE,
  PlatformRoadmapDocument,
  PlatformRoadmapDocumentsPage,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** @public */
export interface PlatformRoadmapCollatorFactoryOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** Documents fetched per request; 500 by default, at most 1000. */
  pageSize?: number;
}

/**
 * Collates Platform Roadmap's themes, requests, deprecations and release
 * notes for the search index. It reads them page by page from the
 * platform-roadmap backend's service-only `GET /search/documents`, with the
 * search plugin's own service credentials.
 *
 * Who finds a document is decided when someone searches: each document
 * carries the catalog entity it belongs to in `authorization.resourceRef`,
 * and the search backend checks `catalog.entity.read` on it for the person
 * searching (the collator declares it as the `visibilityPermission`).
 *
 * @public
 */
export class PlatformRoadmapCollatorFactory implements DocumentCollatorFactory {
  readonly type = PLATFORM_ROADMAP_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly auth: AuthService;
  private readonly discovery: DiscoveryService;
  private readonly pageSize: number;

  constructor(options: PlatformRoadmapCollatorFactoryOptions) {
    this.auth = options.auth;
    this.discovery = options.discovery;
    this.pageSize = Math.min(
      Math.max(Math.floor(options.pageSize ?? 500), 1),
      1000,
    );
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<PlatformRoadmapDocument> {
    const baseUrl = await this.discovery.getBaseUrl('platform-roadmap');
    let cursor: string | undefined;
    do {
      // A fresh token per page: a long collation outlives one token.
      const { token } = await this.auth.getPluginRequestToken({
        onBehalfOf: await this.auth.getOwnServiceCredentials(),
        targetPluginId: 'platform-roadmap',
      });
      const url = new URL(`${baseUrl}/search/documents`);
      url.searchParams.set('limit', String(this.pageSize));
      if (cursor) url.searchParams.set('cursor', cursor);
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as PlatformRoadmapDocumentsPage;
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }
}
