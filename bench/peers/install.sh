#!/usr/bin/env bash
# Installs the peers of the backend benchmark (GoRules ZEN, json-rules-engine) into
# bench/peers/node_modules from the npm registry, at the versions package.json and
# package-lock.json pin. Nothing else is downloaded. `npm install`, not `npm ci`: the lock file
# lists ZEN's native package for this platform only, which `npm ci` rejects as out of sync.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund
