// Deterministic synthetic Backstage catalog for benchmarks.
//
// Entities are shaped the way the catalog stores (and returns) them:
// apiVersion / kind / metadata { name, namespace: 'default', title } / spec,
// and `relations` in both directions (ownedBy/ownerOf,
// dependsOn/dependencyOf, consumesApi/apiConsumedBy, childOf/parentOf) whose
// `targetRef` is the lower-case full ref — as
// plugins/platform-roadmap-backend/src/__testUtils__/catalog.ts buildCatalog
// builds them, which is what the plugin reads.
//
// Shape (M entities in total):
//   - a group hierarchy org → divisions → departments → teams: D = 3 levels
//     of org units above the teams; about one team per 40 entities;
//   - `platformTeams` platform teams (annotation
//     platform-roadmap/platform-team: 'true') in a Platform Engineering
//     division, owning `platformEntities` platform Components / APIs /
//     Resources; some platform Components depend on other platform entities;
//   - every other entity is a consumer Component / Resource / System owned by
//     a non-platform team, with 1–6 dependsOn / consumesApi edges to platform
//     entities drawn with a Zipf(s) skew (a handful of platform entities get
//     tens of thousands of dependents, the tail a few hundred); a share of
//     consumer Components also depend on 1–2 other consumers of the same
//     department (what makes dependency depth 2 different from depth 1).

/** sfc32 seeded with a string hash: fast, good enough, deterministic. */
export function prng(seed) {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const random = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) random();
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = list => list[Math.floor(random() * list.length)];
  /** Index drawn from cumulative weights (binary search). */
  const weighted = cumulative => {
    const u = random() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const shuffle = list => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { random, int, pick, weighted, shuffle };
}

const WORDS = [
  'atlas',
  'beacon',
  'cargo',
  'delta',
  'ember',
  'falcon',
  'garnet',
  'harbor',
  'iris',
  'jade',
  'kestrel',
  'lumen',
  'meadow',
  'nimbus',
  'onyx',
  'prism',
  'quartz',
  'raven',
  'sierra',
  'tundra',
  'umber',
  'vertex',
  'willow',
  'xenon',
  'yonder',
  'zephyr',
  'aurora',
  'basalt',
  'cinder',
  'dune',
  'fjord',
  'glacier',
];
const NOUNS = [
  'checkout',
  'orders',
  'payments',
  'search',
  'catalog',
  'profile',
  'billing',
  'pricing',
  'inventory',
  'shipping',
  'returns',
  'reviews',
  'ads',
  'identity',
  'ledger',
  'fraud',
  'loyalty',
  'messaging',
  'media',
  'analytics',
];
const PLATFORM_AREAS = [
  'ci-build',
  'observability',
  'kubernetes',
  'service-mesh',
  'data-platform',
  'identity-platform',
  'developer-portal',
  'secrets',
  'messaging-platform',
  'storage',
  'networking',
  'release-engineering',
  'security-platform',
  'feature-flags',
  'api-gateway',
  'databases',
  'caching',
  'search-platform',
  'ml-platform',
  'edge',
];

const titleCase = s =>
  s
    .split('-')
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Generates the catalog. Options: entities (M), seed, platformTeams (20),
 * platformEntities (300), entitiesPerTeam (40), divisions (8),
 * teamsPerDepartment (25), zipf (s = 1.1), consumerDepShare (0.3).
 *
 * Returns { entities, byRef, platformTeams, platformEntities, consumers,
 * teams, depth, stats }. platformTeams / teams are Group entities;
 * platformEntities and consumers are entities; byRef maps lower-case refs.
 */
