#!/usr/bin/env bash
# A long fuzzing run, by hand: every target (or those named) for SECONDS each, two at a time on the
# two cores, at the lowest priority (nice 19: the machine is shared), the summary appended to
# build-san/long_runs.log. Copy the figures into docs/robustness.md.
#   bash fuzz/long_run.sh 3600 [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${1:?usage: fuzz/long_run.sh SECONDS [TARGET...]}"
BUILD=${FUZZ_BUILD_DIR:-$PWD/build-san}
mkdir -p "$BUILD"
FUZZ_BUILD_DIR=$BUILD FUZZ_JOBS=${FUZZ_JOBS:-2} FUZZ_LOG=${FUZZ_LOG:-$BUILD/long_runs.log} exec nice -n 19 bash fuzz/run.sh "$@"
