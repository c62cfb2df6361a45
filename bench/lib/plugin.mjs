// Loads the platform-roadmap backend's built CommonJS (dist/) for
// benchmarks. The common package's `main` points at its TypeScript sources
// (for the monorepo's dev tooling), so it is redirected to its built
// dist/index.cjs.js — both are what `yarn build` produced.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const BACKEND = path.join(ROOT, 'plugins/platform-roadmap-backend');
const COMMON_DIST = path.join(
  ROOT,
  'plugins/platform-roadmap-common/dist/index.cjs.js',
);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@platform-roadmap/plugin-platform-roadmap-common')
    return COMMON_DIST;
  return resolve.call(this, request, ...rest);
};

const require = createRequire(path.join(BACKEND, 'package.json'));

/** require() of a file under plugins/platform-roadmap-backend/dist. */
export function loadDist(relative) {
  const file = path.join(BACKEND, 'dist', relative);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: build the backend plugin first (yarn build)`,
    );
  }
  return require(file);
}

/** The common package's built exports (its constants and types' values). */
export function loadCommon() {
  if (!fs.existsSync(COMMON_DIST)) {
    throw new Error(
      `${COMMON_DIST} is missing: build the common package first (yarn build)`,
    );
  }
  return require(COMMON_DIST);
}
