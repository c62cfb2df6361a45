#!/usr/bin/env node
// Benchmark: the plugin's SQL at 100,000 rows per table, on PostgreSQL.
//
//   source scripts/postgres.sh && pg_start
//   node bench/sql.mjs --pg "$PG_URL" [--rows 100000] [--runs 5] [--out f.json]
//            [--exclude-migration 20261124000000_bench_indexes.js] [--keep]
//   pg_stop
//
// It creates a fresh database on the server, runs the backend's migrations,
// bulk-loads seeded synthetic rows (50 platform teams, one with about a
// tenth of the requests, release notes and deprecations; 5,000 requesting
// entities), ANALYZEs, then calls the hot read paths through the real
// stores (plugins/platform-roadmap-backend/dist, so build first), captures
// every statement they send and runs EXPLAIN (ANALYZE, BUFFERS) on each.
// The database is dropped at the end, also on error or Ctrl-C.
// `--exclude-migration` leaves a migration out, to measure "before" it;
// `--keep` keeps the database (and prints its URL) to look at plans by hand.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCommon, loadDist, ROOT } from './lib/plugin.mjs';

const backendDir = path.join(ROOT, 'plugins/platform-roadmap-backend');
const migrationsDir = path.join(backendDir, 'migrations');
const require = createRequire(path.join(backendDir, 'package.json'));

const knexFactory = require('knex');
const pg = require('pg');
// The built stores, with the common package resolved to its dist.
const store = name => loadDist(`database/${name}.cjs.js`)[name];

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) {
      const value = all[i + 1];
      pairs.push([
        arg.slice(2),
        value?.startsWith('--') ? true : value ?? true,
      ]);
    }
    return pairs;
  }, []),
);
if (!args.pg) {
  console.error(
    'usage: node bench/sql.mjs --pg <postgres url> [--rows 100000] [--runs 5] [--out file.json] [--exclude-migration <file>] [--keep]',
  );
  process.exit(2);
}
const ROWS = Number(args.rows ?? 100000);
const RUNS = Number(args.runs ?? 5);
const TARGET_MS = 50;
const BIG_TABLE = 1000;
const BATCH = 5000;
const NOW = new Date('2026-11-24T12:00:00Z');
const DAY = 24 * 3600 * 1000;

// ---------------------------------------------------------------------------
// Seeded randomness and synthetic values

