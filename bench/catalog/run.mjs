#!/usr/bin/env node
// Benchmark: teams impacted and remaining consumers of a deprecation over a
// large synthetic catalog — our built code (plugins/platform-roadmap-backend/
// dist) against the naive approach (one catalog call per entity), in the
// same run, on the same in-process catalog stand-in.
//
//   source scripts/env.sh
//   node bench/catalog/run.mjs --entities 100000,250000 --requests 1,1000 \
//     --runs 20 --rtt-ms 0,2 --out /tmp/catalog-bench.json
//
// Flags (defaults in brackets):
//   --entities 100000,250000   catalog sizes M
//   --requests 1,1000          requests per teams-impacted computation
//   --rtt-ms 0,2               fixed delay per catalog round trip (ms)
//   --runs 20 --warmup 3       measured runs / warm-ups per scenario (warm-ups
//                              stop after 5 s, and are skipped for an
//                              implementation that already ran: JIT warm)
//   --budget-s 30              stop measuring a scenario after this long,
//                              but not before --min-runs (3) for ours; at
//                              rtt > 0 a slow scenario (rtt-0 time + round
//                              trips × hop) gets as many runs as fit, ≥ 1
//   --naive-min-runs 5         the naive approach's minimum, unless runs are
//                              so slow that fewer fit in --budget-s (≥ 1;
//                              the output says so)
//   --naive-max-s 120          a naive run predicted longer than this is not
//                              run but modelled (rtt 0 time + round trips × hop)
//   --naive-concurrency 1      naive calls in flight (1 = a plain await loop)
//   --team median              platform team the requests go to: median |
//                              busiest | a group ref (by total dependents)
//   --dependency-depth 1       teamsImpacted.dependencyDepth
//   --depth2 auto              also depth 2 for the largest M × requests:
//                              auto (if depth 1 took < 5 s) | yes | no
//   --dependents 5000          the deprecated entity's dependents (≈)
//   --consumer-depth 1         the deprecation's consumerDepth
//   --wire copy                catalog replies: copy | json (stringify+parse)
//   --seed platform-roadmap-bench
//   --out <file.json>          write every figure as JSON
//
// It re-runs itself with --expose-gc and a larger heap when started without.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.some(a => a.startsWith('--max-old-space-size'))) {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=12288',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

const { loadDist } = await import('../lib/plugin.mjs');
const {
  generateCatalog,
  makeSubjects,
  pickEntityWithDependents,
  rankPlatformTeams,
  entityRef,
} = await import('../lib/syntheticCatalog.mjs');
const { CatalogStandIn } = await import('../lib/catalogStandIn.mjs');
const { naiveTeamsImpacted, naiveDeprecationConsumers } = await import(
  '../lib/naive.mjs'
);

const { TeamsImpactedService } = loadDist(
  'catalog/TeamsImpactedService.cjs.js',
);
const { LIST_LIMITS } = loadDist('requests/RequestsService.cjs.js');
const { DeprecationService } = loadDist(
  'deprecations/DeprecationService.cjs.js',
);

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const list = (name, fallback) => flag(name, fallback).split(',').map(Number);
const opts = {
  entities: list('entities', '100000,250000'),
  requests: list('requests', '1,1000'),
  rttMs: list('rtt-ms', '0,2'),
  runs: Number(flag('runs', 20)),
  warmup: Number(flag('warmup', 3)),
  budgetMs: Number(flag('budget-s', 30)) * 1000,
  minRuns: Number(flag('min-runs', 3)),
  naiveMinRuns: Number(flag('naive-min-runs', 5)),
  naiveMaxMs: Number(flag('naive-max-s', 120)) * 1000,
  naiveConcurrency: Number(flag('naive-concurrency', 1)),
  team: flag('team', 'median'),
  dependencyDepth: Number(flag('dependency-depth', 1)),
  depth2: flag('depth2', 'auto'),
  dependents: Number(flag('dependents', 5000)),
  consumerDepth: Number(flag('consumer-depth', 1)),
  wire: flag('wire', 'copy'),
  seed: flag('seed', 'platform-roadmap-bench'),
  out: flag('out', undefined),
};

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  version: 'v1',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
};
/** Requests a backlog page shows in full (the endpoint's default limit). */
const BACKLOG_PAGE = 25;
/** How much of each page item's lists the backlog endpoint builds. */
const LIST_DETAILS = {
  reasonsPerTeam: LIST_LIMITS.reasonsPerTeam,
  teams: LIST_LIMITS.teamsPerRequest,
};
const lc = s => String(s).toLowerCase();
const ms = ns => Number(ns) / 1e6;
const now = () => process.hrtime.bigint();
const mib = bytes => Math.round(bytes / 2 ** 20);
const gc = () => globalThis.gc?.();

