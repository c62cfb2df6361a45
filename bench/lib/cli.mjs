// What the benchmark and reliability scripts share: their arguments, the
// guest's sign-in to a running portal backend, waiting for the example
// catalog, and the "how this was measured" table of their reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `--name value` arguments, as an object of strings. */
export function cliArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.reduce((pairs, arg, i, all) => {
      if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
      return pairs;
    }, []),
  );
}

/** The guest's Authorization header on a backend (the demo's sign-in). */
export async function guestAuthorization(backend) {
  const { backstageIdentity } = await (
    await fetch(`${backend}/api/auth/guest/refresh?env=development`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  return { Authorization: `Bearer ${backstageIdentity.token}` };
}

/**
 * The platform team once the catalog has read the example organisation and
 * knows its consumers (2 minutes at most). `get` reads a plugin route.
 */
export async function waitForPlatformTeam(get, teamRef) {
  for (let i = 0; i < 120; i++) {
    const team = (await get('/teams'))?.items?.find(
      t => t.team.entityRef === teamRef,
    );
    if (team?.consumingTeams.length) return team;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${teamRef} has no consuming teams in the catalog`);
}

/** Reads `<dir>/<name>` as JSON, or undefined when the step did not run. */
export function resultsIn(dir) {
  return name => {
    const file = path.join(dir, name);
    return fs.existsSync(file)
      ? JSON.parse(fs.readFileSync(file, 'utf8'))
      : undefined;
  };
}

/** The table a report opens with: when, how, how long, on what. */
export function runTable(dir, { command, seconds }) {
  const versionFile = path.join(dir, 'postgres-version.txt');
  const pgVersion = fs.existsSync(versionFile)
    ? fs.readFileSync(versionFile, 'utf8').trim()
    : 'not run';
  return [
    '| | |',
    '| --- | --- |',
    `| date | ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC |`,
    `| command | \`${command}\` |`,
    `| took | ${seconds ? `${Math.round(Number(seconds) / 60)} min` : '—'} |`,
    `| machine | ${os.cpus().length} × ${
      os.cpus()[0]?.model ?? 'CPU'
    }, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GiB, ${os.type()} ${os.release()} |`,
    `| Node.js | ${process.version} |`,
    `| PostgreSQL | ${pgVersion} (Debian's package, loopback, fsync off) |`,
  ];
}
