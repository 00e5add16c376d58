#!/usr/bin/env bash
# Installs Node 24, Vitest 5 and the packed perfgate (with its dependencies) into .ci/.vitest5,
# all from the npm registry, for test/e2e/vitest5.e2e.test.ts. Prints the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.ci/.vitest5
rm -rf "$dir" && mkdir -p "$dir"
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$dir" | tail -n 1)
ort=$(node -p "require('./package.json').dependencies['onnxruntime-node']")
cd "$dir"
echo "onnxruntime-node-install=skip" > .npmrc
echo '{ "name": "perfgate-vitest5-check", "private": true, "type": "module" }' > package.json
npm install --no-audit --no-fund --loglevel=error node@24 vitest@5 "onnxruntime-node@$ort" "./$tarball" >&2
pwd
