#!/usr/bin/env bash
# A long fuzzing run, by hand: every target (or those named) for SECONDS each, two at a time on the
# two cores, the summary appended to build-fuzz/long_runs.log. Copy the figures into
# docs/robustness.md.   bash fuzz/long_run.sh 3600 [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${1:?usage: fuzz/long_run.sh SECONDS [TARGET...]}"
mkdir -p build-fuzz
FUZZ_JOBS=${FUZZ_JOBS:-2} FUZZ_LOG=${FUZZ_LOG:-$PWD/build-fuzz/long_runs.log} exec bash fuzz/run.sh "$@"