/** Nearest-rank percentile. */
const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
};

let failures = 0;
const mismatch = (what, details) => {
  failures++;
  console.error(`\n!!!!!!!! MISMATCH: ${what}\n${details}\n!!!!!!!!\n`);
};

// ---------------------------------------------------------------- measuring

/**
 * Runs fn (warm-ups, then measured runs) against the catalog stand-in.
 * Warm-ups: `warmup` of them, stopping once they took more than 5 s (at
 * least one) — none when `warm` (the same implementation already ran in
 * this process, on a smaller input or at another rtt: its JIT is warm).
 * Measured runs stop after `runs` or once `budgetMs` is spent, but not
 * before `minRuns`. A full GC precedes every run that follows a run of
 * more than 200 ms (outside the timing).
 */
async function measure(
  catalog,
  fn,
  { runs, warmup, budgetMs, minRuns, hardMinRuns = minRuns, warm = false },
) {
  const warmStart = now();
  for (let i = 0; i < (warm ? 0 : warmup); i++) {
    catalog.reset();
    await fn();
    if (ms(now() - warmStart) > 5000) break;
  }
  const samples = [];
  const afterLastReply = [];
  const roundTrips = new Set();
  let stats;
  let result;
  let heapPeak = 0;
  const start = now();
  gc();
  while (samples.length < runs) {
    if (samples.at(-1) > 200) {
      result = undefined;
      gc();
    }
    catalog.reset();
    const t0 = now();
    result = await fn();
    const t1 = now();
    samples.push(ms(t1 - t0));
    afterLastReply.push(
      catalog.stats.lastReplyAt ? ms(t1 - catalog.stats.lastReplyAt) : 0,
    );
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    stats = catalog.snapshot();
    roundTrips.add(stats.roundTrips);
    if (samples.length === 1 && samples[0] * minRuns > budgetMs) {
      // Slow: as many runs as fit in the budget, but not fewer than hardMinRuns.
      minRuns = Math.max(hardMinRuns, Math.floor(budgetMs / samples[0]));
    }
    const elapsed = ms(now() - start);
    if (samples.length >= minRuns && elapsed + samples.at(-1) > budgetMs) break;
  }
  return {
    runs: samples.length,
    samples,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    afterLastReplyP50: percentile(afterLastReply, 0.5),
    roundTrips: stats.roundTrips,
    roundTripsVaried: roundTrips.size > 1 ? [...roundTrips] : undefined,
    calls: stats.calls,
    byMethod: stats.byMethod,
    entitiesFetched: stats.entitiesReturned,
    hopMs: stats.roundTrips ? stats.delayMs / stats.roundTrips : 0,
    heapPeakMiB: mib(heapPeak),
    log: stats.log,
    result,
  };
}

/**
 * Measures one implementation at one rtt. At rtt > 0, with its rtt-0 twin
 * measured: no warm-up, and a run is predicted (rtt-0 time + a hop per
 * round trip); fewer than the minimum runs when they would not fit in
 * --budget-s, none (modelled) when one run would exceed maxMs.
 */
