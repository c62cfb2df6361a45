#!/usr/bin/env node
// Writes docs/reliability.md from the results of reliability/run.sh:
//   node reliability/report.mjs --in .ci/out/reliability \
//     --command "bash reliability/run.sh" --seconds 1200
import fs from 'node:fs';
import path from 'node:path';
import { cliArgs, resultsIn, runTable } from '../bench/lib/cli.mjs';

const args = cliArgs();
const dir = args.in ?? '.ci/out/reliability';
const read = resultsIn(dir);
const backendTests = read('backend-tests.json');
const frontendTests = read('frontend-tests.json');
const soak = read('soak.json');
const replicas = read('replicas.json');

const out = [];
const line = (s = '') => out.push(s);
const verdict = ok => (ok ? 'holds' : '**missed**');
const num = n => Number(n).toLocaleString('en-US');
const ms = n => (n === undefined ? '—' : `${Number(n).toFixed(1)} ms`);

// Jest's JSON: one entry per test file, with its assertions.
const suites = [
  ...(backendTests?.testResults ?? []),
  ...(frontendTests?.testResults ?? []),
].map(suite => {
  const file = path.relative(
    path.resolve(dir, '../../..'),
    suite.name ?? suite.testFilePath ?? '',
  );
  const tests = suite.assertionResults ?? [];
  return {
    file: file.replace(/^.*?(plugins\/)/, '$1'),
    passed: tests.filter(t => t.status === 'passed').length,
    failed: tests.filter(t => t.status === 'failed').length,
    skipped: tests.filter(t => t.status !== 'passed' && t.status !== 'failed')
      .length,
    seconds: (suite.endTime - suite.startTime) / 1000,
    failures: tests
      .filter(t => t.status === 'failed')
      .map(t => t.fullName)
      .slice(0, 5),
  };
});
const suite = name => suites.find(s => s.file.endsWith(name));
const suiteCell = name => {
  const s = suite(name);
  if (!s) return 'not run';
  return `${s.passed} passed${s.failed ? `, **${s.failed} failed**` : ''}${
    s.skipped ? `, ${s.skipped} skipped` : ''
  } (${s.seconds.toFixed(1)} s)`;
};
const suiteOk = name => {
  const s = suite(name);
  return !!s && s.failed === 0 && s.passed > 0;
};

line('# Reliability and security');
line();
line(
  'Figures from one run of the command below on the machine below. The test',
);
line("suites also run in the README's test command (`./scripts/test.sh`); the");
line('soak and the two-backend run are only run by this command.');
line();
runTable(dir, {
  command: args.command ?? 'bash reliability/run.sh',
  seconds: args.seconds,
}).forEach(row => line(row));
line();

line('## Checks');
line();
line('| check | how | measured | |');
line('| --- | --- | --- | --- |');
const rows = [
  [
    'Permission matrix: every route × no credentials, a service, an owning-team member, another team’s member, a user in no group',
    'plugins/platform-roadmap-backend/src/service/permissionMatrix.test.ts',
    'permissionMatrix.test.ts',
  ],
  [
    'Bad input on every mutating endpoint: 4xx naming the field, never 5xx, nothing written, no user-typed URL fetched',
    'plugins/platform-roadmap-backend/src/service/badInput.test.ts (fast-check)',
    'badInput.test.ts',
  ],
  [
    'Body size limit (413) and malformed JSON (400); rate limit (429 with Retry-After)',
    'src/service/router.test.ts, src/service/rateLimit.test.ts',
    'rateLimit.test.ts',
  ],
  [
    'Concurrency: racing endorsements all kept, racing triage edits one 200 and the rest 409, retried filings with one Idempotency-Key file once',
    'src/service/requestsRouter.test.ts, src/database/RequestStore.test.ts',
    'requestsRouter.test.ts',
  ],
  [
    'Migrations: every one down, one by one, with the example data (surviving tables keep every row), and up again; the later ones down and up comparing every row',
    'src/database/migrations.data.test.ts',
    'migrations.data.test.ts',
  ],
  [
    'Two backends started together on one database (plugin only): both come up, migrations and example data once',
    'src/replicas.test.ts (PostgreSQL)',
    'replicas.test.ts',
  ],
  [
    'Markdown XSS corpus renders inert in every component that shows user text',
    'plugins/platform-roadmap/src/components/xss.test.tsx',
    'xss.test.tsx',
  ],
];
for (const [check, how, name] of rows) {
  line(
    `| ${check} | ${how} | ${suiteCell(name)} | ${verdict(suiteOk(name))} |`,
  );
}
const together = read('together.json');
if (together) {
  line(
    `| The portal's two backends started together on one PostgreSQL (the plugin's database new): both come up, example data loaded once | reliability/run.sh, reliability/together.mjs | both answered after ${
      together.startupSeconds
    } s; ${together.seen
      .map(c => `${c.requests} requests, ${c.releaseNotes} release notes`)
      .join(' / ')}; ${together.duplicated.length} duplicated | ${verdict(
      together.bothUp && together.loadedOnce,
    )} |`,
  );
}
if (replicas) {
  for (const [job, r] of Object.entries(replicas.jobs)) {
    line(
      `| Scheduled job “${job}” runs once each time across ${
        replicas.replicas
      } replicas | reliability/replicas.mjs over ${
        replicas.windowMinutes
      } min of logs | ${r.runs} runs (by replica: ${r.byReplica.join(
        ' / ',
      )}), shortest gap ${
        r.shortestGapSeconds?.toFixed(0) ?? '—'
      } s | ${verdict(r.onceEachTime && r.runs > 0)} |`,
    );
  }
}
if (soak) {
  const grew =
    soak.memory.lastMinuteMedianMb - soak.memory.secondMinuteMedianMb;
  line(
    `| Soak: ${soak.durationSeconds / 60} min at ${
      soak.rate
    } requests/s, mixed reads and writes (${Math.round(
      (soak.writeShare ?? 0.25) * 100,
    )}% writes): zero errors | reliability/soak.mjs | ${num(
      soak.operations,
    )} operations at ${soak.achievedRate}/s, **${
      soak.errors
    } errors** | ${verdict(soak.errors === 0)} |`,
  );
  line(
    `| … no lost writes (every acknowledged write counted back afterwards) | | ${num(
      soak.writes.requestsFiled,
    )} requests, ${num(soak.writes.endorsements)} endorsements, ${num(
      soak.writes.triageEdits,
    )} triage edits, ${num(soak.writes.releaseNotes)} release notes: **${
      soak.lostWrites
    } lost**${
      soak.unacknowledgedWrites
        ? `, ${soak.unacknowledgedWrites} unanswered`
        : ''
    } | ${verdict(soak.lostWrites === 0)} |`,
  );
  line(
    `| … memory stable | RSS of the backend every 5 s | ${soak.memory.secondMinuteMedianMb?.toFixed(
      0,
    )} MB in minute 2, ${soak.memory.lastMinuteMedianMb?.toFixed(
      0,
    )} MB in the last minute (max ${soak.memory.maxMb?.toFixed(
      0,
    )} MB) | ${verdict(grew < 0.15 * soak.memory.secondMinuteMedianMb)} |`,
  );
  // A leak keeps growing; caches that fill up (rankings, catalog answers,
  // both bounded) and V8 sizing its heap level off.
  const series = soak.memory.series.map(m => m.mb).filter(v => v !== undefined);
  const lastThree = series.slice(-36);
  const tailGrowth = lastThree.length
    ? (lastThree.at(-1) - lastThree[0]) / lastThree[0]
    : undefined;
  line(
    `| … memory levels off (no leak) | RSS over the last 3 minutes | ${lastThree[0]?.toFixed(
      0,
    )} → ${lastThree.at(-1)?.toFixed(0)} MB (${(tailGrowth * 100).toFixed(
      1,
    )}%) | ${verdict(tailGrowth !== undefined && tailGrowth < 0.02)} |`,
  );
}
line();