export function generateCatalog(options = {}) {
  const M = options.entities ?? 100_000;
  const rnd = prng(options.seed ?? 'platform-roadmap-bench');
  const platformTeamCount = options.platformTeams ?? 20;
  const platformEntityCount = options.platformEntities ?? 300;
  const perTeam = options.entitiesPerTeam ?? 40;
  const divisionCount = options.divisions ?? 8;
  const teamsPerDepartment = options.teamsPerDepartment ?? 25;
  const zipf = options.zipf ?? 1.1;
  const consumerDepShare = options.consumerDepShare ?? 0.3;

  const entities = [];
  const byRef = new Map();
  const refOf = (kind, name) => `${kind.toLowerCase()}:default/${name}`;
  const add = (kind, name, spec, extra = {}) => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name,
        namespace: 'default',
        title: extra.title ?? titleCase(name),
        ...(extra.annotations ? { annotations: extra.annotations } : {}),
        ...(extra.description ? { description: extra.description } : {}),
        ...(extra.tags ? { tags: extra.tags } : {}),
      },
      spec,
      relations: [],
    };
    entities.push(entity);
    byRef.set(refOf(kind, name), entity);
    return entity;
  };
  const relate = (from, type, to, reverse) => {
    const a = byRef.get(from);
    const b = byRef.get(to);
    a.relations.push({ type, targetRef: to });
    b.relations.push({ type: reverse, targetRef: from });
  };
  const groupSpec = (type, name, parent) => ({
    type,
    profile: { displayName: titleCase(name) },
    ...(parent ? { parent } : {}),
    children: [],
  });
  const addGroup = (type, name, parentRef, annotations) => {
    const group = add('Group', name, groupSpec(type, name, parentRef), {
      annotations,
    });
    const ref = refOf('Group', name);
    if (parentRef) {
      relate(ref, 'childOf', parentRef, 'parentOf');
      byRef.get(parentRef).spec.children.push(ref);
    }
    return group;
  };

  // --- Group hierarchy: org → divisions → departments → teams (D = 3).
  const teamCount = Math.max(platformTeamCount + 1, Math.round(M / perTeam));
  const orgRef = refOf('Group', 'acme');
  addGroup('organization', 'acme');
  const platformDivision = refOf('Group', 'platform-engineering');
  addGroup('division', 'platform-engineering', orgRef);
  const divisions = [];
  for (let i = 0; i < divisionCount - 1; i++) {
    const name = `${NOUNS[i % NOUNS.length]}-division`;
    addGroup('division', name, orgRef);
    divisions.push(refOf('Group', name));
  }
  const platformDepartments = [];
  for (let i = 0; i < Math.ceil(platformTeamCount / 10); i++) {
    const name = `platform-department-${i + 1}`;
    addGroup('department', name, platformDivision);
    platformDepartments.push(refOf('Group', name));
  }
  const platformTeams = [];
  for (let i = 0; i < platformTeamCount; i++) {
    const name =
      PLATFORM_AREAS[i % PLATFORM_AREAS.length] +
      (i >= PLATFORM_AREAS.length ? `-${i}` : '');
    platformTeams.push(
      addGroup(
        'team',
        name,
        platformDepartments[i % platformDepartments.length],
        {
          'platform-roadmap/platform-team': 'true',
        },
      ),
    );
  }
  const productTeamCount = teamCount - platformTeamCount;
  const departmentCount = Math.max(
    divisions.length,
    Math.ceil(productTeamCount / teamsPerDepartment),
  );
  const departments = [];
  for (let i = 0; i < departmentCount; i++) {
    const name = `${NOUNS[i % NOUNS.length]}-department-${i + 1}`;
    addGroup('department', name, divisions[i % divisions.length]);
    departments.push(refOf('Group', name));
  }
  const teams = [];
  const teamDepartment = [];
  for (let i = 0; i < productTeamCount; i++) {
    const d = Math.floor(i / teamsPerDepartment) % departmentCount;
    const name = `${WORDS[i % WORDS.length]}-${NOUNS[d % NOUNS.length]}-team-${
      i + 1
    }`;
    teams.push(addGroup('team', name, departments[d]));
    teamDepartment.push(d);
  }
  const groupCount = entities.length;

  // --- Platform entities, owned by the platform teams.
  const platformEntities = [];
  const platformKinds = [];
  for (let i = 0; i < platformEntityCount; i++) {
    const team = platformTeams[i % platformTeamCount];
    const area = team.metadata.name;
    const roll = rnd.random();
    let kind;
    let spec;
    if (roll < 0.5) {
      kind = 'Component';
      spec = {
        type: rnd.random() < 0.7 ? 'service' : 'library',
        lifecycle: 'production',
      };
    } else if (roll < 0.8) {
      kind = 'API';
      spec = {
        type: rnd.pick(['openapi', 'grpc', 'asyncapi']),
        lifecycle: 'production',
        definition: '…',
      };
    } else {
      kind = 'Resource';
      spec = { type: rnd.pick(['database', 'cluster', 'bucket', 'queue']) };
    }
    const name = `${area}-${kind.toLowerCase()}-${i + 1}`;
    const teamRef = refOf('Group', area);
    spec.owner = teamRef;
    spec.system = `${area}-system`;
    const entity = add(kind, name, spec, {
      description: `Platform ${kind.toLowerCase()} of ${titleCase(area)}`,
      tags: ['platform'],
    });
    relate(refOf(kind, name), 'ownedBy', teamRef, 'ownerOf');
    platformEntities.push(entity);
    platformKinds.push(kind);
  }
  const platformRefs = platformEntities.map(e =>
    refOf(e.kind, e.metadata.name),
  );
  // Some platform Components use other platform entities.
  for (let i = 0; i < platformEntityCount; i++) {
    if (platformKinds[i] !== 'Component') continue;
    const n = rnd.int(0, 2);
    const seen = new Set([i]);
    for (let k = 0; k < n; k++) {
      const j = rnd.int(0, platformEntityCount - 1);
      if (seen.has(j)) continue;
      seen.add(j);
      const type = platformKinds[j] === 'API' ? 'consumesApi' : 'dependsOn';
      relate(
        platformRefs[i],
        type,
        platformRefs[j],
        type === 'consumesApi' ? 'apiConsumedBy' : 'dependencyOf',
      );
    }
  }

  // Popularity: a random permutation of the platform entities ranked by a
  // Zipf(s) weight — rank r gets weight 1 / r^s.
  const popularity = rnd.shuffle([...Array(platformEntityCount).keys()]);
  const cumulative = new Float64Array(platformEntityCount);
  let sum = 0;
  for (let r = 0; r < platformEntityCount; r++) {
    sum += 1 / Math.pow(r + 1, zipf);
    cumulative[r] = sum;
  }

  // --- Consumers, owned by product teams, ~equal share each.
  const consumerCount = M - groupCount - platformEntityCount;
  if (consumerCount <= 0) throw new Error(`M = ${M} is too small`);
  const consumers = [];
  const consumerRefs = [];
  const consumerDepartment = [];
  const byDepartment = Array.from({ length: departmentCount }, () => []);
  // How many platform edges: 1–6, fewer more likely (mean ≈ 2.5).
  const edgeCumulative = [0.35, 0.6, 0.77, 0.88, 0.95, 1];
  for (let i = 0; i < consumerCount; i++) {
    const t = i % productTeamCount;
    const team = teams[t];
    const teamRef = refOf('Group', team.metadata.name);
    const roll = rnd.random();
    let kind;
    let spec;
    if (roll < 0.75) {
      kind = 'Component';
      spec = {
        type: rnd.pick(['service', 'service', 'website', 'library']),
        lifecycle: rnd.pick(['production', 'production', 'experimental']),
      };
    } else if (roll < 0.9) {
      kind = 'Resource';
      spec = { type: rnd.pick(['database', 'bucket', 'queue']) };
    } else {
      kind = 'System';
      spec = {};
    }
    spec.owner = teamRef;
    const name = `${team.metadata.name.replace(
      /-team-\d+$/,
      '',
    )}-${kind.toLowerCase()}-${i + 1}`;
    const ref = refOf(kind, name);
    const entity = add(kind, name, spec, {
      description: `${kind} ${i + 1} of ${team.metadata.title}`,
    });
    relate(ref, 'ownedBy', teamRef, 'ownerOf');
    const edges = rnd.weighted(edgeCumulative) + 1;
    const chosen = new Set();
    for (let tries = 0; chosen.size < edges && tries < edges * 10; tries++) {
      chosen.add(popularity[rnd.weighted(cumulative)]);
    }
    for (const j of chosen) {
      if (platformKinds[j] === 'API') {
        relate(ref, 'consumesApi', platformRefs[j], 'apiConsumedBy');
      } else {
        relate(ref, 'dependsOn', platformRefs[j], 'dependencyOf');
      }
    }
    // Intra-department dependencies (on earlier consumers: no cycles).
    const d = teamDepartment[t];
    const local = byDepartment[d];
    if (
      kind === 'Component' &&
      local.length > 0 &&
      rnd.random() < consumerDepShare
    ) {
      const n = rnd.int(1, 2);
      const seen = new Set();
      for (let k = 0; k < n; k++) {
        const j = local[Math.max(0, local.length - 1 - rnd.int(0, 400))];
        if (seen.has(j) || j === i) continue;
        seen.add(j);
        relate(ref, 'dependsOn', consumerRefs[j], 'dependencyOf');
      }
    }
    local.push(i);
    consumers.push(entity);
    consumerRefs.push(ref);
    consumerDepartment.push(d);
  }

  // --- Stats.
  const inDegree = e =>
    e.relations.reduce(
      (n, r) =>
        n + (r.type === 'dependencyOf' || r.type === 'apiConsumedBy' ? 1 : 0),
      0,
    );
  const platformInDegrees = platformEntities
    .map(inDegree)
    .sort((a, b) => b - a);
  let relations = 0;
  for (const e of entities) relations += e.relations.length;
  return {
    entities,
    byRef,
    platformTeams,
    platformEntities,
    consumers,
    teams,
    depth: 3,
    stats: {
      entities: entities.length,
      groups: groupCount,
      teams: teamCount,
      departments: departmentCount + platformDepartments.length,
      divisions: divisionCount,
      platformTeams: platformTeamCount,
      platformEntities: platformEntityCount,
      consumers: consumerCount,
      relations,
      maxInDegree: platformInDegrees[0],
      inDegreeTop5: platformInDegrees.slice(0, 5),
      inDegreeMedian:
        platformInDegrees[Math.floor(platformInDegrees.length / 2)],
      inDegreeMin: platformInDegrees[platformInDegrees.length - 1],
      platformWith1000Plus: platformInDegrees.filter(n => n >= 1000).length,
    },
  };
}

