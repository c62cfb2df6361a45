import { Entity } from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeprecationConsumer,
  EntitySummary,
  ImpactedTeam,
  ImpactReason,
  TeamsImpacted,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  ownerRefs,
  childRefs,
  parentRef,
  REFS_BATCH,
  refKey,
} from './CatalogReader';
import { walkDependents } from './DependentsWalk';
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

/** Sorts names as people read them; a collator is far faster than localeCompare. */
const byName = new Intl.Collator('en-US', { sensitivity: 'base' });

/** What an owning team is read with: its summary and its parent. */
const GROUP_FIELDS = [
  ...SUMMARY_FIELDS,
  'spec.parent',
  'spec.children',
  'spec.owner',
];
/** What a few owning teams are read with: their summaries and relations. */
const GROUP_WITH_RELATIONS = [...SUMMARY_FIELDS, 'relations'];

/**
 * Teams impacted by many requests: how many each one impacts (what the
 * score reads), and the full lists, built only for the requests shown.
 */
export interface TeamsImpactedIndex {
  /** Teams impacted per subject, in the order given. */
  readonly counts: number[];
  /**
   * Subject i's teams, reasons and org units. With `reasonsPerTeam`, at
   * most that many dependents are named per team (the rest counted in
   * `omittedReasons`; requesting and endorsing are always named); with
   * `teams`, at most that many teams are listed, asking teams first, then
   * those with the most dependents (the rest counted in `omittedTeams`).
   * Org units and counts always cover every team.
   */
  details(
    i: number,
    options?: { reasonsPerTeam?: number; teams?: number },
  ): TeamsImpacted;
}

/** One team's dependents on some platform entities, and the first reasons. */
type Tally = { key: string; reasons: ImpactReason[]; dependents: number };

/** See TeamsImpactedService.dependingBase. */
interface DependingBase {
  tallies: Map<string, Tally>;
  /** By dependents, most first, then by ref. */
  ranked: Tally[];
  unitCounts: Map<string, number>;
}

/** The owning teams read for one computation, with their org units. */
interface Teams {
  owners: Map<string, Entity>;
  units: Map<string, Entity>;
  /** chains.get(team): its org units, nearest first. */
  chains: Map<string, string[]>;
}

/**
 * Computes the teams impacted by many requests at once, from catalog
 * ownership, dependencies and the group hierarchy, on behalf of the caller:
 * what the caller may not read is neither named nor counted.
 *
 * Catalog round trips for any number of requests, at dependency depth 1:
 * one lookup of the requesting, endorsing and platform entities (one per
 * 1,000 of them) alongside one relation-filter query for the platform
 * entities' users (one per 40 platform entities, whatever the number of
 * users); then the owning teams: when they fit in one lookup, that lookup
 * and one per level of org units above them (3 + D in all, D the depth of
 * the group hierarchy), else every group in one query (3 in all, plus one
 * lookup if some owners are not groups). Each
 * deeper dependency level adds one lookup per 1,000 new entities.
 *
 * Users are found once per platform entity and shared by every request
 * about it; counting is set arithmetic over teams, and reasons are built
 * only by `details`.
 */
