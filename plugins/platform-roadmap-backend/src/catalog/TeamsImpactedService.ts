import { Entity, RELATION_CHILD_OF } from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySummary,
  ImpactedTeam,
  ImpactReason,
  TeamsImpacted,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  CONSUMER_RELATIONS,
  entityKey,
  ownerRefs,
  refKey,
  relationTargets,
} from './CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from './entitySummary';

/** Three or more distinct teams asking for the same thing. */
export const STRONG_SIGNAL_TEAMS = 3;
/** Deepest org hierarchy walked when rolling teams up to org units. */
const MAX_ORG_LEVELS = 10;

/** What teams impacted are computed from, for one request. */
export interface ImpactSubject {
  /** The entity the request was filed from. */
  requestingEntityRef: string;
  /** Entities that endorsed the request. */
  endorsingEntityRefs: string[];
  /** Platform entities the request is about. */
  aboutEntityRefs: string[];
  /**
   * The platform team asked; its own entities that depend on its platform
   * entities do not make it an impacted team.
   */
  platformTeamRef?: string;
}

const WITH_RELATIONS = [...SUMMARY_FIELDS, 'relations'];

/**
 * Computes the teams impacted by many requests at once, from catalog
 * ownership, dependencies and the group hierarchy.
 *
 * The number of catalog round trips is bounded by the dependency depth and
 * the depth of the org hierarchy — never by the number of requests or
 * entities: one batched lookup for the requesting and endorsing entities,
 * one per dependency level, one for the owning teams and one per level of
 * org units above them. Every call is made with the caller's credentials,
 * so what the caller may not read is neither named nor counted.
 */
