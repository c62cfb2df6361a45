#!/usr/bin/env node
// Soak test: mixed reads and writes at a steady rate against a running
// backend on loopback, then counts every write back and reports the
// backend's memory over time.
//
//   node reliability/soak.mjs [--rate 100] [--duration 600] [--writes 0.1] \
//     [--backend http://127.0.0.1:7007] [--pid <backend pid>] [--out f.json]
//
// Open loop: an operation starts every 1/rate s whether or not earlier ones
// finished, so a slow backend shows as latency and in-flight growth, not as
// a lower rate. Each operation is one HTTP call as the guest (a member of
// CI & Build and of Checkout in the example organisation):
//
//   reads (90%)   the ranked backlog page, the team, its roadmap, its
//                 release notes, an entity's requests, deprecation warnings
//   writes (10%,  --writes)  triage a filed request with the version last
//                 seen (40%), endorse a filed request from another entity
//                 (30%), publish a release note (20%), file a request (10%,
//                 with an Idempotency-Key; one filing in ten is sent twice
//                 with the same key, as a retry would)
//
// Any answer other than the expected 2xx is an error. Afterwards every
// write is read back: each filed request exists once per key, each
// endorsement is on its request, each triage moved the version by one,
// each release note is listed. Memory: the backend's resident set size
// (from /proc/<pid>, the process listening on the backend port) every 5 s.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  cliArgs,
  guestAuthorization,
  waitForPlatformTeam,
} from '../bench/lib/cli.mjs';

const args = cliArgs();
const backend = args.backend ?? 'http://127.0.0.1:7007';
const rate = Number(args.rate ?? 100);
const duration = Number(args.duration ?? 600);
const pid = args.pid ? Number(args.pid) : undefined;
const writeShare = Number(args.writes ?? 0.1);
const team = 'group:default/ci-build';
const teamPath = '/teams/default/ci-build';

const auth = await guestAuthorization(backend);