async function measureAt(
  catalog,
  fn,
  { label, rttMs, rtt0, minRuns, hardMinRuns, maxMs = Infinity, warm },
) {
  const notes = [];
  const base = {
    runs: opts.runs,
    warmup: opts.warmup,
    budgetMs: opts.budgetMs,
    minRuns,
    hardMinRuns,
    warm,
  };
  if (rttMs > 0 && rtt0) {
    const predicted = rtt0.p50 + rtt0.roundTrips * (rttMs + 0.15);
    base.warm = true;
    if (predicted > maxMs) {
      notes.push(
        `${label} not run at rtt ${rttMs} ms: predicted ${fmtMs(
          predicted,
        )} per run > --naive-max-s; ` +
          `modelled as rtt-0 latency + round trips × ${(rttMs + 0.15).toFixed(
            2,
          )} ms`,
      );
      return {
        ...rtt0,
        modelled: true,
        runs: 0,
        p50: rtt0.p50 + rtt0.roundTrips * (rttMs + 0.15),
        p95: rtt0.p95 + rtt0.roundTrips * (rttMs + 0.15),
        notes,
      };
    }
    if (predicted * base.minRuns > opts.budgetMs) {
      base.minRuns = base.hardMinRuns = Math.max(
        1,
        Math.floor(opts.budgetMs / predicted),
      );
    }
  }
  const m = await measure(catalog, fn, base);
  if (m.runs < minRuns) {
    notes.push(
      `${label} measured over ${
        m.runs
      } run(s) only (< ${minRuns}): a run takes ≈ ${fmtMs(m.p50)}, --budget-s ${
        opts.budgetMs / 1000
      }`,
    );
  }
  return { ...m, notes };
}

/**
 * The logical lookups behind a call log: CatalogReader.byRefs sends its refs
 * in chunks of 1,000, so a call of exactly 1,000 refs followed by another
 * with the same fields is the same lookup. (A lookup of an exact multiple of
 * 1,000 refs followed by one with the same fields would be merged: rare.)
 */
function logicalLookups(log) {
  const lookups = [];
  let previous;
  for (const call of log) {
    if (
      previous &&
      previous.refs === 1000 &&
      previous.fields === call.fields &&
      previous.method === call.method
    ) {
      const last = lookups.at(-1);
      last.calls++;
      last.refs += call.refs;
      last.returned += call.returned;
    } else {
      lookups.push({ calls: 1, refs: call.refs ?? 0, returned: call.returned });
    }
    previous = call;
  }
  return lookups;
}

// ---------------------------------------------------------------- checks

function checkTeamsImpacted(label, ours, naive) {
  const errors = [];
  ours.forEach((o, i) => {
    const n = naive[i];
    const oursTeams = o.teams.map(t => lc(t.team.entityRef)).sort();
    const naiveTeams = n.teams.map(t => lc(t.team.entityRef)).sort();
    if (oursTeams.join() !== naiveTeams.join()) {
      const extra = oursTeams.filter(t => !naiveTeams.includes(t));
      const missing = naiveTeams.filter(t => !oursTeams.includes(t));
      errors.push(
        `request ${i}: teams differ (ours only: ${extra.slice(
          0,
          5,
        )}; naive only: ${missing.slice(0, 5)})`,
      );
    }
    const oursUnits = o.orgUnits
      .map(u => `${lc(u.unit.entityRef)}=${u.teamCount}`)
      .sort();
    const naiveUnits = n.orgUnits
      .map(u => `${lc(u.unit.entityRef)}=${u.teamCount}`)
      .sort();
    if (oursUnits.join() !== naiveUnits.join())
      errors.push(`request ${i}: org units differ`);
    const reasons = r => r.teams.reduce((k, t) => k + t.reasons.length, 0);
    if (reasons(o) !== reasons(n))
      errors.push(
        `request ${i}: ${reasons(o)} reasons (ours) vs ${reasons(n)} (naive)`,
      );
    if (o.askingTeamCount !== n.askingTeamCount)
      errors.push(`request ${i}: asking team count differs`);
  });
  if (errors.length)
    mismatch(`teams impacted, ${label}`, errors.slice(0, 10).join('\n'));
  return errors.length === 0;
}

