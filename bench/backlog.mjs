#!/usr/bin/env node
// Benchmark: rank a platform team's backlog of N requests through the
// running portal's HTTP API, and count the catalog round trips it costs.
//
//   ./scripts/start.sh            # in one terminal (or any running portal)
//   node bench/backlog.mjs --requests 1000 --log /tmp/platform-roadmap-portal.log
//
// It files the requests as the guest user (spread over the consuming
// entities of the example catalog, most to CI & Build), then asks for the
// ranked backlog --runs times. Catalog round trips are counted from the
// backend's request log (one line per HTTP request to /api/catalog).
// Loopback only; everything it files stays in the portal's database.
import fs from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const backend = args.backend ?? 'http://127.0.0.1:7007';
const requests = Number(args.requests ?? 1000);
const runs = Number(args.runs ?? 5);
const log = args.log ?? '/tmp/platform-roadmap-portal.log';
const team = args.team ?? 'group:default/ci-build';

const { backstageIdentity } = await (
  await fetch(`${backend}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  })
).json();
const headers = {
  Authorization: `Bearer ${backstageIdentity.token}`,
  'Content-Type': 'application/json',
};
const api = async (path, init = {}) => {
  const res = await fetch(`${backend}/api/platform-roadmap${path}`, {
    ...init,
    headers,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

const catalogCalls = () =>
  fs.existsSync(log)
    ? fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter(l => /"(GET|POST) \/api\/catalog\/entities/.test(l)).length
    : NaN;

const { items: teams } = await api('/teams');
const target = teams.find(t => t.team.entityRef === team);
const consumers = [
  ...new Set(
    target.consumingTeams.flatMap(c => c.via.map(v => v.consumer.entityRef)),
  ),
];
const about = target.platformEntities
  .filter(e => e.kind === 'Component' || e.kind === 'API')
  .map(e => e.entityRef);

const existing = (
  await api(
    `/teams/${
      team.split(':')[1]
    }/backlog?status=open,triaged,planned,deprioritized,declined,shipped&limit=1`,
  )
).totalItems;
const toFile = Math.max(0, requests - existing);
const severities = ['low', 'medium', 'high', 'critical'];
let started = Date.now();
for (let i = 0; i < toFile; i++) {
  await api('/requests', {
    method: 'POST',
    body: JSON.stringify({
      title: `Benchmark request ${existing + i + 1}`,
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: severities[i % 4],
      cost: {
        hoursPerEngineerPerWeek: 1 + (i % 5),
        engineersAffected: 2 + (i % 9),
      },
      requestingEntityRef: consumers[i % consumers.length],
      platformTeamRef: team,
      aboutEntityRefs: [about[i % about.length]],
    }),
  });
}
const fileSeconds = (Date.now() - started) / 1000;

const times = [];
let calls = [];
let total = 0;
for (let r = 0; r < runs; r++) {
  const before = catalogCalls();
  started = process.hrtime.bigint();
  const page = await api(
    `/teams/${
      team.split(':')[1]
    }/backlog?status=open,triaged,planned,deprioritized,declined,shipped&limit=25`,
  );
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  // the log is written asynchronously; give it a moment
  await new Promise(resolve => setTimeout(resolve, 300));
  calls.push(catalogCalls() - before);
  total = page.totalItems;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  JSON.stringify(
    {
      team,
      requestsRanked: total,
      filed: toFile,
      fileSeconds,
      runs,
      backlogMs: {
        min: Math.round(times[0]),
        median: Math.round(median),
        max: Math.round(times.at(-1)),
      },
      catalogRoundTripsPerBacklog: calls,
    },
    null,
    2,
  ),
);