export class TeamsImpactedService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly options: { dependencyDepth: number },
  ) {}

  async compute(
    subjects: ImpactSubject[],
    credentials: BackstageCredentials,
  ): Promise<TeamsImpacted[]> {
    const reader = new CatalogReader(this.catalog, credentials);

    // Level 0: the asking entities and the platform entities.
    const level0 = await reader.byRefs(
      subjects.flatMap(s => [
        s.requestingEntityRef,
        ...s.endorsingEntityRefs,
        ...s.aboutEntityRefs,
      ]),
      WITH_RELATIONS,
    );

    // Dependents of the platform entities, one batched lookup per level.
    // dependents.get(x) = the entities that use x directly, with the relation.
    const known = new Map(level0);
    const dependents = new Map<
      string,
      Array<{ ref: string; relation: 'dependsOn' | 'consumesApi' }>
    >();
    let frontier = new Set(
      subjects.flatMap(s => s.aboutEntityRefs.map(refKey)),
    );
    for (let depth = 1; depth <= this.options.dependencyDepth; depth++) {
      const next = new Set<string>();
      for (const ref of frontier) {
        const entity = known.get(ref);
        if (!entity) continue;
        const users: Array<{
          ref: string;
          relation: 'dependsOn' | 'consumesApi';
        }> = [];
        for (const r of entity.relations ?? []) {
          const relation = CONSUMER_RELATIONS[r.type];
          if (!relation) continue;
          users.push({ ref: refKey(r.targetRef), relation });
          if (!dependents.has(refKey(r.targetRef))) {
            next.add(refKey(r.targetRef));
          }
        }
        dependents.set(ref, users);
      }
      if (next.size === 0) break;
      // Only what is not already known (an endorser, say) is fetched.
      const unknown = [...next].filter(ref => !known.has(ref));
      if (unknown.length > 0) {
        for (const [ref, entity] of await reader.byRefs(
          unknown,
          WITH_RELATIONS,
        )) {
          known.set(ref, entity);
        }
      }
      frontier = next;
    }

    // The owners of everything that asked or depends, in one lookup.
    const owners = await reader.byRefs(
      [...known.values()].flatMap(ownerRefs),
      WITH_RELATIONS,
    );
    const ancestors = await this.orgUnits(reader, owners);

    return subjects.map(subject =>
      this.forSubject(subject, known, dependents, owners, ancestors),
    );
  }

  private forSubject(
    subject: ImpactSubject,
    known: Map<string, Entity>,
    dependents: Map<
      string,
      Array<{ ref: string; relation: 'dependsOn' | 'consumesApi' }>
    >,
    owners: Map<string, Entity>,
    ancestors: {
      units: Map<string, Entity>;
      chains: Map<string, string[]>;
    },
  ): TeamsImpacted {
    const teams = new Map<string, ImpactedTeam>();
    const asking = new Set<string>();
    const seenReasons = new Set<string>();
    const platformTeamKey =
      subject.platformTeamRef && refKey(subject.platformTeamRef);

    const credit = (entityRef: string, reason: ImpactReason) => {
      const entity = known.get(refKey(entityRef));
      if (!entity) return false; // unreadable or missing: neither named nor counted
      for (const ownerRef of ownerRefs(entity)) {
        const owner = owners.get(refKey(ownerRef));
        if (!owner) continue;
        const ownerKey = entityKey(owner);
        if (reason.type === 'depends' && ownerKey === platformTeamKey) continue;
        const reasonKey = `${ownerKey}|${JSON.stringify(reason)}`;
        if (seenReasons.has(reasonKey)) continue;
        seenReasons.add(reasonKey);
        let team = teams.get(ownerKey);
        if (!team) {
          team = {
            team: toEntitySummary(owner),
            reasons: [],
            orgUnitRefs: ancestors.chains.get(ownerKey) ?? [],
          };
          teams.set(ownerKey, team);
        }
        team.reasons.push(reason);
        if (reason.type !== 'depends') asking.add(ownerKey);
      }
      return true;
    };

    const requesting = known.get(refKey(subject.requestingEntityRef));
    if (requesting) {
      credit(subject.requestingEntityRef, {
        type: 'requested',
        entityRef: entityRefOf(requesting),
      });
    }
    for (const ref of subject.endorsingEntityRefs) {
      const endorser = known.get(refKey(ref));
      if (endorser) {
        credit(ref, { type: 'endorsed', entityRef: entityRefOf(endorser) });
      }
    }

    // Breadth-first from each platform entity, up to the configured depth.
    for (const aboutRef of subject.aboutEntityRefs) {
      const platform = known.get(refKey(aboutRef));
      if (!platform) continue;
      const platformEntityRef = entityRefOf(platform);
      const visited = new Set([refKey(aboutRef)]);
      let frontier = [refKey(aboutRef)];
      for (
        let depth = 1;
        depth <= this.options.dependencyDepth && frontier.length > 0;
        depth++
      ) {
        const next: string[] = [];
        for (const targetKey of frontier) {
          const target = known.get(targetKey);
          for (const user of dependents.get(targetKey) ?? []) {
            if (visited.has(user.ref)) continue;
            const entity = known.get(user.ref);
            if (!entity || !target) continue;
            visited.add(user.ref);
            next.push(user.ref);
            credit(user.ref, {
              type: 'depends',
              entityRef: entityRefOf(entity),
              relation: user.relation,
              targetRef: entityRefOf(target),
              platformEntityRef,
              depth,
            });
          }
        }
        frontier = next;
      }
    }

    const unitCounts = new Map<string, number>();
    for (const team of teams.values()) {
      for (const unit of team.orgUnitRefs) {
        const k = refKey(unit);
        unitCounts.set(k, (unitCounts.get(k) ?? 0) + 1);
      }
    }
    const orgUnits = [...unitCounts.entries()]
      .map(([k, teamCount]) => ({
        unit: toEntitySummary(ancestors.units.get(k)!),
        teamCount,
      }))
      .sort(
        (a, b) =>
          b.teamCount - a.teamCount ||
          byName(a.unit).localeCompare(byName(b.unit)),
      );

    return {
      teams: [...teams.values()].sort(
        (a, b) =>
          Number(isAsking(b)) - Number(isAsking(a)) ||
          byName(a.team).localeCompare(byName(b.team)),
      ),
      orgUnits,
      askingTeamCount: asking.size,
      strongSignal: asking.size >= STRONG_SIGNAL_TEAMS,
    };
  }

  /**
   * The parent groups of every owner, walked up one batched lookup per
   * level; chains.get(team) lists its org units, nearest first.
   */
  private async orgUnits(reader: CatalogReader, owners: Map<string, Entity>) {
    const units = new Map<string, Entity>();
    const parentOf = new Map<string, string>();
    let frontier = [...owners.values()];
    for (let level = 0; level < MAX_ORG_LEVELS && frontier.length; level++) {
      const wanted = new Set<string>();
      for (const group of frontier) {
        const [parent] = relationTargets(group, RELATION_CHILD_OF);
        if (!parent) continue;
        parentOf.set(entityKey(group), refKey(parent));
        if (!units.has(refKey(parent))) wanted.add(refKey(parent));
      }
      if (wanted.size === 0) break;
      const found = await reader.byRefs(wanted, WITH_RELATIONS);
      for (const [k, entity] of found) units.set(k, entity);
      frontier = [...found.values()];
    }
    const chains = new Map<string, string[]>();
    for (const ownerKey of owners.keys()) {
      const chain: string[] = [];
      let current = parentOf.get(ownerKey);
      while (current && units.has(current) && !chain.includes(current)) {
        chain.push(entityRefOf(units.get(current)!));
        current = parentOf.get(current);
      }
      chains.set(ownerKey, chain);
    }
    return { units, chains };
  }
}

function entityRefOf(entity: Entity) {
  return toEntitySummary(entity).entityRef;
}

function byName(e: EntitySummary) {
  return (e.title ?? e.name).toLocaleLowerCase('en-US');
}

function isAsking(team: ImpactedTeam) {
  return team.reasons.some(r => r.type !== 'depends');
}