if (soak) {
  line('## Soak');
  line();
  line(
    `${num(soak.operations)} operations in ${soak.elapsedSeconds} s (${
      soak.achievedRate
    }/s, at most ${
      soak.maxInFlight
    } in flight) as the guest, against one of two backends on one PostgreSQL (production mode). Operations: ${Object.entries(
      soak.byOperation,
    )
      .map(([op, n]) => `${op} ${num(n)}`)
      .join(
        ', ',
      )}. One filing in ten was sent twice at once with the same Idempotency-Key (${num(
      soak.writes.retriedFilings,
    )}); each pair filed one request.`,
  );
  line();
  line('| | p50 | p99 |');
  line('| --- | ---: | ---: |');
  line(
    `| reads | ${ms(soak.latencyMs.readP50)} | ${ms(soak.latencyMs.readP99)} |`,
  );
  line(
    `| writes | ${ms(soak.latencyMs.writeP50)} | ${ms(
      soak.latencyMs.writeP99,
    )} |`,
  );
  line();
  line(
    'Memory is "stable" when the median resident set size of the last minute is within 15% of that of the second minute (the first is warm-up). Samples, one a minute:',
  );
  line();
  const perMinute = soak.memory.series.filter((_, i) => i % 12 === 0);
  line(`| ${perMinute.map(m => `${Math.round(m.s / 60)} min`).join(' | ')} |`);
  line(`| ${perMinute.map(() => '---:').join(' | ')} |`);
  line(
    `| ${perMinute
      .map(m => (m.mb === undefined ? '—' : `${m.mb.toFixed(0)} MB`))
      .join(' | ')} |`,
  );
  line();
  if (soak.errors) {
    line('Errors (first 20):');
    line();
    for (const e of soak.errorSamples) {
      line(`- ${e.op}: ${e.status ?? ''} ${e.error ?? ''}`);
    }
    line();
  }
  if (soak.lostWrites) {
    line('Lost writes (first 20):');
    line();
    for (const l of soak.lostSamples) line(`- ${l}`);
    line();
  }
}

line('## Test suites');
line();
line('| file | passed | failed | seconds |');
line('| --- | ---: | ---: | ---: |');
for (const s of suites) {
  line(`| ${s.file} | ${s.passed} | ${s.failed} | ${s.seconds.toFixed(1)} |`);
}
line();
const failures = suites.flatMap(s => s.failures);
if (failures.length) {
  line('Failed:');
  line();
  for (const f of failures) line(`- ${f}`);
  line();
}

line('## Decisions');
line();
for (const text of fs
  .readFileSync(new URL('./decisions.md', import.meta.url), 'utf8')
  .trim()
  .split('\n')) {
  line(text);
}
process.stdout.write(`${out.join('\n')}\n`);
