#!/usr/bin/env node
// Which replica ran each scheduled job: watches the logs of backends that
// share one database while they run (production logs carry no time on a
// plugin's lines), every 2 s, and records when each job's line appeared in
// which log. Then counts, per job, the runs of each replica and the
// shortest time between two runs anywhere.
//
//   node reliability/replicas.mjs --logs a.log,b.log --seconds 600 \
//     [--out replicas.json]
import fs from 'node:fs';
import { cliArgs } from '../bench/lib/cli.mjs';

const args = cliArgs();
const logs = args.logs.split(',');
const seconds = Number(args.seconds ?? 600);
const POLL_MS = 2000;
// The one line each job logs per run (both run every minute in
// reliability/app-config.soak.yaml).
const JOBS = {
  'consumer snapshots': /"message":"Recorded consumer snapshots of /,
  'deprecation snapshots': /"message":"Recorded the remaining consumers of /,
};

const count = file => {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return Object.fromEntries(
    Object.entries(JOBS).map(([job, pattern]) => [
      job,
      text.split('\n').filter(line => pattern.test(line)).length,
    ]),
  );
};

const started = Date.now();
const seen = logs.map(count);
const runs = Object.fromEntries(Object.keys(JOBS).map(job => [job, []]));
while (Date.now() - started < seconds * 1000) {
  await new Promise(resolve => setTimeout(resolve, POLL_MS));
  const at = (Date.now() - started) / 1000;
  logs.forEach((file, replica) => {
    const now = count(file);
    for (const job of Object.keys(JOBS)) {
      for (let i = seen[replica][job]; i < now[job]; i++) {
        runs[job].push({ at, replica });
      }
    }
    seen[replica] = now;
  });
}

const minutes = seconds / 60;
const result = {
  windowMinutes: Math.round(minutes * 10) / 10,
  replicas: logs.length,
  pollSeconds: POLL_MS / 1000,
  jobs: Object.fromEntries(
    Object.entries(runs).map(([job, list]) => {
      const gaps = list.slice(1).map((r, i) => r.at - list[i].at);
      return [
        job,
        {
          runs: list.length,
          byReplica: logs.map(
            (_, i) => list.filter(r => r.replica === i).length,
          ),
          shortestGapSeconds: gaps.length ? Math.min(...gaps) : undefined,
          // Every minute: at most one run per minute of the window (give or
          // take one), and never two at once (two replicas taking the same
          // turn would log within a poll or two of each other). A late run
          // on a busy replica may leave a shorter gap to the next one.
          onceEachTime:
            list.length <= Math.ceil(minutes) + 1 && gaps.every(g => g >= 10),
        },
      ];
    }),
  ),
};
console.log(JSON.stringify(result, null, 2));
if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
process.exit(
  Object.values(result.jobs).every(j => j.onceEachTime && j.runs > 0) ? 0 : 1,
);