let seed = 20261124;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = list => list[Math.floor(rand() * list.length)];
const chance = p => rand() < p;
const uuid = () => {
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(rand() * 16).toString(16),
  );
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(
    16,
    20,
  )}-${s.slice(20)}`;
};
/** Index in [0, n) drawn with weight (i + 1) ^ -exponent. */
const zipf = (n, exponent) => {
  const cumulative = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += (i + 1) ** -exponent;
    cumulative.push(total);
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};
const WORDS = (
  'build cache pipeline runner deploy cluster service latency timeout ' +
  'retry queue worker database index migration schema token secret vault ' +
  'network ingress gateway proxy certificate dns logging metrics tracing ' +
  'alert dashboard oncall incident rollback canary release version api ' +
  'client sdk library template scaffold golden path docs onboarding ' +
  'quota budget cost storage bucket backup restore snapshot replica ' +
  'failover region zone kubernetes helm chart container image registry ' +
  'scan policy compliance audit access role permission sso identity ' +
  'flaky test coverage lint format compile artifact dependency upgrade ' +
  'deprecate sunset replace support faster slower stable reliable new ' +
  'improved fixed removed added the a of for to with on in and when now'
).split(' ');
const words = (lo, hi) =>
  Array.from({ length: int(lo, hi) }, () => pick(WORDS)).join(' ');
const sentence = (lo, hi) => {
  const s = words(lo, hi);
  return `${s[0].toUpperCase()}${s.slice(1)}`;
};
// Long texts are cut from a pool: generating each one would be most of
// the load time.
const TEXTS = Array.from({ length: 2000 }, () => {
  let out = sentence(8, 16);
  while (out.length < 1600) out += `. ${sentence(8, 16)}`;
  return out;
});
const text = (lo, hi) => {
  const whole = pick(TEXTS);
  const length = int(lo, hi);
  const cut = whole.lastIndexOf(' ', length);
  return `${whole.slice(0, cut > lo / 2 ? cut : length)}.`;
};
const day = date => date.toISOString().slice(0, 10);
const daysAgo = (lo, hi) => new Date(NOW.getTime() - int(lo, hi) * DAY);
const quartersBetween = (fromYear, toYear) =>
  Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i).flatMap(
    y => [1, 2, 3, 4].map(q => `${y}-Q${q}`),
  );
const pad = (n, width) => String(n).padStart(width, '0');

// The domain's values, from the common package (the same lists the
// backend validates against).
const {
  REQUEST_KINDS,
  IMPACT_TYPES,
  SEVERITIES,
  THEME_CATEGORIES,
  THEME_STATUSES,
  RELEASE_NOTE_TYPES: NOTE_TYPES,
  METRIC_KINDS,
  STAKEHOLDER_KINDS,
  ASK_KINDS,
} = loadCommon();
const STATUS_MIX = [
  ['open', 0.3],
  ['triaged', 0.15],
  ['planned', 0.1],
  ['deprioritized', 0.1],
  ['declined', 0.1],
  ['shipped', 0.25],
];
const DEPRECATION_MIX = [
  ['announced', 0.3],
  ['migrating', 0.2],
  ['complete', 0.4],
  ['cancelled', 0.1],
];
const mix = pairs => {
  const x = rand();
  let sum = 0;
  for (const [value, p] of pairs) {
    sum += p;
    if (x < sum) return value;
  }
  return pairs[pairs.length - 1][0];
};

// The organisation: 50 platform teams owning 20 entities each; 500
// consuming teams owning 10 of the 5,000 requesting entities each.
const TEAMS = Array.from(
  { length: 50 },
  (_, i) => `group:default/platform-${pad(i + 1, 2)}`,
);
const TEAM_ENTITIES = TEAMS.map((team, t) =>
  Array.from(
    { length: 20 },
    (_, e) =>
      `component:default/platform-${pad(t + 1, 2)}-svc-${pad(e + 1, 2)}`,
  ),
);
const ENTITIES = Array.from(
  { length: 5000 },
  (_, i) => `component:default/service-${pad(i + 1, 4)}`,
);
const ownerOf = i => `group:default/team-${pad(Math.floor(i / 10) + 1, 3)}`;
const USERS = Array.from(
  { length: 20000 },
  (_, i) => `user:default/user-${pad(i + 1, 5)}`,
);
// One team with about 10% of the skewed tables (exponent 0.6 over 50).
const skewedTeam = zipf(TEAMS.length, 0.6);
const skewedEntity = zipf(ENTITIES.length, 0.3);
const YEAR_PERIODS = Array.from({ length: 40 }, (_, i) => 1990 + i).flatMap(
  y => [String(y), ...[1, 2, 3, 4].map(q => `${y}-Q${q}`)],
);
const QUARTERS = quartersBetween(1990, 2029);
const RECENT_QUARTERS = quartersBetween(2019, 2026);

// ---------------------------------------------------------------------------
// Loading: batched multi-row inserts (one JSON parameter per batch, expanded
// by json_populate_recordset), one transaction per table.

const loaded = {};
async function load(client, table, rows) {
  const started = performance.now();
  let batch = [];
  let count = 0;
  let dbMs = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const columns = Object.keys(batch[0])
      .map(c => `"${c}"`)
      .join(', ');
    const json = JSON.stringify(batch);
    const sent = performance.now();
    await client.query(
      `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`,
      [json],
    );
    dbMs += performance.now() - sent;
    count += batch.length;
    batch = [];
  };
  await client.query('begin');
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await client.query('commit');
  loaded[table] = {
    rows: count,
    seconds: (performance.now() - started) / 1000,
    insertSeconds: dbMs / 1000,
  };
  console.log(
    `  ${table}: ${count.toLocaleString('en-US')} rows in ${loaded[
      table
    ].seconds.toFixed(1)} s (${loaded[table].insertSeconds.toFixed(
      1,
    )} s waiting for PostgreSQL)`,
  );
}

/** What the generators remember for the later tables and the hot paths. */
const ctx = {
  themesByTeam: TEAMS.map(() => []),
  recentThemesByTeam: TEAMS.map(() => []),
  themeTeam: [],
  themeIds: [],
  objectiveIds: [],
  objectiveTeam: [],
  keyResultIds: [],
  metricIds: [],
  metricsByTeam: TEAMS.map(() => []),
  notesByTeam: TEAMS.map(() => []),
  requestIds: [],
  requestTeam: [],
  requester: [],
  requestCreated: [],
  mergedInto: new Map(),
  deprecationIds: [],
  activeDeprecations: [],
};

function* themes() {
  for (let i = 0; i < ROWS; i++) {
    const t = i % TEAMS.length;
    const period = YEAR_PERIODS[Math.floor(i / TEAMS.length) % 200];
    const id = uuid();
    const at = daysAgo(0, 2000);
    ctx.themeIds.push(id);
    ctx.themeTeam.push(t);
    ctx.themesByTeam[t].push(id);
    if (period >= '2024') ctx.recentThemesByTeam[t].push(id);
    yield {
      id,
      version: int(1, 4),
      team_ref: TEAMS[t],
      period,
      category: pick(THEME_CATEGORIES),
      title: sentence(3, 8).slice(0, 200),
      outcome: sentence(6, 14).slice(0, 300),
      description: text(100, 600),
      status: pick(THEME_STATUSES),
      status_reason: null,
      entity_refs: JSON.stringify(
        Array.from({ length: int(0, 3) }, () => pick(TEAM_ENTITIES[t])),
      ),
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* objectives() {
  for (let i = 0; i < ROWS; i++) {
    const theme = int(0, ctx.themeIds.length - 1);
    const id = uuid();
    const at = daysAgo(0, 2000);
    ctx.objectiveIds.push(id);
    ctx.objectiveTeam.push(ctx.themeTeam[theme]);
    yield {
      id,
      version: 1,
      theme_id: ctx.themeIds[theme],
      team_ref: TEAMS[ctx.themeTeam[theme]],
      title: sentence(3, 10),
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* metrics() {
  for (let t = 0; t < TEAMS.length; t++) {
    for (let m = 0; m < 20; m++) {
      const id = uuid();
      const at = daysAgo(400, 900);
      ctx.metricIds.push(id);
      ctx.metricsByTeam[t].push(id);
      yield {
        id,
        version: 1,
        team_ref: TEAMS[t],
        key: `metric-${pad(m + 1, 2)}`,
        kind: pick(METRIC_KINDS),
        name: sentence(2, 4),
        unit: pick(['min', 's', 'ms', '%', 'count', 'usd']),
        direction: pick(['increase', 'decrease']),
        description: text(50, 200),
        created_by: pick(USERS),
        created_at: at,
        updated_at: at,
      };
    }
  }
}

function* keyResults() {
  for (let i = 0; i < ROWS; i++) {
    const o = int(0, ctx.objectiveIds.length - 1);
    const t = ctx.objectiveTeam[o];
    const id = uuid();
    const at = daysAgo(0, 2000);
    const measure = mix([
      ['consuming-teams', 0.1],
      ['metric', 0.1],
      [null, 0.8],
    ]);
    ctx.keyResultIds.push(id);
    yield {
      id,
      version: int(1, 6),
      objective_id: ctx.objectiveIds[o],
      team_ref: TEAMS[t],
      title: sentence(3, 10),
      metric: sentence(2, 5),
      unit: pick(['min', '%', 'teams', 'count']),
      baseline: int(0, 100),
      target: int(0, 100),
      current: int(0, 100),
      direction: pick(['increase', 'decrease']),
      start_date: day(at),
      due_date: day(new Date(at.getTime() + 90 * DAY)),
      guardrail: chance(0.2) ? sentence(4, 10) : null,
      measure_type: measure,
      measure_entity_ref:
        measure === 'consuming-teams' ? pick(TEAM_ENTITIES[t]) : null,
      measure_metric_id:
        measure === 'metric' ? pick(ctx.metricsByTeam[t]) : null,
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* checkIns() {
  for (let i = 0; i < ROWS; i++) {
    yield {
      key_result_id: pick(ctx.keyResultIds),
      value: int(0, 100),
      at: daysAgo(0, 2000),
      note: chance(0.3) ? sentence(3, 12) : null,
      by: pick(USERS),
      guardrail_breached: chance(0.8) ? null : chance(0.1),
    };
  }
}

function* commitments() {
  for (let i = 0; i < ROWS; i++) {
    const t = i % TEAMS.length;
    const at = daysAgo(0, 2000);
    const kind = chance(0.7) ? 'committed' : 'deprioritized';
    yield {
      id: uuid(),
      version: 1,
      team_ref: TEAMS[t],
      quarter: QUARTERS[Math.floor(i / TEAMS.length) % QUARTERS.length],
      kind,
      title: sentence(3, 10),
      description: text(50, 300),
      reason: kind === 'deprioritized' ? sentence(5, 15) : null,
      theme_id: chance(0.5) ? pick(ctx.themesByTeam[t]) : null,
      request_id: null,
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* releaseNotes() {
  for (let i = 0; i < ROWS; i++) {
    const t = skewedTeam();
    const id = uuid();
    const at = daysAgo(0, 2500);
    ctx.notesByTeam[t].push(id);
    const rare = chance(0.005) ? ' Kerberos tickets now renew.' : '';
    yield {
      id,
      version: 1,
      team_ref: TEAMS[t],
      entity_ref: chance(0.7) ? pick(TEAM_ENTITIES[t]) : null,
      release_version: chance(0.6)
        ? `v${int(1, 9)}.${int(0, 30)}.${int(0, 20)}`
        : null,
      published_on: day(at),
      type: pick(NOTE_TYPES),
      title: sentence(3, 10).slice(0, 200),
      body: text(200, 1500) + rare,
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* requests() {
  const lastOfTeam = [];
  for (let i = 0; i < ROWS; i++) {
    const t = skewedTeam();
    const e = skewedEntity();
    const id = uuid();
    const created = daysAgo(0, 1500);
    const status = mix(STATUS_MIX);
    const triaged =
      status !== 'open' && !(status === 'declined' && chance(0.5));
    // ~3% are duplicates merged into an earlier request of the same team.
    let merged = null;
    if (chance(0.03) && lastOfTeam[t] !== undefined) {
      merged = ctx.requestIds[lastOfTeam[t]];
    }
    if (!merged) lastOfTeam[t] = i;
    if (merged) {
      ctx.mergedInto.set(merged, (ctx.mergedInto.get(merged) ?? 0) + 1);
    }
    ctx.requestIds.push(id);
    ctx.requestTeam.push(t);
    ctx.requester.push(ENTITIES[e]);
    ctx.requestCreated.push(created);
    const themed = status === 'planned' || status === 'shipped';
    yield {
      id,
      version: int(1, 6),
      title: sentence(4, 12).slice(0, 200),
      description: text(100, 800),
      kind: pick(REQUEST_KINDS),
      impact_type: pick(IMPACT_TYPES),
      severity: pick(SEVERITIES),
      hours_per_engineer_per_week: int(1, 40) / 4,
      engineers_affected: int(1, 200),
      evidence: chance(0.3) ? `https://example.com/evidence/${i}` : null,
      requesting_entity_ref: ENTITIES[e],
      requesting_team_ref: ownerOf(e),
      platform_team_ref: TEAMS[t],
      about_entity_refs: JSON.stringify(
        Array.from({ length: int(1, 2) }, () => pick(TEAM_ENTITIES[t])),
      ),
      status,
      status_reason:
        status === 'declined' || status === 'deprioritized'
          ? sentence(5, 15)
          : null,
      revisit_on:
        status === 'deprioritized'
          ? day(new Date(NOW.getTime() + int(30, 300) * DAY))
          : null,
      cost_to_ship: triaged ? int(1, 16) / 4 : null,
      strategic_fit: triaged ? int(1, 5) : null,
      reversibility: triaged ? int(1, 5) : null,
      merged_into_id: merged,
      created_by: pick(USERS),
      created_at: created,
      updated_at: new Date(created.getTime() + int(0, 60) * DAY),
      theme_id:
        themed && ctx.recentThemesByTeam[t].length
          ? pick(ctx.recentThemesByTeam[t])
          : null,
      planned_quarter: themed ? pick(quartersBetween(2024, 2027)) : null,
      release_note_id:
        status === 'shipped' && chance(0.7) && ctx.notesByTeam[t].length
          ? pick(ctx.notesByTeam[t])
          : null,
      strong_signal_notified_at: chance(0.05) ? created : null,
    };
  }
}

