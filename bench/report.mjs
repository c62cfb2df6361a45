#!/usr/bin/env node
// Writes docs/benchmarks.md from the JSON results of bench/run.sh:
//   node bench/report.mjs --in .ci/out/bench --command "bash bench/run.sh" --seconds 900
import { cliArgs, resultsIn, runTable } from './lib/cli.mjs';

const args = cliArgs();
const dir = args.in ?? '.ci/out/bench';
const read = resultsIn(dir);
const sql = read('sql.json');
const catalog = read('catalog.json');
const loads = ['load-sqlite.json', 'load-postgres.json']
  .map(read)
  .filter(Boolean);
const cardsBefore = read('cards-before.json');
const cardsAfter = read('cards-after.json');
const bundle = read('bundle.json');

const ms = n =>
  n === undefined || n === null
    ? '—'
    : `${Number(n).toFixed(n < 10 ? 2 : 1)} ms`;
const kb = n => `${(n / 1024).toFixed(1)} KiB`;
const out = [];
const line = (s = '') => out.push(s);
const holds = (ok, margin) =>
  `${ok ? 'holds' : '**missed**'}${margin ? ` (${margin})` : ''}`;

line('# Benchmarks');
line();
line(
  'Figures from one run of the command below on the machine below. They are',
);
line(
  'benchmarks, not tests: `./scripts/test.sh` does not run them. Each figure is',
);
line('measured against its target in the same run.');
line();
runTable(dir, {
  command: args.command ?? 'bash bench/run.sh',
  seconds: args.seconds,
}).forEach(row => line(row));
line();

// --- targets ------------------------------------------------------------------
line('## Targets');
line();
line('| target | measured | |');
line('| --- | --- | --- |');
if (catalog) {
  for (const sc of catalog.scenarios.filter(
    x =>
      x.scenario === 'teams impacted' &&
      x.requests === 1000 &&
      x.entities === 250000 &&
      x.dependencyDepth === 1,
  )) {
    const D = catalog.catalogs.find(c => c.entities === sc.entities)?.D ?? 0;
    const rtOk = sc.ours.roundTrips <= 3 + D;
    line(
      `| teams impacted, 1,000 requests over 250,000 entities (rtt ${
        sc.rttMs
      } ms): at most 3 + D = ${3 + D} round trips | ${
        sc.ours.roundTrips
      } round trips (naive ${sc.naive?.roundTrips ?? '—'}) | ${holds(
        rtOk,
        rtOk ? '' : `${sc.ours.roundTrips - 3 - D} too many`,
      )} |`,
    );
    const pOk = sc.ours.p95 <= 1000;
    line(
      `| … and p95 ≤ 1 s | p95 ${ms(sc.ours.p95)} (naive ${ms(
        sc.naive?.p95,
      )}) | ${holds(
        pOk,
        pOk
          ? `${Math.round(1000 - sc.ours.p95)} ms to spare`
          : `${(sc.ours.p95 / 1000).toFixed(0)}× over`,
      )} |`,
    );
  }
}
for (const load of loads) {
  const limit = load.database === 'postgres' ? 100 : 150;
  const ok =
    load.latencyMs.p99 <= limit && load.errors === 0 && load.non2xx === 0;
  line(
    `| backlog on ${load.database}, ${load.requestsInBacklog.toLocaleString(
      'en',
    )} requests, ${load.rate}/s for ${
      load.duration
    } s: p99 ≤ ${limit} ms, no errors | p99 ${ms(load.latencyMs.p99)}, ${
      load.errors
    } errors, ${load.non2xx} non-2xx, ${load.timeouts} timeouts | ${holds(
      ok,
      ok
        ? `${Math.round(limit - load.latencyMs.p99)} ms to spare`
        : `${Math.round(load.latencyMs.p99 / limit)}× over`,
    )} |`,
  );
}
if (sql) {
  const pageResults = sql.results.filter(r => r.scope !== 'org');
  const worst = stmtWorst(pageResults);
  const seq = pageResults.flatMap(r =>
    r.statements.flatMap(s =>
      s.seqScans
        .filter(
          x => (x.tableRows ?? x.rows ?? 0) > sql.targets.seqScanTableRows,
        )
        .map(x => `${r.method} (${r.label}): ${x.relation ?? x.table}`),
    ),
  );
  line(
    `| no plugin query over ${
      sql.targets.statementMs
    } ms at 100,000 rows (entity pages and tabs) | slowest ${ms(worst?.ms)}: ${
      worst?.method
    } (${worst?.label}) | ${holds(
      (worst?.ms ?? 0) <= sql.targets.statementMs,
    )} |`,
  );
  line(
    `| no sequential scan on hot paths | ${
      seq.length
    } seq scans on tables over ${sql.targets.seqScanTableRows.toLocaleString(
      'en',
    )} rows | ${holds(seq.length === 0)} |`,
  );
}
if (cardsBefore && cardsAfter) {
  const grew = cardsAfter.pages.filter(p => {
    const before = cardsBefore.pages.find(b => b.page === p.page);
    return before && p.requests !== before.requests;
  });
  line(
    `| every card makes a fixed number of requests, whatever the data size | ${
      grew.length === 0
        ? 'the same number of requests per page with the example data and with 10,000 more requests'
        : `changed on: ${grew.map(p => p.page).join(', ')}`
    } | ${holds(grew.length === 0)} |`,
  );
}
line();

