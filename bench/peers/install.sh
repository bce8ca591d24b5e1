#!/usr/bin/env bash
# Installs the peers of the backend benchmark (GoRules ZEN, json-rules-engine) into
# bench/peers/node_modules from the npm registry, at the versions package-lock.json pins. Nothing
# else is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
