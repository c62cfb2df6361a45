#!/usr/bin/env bash
# Builds the four plugin packages and packs them as they would be published
# (backstage-cli prepack points main/types/exports at dist/), into
# dist-packs/. An adopter's app can install these tarballs before the
# packages are on a registry: README "Installing the plugins into your
# Backstage app" says how, docs/install-check.md shows it done.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

OUT="$(pwd)/dist-packs"
rm -rf "$OUT"
mkdir -p "$OUT"

yarn install --immutable >/dev/null
yarn tsc
yarn backstage-cli repo build

for dir in plugins/*/; do
  name="$(node -p "require('./${dir}package.json').name")"
  file="$(node -p "require('./${dir}package.json').name.replace('@', '').replace('/', '-')")"
  version="$(node -p "require('./${dir}package.json').version")"
  yarn workspace "$name" pack --out "$OUT/$file-$version.tgz" >/dev/null
  echo "$OUT/$file-$version.tgz"
done
