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
import { RequestFilter, RequestStore } from '../database/RequestStore';
import { ScoreWeights, scoreRequest } from '../scoring/score';

const CHECK_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'relations',
];

/**
 * Filing, endorsing and ranking requests: checks what the caller names
 * against the catalog (as the caller), and adds teams impacted and scores.
 */
export class RequestsService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: RequestStore;
      teamsImpacted: TeamsImpactedService;
      weights: ScoreWeights;
    },
  ) {}

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
   * The requests matching the filter with teams impacted and score, ranked
   * by score (highest first), in a bounded number of catalog calls.
   */
  async rank(
    filter: RequestFilter,
    credentials: BackstageCredentials,
  ): Promise<RankedRequest[]> {
    const requests = await this.deps.store.listRequests(filter);
    return this.rankRequests(requests, credentials);
  }

  async rankRequests(
    requests: PlatformRequest[],
    credentials: BackstageCredentials,
  ): Promise<RankedRequest[]> {
    const impacts = await this.deps.teamsImpacted.compute(
      requests.map(r => ({
        requestingEntityRef: r.requestingEntityRef,
        endorsingEntityRefs: r.endorsements.map(e => e.entityRef),
        aboutEntityRefs: r.aboutEntityRefs,
        platformTeamRef: r.platformTeamRef,
      })),
      credentials,
    );
    return requests
      .map((request, i) => ({
        request,
        teamsImpacted: impacts[i],
        score: scoreRequest(
          request,
          impacts[i].teams.length,
          this.deps.weights,
        ),
      }))
      .sort(
        (a, b) =>
          b.score.total - a.score.total ||
          a.request.createdAt.localeCompare(b.request.createdAt) ||
          a.request.id.localeCompare(b.request.id),
      )
      .map((ranked, i) => ({ rank: i + 1, ...ranked }));
  }
}

function firstOwner(entity: Entity): string | undefined {
  const [owner] = ownerRefs(entity);
  return owner ? refKey(owner) : undefined;
}
