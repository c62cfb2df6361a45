// The naive baseline: what a straightforward plugin would do — one catalog
// call per entity. getEntityByRef for every ref it is given, one
// "who uses this?" query per entity whose dependents it needs
// (getEntities with relations.dependsOn / relations.consumesApi filters),
// getEntityByRef for the owner of every entity and for the parent of every
// group. Full entities (no `fields`), as getEntityByRef has none.
//
// It is a charitable baseline: within one computation every call is
// memoised (no entity is fetched twice, no entity's dependents are queried
// twice), so its round trips are "one per distinct entity touched", not one
// per request × entity. `concurrency` bounds the calls in flight (1 = each
// awaited in turn, the plain for-await loop).

// Refs are ASCII: toLowerCase is what toLocaleLowerCase('en-US') gives, faster.
const lc = s => String(s).toLowerCase();
const refOf = e =>
  `${lc(e.kind)}:${lc(e.metadata.namespace ?? 'default')}/${lc(
    e.metadata.name,
  )}`;
const targets = (entity, type) =>
  (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => lc(r.targetRef));

function limiter(concurrency) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= concurrency || queue.length === 0) return;
    active++;
    const { fn, resolve, reject } = queue.shift();
    fn()
      .then(resolve, reject)
      .finally(() => {
        active--;
        next();
      });
  };
  return fn =>
    new Promise((resolve, reject) => {
      queue.push({ fn, resolve, reject });
      next();
    });
}

/** Memoised per-entity catalog access; values are readable synchronously once settled. */
function naiveCatalog(catalog, credentials, concurrency) {
  const limit = limiter(concurrency);
  const pending = new Map();
  const settled = new Map();
  const memo = (key, load) => {
    if (settled.has(key)) return settled.get(key);
    let p = pending.get(key);
    if (!p) {
      p = load().then(value => {
        settled.set(key, value);
        pending.delete(key);
        return value;
      });
      pending.set(key, p);
    }
    return p;
  };
  const entity = ref =>
    memo(`e:${lc(ref)}`, () =>
      limit(() => catalog.getEntityByRef(lc(ref), { credentials })),
    );
  const dependents = ref =>
    memo(`d:${lc(ref)}`, () =>
      limit(() =>
        catalog.getEntities(
          {
            filter: [
              { 'relations.dependsOn': lc(ref) },
              { 'relations.consumesApi': lc(ref) },
            ],
          },
          { credentials },
        ),
      ).then(r => r.items),
    );
  /** The readable owners of an entity (entities), one call per owner. */
  const owners = async e => {
    const refs = targets(e, 'ownedBy');
    const found = [];
    for (const ref of refs) {
      const owner = await entity(ref);
      if (owner) found.push(owner);
    }
    return found;
  };
  /** The chain of org units above a group, nearest first, one call per parent. */
  const chain = async (group, maxLevels = 10) => {
    const units = [];
    let current = group;
    for (let level = 0; level < maxLevels; level++) {
      const [parentRef] = targets(current, 'childOf');
      if (!parentRef || units.includes(parentRef)) break;
      const parent = await entity(parentRef);
      if (!parent) break;
      units.push(refOf(parent));
      current = parent;
    }
    return units;
  };
  return { entity, dependents, owners, chain };
}

const summary = e => ({
  entityRef: refOf(e),
  kind: e.kind,
  name: e.metadata.name,
  namespace: e.metadata.namespace ?? 'default',
  ...(e.metadata.title ?? e.spec?.profile?.displayName
    ? { title: e.metadata.title ?? e.spec.profile.displayName }
    : {}),
  ...(typeof e.spec?.type === 'string' ? { type: e.spec.type } : {}),
});
const byName = s => (s.title ?? s.name).toLowerCase();

/**
 * Teams impacted per request, the naive way, with the same output shape as
 * TeamsImpactedService (teams with summaries, reasons and org units; org
 * units with team counts) so the in-process work is comparable. Returns
 * one { teams, orgUnits, askingTeamCount } per subject.
 */