function stmtWorst(results) {
  let worst;
  for (const r of results) {
    for (const s of r.statements) {
      if (!worst || s.worstExecutionMs > worst.ms) {
        worst = { ms: s.worstExecutionMs, method: r.method, label: r.label };
      }
    }
  }
  return worst;
}

// --- catalog ------------------------------------------------------------------
if (catalog) {
  line('## Teams impacted and deprecation consumers at catalog scale');
  line();
  for (const c of catalog.catalogs) {
    line(
      `- ${c.entities.toLocaleString('en')} entities: ${c.teams.toLocaleString(
        'en',
      )} teams under a hierarchy of depth D = ${c.D}, ${
        c.platformTeams
      } platform teams owning ${
        c.platformEntities
      } platform entities, ${c.relations.toLocaleString(
        'en',
      )} relations; dependents per platform entity: median ${
        c.inDegreeMedian
      }, max ${c.inDegreeMax ?? c.maxInDegree}; generated in ${(
        c.generationMs / 1000
      ).toFixed(1)} s.`,
    );
  }
  line();
  line(
    'In-process catalog stand-in (it honours `fields` and counts round trips); `rtt` adds a fixed delay per round trip to model a network hop. *Naive* is one catalog call per entity, computing the same result (checked in the run).',
  );
  line();
  line(
    '| scenario | entities | requests | rtt | round trips, ours / naive | p50, ours / naive | p95, ours / naive | runs, ours / naive |',
  );
  line('| --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const sc of catalog.scenarios) {
    line(
      `| ${sc.scenario}${
        sc.dependencyDepth > 1 ? ` (depth ${sc.dependencyDepth})` : ''
      } | ${sc.entities.toLocaleString('en')} | ${sc.requests ?? '—'} | ${
        sc.rttMs
      } ms | ${sc.ours.roundTrips} / ${sc.naive?.roundTrips ?? '—'} | ${ms(
        sc.ours.p50,
      )} / ${ms(sc.naive?.p50)} | ${ms(sc.ours.p95)} / ${ms(sc.naive?.p95)} | ${
        sc.ours.runs
      } / ${sc.naive?.runs ?? '—'} |`,
    );
  }
  line();
  for (const note of catalog.notes ?? []) line(`- ${note}`);
  line();
}

// --- load -----------------------------------------------------------------------
if (loads.length) {
  line('## The ranked backlog under load');
  line();
  line(
    "`GET /teams/default/ci-build/backlog?status=open,triaged,planned&limit=25` as the guest, from autocannon on loopback, against the portal's backend alone (`NODE_ENV=production`, `bench/app-config.load.yaml`) with the example catalog. A person's ranking is reused for 30 s and dropped on every write (`platformRoadmap.backlog.cacheTtlSeconds`), so most of these are reuses; _cold_ is one ranking computed from scratch right after the last filing.",
  );
  line();
  line(
    '| database | requests in backlog | cold | rate | sent | p50 | p90 | p99 | max | errors | non-2xx | timeouts |',
  );
  line(
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  );
  for (const l of loads) {
    line(
      `| ${l.database} | ${l.requestsInBacklog.toLocaleString('en')} | ${
        l.coldRankingMs === undefined ? '–' : ms(l.coldRankingMs)
      } | ${l.rate}/s for ${l.duration} s | ${l.sent} | ${ms(
        l.latencyMs.p50,
      )} | ${ms(l.latencyMs.p90)} | ${ms(l.latencyMs.p99)} | ${ms(
        l.latencyMs.max,
      )} | ${l.errors} | ${l.non2xx} | ${l.timeouts} |`,
    );
  }
  line();
}

