import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isPlatformTeamEntity,
  NewEndorsement,
  NewRequest,
  PlatformRequest,
  RankedRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  entityKey,
  ownerRefs,
  refKey,
} from '../catalog/CatalogReader';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import {
  RankableRequest,
  RequestFilter,
  RequestStore,
} from '../database/RequestStore';
import { ScoreWeights, scoreRequest } from '../scoring/score';

const CHECK_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'relations',
];

/** Rankings kept at most; the oldest goes first. */
const MAX_CACHED_RANKINGS = 500;

/**
 * Filing, endorsing and ranking requests: checks what the caller names
 * against the catalog (as the caller), and adds teams impacted and scores.
 */
export class RequestsService {
  /** Rankings by person, filter and window, while fresh (see `rank`). */
  private readonly cache = new Map<
    string,
    { at: number; page: Promise<RankedPage>; refreshing: boolean }
  >();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: RequestStore;
      teamsImpacted: TeamsImpactedService;
      weights: ScoreWeights;
      /** How long a person's ranking is reused, in ms (0: never). */
      cacheTtlMs?: number;
      now?: () => number;
    },
  ) {}

  /** Forgets every cached ranking; called after every write. */
  invalidate() {
    this.cache.clear();
  }

  /**
   * Checks a new request against the catalog and resolves the requesting
   * entity's owning team; InputError naming the field otherwise.
   */
  async resolveNewRequest(
    input: Required<
      Pick<NewRequest, 'requestingEntityRef' | 'platformTeamRef'>
    > & {
      aboutEntityRefs: string[];
    },
    credentials: BackstageCredentials,
  ): Promise<{ requestingTeamRef?: string }> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const found = await reader.byRefs(
      [
        input.requestingEntityRef,
        input.platformTeamRef,
        ...input.aboutEntityRefs,
      ],
      CHECK_FIELDS,
    );
    const requesting = found.get(refKey(input.requestingEntityRef));
    if (!requesting) {
      throw new InputError(
        `requestingEntityRef: no entity ${input.requestingEntityRef} in the catalog`,
      );
    }
    const team = found.get(refKey(input.platformTeamRef));
    if (!team || !isPlatformTeamEntity(team)) {
      throw new InputError(
        `platformTeamRef: ${input.platformTeamRef} is not a platform team`,
      );
    }
    for (const ref of input.aboutEntityRefs) {
      const about = found.get(refKey(ref));
      if (!about) {
        throw new InputError(
          `aboutEntityRefs: no entity ${ref} in the catalog`,
        );
      }
      if (!ownerRefs(about).some(o => refKey(o) === entityKey(team))) {
        throw new InputError(
          `aboutEntityRefs: ${ref} is not owned by ${input.platformTeamRef}`,
        );
      }
    }
    return { requestingTeamRef: firstOwner(requesting) };
  }

  /** The endorsing entity must exist for the caller; its owner is recorded. */
  async resolveEndorsement(
    input: Pick<NewEndorsement, 'entityRef'>,
    credentials: BackstageCredentials,
  ): Promise<{ teamRef?: string }> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const entity = (await reader.byRefs([input.entityRef], CHECK_FIELDS)).get(
      refKey(input.entityRef),
    );
    if (!entity) {
      throw new InputError(
        `entityRef: no entity ${input.entityRef} in the catalog`,
      );
    }
    return { teamRef: firstOwner(entity) };
  }

  /**
   * The requests matching the filter, ranked by score (highest first), with
   * teams impacted and score. Every request is counted and scored; the full
   * teams-impacted lists are built only for the window asked for (all when
   * none), so a page of a 10,000-request backlog costs one page of lists.
   */
  async rank(
    filter: RequestFilter,
    credentials: BackstageCredentials,
    window?: RankWindow,
  ): Promise<RankedPage> {
    // Ranked from the requests' rows alone; the requests shown are read
    // again in full (description, endorsements).
    const compute = async (): Promise<RankedPage> => {
      const page = await this.rankRequests(
        await this.deps.store.listToRank(filter),
        credentials,
        window,
      );
      const shown = await this.deps.store.getRequests(
        page.items.map(item => item.request.id),
      );
      const byId = new Map(shown.map(r => [r.id, r]));
      return {
        items: page.items.flatMap(item => {
          const request = byId.get(item.request.id);
          return request ? [{ ...item, request }] : [];
        }),
        totalItems: page.totalItems,
      };
    };
    const ttl = this.deps.cacheTtlMs ?? 0;
    const user = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    if (ttl <= 0 || !user) return compute();

    // The same person asking for the same page again (every card and tab
    // render, a backlog left open) reuses the ranking until a write. Past
    // the TTL it is still served while a fresh one is computed, so the
    // catalog's changes and other replicas' writes show within about the
    // TTL and nobody waits for the recomputation. Concurrent asks share one
    // computation.
    const now = (this.deps.now ?? Date.now)();
    const key = JSON.stringify([user, filter, window ?? null]);
    const hit = this.cache.get(key);
    if (hit && (now - hit.at < ttl || hit.refreshing)) return hit.page;
    const page = compute();
    const entry = { at: now, page, refreshing: false };
    // Until the fresh ranking is ready, the stale one (if any) is served.
    const pending = hit
      ? { ...hit, refreshing: true }
      : { ...entry, refreshing: true };
    page.then(
      () => {
        // Fresh from when it is ready (a ranking slower than the TTL is
        // not stale on arrival). A write may have dropped the cache
        // meanwhile: then this stays out.
        entry.at = (this.deps.now ?? Date.now)();
        if (this.cache.get(key) === pending) this.cache.set(key, entry);
      },
      () => {
        if (this.cache.get(key) === pending) this.cache.delete(key);
      },
    );
    this.cache.delete(key);
    this.cache.set(key, pending);
    if (this.cache.size > MAX_CACHED_RANKINGS) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return hit ? hit.page : page;
  }

  /** One request with its score and its full teams impacted. */
  async rankOne(
    request: PlatformRequest,
    credentials: BackstageCredentials,
  ): Promise<RankedRequest> {
    const endorsingEntityRefs = request.endorsements.map(e => e.entityRef);
    const {
      items: [ranked],
    } = await this.rankRequests(
      [{ request, endorsingEntityRefs }],
      credentials,
    );
    return ranked;
  }

  /**
   * Ranks these requests (each with the entities that endorsed it; the
   * request's own endorsements are not read) and returns the window.
   */
  async rankRequests<R extends RankableRequest>(
    requests: Array<{ request: R; endorsingEntityRefs: string[] }>,
    credentials: BackstageCredentials,
    window?: RankWindow,
  ): Promise<RankedPage<R>> {
    const impacts = await this.deps.teamsImpacted.index(
      requests.map(({ request: r, endorsingEntityRefs }) => ({
        requestingEntityRef: r.requestingEntityRef,
        endorsingEntityRefs,
        aboutEntityRefs: r.aboutEntityRefs,
        platformTeamRef: r.platformTeamRef,
      })),
      credentials,
    );
    const ranked = requests
      .map(({ request }, i) => ({
        i,
        request,
        score: scoreRequest(request, impacts.counts[i], this.deps.weights),
      }))
      .sort(
        (a, b) =>
          b.score.total - a.score.total ||
          a.request.createdAt.localeCompare(b.request.createdAt) ||
          a.request.id.localeCompare(b.request.id),
      );
    const offset = window?.offset ?? 0;
    const shown = ranked.slice(offset, offset + (window?.limit ?? Infinity));
    return {
      items: shown.map(({ i, request, score }, k) => ({
        rank: offset + k + 1,
        request,
        teamsImpacted: impacts.details(i, {
          reasonsPerTeam: window?.reasonsPerTeam,
          teams: window?.teamsPerRequest,
        }),
        score,
      })),
      totalItems: ranked.length,
    };
  }
}

/**
 * Which ranks to return in full: `limit` of them from `offset` (0-based),
 * listing at most `teamsPerRequest` impacted teams and naming at most
 * `reasonsPerTeam` dependents per team (the rest are counted).
 */
export interface RankWindow {
  offset?: number;
  limit?: number;
  reasonsPerTeam?: number;
  teamsPerRequest?: number;
}

/**
 * How much of each request's teams impacted a list of many requests
 * carries: a backlog page of 25 requests about platform entities with
 * 20,000 dependents would otherwise weigh tens of megabytes.
 */
export const LIST_LIMITS = { reasonsPerTeam: 3, teamsPerRequest: 20 };

/** A window of the ranking, and how many requests were ranked. */
export interface RankedPage<R = PlatformRequest> {
  items: Array<Omit<RankedRequest, 'request'> & { request: R }>;
  totalItems: number;
}

function firstOwner(entity: Entity): string | undefined {
  const [owner] = ownerRefs(entity);
  return owner ? refKey(owner) : undefined;
}