function checkDeprecation(label, view, naive) {
  const errors = [];
  const consumers = new Set(
    [
      ...view.consumingTeams.flatMap(t => t.consumers),
      ...view.unownedConsumers,
    ].map(c => lc(c.entity.entityRef)),
  );
  const naiveConsumers = [...naive.consumers].sort();
  if ([...consumers].sort().join() !== naiveConsumers.join()) {
    errors.push(
      `consumers differ: ${consumers.size} (ours) vs ${naive.consumers.size} (naive)`,
    );
  }
  if (view.consumerCount !== naive.consumers.size) {
    errors.push(
      `consumerCount ${view.consumerCount} vs ${naive.consumers.size}`,
    );
  }
  const teams = view.consumingTeams
    .map(t => `${lc(t.team.entityRef)}=${t.consumers.length}`)
    .sort();
  const naiveTeams = [...naive.teams.entries()]
    .map(([t, n]) => `${t}=${n}`)
    .sort();
  if (teams.join() !== naiveTeams.join())
    errors.push(
      `teams differ: ${teams.length} (ours) vs ${naiveTeams.length} (naive)`,
    );
  if (errors.length)
    mismatch(`deprecation consumers, ${label}`, errors.join('\n'));
  return errors.length === 0;
}

// ---------------------------------------------------------------- output