// --- cards ------------------------------------------------------------------------
if (cardsBefore) {
  line('## HTTP requests and bytes per card and tab');
  line();
  line(
    'Requests to `/api/platform-roadmap` while each page loads in Chromium, signed in as the guest, grouped by route (each card reads one route); bytes are response bodies before compression.',
  );
  line();
  line(
    '| page | route | requests | bytes, example data | bytes, 10,000 more requests |',
  );
  line('| --- | --- | --: | --: | --: |');
  for (const p of cardsBefore.pages) {
    const after = cardsAfter?.pages.find(a => a.page === p.page);
    for (const r of p.routes) {
      const ar = after?.routes.find(x => x.route === r.route);
      line(
        `| ${p.page} | \`${r.route}\` | ${r.requests}${
          ar && ar.requests !== r.requests ? ` → ${ar.requests}` : ''
        } | ${r.bytes.toLocaleString('en')} | ${
          ar ? ar.bytes.toLocaleString('en') : '—'
        } |`,
      );
    }
  }
  line();
}

// --- bundle -------------------------------------------------------------------------
if (bundle) {
  line('## Frontend bundle');
  line();
  line('| what | files | raw | gzip |');
  line('| --- | --: | --: | --: |');
  line(
    `| the plugin as published (\`dist/*.esm.js\`) | ${
      bundle.published.files
    } | ${kb(bundle.published.raw)} | ${kb(bundle.published.gzip)} |`,
  );
  line(
    `| the portal's build: lazy chunks with plugin code | ${
      bundle.app.plugin.files
    } | ${kb(bundle.app.plugin.raw)} | ${kb(bundle.app.plugin.gzip)} |`,
  );
  line(
    `| the portal's build: everything | ${bundle.app.all.files} | ${kb(
      bundle.app.all.raw,
    )} | ${kb(bundle.app.all.gzip)} |`,
  );
  line();
  line(
    `The plugin's eager part (its definition, API client and routes) sits in the shared ${bundle.app.sharedWithPlugin.join(
      ' and ',
    )} chunks; every card and tab is a lazy chunk.`,
  );
  line();
}

// --- sql ----------------------------------------------------------------------------
if (sql) {
  line('## SQL at 100,000 rows (PostgreSQL, EXPLAIN ANALYZE)');
  line();
  line(
    `Every main table loaded with ${sql.rowsPerMainTable.toLocaleString(
      'en',
    )} synthetic rows (one platform team with about a tenth of them), then each hot read path called through the plugin's stores; every statement it issues is explained with ANALYZE, worst of ${
      sql.runs
    } runs. Paths marked *org* read across all teams by design (the org-wide page).`,
  );
  line();
  line(
    '| store method | path | scope | rows | worst statement | seq scans over 1,000 rows |',
  );
  line('| --- | --- | --- | --: | --: | --- |');
  for (const r of sql.results) {
    const worst = r.statements.reduce(
      (a, s) => (s.worstExecutionMs > (a?.worstExecutionMs ?? -1) ? s : a),
      undefined,
    );
    const seq = [
      ...new Set(
        r.statements.flatMap(s =>
          s.seqScans
            .filter(
              x => (x.tableRows ?? x.rows ?? 0) > sql.targets.seqScanTableRows,
            )
            .map(x => x.relation ?? x.table),
        ),
      ),
    ];
    line(
      `| ${r.method} | ${r.label} | ${r.scope === 'org' ? 'org' : 'page'} | ${
        r.resultSize ?? '—'
      } | ${ms(worst?.worstExecutionMs)} | ${seq.join(', ') || '—'} |`,
    );
  }
  line();
}

process.stdout.write(`${out.join('\n')}\n`);