export async function naiveTeamsImpacted(
  catalog,
  subjects,
  credentials,
  { dependencyDepth = 1, concurrency = 1 } = {},
) {
  const c = naiveCatalog(catalog, credentials, concurrency);
  const chains = new Map(); // team ref → org unit refs, nearest first
  const unitSummaries = new Map();
  // entity ref → its readable owners (the calls are made once; the
  // per-request loop then reads this synchronously).
  const ownersOf = new Map();
  const loadOwners = async entity => {
    const found = [];
    for (const owner of await c.owners(entity)) {
      const key = refOf(owner);
      found.push({ key, summary: summary(owner) });
      if (!chains.has(key)) {
        const units = await c.chain(owner);
        for (const unit of units) {
          if (!unitSummaries.has(unit))
            unitSummaries.set(unit, summary(await c.entity(unit)));
        }
        chains.set(key, units);
      }
    }
    ownersOf.set(refOf(entity), found);
    return found;
  };
  const results = [];
  for (const subject of subjects) {
    const teams = new Map();
    const seen = new Set();
    const platformTeam = subject.platformTeamRef && lc(subject.platformTeamRef);
    const credit = (owners, reason, key) => {
      for (const owner of owners) {
        if (reason.type === 'depends' && owner.key === platformTeam) continue;
        const reasonKey = `${owner.key}|${reason.type}|${key}|${
          reason.platformEntityRef ?? ''
        }`;
        if (seen.has(reasonKey)) continue;
        seen.add(reasonKey);
        let team = teams.get(owner.key);
        if (!team) {
          team = {
            team: owner.summary,
            reasons: [],
            orgUnitRefs: chains.get(owner.key),
          };
          teams.set(owner.key, team);
        }
        team.reasons.push(reason);
      }
    };
    const ask = async (ref, type) => {
      const e = await c.entity(ref);
      if (!e) return;
      const key = refOf(e);
      credit(
        ownersOf.get(key) ?? (await loadOwners(e)),
        { type, entityRef: key },
        key,
      );
    };
    await ask(subject.requestingEntityRef, 'requested');
    for (const ref of subject.endorsingEntityRefs) await ask(ref, 'endorsed');
    for (const aboutRef of subject.aboutEntityRefs) {
      const platform = await c.entity(aboutRef);
      if (!platform) continue;
      const platformEntityRef = refOf(platform);
      const visited = new Set([platformEntityRef]);
      let frontier = [platformEntityRef];
      for (
        let depth = 1;
        depth <= dependencyDepth && frontier.length;
        depth++
      ) {
        const next = [];
        for (const target of frontier) {
          for (const user of await c.dependents(target)) {
            const key = refOf(user);
            if (visited.has(key)) continue;
            visited.add(key);
            next.push(key);
            const relation = targets(user, 'dependsOn').includes(target)
              ? 'dependsOn'
              : 'consumesApi';
            credit(
              ownersOf.get(key) ?? (await loadOwners(user)),
              {
                type: 'depends',
                entityRef: key,
                relation,
                targetRef: target,
                platformEntityRef,
                depth,
              },
              key,
            );
          }
        }
        frontier = next;
      }
    }
    const unitCounts = new Map();
    for (const team of teams.values()) {
      for (const unit of team.orgUnitRefs)
        unitCounts.set(unit, (unitCounts.get(unit) ?? 0) + 1);
    }
    const asking = t => t.reasons.some(r => r.type !== 'depends');
    const sorted = [...teams.values()]
      .map(t => ({ t, asking: asking(t), name: byName(t.team) }))
      .sort(
        (a, b) =>
          Number(b.asking) - Number(a.asking) || a.name.localeCompare(b.name),
      )
      .map(x => x.t);
    results.push({
      teams: sorted,
      orgUnits: [...unitCounts.entries()]
        .map(([unit, teamCount]) => ({
          unit: unitSummaries.get(unit),
          teamCount,
        }))
        .sort(
          (a, b) =>
            b.teamCount - a.teamCount ||
            byName(a.unit).localeCompare(byName(b.unit)),
        ),
      askingTeamCount: sorted.filter(asking).length,
    });
  }
  return results;
}

/**
 * Remaining consumers of one deprecated entity, the naive way: its users
 * level by level (one query per entity), then one call per owner.
 * Returns { consumers: Set<ref>, teams: Map<team ref, consumer count>,
 * unowned: consumer refs without a readable owner } (lower-case refs).
 */
export async function naiveDeprecationConsumers(
  catalog,
  { entityRef, replacementEntityRef, consumerDepth = 1 },
  credentials,
  { concurrency = 1 } = {},
) {
  const c = naiveCatalog(catalog, credentials, concurrency);
  const root = await c.entity(entityRef);
  if (replacementEntityRef) await c.entity(replacementEntityRef);
  const consumers = new Set();
  const teams = new Map();
  const unowned = [];
  if (!root) return { consumers, teams, unowned };
  const seen = new Set([lc(entityRef)]);
  let frontier = [lc(entityRef)];
  for (let depth = 1; depth <= consumerDepth && frontier.length; depth++) {
    const next = [];
    for (const target of frontier) {
      for (const user of await c.dependents(target)) {
        const key = refOf(user);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(key);
        consumers.add(key);
        const owners = await c.owners(user);
        if (owners.length === 0) unowned.push(key);
        for (const owner of owners) {
          teams.set(refOf(owner), (teams.get(refOf(owner)) ?? 0) + 1);
        }
      }
    }
    frontier = next;
  }
  return { consumers, teams, unowned };
}
