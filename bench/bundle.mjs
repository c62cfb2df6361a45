#!/usr/bin/env node
// Benchmark: the frontend plugin's size, as published (dist/, what an
// adopter's bundler reads) and as it lands in the portal's production build
// (packages/app/dist/static: the chunks that hold its code).
//
//   yarn backstage-cli repo build --all     # builds both
//   node bench/bundle.mjs [--out bundle.json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);

function files(dir, test) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, test);
    return test(full) ? [full] : [];
  });
}

function sizes(list) {
  let raw = 0;
  let gzip = 0;
  for (const file of list) {
    const content = fs.readFileSync(file);
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: list.length, raw, gzip };
}

const dist = path.join(root, 'plugins/platform-roadmap/dist');
const published = sizes(files(dist, f => f.endsWith('.esm.js')));

// In the app build, the chunks with the plugin's code carry its client's
// base path or its components' names.
const MARKERS = ['platform-roadmap', 'PlatformRoadmapClient'];
const staticDir = path.join(root, 'packages/app/dist/static');
const allChunks = files(staticDir, f => f.endsWith('.js'));
const pluginChunks = allChunks.filter(file => {
  const content = fs.readFileSync(file, 'utf8');
  return MARKERS.some(marker => content.includes(marker));
});
// main and vendor hold every plugin's eager code (the plugin's definition,
// API client and routes among them); the other chunks are lazy ones.
const shared = f => /^(main|vendor)\./.test(path.basename(f));
const app = {
  all: sizes(allChunks),
  plugin: sizes(pluginChunks.filter(f => !shared(f))),
  sharedWithPlugin: pluginChunks.filter(shared).map(f => path.basename(f)),
  chunks: pluginChunks.map(f => ({
    chunk: path.basename(f),
    ...sizes([f]),
  })),
};

const report = { at: new Date().toISOString(), published, app };
if (args.out) fs.writeFileSync(args.out, JSON.stringify(report, null, 2));
const kb = n => `${(n / 1024).toFixed(1)} KiB`;
console.log('\n### Frontend bundle\n');
console.log('| what | files | raw | gzip |');
console.log('| --- | --: | --: | --: |');
console.log(
  `| plugin as published (dist/*.esm.js) | ${published.files} | ${kb(
    published.raw,
  )} | ${kb(published.gzip)} |`,
);
if (allChunks.length) {
  console.log(
    `| portal build: lazy chunks holding plugin code | ${
      app.plugin.files
    } | ${kb(app.plugin.raw)} | ${kb(app.plugin.gzip)} |`,
  );
  console.log(
    `| portal build: eager code (in ${app.sharedWithPlugin.join(
      ', ',
    )}, shared with every plugin) | — | — | — |`,
  );
  console.log(
    `| portal build: all chunks | ${app.all.files} | ${kb(app.all.raw)} | ${kb(
      app.all.gzip,
    )} |`,
  );
} else {
  console.log('| portal build | not built: run `yarn build:all` | | |');
}
