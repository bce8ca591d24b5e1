#!/usr/bin/env bash
# Builds polc if needed and runs every test: unit tests, golden diagnostics, the seed policies and
# their policy tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The policy tests (policies/tests/, docs/testing.md), with their per-case report; ctest runs them
# too (policy_tests), this prints the failures in full.
build/polc test policies/

# Robustness (docs/robustness.md): the whole suite again under ASan+UBSan in build-asan (a leak, an
# out-of-bounds access or undefined behaviour fails it), then a smoke run of every libFuzzer target
# (fuzz/smoke.sh: build-fuzz with clang, 60 s each). Each needs a full build of its own, which
# would take the suite past its 15-minute budget on 2 cores, so they run only when asked for:
#   POLC_ASAN=1 POLC_FUZZ=1 bash scripts/test.sh
if [ -n "${POLC_ASAN:-}" ]; then
  [ -f build-asan/build.ninja ] || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLC_SANITIZE=ON -DPOLC_BENCH=OFF
  cmake --build build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
if [ -n "${POLC_FUZZ:-}" ]; then
  bash fuzz/smoke.sh
fi
