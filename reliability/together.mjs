#!/usr/bin/env node
// After two backends started together on one fresh plugin database: both
// answer, and the example data was loaded once (each backend sees the same
// counts, and as many requests and release notes as the examples hold).
//
//   node reliability/together.mjs --backends http://127.0.0.1:7007,http://127.0.0.1:7008 \
//     [--seconds <startup time>] [--out together.json]
import fs from 'node:fs';
import { cliArgs, guestAuthorization } from '../bench/lib/cli.mjs';

const args = cliArgs();
const backends = args.backends.split(',');
const all = 'open,triaged,planned,deprioritized,declined,shipped';
// Everything each backend shows, by title: loaded twice, every example
// request and release note would be there twice.
async function titlesOf(backend) {
  const headers = await guestAuthorization(backend);
  const get = async path => {
    const res = await fetch(`${backend}/api/platform-roadmap${path}`, {
      headers,
    });
    if (!res.ok) throw new Error(`${backend}${path}: ${res.status}`);
    return res.json();
  };
  const { items: teams } = await get('/teams');
  const requests = [];
  const releaseNotes = [];
  for (const { team } of teams) {
    const path = `/teams/${team.namespace}/${team.name}`;
    const backlog = await get(`${path}/backlog?status=${all}&limit=100`);
    requests.push(
      ...backlog.items.map(i => `${team.name}: ${i.request.title}`),
    );
    const notes = await get(`${path}/release-notes?limit=200`);
    releaseNotes.push(...notes.items.map(n => `${team.name}: ${n.title}`));
  }
  return { teams: teams.length, requests, releaseNotes };
}
const twice = list => list.filter((t, i) => list.indexOf(t) !== i);

const seen = [];
for (const backend of backends) seen.push(await titlesOf(backend));
const result = {
  startupSeconds: Number(args.seconds ?? 0),
  seen: seen.map(s => ({
    teams: s.teams,
    requests: s.requests.length,
    releaseNotes: s.releaseNotes.length,
  })),
  duplicated: [
    ...new Set(
      seen.flatMap(s => [...twice(s.requests), ...twice(s.releaseNotes)]),
    ),
  ],
  bothUp: seen.length === backends.length,
};
result.loadedOnce =
  result.duplicated.length === 0 &&
  seen[0].requests.length > 0 &&
  seen.every(
    s =>
      s.requests.length === seen[0].requests.length &&
      s.releaseNotes.length === seen[0].releaseNotes.length,
  );
console.log(JSON.stringify(result, null, 2));
if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
process.exit(result.bothUp && result.loadedOnce ? 0 : 1);