const fmtMs = v =>
  v === undefined
    ? '–'
    : v >= 1000
    ? `${(v / 1000).toFixed(2)} s`
    : `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const fmtN = v => (v === undefined ? '–' : v.toLocaleString('en-US'));
const ratio = (a, b) =>
  a && b ? `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×` : '–';

const rows = [];
const notes = [];
const catalogs = [];
const results = {
  options: opts,
  machine: machine(),
  catalogs,
  scenarios: rows,
  notes,
};

function machine() {
  return {
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    heapLimitMiB: mib(v8.getHeapStatistics().heap_size_limit),
  };
}

function addRow(row, ours, naive) {
  const entry = {
    ...row,
    ours: strip(ours),
    naive: strip(naive),
    ratio: {
      roundTrips: naive.roundTrips / ours.roundTrips,
      p50: naive.p50 / ours.p50,
      p95: naive.p95 / ours.p95,
    },
  };
  rows.push(entry);
  console.log(
    `  ${row.scenario} M=${fmtN(row.entities)} rtt=${row.rttMs}: ours ${
      ours.roundTrips
    } RT p50 ${fmtMs(ours.p50)} p95 ${fmtMs(ours.p95)} (${ours.runs} runs); ` +
      `naive ${naive.roundTrips} RT p50 ${fmtMs(naive.p50)} p95 ${fmtMs(
        naive.p95,
      )} (${naive.modelled ? 'modelled' : `${naive.runs} runs`})`,
  );
  for (const note of [...(ours.notes ?? []), ...(naive.notes ?? [])])
    notes.push(
      `${row.scenario}, M=${fmtN(row.entities)}, rtt ${row.rttMs} ms: ${note}`,
    );
  return entry;
}

function strip(m) {
  // eslint-disable-next-line no-unused-vars
  const { result, log, ...rest } = m;
  return rest;
}

// ---------------------------------------------------------------- scenarios

console.log(
  `catalog benchmark — ${machine().cpus}, Node ${process.version}, heap limit ${
    machine().heapLimitMiB
  } MiB; ` +
    `runs ${opts.runs} (min ${opts.minRuns}, budget ${
      opts.budgetMs / 1000
    } s), warm-ups ${opts.warmup}, wire ${opts.wire}`,
);

const started = now();
// Implementations that already ran in this process (their JIT is warm).
const warmed = new Set();
const isWarm = key => {
  const warm = warmed.has(key);
  warmed.add(key);
  return warm;
};
const largestM = Math.max(...opts.entities);
const largestN = Math.max(...opts.requests);

// Each scenario runs in its own function, so that nothing it allocated (a
// result of millions of reasons, say) outlives it and weighs on the next.

/** Teams impacted for n requests at one dependency depth and rtt. */
async function teamsScenario({ M, standIn, subjects, rtt0 }, rttMs, n, depth) {
  const key = `teams:${n}:${depth}`;
  const service = new TeamsImpactedService(standIn, { dependencyDepth: depth });
  // What a backlog page costs: every request counted (the score reads the
  // count), then the full lists for the page shown.
  const ours = await measureAt(
    standIn,
    async () => {
      const index = await service.index(subjects, credentials);
      const page = index.counts
        .map((count, i) => ({ count, i }))
        .sort((a, b) => b.count - a.count || a.i - b.i)
        .slice(0, BACKLOG_PAGE)
        .map(({ i }) => index.details(i, LIST_DETAILS));
      return { index, page };
    },
    {
      label: 'ours',
      rttMs,
      rtt0: rtt0.get(`ours:${key}`),
      minRuns: opts.minRuns,
      warm: isWarm('ours:teams'),
    },
  );
  ours.lookups = logicalLookups(ours.log);
  if (rttMs === 0) rtt0.set(`ours:${key}`, strip(ours));
  // Checked outside the timing: every request's full lists, and that each
  // count is the number of teams its list names.
  const { index } = ours.result;
  let oursResult = subjects.map((_, i) => index.details(i));
  const countsMatch = oursResult.every(
    (r, i) => r.teams.length === index.counts[i],
  );
  if (!countsMatch)
    mismatch('teams impacted counts', 'a count differs from its list');
  const reasons = oursResult.reduce(
    (k, r) => k + r.teams.reduce((j, t) => j + t.reasons.length, 0),
    0,
  );
  const teamsNamed = oursResult.reduce((k, r) => k + r.teams.length, 0);
  ours.result = undefined;
  const naive = await measureAt(
    standIn,
    () =>
      naiveTeamsImpacted(standIn, subjects, credentials, {
        dependencyDepth: depth,
        concurrency: opts.naiveConcurrency,
      }),
    {
      label: 'naive',
      rttMs,
      rtt0: rtt0.get(`naive:${key}`),
      minRuns: opts.naiveMinRuns,
      hardMinRuns: 1,
      maxMs: opts.naiveMaxMs,
      warm: isWarm('naive:teams'),
    },
  );
  if (rttMs === 0) rtt0.set(`naive:${key}`, strip(naive));
  const ok = naive.result
    ? countsMatch &&
      checkTeamsImpacted(
        `${fmtN(n)} requests, M=${fmtN(M)}, depth ${depth}, rtt ${rttMs}`,
        oursResult,
        naive.result,
      )
    : undefined;
  oursResult = undefined;
  naive.result = undefined;
  addRow(
    {
      scenario: 'teams impacted',
      entities: M,
      requests: n,
      dependencyDepth: depth,
      rttMs,
      sameResult: ok,
      reasons,
      teamsNamed,
    },
    ours,
    naive,
  );
}

/** Remaining consumers of the deprecated entity (GET /entities/deprecations → views). */
async function deprecationScenario(
  { M, standIn, deprecated, replacement, rtt0 },
  rttMs,
) {
  const deprecation = {
    id: 'bench-deprecation',
    version: 1,
    teamRef: deprecated.entity.spec.owner,
    entityRef: deprecated.ref,
    announcedOn: '2026-11-01',
    sunsetOn: '2027-03-31',
    ...(replacement ? { replacementEntityRef: entityRef(replacement) } : {}),
    description: '',
    status: 'announced',
    consumerDepth: opts.consumerDepth,
    createdBy: 'user:default/bench',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  const service = new DeprecationService({
    catalog: standIn,
    store: { burnDowns: async () => new Map() },
  });
  const ours = await measureAt(
    standIn,
    () => service.views([deprecation], credentials, '2026-11-24'),
    {
      label: 'ours',
      rttMs,
      rtt0: rtt0.get('ours:deprecation'),
      minRuns: opts.minRuns,
      warm: isWarm('ours:deprecation'),
    },
  );
  ours.lookups = logicalLookups(ours.log);
  if (rttMs === 0) rtt0.set('ours:deprecation', strip(ours));
  const [view] = ours.result;
  ours.result = undefined;
  const naive = await measureAt(
    standIn,
    () =>
      naiveDeprecationConsumers(standIn, deprecation, credentials, {
        concurrency: opts.naiveConcurrency,
      }),
    {
      label: 'naive',
      rttMs,
      rtt0: rtt0.get('naive:deprecation'),
      minRuns: opts.naiveMinRuns,
      hardMinRuns: 1,
      maxMs: opts.naiveMaxMs,
      warm: isWarm('naive:deprecation'),
    },
  );
  if (rttMs === 0) rtt0.set('naive:deprecation', strip(naive));
  const ok = naive.result
    ? checkDeprecation(`M=${fmtN(M)}, rtt ${rttMs}`, view, naive.result)
    : undefined;
  naive.result = undefined;
  addRow(
    {
      scenario: 'deprecation consumers',
      entities: M,
      dependents: deprecated.dependents,
      consumerDepth: opts.consumerDepth,
      rttMs,
      sameResult: ok,
      consumers: view.consumerCount,
      teams: view.teamCount,
    },
    ours,
    naive,
  );
}

/** Every scenario over one generated catalog of M entities. */
async function runCatalog(M) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = now();
  const catalog = generateCatalog({ entities: M, seed: opts.seed });
  const t1 = now();
  const standIn = new CatalogStandIn(catalog.entities, {
    wire: opts.wire,
    log: true,
  });
  const t2 = now();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const ranked = rankPlatformTeams(catalog);
  const teamRef =
    opts.team === 'busiest'
      ? ranked[0].ref
      : opts.team === 'median'
      ? ranked[Math.floor(ranked.length / 2)].ref
      : lc(opts.team);
  const team = ranked.find(t => t.ref === teamRef);
  const deprecated = pickEntityWithDependents(catalog, opts.dependents);
  const replacement = catalog.platformEntities.find(
    e =>
      e.spec.owner === deprecated.entity.spec.owner &&
      e !== deprecated.entity &&
      e.kind === deprecated.entity.kind,
  );
  const info = {
    entities: M,
    D: catalog.depth,
    generationMs: ms(t1 - t0),
    indexMs: ms(t2 - t1),
    heapMiB: mib(heapAfter - heapBefore),
    heapUsedMiB: mib(heapAfter),
    ...catalog.stats,
    requestsTo: {
      team: teamRef,
      choice: opts.team,
      totalDirectDependents: team?.dependents,
    },
    deprecated: { ref: deprecated.ref, dependents: deprecated.dependents },
  };
  catalogs.push(info);
  console.log(
    `\nM=${fmtN(M)}: generated in ${fmtMs(
      info.generationMs,
    )}, indexed in ${fmtMs(info.indexMs)}; ` +
      `catalog + indexes ${info.heapMiB} MiB of heap (heapUsed ${info.heapUsedMiB} MiB); ` +
      `${fmtN(info.teams)} teams, D=${info.D}, ${fmtN(
        info.relations,
      )} relations, ` +
      `platform in-degree max ${fmtN(
        info.maxInDegree,
      )} (top 5 ${info.inDegreeTop5.join(', ')}; median ${
        info.inDegreeMedian
      }); ` +
      `requests go to ${teamRef} (${fmtN(
        team?.dependents,
      )} direct dependents over its platform entities)`,
  );

  const ctx = { M, standIn, deprecated, replacement, rtt0: new Map() };
  for (const rttMs of opts.rttMs) {
    standIn.rttMs = rttMs;
    for (const n of opts.requests) {
      ctx.subjects = makeSubjects(catalog, teamRef, n, opts.seed);
      const depths = [opts.dependencyDepth];
      if (
        M === largestM &&
        n === largestN &&
        opts.depth2 !== 'no' &&
        opts.dependencyDepth === 1
      )
        depths.push(2);
      for (const depth of depths) {
        if (depth === 2 && opts.depth2 === 'auto') {
          const d1 = rows.find(
            r =>
              r.scenario === 'teams impacted' &&
              r.entities === M &&
              r.requests === n &&
              r.dependencyDepth === 1,
          );
          if (!d1 || d1.ours.p50 > 5000) {
            const note = `teams impacted at dependency depth 2 for ${fmtN(
              n,
            )} requests over ${fmtN(
              M,
            )} entities skipped (--depth2 auto): depth 1 already took ${fmtMs(
              d1?.ours.p50,
            )} per run`;
            if (!notes.includes(note)) notes.push(note);
            continue;
          }
        }
        await teamsScenario(ctx, rttMs, n, depth);
        gc();
      }
    }
    ctx.subjects = undefined;
    await deprecationScenario(ctx, rttMs);
    gc();
  }
  standIn.close();
  catalog.byRef.clear();
  catalog.entities.length = 0;
}

for (const M of opts.entities) await runCatalog(M);

// ---------------------------------------------------------------- report

const totalS = ms(now() - started) / 1000;
const out = [];
out.push('');
out.push('### Catalogs');
out.push('');
out.push(
  '| entities | generated | indexed | heap (catalog + indexes) | teams | D | relations | platform entities | max in-degree | top-5 in-degree | median in-degree | requests go to (direct dependents) | deprecated entity (dependents) |',
);
out.push('| -: | -: | -: | -: | -: | -: | -: | -: | -: | - | -: | - | - |');
for (const c of catalogs) {
  out.push(
    `| ${fmtN(c.entities)} | ${fmtMs(c.generationMs)} | ${fmtMs(c.indexMs)} | ${
      c.heapMiB
    } MiB | ${fmtN(c.teams)} | ${c.D} | ${fmtN(c.relations)} | ${
      c.platformEntities
    } | ${fmtN(c.maxInDegree)} | ${c.inDegreeTop5.map(fmtN).join(', ')} | ${
      c.inDegreeMedian
    } | ${c.requestsTo.team} (${fmtN(c.requestsTo.totalDirectDependents)}) | ${
      c.deprecated.ref
    } (${fmtN(c.deprecated.dependents)}) |`,
  );
}
const table = (title, filter, cols) => {
  out.push('');
  out.push(`### ${title}`);
  out.push('');
  out.push(
    `| ${cols.join(
      ' | ',
    )} | rtt | round trips ours / naive (ratio) | logical lookups ours | entities fetched ours / naive | p50 ours / naive (ratio) | p95 ours / naive (ratio) | ours after last reply (p50) | heapUsed after a run ours / naive | runs ours / naive | same result |`,
  );
  out.push(`|${' -: |'.repeat(cols.length + 10)}`);
  for (const r of rows.filter(filter)) {
    const o = r.ours;
    const n = r.naive;
    out.push(
      `| ${cols.map(c => fmtN(r[c])).join(' | ')} | ${r.rttMs} ms | ${fmtN(
        o.roundTrips,
      )} / ${fmtN(n.roundTrips)} (${ratio(n.roundTrips, o.roundTrips)}) | ${
        o.lookups.length
      } (${o.lookups.map(l => l.calls).join('+')}) | ${fmtN(
        o.entitiesFetched,
      )} / ${fmtN(n.entitiesFetched)} | ${fmtMs(o.p50)} / ${fmtMs(
        n.p50,
      )} (${ratio(n.p50, o.p50)}) | ${fmtMs(o.p95)} / ${fmtMs(n.p95)} (${ratio(
        n.p95,
        o.p95,
      )}) | ${fmtMs(o.afterLastReplyP50)} | ${fmtN(o.heapPeakMiB)} / ${
        n.modelled ? '–' : fmtN(n.heapPeakMiB)
      } MiB | ${o.runs} / ${n.modelled ? 'modelled' : n.runs} | ${
        r.sameResult === undefined ? 'n/a' : r.sameResult ? 'yes' : '**NO**'
      } |`,
    );
  }
};
table('Teams impacted', r => r.scenario === 'teams impacted', [
  'entities',
  'requests',
  'dependencyDepth',
  'teamsNamed',
  'reasons',
]);
table(
  'Remaining consumers of a deprecated entity (DeprecationService.views)',
  r => r.scenario === 'deprecation consumers',
  ['entities', 'dependents', 'consumerDepth', 'consumers', 'teams'],
);

