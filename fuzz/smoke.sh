#!/usr/bin/env bash
# CI smoke run: every fuzz target for 6 s (FUZZ_SMOKE_SECONDS overrides), two at a time (one per
# core; FUZZ_JOBS overrides), in build-san (FUZZ_BUILD_DIR overrides). Called by scripts/test.sh.
set -euo pipefail
FUZZ_JOBS=${FUZZ_JOBS:-2} exec bash "$(dirname "$0")/run.sh" "${FUZZ_SMOKE_SECONDS:-6}" "$@"