export class TeamsImpactedService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly options: { dependencyDepth: number },
  ) {}

  /** The full teams impacted of every subject. */
  async compute(
    subjects: ImpactSubject[],
    credentials: BackstageCredentials,
  ): Promise<TeamsImpacted[]> {
    const index = await this.index(subjects, credentials);
    return subjects.map((_, i) => index.details(i));
  }

  async index(
    subjects: ImpactSubject[],
    credentials: BackstageCredentials,
  ): Promise<TeamsImpactedIndex> {
    const depth = this.options.dependencyDepth;
    const reader = new CatalogReader(this.catalog, credentials);
    const aboutKeys = new Set(
      subjects.flatMap(s => s.aboutEntityRefs.map(refKey)),
    );
    const walk = await walkDependents(
      reader,
      [...aboutKeys].map(entityRef => ({ entityRef, depth })),
      subjects.flatMap(s => [s.requestingEntityRef, ...s.endorsingEntityRefs]),
    );
    const { known } = walk;

    // Users of each platform entity, found once and shared by its requests.
    const usersOf = new Map<string, DeprecationConsumer[]>();
    for (const key of aboutKeys) {
      const users = walk.dependentsOf({ entityRef: key, depth });
      if (users) usersOf.set(key, users);
    }
    const ownerKeys = new Set<string>();
    const addOwners = (entity?: Entity) =>
      entity && ownerRefs(entity).forEach(o => ownerKeys.add(refKey(o)));
    for (const s of subjects) {
      addOwners(known.get(refKey(s.requestingEntityRef)));
      s.endorsingEntityRefs.forEach(r => addOwners(known.get(refKey(r))));
    }
    for (const users of usersOf.values()) {
      for (const u of users) addOwners(known.get(refKey(u.entity.entityRef)));
    }
    const teams = await this.teams(reader, ownerKeys);

    /** The readable owners of an entity, by key. */
    const ownersOf = (entity: Entity) => {
      const found: string[] = [];
      for (const ref of ownerRefs(entity)) {
        const key = refKey(ref);
        if (teams.owners.has(key)) found.push(key);
      }
      return found;
    };
    // The users of each platform entity grouped by owning team, once.
    const byTeam = new Map<string, Map<string, DeprecationConsumer[]>>();
    for (const [aboutKey, users] of usersOf) {
      const grouped = new Map<string, DeprecationConsumer[]>();
      for (const u of users) {
        for (const key of ownersOf(known.get(refKey(u.entity.entityRef))!)) {
          const list = grouped.get(key);
          if (list) list.push(u);
          else grouped.set(key, [u]);
        }
      }
      byTeam.set(aboutKey, grouped);
    }
    // The teams owning the users of a platform entity, but the team asked.
    const dependingTeams = new Map<string, Set<string>>();
    const dependingTeamsOf = (aboutKey: string, platformTeamKey?: string) => {
      const memo = `${aboutKey}|${platformTeamKey ?? ''}`;
      let found = dependingTeams.get(memo);
      if (!found) {
        found = new Set(byTeam.get(aboutKey)?.keys());
        if (platformTeamKey) found.delete(platformTeamKey);
        dependingTeams.set(memo, found);
      }
      return found;
    };
    // The teams that filed or endorsed a request, with how. Unreadable or
    // missing entities are neither named nor counted; an entity named twice
    // (filed and endorsed, say) is credited once each way.
    const askingOf = (subject: ImpactSubject) => {
      const asking = new Map<string, ImpactReason[]>();
      const credited = new Set<string>();
      const credit = (ref: string, type: 'requested' | 'endorsed') => {
        const entity = known.get(refKey(ref));
        const once = `${type}|${refKey(ref)}`;
        if (!entity || credited.has(once)) return;
        credited.add(once);
        for (const key of ownersOf(entity)) {
          const reasons = asking.get(key) ?? [];
          reasons.push({ type, entityRef: entityRefOf(entity) });
          asking.set(key, reasons);
        }
      };
      credit(subject.requestingEntityRef, 'requested');
      subject.endorsingEntityRefs.forEach(ref => credit(ref, 'endorsed'));
      return asking;
    };

    const counts = subjects.map(subject => {
      const platformTeamKey =
        subject.platformTeamRef && refKey(subject.platformTeamRef);
      const sets = [...new Set(subject.aboutEntityRefs.map(refKey))]
        .filter(k => known.has(k))
        .map(k => dependingTeamsOf(k, platformTeamKey));
      sets.push(new Set(askingOf(subject).keys()));
      // The largest set is counted whole, the others only for what they add.
      sets.sort((a, b) => b.size - a.size);
      const [largest, ...others] = sets;
      const extra = new Set<string>();
      for (const set of others) {
        for (const key of set) if (!largest.has(key)) extra.add(key);
      }
      return largest.size + extra.size;
    });

    // Bases of the lists, by platform entities, team asked and reasons shown.
    const bases = new Map<string, DependingBase>();
    return {
      counts,
      details: (i, options) => {
        const reasonsPerTeam = options?.reasonsPerTeam ?? Infinity;
        const base = (about: string[], platformTeamKey?: string) => {
          const memo = JSON.stringify([about, platformTeamKey, reasonsPerTeam]);
          let found = bases.get(memo);
          if (!found) {
            found = this.dependingBase(
              about,
              platformTeamKey,
              reasonsPerTeam,
              known,
              byTeam,
              teams.chains,
            );
            bases.set(memo, found);
          }
          return found;
        };
        return this.forSubject(
          subjects[i],
          askingOf(subjects[i]),
          known,
          base,
          teams,
          {
            reasonsPerTeam,
            teams: options?.teams ?? Infinity,
          },
        );
      },
    };
  }

  /**
   * The teams depending on a set of platform entities (the asked team
   * excepted), with their first reasons, ranked by dependents, and the org
   * units they count in: shared by every request about the same entities.
   */
  private dependingBase(
    aboutKeys: string[],
    platformTeamKey: string | undefined,
    reasonsPerTeam: number,
    known: Map<string, Entity>,
    byTeam: Map<string, Map<string, DeprecationConsumer[]>>,
    chains: Map<string, string[]>,
  ): DependingBase {
    const tallies = new Map<string, Tally>();
    for (const aboutKey of aboutKeys) {
      const platformEntityRef = entityRefOf(known.get(aboutKey)!);
      for (const [key, users] of byTeam.get(aboutKey) ?? []) {
        if (key === platformTeamKey) continue;
        let tally = tallies.get(key);
        if (!tally) {
          tally = { key, reasons: [], dependents: 0 };
          tallies.set(key, tally);
        }
        const named = Math.min(
          users.length,
          Math.max(0, reasonsPerTeam - tally.dependents),
        );
        for (let k = 0; k < named; k++) {
          const user = users[k];
          tally.reasons.push({
            type: 'depends',
            entityRef: user.entity.entityRef,
            relation: user.relation,
            targetRef: user.targetRef,
            platformEntityRef,
            depth: user.depth,
          });
        }
        tally.dependents += users.length;
      }
    }
    const unitCounts = new Map<string, number>();
    for (const key of tallies.keys()) {
      for (const unit of chains.get(key) ?? []) {
        const k = refKey(unit);
        unitCounts.set(k, (unitCounts.get(k) ?? 0) + 1);
      }
    }
    const ranked = [...tallies.values()].sort(
      (a, b) => b.dependents - a.dependents || byKey(a.key, b.key),
    );
    return { tallies, ranked, unitCounts };
  }

  private forSubject(
    subject: ImpactSubject,
    asking: Map<string, ImpactReason[]>,
    known: Map<string, Entity>,
    base: (aboutKeys: string[], platformTeamKey?: string) => DependingBase,
    { owners, units, chains }: Teams,
    limits: { reasonsPerTeam: number; teams: number },
  ): TeamsImpacted {
    const platformTeamKey =
      subject.platformTeamRef && refKey(subject.platformTeamRef);

    const aboutKeys = [
      ...new Set(subject.aboutEntityRefs.map(refKey).filter(k => known.has(k))),
    ];
    const depending = base(aboutKeys, platformTeamKey);

    // Org units count every team, listed or not.
    const unitCounts = new Map(depending.unitCounts);
    for (const key of asking.keys()) {
      if (depending.tallies.has(key)) continue;
      for (const unit of chains.get(key) ?? []) {
        const k = refKey(unit);
        unitCounts.set(k, (unitCounts.get(k) ?? 0) + 1);
      }
    }
    const orgUnits = [...unitCounts.entries()]
      .map(([k, teamCount]) => ({
        unit: toEntitySummary(units.get(k)!),
        teamCount,
      }))
      .sort(
        (a, b) =>
          b.teamCount - a.teamCount ||
          byName.compare(nameOf(a.unit), nameOf(b.unit)) ||
          byKey(a.unit.entityRef, b.unit.entityRef),
      );

    // Asking teams first, then the teams with the most dependents. Only the
    // teams listed are summarised and sorted by name; the cut is made on
    // the numbers (ties at the cut by ref).
    const dependentsOf = (key: string) =>
      depending.tallies.get(key)?.dependents ?? 0;
    const picked: string[] = [...asking.keys()].sort(
      (a, b) => dependentsOf(b) - dependentsOf(a) || byKey(a, b),
    );
    const total =
      depending.tallies.size +
      picked.filter(k => !depending.tallies.has(k)).length;
    for (const tally of depending.ranked) {
      if (picked.length >= limits.teams) break;
      if (!asking.has(tally.key)) picked.push(tally.key);
    }
    const listed = picked.slice(0, limits.teams).map(key => ({
      key,
      asking: asking.has(key),
      dependents: dependentsOf(key),
      team: toEntitySummary(owners.get(key)!),
    }));
    listed.sort(
      (a, b) =>
        Number(b.asking) - Number(a.asking) ||
        b.dependents - a.dependents ||
        byName.compare(nameOf(a.team), nameOf(b.team)),
    );
    return {
      teams: listed.map(({ key, dependents, team }): ImpactedTeam => {
        const depends = depending.tallies.get(key)?.reasons ?? [];
        const askingReasons = asking.get(key);
        const omitted =
          dependents - Math.min(dependents, limits.reasonsPerTeam);
        return {
          team,
          reasons: askingReasons ? [...askingReasons, ...depends] : depends,
          ...(omitted > 0 && { omittedReasons: omitted }),
          orgUnitRefs: chains.get(key) ?? [],
        };
      }),
      ...(total > listed.length && { omittedTeams: total - listed.length }),
      orgUnits,
      askingTeamCount: asking.size,
      strongSignal: asking.size >= STRONG_SIGNAL_TEAMS,
    };
  }

  /**
   * The owning teams and the org units above them. When the owners fit in
   * one lookup: that lookup, then one per level of parents. Otherwise every
   * group in one query (fewer round trips and fewer bytes than many
   * lookups), plus one lookup for owners that are not groups, if any.
   */
  private async teams(
    reader: CatalogReader,
    ownerKeys: Set<string>,
  ): Promise<Teams> {
    let owners: Map<string, Entity>;
    let groups: Map<string, Entity>;
    /** parentOf.get(group): its parent group's key. */
    const parentOf = new Map<string, string>();
    if (ownerKeys.size <= REFS_BATCH) {
      // With relations: `childOf` covers a parent's `spec.children` too.
      owners = await reader.byRefs(ownerKeys, GROUP_WITH_RELATIONS);
      groups = new Map(owners);
      let frontier = [...owners.entries()];
      for (let level = 0; level < MAX_ORG_LEVELS && frontier.length; level++) {
        const wanted = new Set<string>();
        for (const [key, group] of frontier) {
          const parent = parentRef(group);
          if (!parent) continue;
          parentOf.set(key, refKey(parent));
          if (!groups.has(refKey(parent))) wanted.add(refKey(parent));
        }
        if (wanted.size === 0) break;
        const found = await reader.byRefs(wanted, GROUP_WITH_RELATIONS);
        for (const [key, group] of found) groups.set(key, group);
        frontier = [...found.entries()];
      }
    } else {
      groups = await reader.allGroups(GROUP_FIELDS);
      // A parent is named by the child (spec.parent) or by the parent
      // (spec.children), as the catalog reads either into childOf.
      for (const [key, group] of groups) {
        const parent = parentRef(group);
        if (parent) parentOf.set(key, refKey(parent));
      }
      for (const [key, group] of groups) {
        for (const child of childRefs(group)) {
          if (!parentOf.has(refKey(child))) parentOf.set(refKey(child), key);
        }
      }
      owners = new Map();
      const others: string[] = [];
      for (const key of ownerKeys) {
        const group = groups.get(key);
        if (group) owners.set(key, group);
        else if (!key.startsWith('group:')) others.push(key);
      }
      if (others.length > 0) {
        (await reader.byRefs(others, GROUP_FIELDS)).forEach((owner, key) =>
          owners.set(key, owner),
        );
      }
    }

    const units = new Map<string, Entity>();
    const chains = new Map<string, string[]>();
    for (const ownerKey of owners.keys()) {
      const chain: string[] = [];
      let current = ownerKey;
      for (let level = 0; level < MAX_ORG_LEVELS; level++) {
        const parentKey = parentOf.get(current);
        const unit = parentKey ? groups.get(parentKey) : undefined;
        if (!unit || chain.includes(entityRefOf(unit))) break;
        units.set(parentKey!, unit);
        chain.push(entityRefOf(unit));
        current = parentKey!;
      }
      chains.set(ownerKey, chain);
    }
    return { owners, units, chains };
  }
}

function entityRefOf(entity: Entity) {
  return toEntitySummary(entity).entityRef;
}

function nameOf(e: EntitySummary) {
  return e.title ?? e.name;
}

function byKey(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