out.push('');
out.push(
  '### Targets (teams impacted, 1,000 requests over 250,000 entities, dependency depth 1)',
);
out.push('');
for (const r of rows.filter(
  r =>
    r.scenario === 'teams impacted' &&
    r.entities === 250000 &&
    r.requests === 1000 &&
    r.dependencyDepth === 1,
)) {
  const D = catalogs.find(c => c.entities === r.entities).D;
  const limit = 3 + D;
  out.push(
    `- rtt ${r.rttMs} ms: round trips ${
      r.ours.roundTrips
    } vs ≤ ${limit} (3 + D, D = ${D}): ${
      r.ours.roundTrips <= limit
        ? 'holds'
        : `**misses** (${(r.ours.roundTrips / limit).toFixed(1)}× the limit)`
    }; ` +
      `logical lookups ${r.ours.lookups.length}: ${
        r.ours.lookups.length <= limit ? 'within' : 'over'
      } 3 + D; ` +
      `p95 ${fmtMs(r.ours.p95)} vs ≤ 1 s: ${
        r.ours.p95 <= 1000
          ? `holds (${(1000 / r.ours.p95).toFixed(1)}× margin)`
          : `**misses** (${(r.ours.p95 / 1000).toFixed(1)}× over)`
      }`,
  );
}
if (notes.length) {
  out.push('');
  out.push('### Notes');
  out.push('');
  for (const note of notes) out.push(`- ${note}`);
}
out.push('');
out.push(
  `Round trips: HTTP requests as @backstage/catalog-client would make them (getEntitiesByRefs chunked at 1,000 refs / 90 KiB). ` +
    `Logical lookups: our CatalogReader.byRefs calls (consecutive 1,000-ref chunks merged; per-lookup chunk counts in brackets). ` +
    `"After last reply": time our code spent after the catalog's last reply (in-process assembly). ` +
    `heapUsed after a run: the largest seen right after a measured run (catalog and indexes included, result still alive). ` +
    `Warm-ups are skipped for an implementation that already ran in this process (JIT warm). ` +
    `Naive: one call per distinct entity (getEntityByRef per ref, owner and parent; one dependents query per entity), memoised, ` +
    `${opts.naiveConcurrency} in flight. Total run time ${totalS.toFixed(
      0,
    )} s.`,
);
console.log(out.join('\n'));
if (opts.out) {
  fs.writeFileSync(opts.out, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${opts.out}`);
}
if (failures) {
  console.error(
    `\n${failures} MISMATCH(ES) between our results and the naive approach — see above.`,
  );
  process.exit(1);
}