export const entityRef = e =>
  `${e.kind.toLowerCase()}:${(
    e.metadata.namespace ?? 'default'
  ).toLowerCase()}/${e.metadata.name.toLowerCase()}`;

/** Direct users of an entity (its dependencyOf / apiConsumedBy targets). */
export function directDependents(entity) {
  return entity.relations
    .filter(r => r.type === 'dependencyOf' || r.type === 'apiConsumedBy')
    .map(r => r.targetRef);
}

/** The platform entity whose number of direct dependents is closest to K. */
export function pickEntityWithDependents(catalog, k) {
  let best;
  let bestDiff = Infinity;
  for (const e of catalog.platformEntities) {
    const diff = Math.abs(directDependents(e).length - k);
    if (diff < bestDiff) {
      best = e;
      bestDiff = diff;
    }
  }
  return {
    entity: best,
    ref: entityRef(best),
    dependents: directDependents(best).length,
  };
}

/**
 * Platform teams ranked by the total number of direct dependents of the
 * platform entities they own (busiest first).
 */
export function rankPlatformTeams(catalog) {
  const load = new Map(catalog.platformTeams.map(t => [entityRef(t), 0]));
  for (const e of catalog.platformEntities) {
    const owner = e.spec.owner;
    load.set(owner, load.get(owner) + directDependents(e).length);
  }
  return [...load.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([ref, dependents]) => ({ ref, dependents }));
}