const endorsed = [];
function* endorsements() {
  const seen = new Set();
  while (endorsed.length < ROWS) {
    const r = int(0, ctx.requestIds.length - 1);
    const e = skewedEntity();
    const entity = ENTITIES[e];
    const pair = `${r}/${e}`;
    if (entity === ctx.requester[r] || seen.has(pair)) continue;
    seen.add(pair);
    const at = new Date(ctx.requestCreated[r].getTime() + int(0, 90) * DAY);
    endorsed.push([r, at, entity]);
    yield {
      request_id: ctx.requestIds[r],
      entity_ref: entity,
      team_ref: ownerOf(e),
      hours_per_engineer_per_week: int(1, 40) / 4,
      engineers_affected: int(1, 100),
      evidence: null,
      comment: chance(0.3) ? sentence(4, 15) : null,
      created_by: pick(USERS),
      created_at: at,
    };
  }
}

function* history(requestRows) {
  for (const row of requestRows) {
    const by = row.created_by;
    let at = row.created_at;
    const later = () => new Date(at.getTime() + int(1, 30) * DAY);
    yield entry(row.id, at, by, 'filed', null, 'open');
    if (row.status === 'open') continue;
    if (row.strategic_fit !== null) {
      at = later();
      yield entry(row.id, at, by, 'triaged', 'open', 'triaged');
    }
    if (row.status !== 'triaged') {
      const from = row.strategic_fit !== null ? 'triaged' : 'open';
      at = later();
      yield entry(row.id, at, by, 'status', from, row.status);
    }
    if (row.merged_into_id) {
      yield entry(row.id, later(), by, 'merged', null, null);
    }
  }
  for (const [r, at, entity] of endorsed) {
    yield {
      ...entry(ctx.requestIds[r], at, pick(USERS), 'endorsed', null, null),
      reason: `Endorsed from ${entity}`,
    };
  }
}
const entry = (requestId, at, by, action, from, to) => ({
  request_id: requestId,
  at,
  by,
  action,
  from_status: from,
  to_status: to,
  reason: action === 'status' ? sentence(3, 10) : null,
});