async function call(method, path, body, extraHeaders = {}) {
  const started = performance.now();
  const res = await fetch(`${backend}/api/platform-roadmap${path}`, {
    signal: AbortSignal.timeout(30_000),
    method,
    headers: {
      ...auth,
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...extraHeaders,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    ms: performance.now() - started,
    body: text ? JSON.parse(text) : undefined,
    headers: res.headers,
  };
}

// --- what there is to work with ---------------------------------------------
const target = await waitForPlatformTeam(
  async path => (await call('GET', path)).body,
  team,
);
const consumers = [
  ...new Set(
    target.consumingTeams.flatMap(c => c.via.map(v => v.consumer.entityRef)),
  ),
].sort();
const about = target.platformEntities
  .filter(e => e.kind === 'Component' || e.kind === 'API')
  .map(e => e.entityRef);
const allStatuses = 'open,triaged,planned,deprioritized,declined,shipped';
const countRequests = async () =>
  (await call('GET', `${teamPath}/backlog?status=${allStatuses}&limit=1`)).body
    .totalItems;
const countNotes = async () =>
  (await call('GET', `${teamPath}/release-notes?limit=1`)).body.totalItems;
const before = { requests: await countRequests(), notes: await countNotes() };

// --- memory -----------------------------------------------------------------
function backendPid() {
  if (pid) return pid;
  // The process holding the backend's listening socket.
  const port = Number(new URL(backend).port || 80);
  const inodes = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(':')[1], 16);
      if (localPort === port && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  for (const dir of fs.readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${dir}/fd`)) {
        const link = fs.readlinkSync(`/proc/${dir}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1])) return Number(dir);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return undefined;
}
const watched = backendPid();
const rssMb = () => {
  try {
    const status = fs.readFileSync(`/proc/${watched}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return undefined;
  }
};
const memory = [];
const sampleMemory = () =>
  memory.push({ s: Math.round((Date.now() - startedAt) / 1000), mb: rssMb() });

// --- the operations ---------------------------------------------------------
const filed = new Map(); // key -> request id
const requestingOf = new Map(); // request id -> requesting entity
const endorsed = new Map(); // request id -> entity refs tried
const endorsedOk = new Map(); // request id -> entity refs answered 201
const acknowledged = id => {
  if (!endorsedOk.has(id)) endorsedOk.set(id, new Set());
  return endorsedOk.get(id);
};
// Writes whose answer never came (timeout, reset): they may or may not
// have landed, so they are reported, not counted as lost.
let unacknowledged = 0;
const triaged = new Map(); // request id -> { version, edits, busy }
let notesCreated = 0;
const errors = [];
const latencies = { read: [], write: [] };
const counts = {};
let seq = 0;

const pick = list => list[Math.floor(Math.random() * list.length)];
const filedIds = () => [...new Set(filed.values())];

const reads = [
  () => call('GET', `${teamPath}/backlog?status=open,triaged,planned&limit=25`),
  () => call('GET', teamPath),
  () => call('GET', `${teamPath}/roadmap`),
  () => call('GET', `${teamPath}/release-notes?limit=20`),
  () =>
    call('GET', `/requests?entityRef=${encodeURIComponent(pick(consumers))}`),
  () =>
    call(
      'GET',
      `/entities/deprecation-warnings?entityRef=${encodeURIComponent(
        pick(consumers),
      )}`,
    ),
];

async function fileRequest() {
  const key = randomUUID();
  const n = ++seq;
  const body = {
    title: `Soak request ${n}: cache misses on ${pick(about)}`,
    description: 'Filed by the soak test.',
    kind: 'slowdown',
    impactType: 'velocity-tax',
    severity: pick(['low', 'medium', 'high', 'critical']),
    cost: { hoursPerEngineerPerWeek: 1 + (n % 8), engineersAffected: 5 },
    requestingEntityRef: consumers[n % consumers.length],
    platformTeamRef: team,
    aboutEntityRefs: [about[n % about.length]],
  };
  const send = () =>
    call('POST', '/requests', body, { 'Idempotency-Key': key });
  const tries = n % 10 === 0 ? [send(), send()] : [send()];
  const answers = await Promise.all(tries);
  for (const a of answers) {
    if (a.status === 201) {
      filed.set(key, a.body.id);
      requestingOf.set(a.body.id, a.body.requestingEntityRef);
    }
  }
  if (new Set(answers.map(a => a.body?.id)).size > 1) {
    errors.push({ op: 'file', error: 'a retry with the same key filed twice' });
  }
  return answers[0];
}

async function endorse() {
  const id = pick(filedIds());
  if (!id) return fileRequest();
  const done = endorsed.get(id) ?? new Set();
  const entity = consumers.find(
    c => !done.has(c) && c.toLowerCase() !== requestingOf.get(id),
  );
  if (!entity) return fileRequest();
  // Claimed before the call, so no two calls race for it; counted as an
  // acknowledged write only when answered 201.
  done.add(entity);
  endorsed.set(id, done);
  try {
    const answer = await call('POST', `/requests/${id}/endorsements`, {
      entityRef: entity,
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 2 },
    });
    if (answer.status === 201) acknowledged(id).add(entity);
    return answer;
  } catch (error) {
    unacknowledged += 1;
    throw error;
  }
}

async function triage() {
  const id = pick(filedIds().filter(i => !triaged.get(i)?.busy));
  if (!id) return fileRequest();
  const state = triaged.get(id) ?? {
    version: undefined,
    edits: 0,
    busy: false,
  };
  state.busy = true;
  triaged.set(id, state);
  try {
    if (state.version === undefined) {
      const current = await call('GET', `/requests/${id}`);
      if (current.status !== 200) return current;
      state.version = current.body.request.version;
      state.start = state.version;
    }
    const answer = await call('PUT', `/requests/${id}/triage`, {
      version: state.version,
      costToShip: 1 + (state.edits % 4),
      strategicFit: 3,
      reversibility: 4,
    });
    if (answer.status === 200) {
      state.version = answer.body.version;
      state.edits += 1;
    }
    return answer;
  } finally {
    state.busy = false;
  }
}

async function publishNote() {
  const n = ++seq;
  const answer = await call('POST', `${teamPath}/release-notes`, {
    type: 'improvement',
    title: `Soak release note ${n}`,
    body: 'Published by the soak test.',
    publishedOn: new Date().toISOString().slice(0, 10),
  });
  if (answer.status === 201) notesCreated += 1;
  return answer;
}

// Most writes change what exists (triage, endorsements) or add what lists
// page (release notes); one in ten files a new request. Every write drops
// the rankings, so each ranking read after it is computed afresh over the
// backlog, which filing makes grow.
const writes = [
  fileRequest,
  endorse,
  endorse,
  endorse,
  triage,
  triage,
  triage,
  triage,
  publishNote,
  publishNote,
];
const EXPECTED = { GET: 200, POST: 201, PUT: 200 };

async function operation() {
  const write = Math.random() < writeShare;
  const op = write ? pick(writes) : pick(reads);
  const name = write ? op.name : 'read';
  counts[name] = (counts[name] ?? 0) + 1;
  try {
    const answer = await op();
    (write ? latencies.write : latencies.read).push(answer.ms);
    if (answer.status >= 300) {
      errors.push({
        op: name,
        status: answer.status,
        error: answer.body?.error?.message,
      });
    }
  } catch (error) {
    if (write && op !== endorse) unacknowledged += 1;
    errors.push({ op: name, error: String(error) });
  }
}

// --- run --------------------------------------------------------------------
console.log(
  `Soak: ${rate}/s for ${duration} s against ${backend} (backend pid ${watched})`,
);
const startedAt = Date.now();
sampleMemory();
const memoryTimer = setInterval(sampleMemory, 5000);
const inFlight = new Set();
let maxInFlight = 0;
let started = 0;
await new Promise(resolve => {
  const total = rate * duration;
  const tick = () => {
    const due = Math.min(
      total,
      Math.floor(((Date.now() - startedAt) / 1000) * rate),
    );
    while (started < due) {
      started += 1;
      const p = operation().finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    maxInFlight = Math.max(maxInFlight, inFlight.size);
    if (started >= total) {
      clearInterval(timer);
      resolve();
    }
  };
  const timer = setInterval(tick, 5);
  const progress = setInterval(() => {
    if (started >= total) clearInterval(progress);
    console.log(
      `  ${Math.round(
        (Date.now() - startedAt) / 1000,
      )} s: ${started} started, ${inFlight.size} in flight, ${
        errors.length
      } errors, RSS ${rssMb()?.toFixed(0)} MB`,
    );
  }, 30000);
});
await Promise.all(inFlight);
clearInterval(memoryTimer);
sampleMemory();
const elapsed = (Date.now() - startedAt) / 1000;

// --- count every write back -------------------------------------------------
const lost = [];
const after = { requests: await countRequests(), notes: await countNotes() };
const ids = filedIds();
// Every acknowledged filing and note is there; more than that only by the
// writes whose answer never came.
const grew = {
  requests: after.requests - before.requests,
  notes: after.notes - before.notes,
};
if (grew.requests < ids.length || grew.requests > ids.length + unacknowledged) {
  lost.push(`requests: ${ids.length} filed, backlog grew by ${grew.requests}`);
}
if (grew.notes < notesCreated || grew.notes > notesCreated + unacknowledged) {
  lost.push(
    `release notes: ${notesCreated} published, list grew by ${grew.notes}`,
  );
}
let endorsementsChecked = 0;
let triagesChecked = 0;
for (const id of ids) {
  const { status, body } = await call('GET', `/requests/${id}`);
  if (status !== 200) {
    lost.push(`request ${id}: ${status}`);
    continue;
  }
  const have = new Set(body.request.endorsements.map(e => e.entityRef));
  for (const entity of endorsedOk.get(id) ?? []) {
    endorsementsChecked += 1;
    if (!have.has(entity.toLowerCase())) {
      lost.push(`request ${id}: endorsement from ${entity} missing`);
    }
  }
  const t = triaged.get(id);
  if (t?.edits) {
    triagesChecked += t.edits;
    if (body.request.version !== t.start + t.edits) {
      lost.push(
        `request ${id}: ${t.edits} triage edits from version ${t.start}, now ${body.request.version}`,
      );
    }
  }
}

const percentile = (list, p) => {
  if (!list.length) return undefined;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
};
const mbs = memory.map(m => m.mb).filter(v => v !== undefined);
const minutes = Math.max(1, Math.floor(memory.length / 12));
const firstMinute = memory.slice(12, 24).map(m => m.mb);
const lastMinute = memory.slice(-12).map(m => m.mb);
const median = list =>
  percentile(
    list.filter(v => v !== undefined),
    50,
  );
const result = {
  date: new Date().toISOString(),
  rate,
  writeShare,
  durationSeconds: duration,
  elapsedSeconds: Math.round(elapsed),
  operations: started,
  achievedRate: Math.round((started / elapsed) * 10) / 10,
  byOperation: counts,
  maxInFlight,
  errors: errors.length,
  errorSamples: errors.slice(0, 20),
  latencyMs: {
    readP50: percentile(latencies.read, 50),
    readP99: percentile(latencies.read, 99),
    writeP50: percentile(latencies.write, 50),
    writeP99: percentile(latencies.write, 99),
  },
  writes: {
    requestsFiled: ids.length,
    retriedFilings: Math.floor(seq / 10),
    endorsements: endorsementsChecked,
    triageEdits: triagesChecked,
    releaseNotes: notesCreated,
  },
  unacknowledgedWrites: unacknowledged,
  lostWrites: lost.length,
  lostSamples: lost.slice(0, 20),
  memory: {
    pid: watched,
    samples: memory.length,
    minMb: Math.min(...mbs),
    maxMb: Math.max(...mbs),
    secondMinuteMedianMb: median(firstMinute),
    lastMinuteMedianMb: median(lastMinute),
    minutes,
    series: memory,
  },
};
console.log(
  JSON.stringify(
    { ...result, memory: { ...result.memory, series: undefined } },
    null,
    2,
  ),
);
if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
process.exit(result.errors === 0 && result.lostWrites === 0 ? 0 : 1);