/**
 * N realistic requests to one platform team: each about 1–2 of its platform
 * entities, filed from an entity that uses one (80%) or any consumer, with
 * 0–3 endorsing entities (mostly users of the about-entities).
 */
export function makeSubjects(catalog, teamRef, n, seed = 'requests') {
  const rnd = prng(`${seed}:${teamRef}:${n}`);
  const owned = catalog.platformEntities.filter(e => e.spec.owner === teamRef);
  const consumerOf = e => {
    const users = directDependents(e);
    return users.length && rnd.random() < 0.8
      ? rnd.pick(users)
      : entityRef(rnd.pick(catalog.consumers));
  };
  const subjects = [];
  for (let i = 0; i < n; i++) {
    const about = [rnd.pick(owned)];
    if (owned.length > 1 && rnd.random() < 0.4) {
      const other = rnd.pick(owned);
      if (other !== about[0]) about.push(other);
    }
    const endorsers = new Set();
    const count = rnd.int(0, 3);
    for (let k = 0; k < count; k++) endorsers.add(consumerOf(rnd.pick(about)));
    subjects.push({
      requestingEntityRef: consumerOf(about[0]),
      endorsingEntityRefs: [...endorsers],
      aboutEntityRefs: about.map(entityRef),
      platformTeamRef: teamRef,
    });
  }
  return subjects;
}
