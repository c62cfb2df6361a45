#!/usr/bin/env node
// Benchmark: the HTTP requests and bytes each Platform Roadmap card and tab
// makes in the running portal, in Debian's Chromium, signed in as the guest.
//
//   ./scripts/start.sh                       # in another terminal
//   node bench/cards.mjs [--out cards.json] [--label example-data]
//
// Every request to /api/platform-roadmap made while a page loads is
// recorded, with the size of its response body, and attributed to the card
// that makes it by its route (each card reads one route). Run it before and
// after `node bench/load.mjs --requests 10000 --duration 0` (which files the
// requests) to see that the numbers do not grow with the data.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const app = args.app ?? 'http://localhost:3000';

/** The pages, and the cards or tab they show. */
const PAGES = [
  {
    page: 'Component page of a consumer (checkout-service)',
    path: '/catalog/default/component/checkout-service',
    wait: 'Platform requests',
  },
  {
    page: 'Component page of a platform entity (build-cache)',
    path: '/catalog/default/component/build-cache',
    wait: 'Platform roadmap',
  },
  {
    page: 'Component page of a deprecated entity (legacy-auth-sdk)',
    path: '/catalog/default/component/legacy-auth-sdk',
    wait: 'Deprecation',
  },
  {
    page: 'Group page of a consuming team (checkout)',
    path: '/catalog/default/group/checkout',
    wait: 'What platforms shipped for you',
  },
  {
    page: 'Roadmap tab (ci-build)',
    path: '/catalog/default/group/ci-build/roadmap',
    wait: 'Velocity',
  },
  {
    page: 'Release notes tab (build-cache)',
    path: '/catalog/default/component/build-cache/release-notes',
    wait: 'Release notes of this component',
  },
  {
    page: 'Customer review tab (ci-build)',
    path: '/catalog/default/group/ci-build/customer-review',
    wait: 'What we need from you',
  },
  {
    page: 'Org-wide page',
    path: '/platform-roadmap',
    wait: 'Platform teams',
  },
];

/** A route with ids and refs taken out, so calls group by card. */
function routeOf(url) {
  const { pathname } = new URL(url);
  return pathname
    .replace(/^\/api\/platform-roadmap/, '')
    .replace(/\/teams\/[^/]+\/[^/]+/, '/teams/:ns/:name')
    .replace(
      /\/(metrics|deprecations|release-notes|requests|themes)\/[0-9a-f-]{36}/,
      '/$1/:id',
    );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({
  viewport: { width: 1440, height: 2400 },
});
const page = await context.newPage();
await page.goto(`${app}/`);
await page.getByRole('button', { name: 'Enter' }).click();
await page
  .getByRole('link', { name: 'Catalog', exact: true })
  .first()
  .waitFor();

const results = [];
for (const { page: name, path, wait } of PAGES) {
  const calls = [];
  const onResponse = async response => {
    const url = response.url();
    if (!url.includes('/api/platform-roadmap/')) return;
    if (response.request().method() === 'OPTIONS') return;
    let bytes = 0;
    try {
      bytes = (await response.body()).length;
    } catch {
      // a response that was not read (e.g. a navigation away)
    }
    calls.push({
      method: response.request().method(),
      route: routeOf(url),
      status: response.status(),
      bytes,
      encoded: response.headers()['content-encoding'] ?? 'identity',
    });
  };
  page.on('response', onResponse);
  await page.goto(`${app}${path}`);
  // The text shows the page rendered; if it never shows, the calls are
  // still counted and the result says so.
  const rendered = await page
    .getByText(wait)
    .first()
    .waitFor({ timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  page.off('response', onResponse);

  const byRoute = new Map();
  for (const call of calls) {
    const key = `${call.method} ${call.route}`;
    const entry = byRoute.get(key) ?? { route: key, requests: 0, bytes: 0 };
    entry.requests += 1;
    entry.bytes += call.bytes;
    byRoute.set(key, entry);
  }
  results.push({
    page: name,
    path,
    rendered,
    requests: calls.length,
    bytes: calls.reduce((sum, c) => sum + c.bytes, 0),
    errors: calls.filter(c => c.status >= 400).length,
    routes: [...byRoute.values()].sort((a, b) =>
      a.route.localeCompare(b.route),
    ),
  });
}
await browser.close();

const report = {
  label: args.label ?? 'example data',
  at: new Date().toISOString(),
  pages: results,
};
if (args.out) fs.writeFileSync(args.out, JSON.stringify(report, null, 2));

console.log(`\n### Cards and tabs: ${report.label}\n`);
console.log('| page | route | requests | bytes |');
console.log('| --- | --- | --: | --: |');
for (const p of results) {
  for (const r of p.routes) {
    console.log(`| ${p.page} | \`${r.route}\` | ${r.requests} | ${r.bytes} |`);
  }
  console.log(
    `| **${p.page}, total**${
      p.rendered ? '' : ' (its text never showed)'
    } | | **${p.requests}** | **${p.bytes}** |`,
  );
}