function* deprecations() {
  for (let i = 0; i < ROWS; i++) {
    const t = skewedTeam();
    const id = uuid();
    const announced = daysAgo(0, 1500);
    const status = mix(DEPRECATION_MIX);
    ctx.deprecationIds.push(id);
    if (status === 'announced' || status === 'migrating') {
      ctx.activeDeprecations.push(id);
    }
    yield {
      id,
      version: 1,
      team_ref: TEAMS[t],
      entity_ref: pick(TEAM_ENTITIES[t]),
      entity_version: chance(0.5) ? `v${int(1, 5)}` : null,
      announced_on: day(announced),
      sunset_on: day(new Date(announced.getTime() + int(30, 365) * DAY)),
      replacement_entity_ref: chance(0.5) ? pick(TEAM_ENTITIES[t]) : null,
      migration_guide_url: chance(0.5)
        ? `https://docs.example.com/migrate/${i}`
        : null,
      description: text(100, 600),
      status,
      consumer_depth: int(1, 3),
      release_note_id:
        chance(0.5) && ctx.notesByTeam[t].length
          ? pick(ctx.notesByTeam[t])
          : null,
      created_by: pick(USERS),
      created_at: announced,
      updated_at: announced,
    };
  }
}

function* deprecationSnapshots() {
  // The first active deprecations get one snapshot a day, 100 days each.
  const days = 100;
  for (let i = 0; i < ROWS; i++) {
    const dep = ctx.activeDeprecations[Math.floor(i / days)];
    const consumers = [
      ...new Set(
        Array.from({ length: int(0, 12) }, () => int(0, ENTITIES.length - 1)),
      ),
    ];
    const teams = [...new Set(consumers.map(ownerOf))].sort();
    yield {
      deprecation_id: dep,
      taken_on: day(new Date(NOW.getTime() - (i % days) * DAY)),
      consumer_entity_refs: JSON.stringify(
        consumers.map(c => ENTITIES[c]).sort(),
      ),
      team_refs: JSON.stringify(teams),
      consumer_count: consumers.length,
      team_count: teams.length,
      updated_at: NOW,
    };
  }
}

function* consumerSnapshots() {
  const perTeam = Math.ceil(ROWS / TEAMS.length);
  for (let t = 0; t < TEAMS.length; t++) {
    for (let d = 0; d < perTeam; d++) {
      const teams = Array.from(
        { length: int(5, 30) },
        () => `group:default/team-${pad(int(1, 500), 3)}`,
      );
      yield {
        team_ref: TEAMS[t],
        taken_on: day(new Date(NOW.getTime() - d * DAY)),
        consuming_team_refs: JSON.stringify([...new Set(teams)].sort()),
        consumer_entity_count: int(10, 300),
        updated_at: NOW,
      };
    }
  }
}

function* metricPoints() {
  // The big team's first metric is posted hourly (a fifth of the points);
  // the others share the rest over the last two years.
  const hot = ctx.metricsByTeam[0][0];
  const hourly = Math.floor(ROWS / 5);
  for (let i = 0; i < ROWS; i++) {
    const onHot = i < hourly;
    yield {
      metric_id: onHot ? hot : pick(ctx.metricIds),
      at: onHot
        ? new Date(NOW.getTime() - (hourly - i) * 3600 * 1000)
        : daysAgo(0, 730),
      value: int(0, 10000) / 10,
      note: chance(0.05) ? sentence(3, 8) : null,
      source: chance(0.8) ? 'service:ci-metrics' : pick(USERS),
    };
  }
}

function* surveyResponses() {
  const seen = new Set();
  let count = 0;
  while (count < ROWS) {
    const t = skewedTeam();
    const period = pick(RECENT_QUARTERS);
    const respondent = pick(USERS);
    const k = `${t}/${period}/${respondent}`;
    if (seen.has(k)) continue;
    seen.add(k);
    count++;
    yield {
      id: uuid(),
      team_ref: TEAMS[t],
      period,
      respondent_ref: respondent,
      respondent_team_ref: `group:default/team-${pad(int(1, 500), 3)}`,
      score: int(1, 5),
      comment: chance(0.4) ? sentence(5, 25) : null,
      created_at: daysAgo(0, 2900),
    };
  }
}

function* capacityBudgets() {
  for (const team of TEAMS) {
    for (const quarter of QUARTERS) {
      const onCall = int(5, 25);
      const maintenance = int(10, 30);
      const documentation = int(0, 10);
      const onboarding = int(0, 10);
      yield {
        team_ref: team,
        quarter,
        version: int(1, 3),
        on_call: onCall,
        maintenance,
        documentation,
        onboarding,
        roadmap: 100 - onCall - maintenance - documentation - onboarding,
        updated_by: pick(USERS),
        updated_at: daysAgo(0, 2000),
      };
    }
  }
}

