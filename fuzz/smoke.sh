#!/usr/bin/env bash
# CI smoke run: every fuzz target for 60 s (FUZZ_SMOKE_SECONDS overrides). Called by scripts/test.sh.
set -euo pipefail
exec bash "$(dirname "$0")/run.sh "${FUZZ_SMOKE_SECONDS:-60}" "$@"
