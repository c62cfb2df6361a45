#!/usr/bin/env node
// Benchmark: the ranked backlog endpoint under load, from autocannon on
// loopback, against a running backend (SQLite or PostgreSQL, whichever it
// was started with).
//
//   node bench/load.mjs --requests 10000 --rate 200 --duration 60 \
//     [--database sqlite|postgres] [--out load.json]
//
// With --duration 0 it only files the requests (to fill a portal's backlog
// for the card counts).
//
// First it brings CI & Build's backlog to --requests requests, filing the
// missing ones as the guest through the HTTP API (--concurrency at a time,
// spread over the team's consuming entities and platform entities). Then
// autocannon asks for the first page of the ranked backlog at --rate
// requests per second for --duration seconds, as the guest.
import fs from 'node:fs';
import autocannon from 'autocannon';
import {
  cliArgs,
  guestAuthorization,
  waitForPlatformTeam,
} from './lib/cli.mjs';

const args = cliArgs();
const backend = args.backend ?? 'http://127.0.0.1:7007';
const wanted = Number(args.requests ?? 10000);
const rate = Number(args.rate ?? 200);
const duration = Number(args.duration ?? 60);
const concurrency = Number(args.concurrency ?? 8);
const team = 'group:default/ci-build';
const backlogPath =
  '/api/platform-roadmap/teams/default/ci-build/backlog?status=open,triaged,planned&limit=25';

const headers = {
  ...(await guestAuthorization(backend)),
  'Content-Type': 'application/json',
};
async function api(path, init = {}) {
  const res = await fetch(`${backend}/api/platform-roadmap${path}`, {
    ...init,
    headers,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

// --- data -----------------------------------------------------------------
// The catalog may still be reading the example org.
const target = await waitForPlatformTeam(api, team);
const consumers = [
  ...new Set(
    target.consumingTeams.flatMap(c => c.via.map(v => v.consumer.entityRef)),
  ),
];
const about = target.platformEntities
  .filter(e => e.kind === 'Component' || e.kind === 'API')
  .map(e => e.entityRef);
const all = 'open,triaged,planned,deprioritized,declined,shipped';
const existing = (
  await api(`/teams/default/ci-build/backlog?status=${all}&limit=1`)
).totalItems;
const toFile = Math.max(0, wanted - existing);
const severities = ['low', 'medium', 'high', 'critical'];
let next = 0;
const fileStarted = Date.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < toFile) {
      const i = next++;
      await api('/requests', {
        method: 'POST',
        body: JSON.stringify({
          title: `Load test request ${existing + i + 1}`,
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
  }),
);
const fileSeconds = (Date.now() - fileStarted) / 1000;
const ranked = (
  await api(`/teams/default/ci-build/backlog?status=${all}&limit=1`)
).totalItems;

if (duration <= 0) {
  console.log(`backlog of ${ranked} requests (${toFile} filed)`);
  process.exit(0);
}

// --- load -----------------------------------------------------------------
// One cold ranking first (the cache dropped by the last filing): what a
// person waits for right after a write, measured on its own.
const coldStarted = performance.now();
await api(backlogPath.replace('/api/platform-roadmap', ''));
const coldMs = performance.now() - coldStarted;

const result = await autocannon({
  url: `${backend}${backlogPath}`,
  headers: { Authorization: headers.Authorization },
  connections: Math.max(10, Math.ceil(rate / 10)),
  overallRate: rate,
  duration,
});

const report = {
  database: args.database ?? 'unknown',
  requestsInBacklog: ranked,
  filed: toFile,
  fileSeconds,
  rate,
  duration,
  coldRankingMs: Math.round(coldMs),
  sent: result.requests.sent,
  achievedRate: result.requests.average,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
};
if (args.out) fs.writeFileSync(args.out, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