function* stakeholders() {
  for (let i = 0; i < 5000; i++) {
    const at = daysAgo(0, 1000);
    yield {
      id: uuid(),
      version: 1,
      team_ref: TEAMS[i % TEAMS.length],
      kind: pick(STAKEHOLDER_KINDS),
      name: sentence(1, 3).slice(0, 200),
      entity_ref: chance(0.5) ? pick(ENTITIES) : null,
      contact: chance(0.5) ? `someone-${i}@example.com` : null,
      notes: text(20, 200),
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

function* reviewAsks() {
  for (let i = 0; i < ROWS; i++) {
    const at = daysAgo(0, 2000);
    yield {
      id: uuid(),
      version: 1,
      team_ref: TEAMS[i % TEAMS.length],
      quarter: pick(QUARTERS),
      kind: pick(ASK_KINDS),
      text: text(20, 300),
      created_by: pick(USERS),
      created_at: at,
      updated_at: at,
    };
  }
}

// ---------------------------------------------------------------------------
// Plans

/** Every node of a plan, depth first. */
function* nodes(plan) {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

function describePlan(plan) {
  const seqScans = [];
  const indexes = [];
  for (const node of nodes(plan)) {
    if (node['Node Type'] === 'Seq Scan') {
      const loops = node['Actual Loops'] ?? 1;
      seqScans.push({
        relation: node['Relation Name'],
        rowsReturned: (node['Actual Rows'] ?? 0) * loops,
        rowsRemovedByFilter: (node['Rows Removed by Filter'] ?? 0) * loops,
        loops,
      });
    }
    if (node['Index Name']) {
      indexes.push(`${node['Node Type']} ${node['Index Name']}`);
    }
  }
  return { seqScans, indexes: [...new Set(indexes)] };
}

/** The plan with long strings (IN lists of thousands of ids) cut. */
const trimmed = value => {
  if (typeof value === 'string' && value.length > 300) {
    return `${value.slice(0, 300)}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return value.map(trimmed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, trimmed(v)]),
    );
  }
  return value;
};

/** The SQL as sent, unless it names thousands of placeholders. */
const shortSql = sql =>
  sql.length > 2000 ? `${sql.slice(0, 2000)}… (${sql.length} characters)` : sql;

/** The SQL with long binding lists folded: in ($1 … $500). */
const summarize = sql =>
  sql
    .replace(/\(\$(\d+)(?:, \$\d+)*, \$(\d+)\)/g, (_, a, b) => `($${a}…$${b})`)
    .replace(/"/g, '')
    .replace(/\s+/g, ' ');

// ---------------------------------------------------------------------------
// Main

const adminUrl = args.pg;
const dbName = `platform_roadmap_bench_${Date.now()}`;
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${dbName}`;

const admin = new pg.Client({ connectionString: adminUrl });
let knex;
let client;
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await knex?.destroy().catch(() => {});
  await client?.end().catch(() => {});
  if (args.keep) {
    console.log(`Kept ${benchUrl}`);
    await admin.end().catch(() => {});
    return;
  }
  await admin
    .query(`drop database if exists "${dbName}" with (force)`)
    .then(() => console.log(`Dropped ${dbName}.`))
    .catch(error => console.error(`Could not drop ${dbName}: ${error}`));
  await admin.end().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

/** The migrations, optionally without one (to measure "before" it). */
function migrationSource(exclude) {
  const files = fs
    .readdirSync(migrationsDir)
    .filter(f => f.endsWith('.js') && f !== exclude)
    .sort();
  return {
    getMigrations: async () => files,
    getMigrationName: file => file,
    getMigration: async file => require(path.join(migrationsDir, file)),
  };
}

async function main() {
  await admin.connect();
  const version = (await admin.query('show server_version')).rows[0]
    .server_version;
  await admin.query(`create database "${dbName}"`);
  console.log(`PostgreSQL ${version}; created ${dbName}`);

  knex = knexFactory({
    client: 'pg',
    connection: benchUrl.toString(),
    pool: { min: 1, max: 5 },
  });
  client = new pg.Client({ connectionString: benchUrl.toString() });
  await client.connect();

  const exclude = args['exclude-migration'];
  const [, applied] = exclude
    ? await knex.migrate.latest({ migrationSource: migrationSource(exclude) })
    : await knex.migrate.latest({ directory: migrationsDir });
  console.log(
    `Migrations: ${applied.length} applied${
      exclude ? ` (without ${exclude})` : ''
    }`,
  );

  console.log(`Loading (${ROWS.toLocaleString('en-US')} rows per main table):`);
  const loadStarted = performance.now();
  await load(client, 'themes', themes());
  await load(client, 'objectives', objectives());
  await load(client, 'metrics', metrics());
  await load(client, 'key_results', keyResults());
  await load(client, 'key_result_check_ins', checkIns());
  await load(client, 'commitments', commitments());
  await load(client, 'release_notes', releaseNotes());
  // History is derived from the requests, so they are kept until then.
  const requestRows = [];
  await load(
    client,
    'requests',
    (function* keep() {
      for (const row of requests()) {
        requestRows.push({
          id: row.id,
          created_by: row.created_by,
          created_at: row.created_at,
          status: row.status,
          strategic_fit: row.strategic_fit,
          merged_into_id: row.merged_into_id,
        });
        yield row;
      }
    })(),
  );
  await load(client, 'request_endorsements', endorsements());
  // The endorsers kept on each request row, as the migration backfills them.
  await require(path.join(
    migrationsDir,
    '20261124120000_request_endorsers.js',
  )).fillEndorsingEntityRefs(knex);
  await load(client, 'request_history', history(requestRows));
  requestRows.length = 0;
  await load(client, 'deprecations', deprecations());
  await load(client, 'deprecation_snapshots', deprecationSnapshots());
  await load(client, 'consumer_snapshots', consumerSnapshots());
  await load(client, 'metric_points', metricPoints());
  await load(client, 'survey_responses', surveyResponses());
  await load(client, 'capacity_budgets', capacityBudgets());
  await load(client, 'stakeholders', stakeholders());
  await load(client, 'review_asks', reviewAsks());
  const insertSeconds = (performance.now() - loadStarted) / 1000;
  const analyzeStarted = performance.now();
  await client.query('vacuum analyze');
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
  console.log(
    `Loaded in ${insertSeconds.toFixed(
      1,
    )} s; VACUUM ANALYZE ${analyzeSeconds.toFixed(1)} s`,
  );

  const tableRows = {};
  for (const { table_name: table } of (
    await client.query(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'knex_%' order by 1`,
    )
  ).rows) {
    tableRows[table] = Number(
      (await client.query(`select count(*) from "${table}"`)).rows[0].count,
    );
  }

  // The stores, built; migrations are done already.
  const database = {
    getClient: async () => knex,
    migrations: { skip: true },
  };
  const requestStore = await store('RequestStore').create({ database });
  const roadmapStore = await store('RoadmapStore').create({
    database,
    now: () => NOW,
  });
  const releaseStore = await store('ReleaseStore').create({
    database,
    requests: requestStore,
  });
  const metricsStore = await store('MetricsStore').create({ database });
  const productStore = await store('ProductStore').create({ database });
  const snapshotStore = await store('ConsumerSnapshotStore').create({
    database,
  });

  // Realistic arguments.
  const big = TEAMS[0];
  const mid = TEAMS[24];
  const bigEntity = TEAM_ENTITIES[0][0];
  const topEntity = ENTITIES[0];
  const quarter = '2026-Q4';
  const year = '2026';
  const yearPeriods = [year, ...[1, 2, 3, 4].map(q => `${year}-Q${q}`)];
  const currentPeriods = [
    '2026',
    '2027',
    '2026-Q4',
    '2027-Q1',
    '2027-Q2',
    '2027-Q3',
    '2027-Q4',
  ];
  const OPEN = ['open', 'triaged', 'planned'];
  const ACTIVE = ['announced', 'migrating'];
  const consumerScope = {
    entityRefs: [0, 3, 7, 12].flatMap(t => TEAM_ENTITIES[t].slice(0, 2)),
    teamWideRefs: [0, 3, 7, 12].map(t => TEAMS[t]),
  };
  const [mergedTarget] = [...ctx.mergedInto.entries()].sort(
    (a, b) => b[1] - a[1],
  )[0] ?? [ctx.requestIds[0]];
  const middleId = async table =>
    (
      await client.query(
        `select id from "${table}" order by id offset $1 limit 1`,
        [Math.floor(tableRows[table] / 2)],
      )
    ).rows[0].id;
  const since90 = new Date(NOW.getTime() - 90 * DAY).toISOString();
  const hotMetric = ctx.metricsByTeam[0][0];
  const previousQuarters = ['2026-Q1', '2026-Q2', '2026-Q3'];

  const teamThemes = await roadmapStore.listThemes({
    teamRefs: [big],
    periods: yearPeriods,
  });
  const teamObjectives = await roadmapStore.listObjectives(
    teamThemes.map(t => t.id),
  );
  const current = await roadmapStore.listThemes({
    teamRefs: [big],
    periods: currentPeriods,
  });
  const bigShipped = await requestStore.listRequests({
    platformTeamRef: big,
    statuses: ['shipped'],
  });
  const midShipped = await requestStore.listRequests({
    platformTeamRef: mid,
    statuses: ['shipped'],
  });
  // The impact card of the team that owns the busiest requesting entity.
  const topTeam = ownerOf(0);
  const topTeamShipped = (
    await requestStore.listRequests({
      askingTeamRef: topTeam,
      statuses: ['shipped'],
    })
  ).map(r => r.id);
  // What the team tab shows (50 active and 50 finished), whose burn-downs
  // it reads.
  const shownOf = async team => {
    const { active, finished } = await releaseStore.teamDeprecations(team, 50);
    return [...active, ...finished];
  };
  const bigDeprecations = await shownOf(big);
  const midDeprecations = await shownOf(mid);
  // A backlog page: 25 of the big team's open requests.
  const backlogPage = (
    await requestStore.listToRank({ platformTeamRef: big, statuses: OPEN })
  )
    .slice(0, 25)
    .map(r => r.request.id);
  const pages = {
    themes: await middleId('themes'),
    requests: await middleId('requests'),
    release_notes: await middleId('release_notes'),
    deprecations: await middleId('deprecations'),
  };
  const someDeprecation = bigDeprecations[0].id;
  const metricKey = 'metric-01';

  // scope: 'page' = what an entity page card or tab asks for one team or
  // entity; 'org' = reads the whole org (overview, impact, tasks) by design.
  const paths = [
    // Requests
    [
      'RequestStore.listToRank',
      'backlog: big team, open/triaged/planned',
      'page',
      () => requestStore.listToRank({ platformTeamRef: big, statuses: OPEN }),
    ],
    [
      'RequestStore.listToRank',
      'backlog: median team, open/triaged/planned',
      'page',
      () => requestStore.listToRank({ platformTeamRef: mid, statuses: OPEN }),
    ],
    [
      'RequestStore.listToRank',
      'backlog: big team, all statuses',
      'page',
      () => requestStore.listToRank({ platformTeamRef: big }),
    ],
    [
      'RequestStore.getRequests',
      'backlog: the page of 25 shown, in full',
      'page',
      () => requestStore.getRequests(backlogPage),
    ],
    [
      'RequestStore.listToRank',
      'entity requests (filed or endorsed), busiest entity',
      'page',
      () =>
        requestStore.listToRank({
          entityRef: topEntity,
          includeMerged: true,
        }),
    ],
    [
      'RequestStore.listToRank',
      'requests planned under current themes',
      'page',
      () => requestStore.listToRank({ themeIds: current.map(t => t.id) }),
    ],
    [
      'RequestStore.getRequest',
      'one request',
      'page',
      () => requestStore.getRequest(mergedTarget),
    ],
    [
      'RequestStore.history',
      'history incl. merged duplicates',
      'page',
      () => requestStore.history(mergedTarget),
    ],
    [
      'RequestStore.shippedAt',
      "review: big team's shipped requests",
      'page',
      () => requestStore.shippedAt(bigShipped.map(r => r.id)),
    ],
    [
      'RequestStore.shippedAt',
      "review: median team's shipped requests",
      'page',
      () => requestStore.shippedAt(midShipped.map(r => r.id)),
    ],
    [
      'RequestStore.pageRequests',
      'search page of 500, mid-table cursor',
      'page',
      () => requestStore.pageRequests(pages.requests, 500),
    ],
    // Roadmap
    [
      'RoadmapStore.listThemes',
      'Roadmap tab: big team, year + quarters',
      'page',
      () => roadmapStore.listThemes({ teamRefs: [big], periods: yearPeriods }),
    ],
    [
      'RoadmapStore.listThemes',
      'incoming: 4 teams, current periods, committed/in-progress',
      'page',
      () =>
        roadmapStore.listThemes({
          teamRefs: consumerScope.teamWideRefs,
          periods: currentPeriods,
          statuses: ['committed', 'in-progress'],
        }),
    ],
    [
      'RoadmapStore.listCommitments',
      'Roadmap tab: big team, quarter',
      'page',
      () =>
        roadmapStore.listCommitments({ teamRefs: [big], quarters: [quarter] }),
    ],
    [
      'RoadmapStore.periodsOf',
      'Roadmap tab: quarter picker',
      'page',
      () => roadmapStore.periodsOf(big),
    ],
    [
      'RoadmapStore.listObjectives',
      "themes of the team's year",
      'page',
      () => roadmapStore.listObjectives(teamThemes.map(t => t.id)),
    ],
    [
      'RoadmapStore.listKeyResults',
      'objectives of those themes',
      'page',
      () => roadmapStore.listKeyResults(teamObjectives.map(o => o.id)),
    ],
    [
      'RoadmapStore.getTheme',
      'one theme',
      'page',
      () => roadmapStore.getTheme(teamThemes[0]?.id ?? ctx.themeIds[0]),
    ],
    [
      'RoadmapStore.listKeyResultsByMetric',
      'metric point posted: bound KRs',
      'page',
      () => roadmapStore.listKeyResultsByMetric(hotMetric),
    ],
    [
      'RoadmapStore.pageThemes',
      'search page of 500, mid-table cursor',
      'page',
      () => roadmapStore.pageThemes(pages.themes, 500),
    ],
    // Releases
    [
      'ReleaseStore.listReleaseNotes',
      'team tab: big team, limit 200',
      'page',
      () => releaseStore.listReleaseNotes({ teamRefs: [big] }, { limit: 200 }),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'entity tab: platform entity + team-wide',
      'page',
      () =>
        releaseStore.listReleaseNotes(
          { entityRefs: [bigEntity], teamWideRefs: [big] },
          { limit: 200 },
        ),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'consumer tab: 8 entities of 4 teams',
      'page',
      () => releaseStore.listReleaseNotes(consumerScope, { limit: 200 }),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'team tab + q "flaky" (common word)',
      'page',
      () =>
        releaseStore.listReleaseNotes(
          { teamRefs: [big] },
          { q: 'flaky', limit: 200 },
        ),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'team tab + q "kerberos" (rare word)',
      'page',
      () =>
        releaseStore.listReleaseNotes(
          { teamRefs: [big] },
          { q: 'kerberos', limit: 200 },
        ),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'median team tab + q "kerberos"',
      'page',
      () =>
        releaseStore.listReleaseNotes(
          { teamRefs: [mid] },
          { q: 'kerberos', limit: 200 },
        ),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'consumer tab + q "kerberos" + type',
      'page',
      () =>
        releaseStore.listReleaseNotes(consumerScope, {
          q: 'kerberos',
          types: ['feature', 'fix'],
          limit: 200,
        }),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'team tab, about one entity',
      'page',
      () =>
        releaseStore.listReleaseNotes(
          { teamRefs: [big] },
          { about: bigEntity, limit: 200 },
        ),
    ],
    [
      'ReleaseStore.listReleaseNotes',
      'customer review: big team, limit 500',
      'page',
      () => releaseStore.listReleaseNotes({ teamRefs: [big] }, { limit: 500 }),
    ],
    [
      'ReleaseStore.getReleaseNote',
      'one note',
      'page',
      () => releaseStore.getReleaseNote(pages.release_notes),
    ],
    [
      'ReleaseStore.pageReleaseNotes',
      'search page of 500, mid-table cursor',
      'page',
      () => releaseStore.pageReleaseNotes(pages.release_notes, 500),
    ],
    [
      'ReleaseStore.teamDeprecations',
      'team tab: big team, 50 active + 50 finished',
      'page',
      () => releaseStore.teamDeprecations(big, 50),
    ],
    [
      'ReleaseStore.teamDeprecations',
      'team tab: median team, 50 active + 50 finished',
      'page',
      () => releaseStore.teamDeprecations(mid, 50),
    ],
    [
      'ReleaseStore.listDeprecations',
      'entity tab: one platform entity',
      'page',
      () => releaseStore.listDeprecations({ entityRefs: [bigEntity] }),
    ],
    [
      'ReleaseStore.getDeprecation',
      'one deprecation',
      'page',
      () => releaseStore.getDeprecation(someDeprecation),
    ],
    [
      'ReleaseStore.burnDowns',
      "team tab: big team's deprecations",
      'page',
      () => releaseStore.burnDowns(bigDeprecations.map(d => d.id)),
    ],
    [
      'ReleaseStore.burnDowns',
      "team tab: median team's deprecations",
      'page',
      () => releaseStore.burnDowns(midDeprecations.map(d => d.id)),
    ],
    [
      'ReleaseStore.pageDeprecations',
      'search page of 500, mid-table cursor',
      'page',
      () => releaseStore.pageDeprecations(pages.deprecations, 500),
    ],
    // Metrics and survey
    [
      'MetricsStore.listMetrics',
      'team metrics card (with latest points)',
      'page',
      () => metricsStore.listMetrics({ teamRefs: [big] }),
    ],
    [
      'MetricsStore.listPoints',
      'hourly metric, last 90 days',
      'page',
      () => metricsStore.listPoints(hotMetric, since90),
    ],
    [
      'MetricsStore.latestTwo',
      'hourly metric (point posted)',
      'page',
      () => metricsStore.latestTwo([hotMetric]),
    ],
    [
      'MetricsStore.getMetricByKey',
      'point posted by key',
      'page',
      () => metricsStore.getMetricByKey(big, metricKey),
    ],
    [
      'MetricsStore.surveySummary',
      'survey card: big team, 4 quarters',
      'page',
      () => metricsStore.surveySummary(big, quarter, previousQuarters),
    ],
    [
      'MetricsStore.getResponse',
      "the caller's response",
      'page',
      () => metricsStore.getResponse(big, quarter, USERS[0]),
    ],
    [
      'MetricsStore.listComments',
      'survey comments: big team, quarter',
      'page',
      () => metricsStore.listComments(big, quarter),
    ],
    [
      'MetricsStore.surveyAverages',
      'review: one team',
      'page',
      () => metricsStore.surveyAverages([big], quarter),
    ],
    // Product
    [
      'ProductStore.getCapacity',
      'capacity card',
      'page',
      () => productStore.getCapacity(big, quarter),
    ],
    [
      'ProductStore.listStakeholders',
      'stakeholders card',
      'page',
      () => productStore.listStakeholders(big),
    ],
    [
      'ProductStore.listAsks',
      'review asks: team, quarter',
      'page',
      () => productStore.listAsks(big, quarter),
    ],
    // Consumers
    [
      'ConsumerSnapshotStore.baselines',
      'GET /teams: 50 teams, 30 days back',
      'page',
      () =>
        snapshotStore.baselines(TEAMS, day(new Date(NOW.getTime() - 30 * DAY))),
    ],
    // Org-wide by design
    [
      'RequestStore.listToRank',
      'overview: every open request (org)',
      'org',
      () => requestStore.listToRank({ statuses: OPEN }),
    ],
    [
      'RequestStore.listRequests',
      'impact card: what the busiest team filed or endorsed, shipped',
      'page',
      () =>
        requestStore.listRequests(
          { askingTeamRef: topTeam, statuses: ['shipped'] },
          { endorsementsOf: topTeam },
        ),
    ],
    [
      'RequestStore.shippedAt',
      'impact card: when each of them shipped',
      'page',
      () => requestStore.shippedAt(topTeamShipped),
    ],
    [
      'ReleaseStore.maxConsumerDepth',
      'warnings card: how deep to follow uses',
      'page',
      () => releaseStore.maxConsumerDepth(ACTIVE),
    ],
    [
      'ReleaseStore.listDeprecations',
      'warnings card: active deprecations of 20 used entities',
      'page',
      () =>
        releaseStore.listDeprecations({
          entityRefs: TEAM_ENTITIES[0],
          statuses: ACTIVE,
        }),
    ],
    [
      'ReleaseStore.listDeprecations',
      'overview: active deprecations of every team (org)',
      'org',
      () =>
        releaseStore.listDeprecations({ teamRefs: TEAMS, statuses: ACTIVE }),
    ],
    [
      'RoadmapStore.listThemes',
      'overview: every team, year (org)',
      'org',
      () => roadmapStore.listThemes({ teamRefs: TEAMS, periods: yearPeriods }),
    ],
    [
      'MetricsStore.surveyAverages',
      'overview: every team (org)',
      'org',
      () => metricsStore.surveyAverages(TEAMS, quarter),
    ],
    [
      'MetricsStore.listMetrics',
      'overview: every metric with latest (org)',
      'org',
      () => metricsStore.listMetrics(),
    ],
  ].map(([method, label, scope, run]) => ({ method, label, scope, run }));

  let captured = null;
  knex.on('query', q => captured?.push({ sql: q.sql, bindings: q.bindings }));

  const explain = async statement => {
    const { rows } = await client.query(
      `explain (analyze, buffers, format json) ${statement.sql}`,
      statement.bindings,
    );
    const [{ Plan: plan, 'Planning Time': planning, 'Execution Time': exec }] =
      rows[0]['QUERY PLAN'];
    return { plan, planning, exec };
  };

  const results = [];
  console.log(`\nRunning ${paths.length} hot paths (${RUNS} runs each)…`);
  for (const p of paths) {
    captured = [];
    const result = await p.run(); // warm-up, capturing the statements
    const statements = captured;
    captured = null;
    const resultSize = Array.isArray(result)
      ? result.length
      : result instanceof Map
      ? result.size
      : result?.items?.length ?? 1;
    const wall = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await p.run();
      wall.push(performance.now() - started);
    }
    const measured = [];
    for (const statement of statements) {
      await explain(statement); // warm-up
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await explain(statement));
      const worst = runs.reduce((a, b) => (b.exec > a.exec ? b : a));
      const { seqScans, indexes } = describePlan(worst.plan);
      measured.push({
        sql: shortSql(statement.sql),
        summary: summarize(statement.sql),
        bindings: statement.bindings.length,
        rows: worst.plan['Actual Rows'],
        worstExecutionMs: worst.exec,
        worstPlanningMs: Math.max(...runs.map(r => r.planning)),
        executionMs: runs.map(r => r.exec),
        seqScans: seqScans.map(s => ({
          ...s,
          tableRows: tableRows[s.relation] ?? null,
        })),
        indexes,
        plan: trimmed(worst.plan),
      });
    }
    results.push({
      method: p.method,
      label: p.label,
      scope: p.scope,
      resultSize,
      wallMs: wall,
      worstWallMs: Math.max(...wall),
      statements: measured,
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n\n');

  // Report
  const misses = [];
  const fmt = ms => ms.toFixed(2);
  const lines = [
    '| # | Method | Path | Result | Wall worst (ms) | Statement | Rows | Exec worst (ms) | Plan (ms) | Seq scans | Indexes |',
    '| - | ------ | ---- | ------ | --------------- | --------- | ---- | --------------- | --------- | --------- | ------- |',
  ];
  results.forEach((r, i) => {
    r.statements.forEach((s, j) => {
      const seq =
        s.seqScans
          .map(x => `${x.relation} (${x.tableRows?.toLocaleString('en-US')})`)
          .join(', ') || '—';
      const cells = [
        j === 0 ? String(i + 1) : '',
        j === 0 ? r.method : '',
        j === 0 ? `${r.label}${r.scope === 'org' ? ' †' : ''}` : '',
        j === 0 ? String(r.resultSize) : '',
        j === 0 ? fmt(r.worstWallMs) : '',
        `\`${
          s.summary.length > 110 ? `${s.summary.slice(0, 107)}…` : s.summary
        }\``,
        String(s.rows),
        fmt(s.worstExecutionMs),
        fmt(s.worstPlanningMs),
        seq,
        s.indexes.map(x => x.replace(/^.* /, '')).join(', ') || '—',
      ];
      lines.push(`| ${cells.map(c => c.replace(/\|/g, '\\|')).join(' | ')} |`);
      const tag = `${r.method} [${r.label}]${
        r.scope === 'org' ? ' (org-wide by design)' : ''
      }`;
      if (s.worstExecutionMs > TARGET_MS) {
        misses.push(
          `TARGET MISSED: ${tag}: ${fmt(
            s.worstExecutionMs,
          )} ms > ${TARGET_MS} ms: ${s.summary.slice(0, 120)}`,
        );
      }
      for (const x of s.seqScans) {
        if ((x.tableRows ?? 0) > BIG_TABLE) {
          misses.push(
            `TARGET MISSED: ${tag}: Seq Scan on ${x.relation} (${
              x.tableRows
            } rows, ${
              x.rowsRemovedByFilter
            } removed by filter): ${s.summary.slice(0, 120)}`,
          );
        }
      }
    });
  });
  console.log(lines.join('\n'));
  console.log(
    '\n† org-wide by design: reads a large part of a table (overview page).\n',
  );

  const slowest = results
    .flatMap(r => r.statements.map(s => ({ ...s, path: r })))
    .sort((a, b) => b.worstExecutionMs - a.worstExecutionMs);
  const slowestPage = slowest.find(s => s.path.scope === 'page');
  console.log(
    `Slowest statement: ${fmt(slowest[0].worstExecutionMs)} ms — ${
      slowest[0].path.method
    } [${slowest[0].path.label}]: ${slowest[0].summary.slice(0, 160)}`,
  );
  if (slowestPage) {
    console.log(
      `Slowest on an entity page path: ${fmt(
        slowestPage.worstExecutionMs,
      )} ms — ${slowestPage.path.method} [${
        slowestPage.path.label
      }]: ${slowestPage.summary.slice(0, 160)}`,
    );
  }
  if (misses.length) console.log(`\n${misses.join('\n')}`);
  else {
    console.log(
      `\nAll targets hold: no statement over ${TARGET_MS} ms, no Seq Scan on a table over ${BIG_TABLE} rows.`,
    );
  }

  if (args.out) {
    fs.writeFileSync(
      args.out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          postgres: version,
          rowsPerMainTable: ROWS,
          runs: RUNS,
          excludedMigration: exclude ?? null,
          migrationsApplied: applied,
          load: { insertSeconds, analyzeSeconds, tables: loaded },
          tableRows,
          targets: { statementMs: TARGET_MS, seqScanTableRows: BIG_TABLE },
          misses,
          results,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nWrote ${args.out}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
