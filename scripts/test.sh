#!/usr/bin/env bash
# Builds polc if needed and runs every test: unit tests, golden diagnostics, the seed policies and
# their policy tests; then the robustness part of issue 7 (docs/robustness.md): the whole ctest
# suite again under ASan+UBSan and a 6 s smoke run of every libFuzzer target.
#   bash scripts/test.sh                 everything (what CI runs, .ci/run)
#   POLC_QUICK=1 bash scripts/test.sh    only the normal build and its suite (skips the sanitizers)
# The sanitizer part is one extra build, build-san (fuzz/configure.sh: clang-14, ASan+UBSan and
# libFuzzer's coverage instrumentation), whose objects serve both the test binaries and the fuzz
# targets. Each phase prints its elapsed time: the whole suite must stay under 15 minutes on the
# 2-core project machine from a fresh clone (docs/robustness.md has the figures).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)

# phase NAME: prints the wall time and the CPU time (user + system, of every child process) taken
# since the previous phase ended. On an otherwise idle machine wall ≈ CPU / cores; on a shared one
# the CPU time is the figure to compare.
T0=$SECONDS
phase_start=$SECONDS
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
# The children's user + system time so far, in CPU_NOW: `times` runs in this shell (in a $(…)
# subshell it would count none of this shell's children).
cpu_seconds() {
  times >"$TIMES"
  CPU_NOW=$(tail -1 "$TIMES" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); s += a[1] * 60 + a[2] } printf "%d", s }')
}
cpu_seconds
phase_cpu=$CPU_NOW
phase() {
  local now=$SECONDS cpu
  cpu_seconds
  cpu=$CPU_NOW
  printf '==== test.sh: %-36s %4d s wall, %5d s CPU (total %d s wall)\n' "$1" $((now - phase_start)) \
    $((cpu - phase_cpu)) $((now - T0))
  phase_start=$now
  phase_cpu=$cpu
}

# When this script configures build/ (a fresh clone, as in CI) it leaves out the debug info that
# setup.sh's RelWithDebInfo build carries (the same -O2 -DNDEBUG code, a third less compile and
# link time), and compiles each library as a unity build (CMAKE_UNITY_BUILD: 16 files a batch),
# which parses the shared headers once a batch instead of once a file: 351 s of CPU instead of
# 602 s. The benchmark programs that no test runs (polc_bench, polc_check_bench, polc_vm_profile:
# POLC_BENCH_IN_ALL=OFF) are left out, ≈ 70 s of CPU: the suite ran 711 to 863 s on one machine
# from one hour to the next, and the 900 s budget comes first; bench/run_backends.sh and setup.sh's
# build still build them. The benchmarks' checked parts (the hand-written evaluator against the
# reference, the subset's drift) are tests and are built. build-san alike, with every target's sources in reverse order (POLC_UNITY_REVERSE): a file
# that compiles only after another of its batch — a header or a helper of that other file — fails
# in one of the two, as it would in setup.sh's per-file build. A build/ that setup.sh made is used
# as it is.
UNITY=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" "${UNITY[@]}" -DPOLC_BENCH_IN_ALL=OFF
# build-san, the sanitizer build whose suite runs below, is compiled at the same time as build/, in
# the background (fuzz/configure.sh: clang-14, ASan+UBSan and coverage): each build alone
# leaves a core idle for part of its time (the grammar's generation, configuring, the last links),
# and the two have no file in common. Its output is shown when it ends.
# The GoogleTest binaries run as 4 ctest tests each (POLC_TEST_SHARDS, tests/CMakeLists.txt), not
# one per case: under ASan each of ≈ 470 process starts cost ≈ 0.2 s of CPU, most of it mapping
# and faulting in shadow memory (178 s of wall time for this phase, 115 s sharded). A failing case
# is still named in its shard's output. The normal build keeps one test per case: there it saved
# nothing (its starts are cheap, and limits_and_edges is the longest path).
SAN_LOG=$(mktemp)
san_pid=
if [ -z "${POLC_QUICK:-}" ]; then
  ( [ -f build-san/build.ninja ] || bash fuzz/configure.sh build-san "${UNITY[@]}" -DPOLC_UNITY_REVERSE=ON \
      -DPOLC_TEST_SHARDS=4 -DPOLC_FUZZ_CMP=OFF
    cmake --build build-san -j "$JOBS" ) >"$SAN_LOG" 2>&1 &
  san_pid=$!
  trap 'rm -f "$TIMES" "$SAN_LOG"; [ -n "$san_pid" ] && kill "$san_pid" 2>/dev/null; true' EXIT
fi
# One job a core each (ninja's default is two more than the cores): with both builds at the
# default, eight compilers shared two cores: 982 s of CPU where the two builds alone take ≈ 880 s,
# which ate the time gained (501 s of wall time for both, stop 31).
if [ -n "$san_pid" ]; then cmake --build build -j "$JOBS"; else cmake --build build; fi
if [ -n "$san_pid" ]; then
  san_status=0
  wait "$san_pid" || san_status=$?
  san_pid=
  echo "---- build-san (clang, ASan+UBSan+fuzz), built alongside ----"
  cat "$SAN_LOG"
  [ "$san_status" -eq 0 ] || { echo "test.sh: build-san failed (exit $san_status)"; exit 1; }
  phase "build and build-san (in parallel)"
else
  phase "build"
fi
ctest --test-dir build --output-on-failure -j "$JOBS"
# The policy tests (policies/tests/, docs/testing.md), with their per-case report; ctest runs them
# too (policy_tests), this prints the failures in full.
build/polc test policies/
phase "ctest suite"

if [ -n "${POLC_QUICK:-}" ]; then
  echo "test.sh: POLC_QUICK set: the ASan+UBSan suite and the fuzz smoke runs are skipped"
  exit 0
fi

# Under the sanitizers every test runs, with seven trims, each also run in full by the normal build
# above: the unit tests that run polc as a process run a sample of their cases (tests/CMakeLists.txt,
# polc_unit_tests_cli_sample: each command and output form once), the random differential tests take POLC_DIFF_APPLICANTS applicants (400) each instead of 15,000
# (tests/differential) and the cases from files compare why a clause paid nothing for every 20th
# case (POLC_WHY_NOT_EVERY), the .polb mutation test 100 variants of each kind instead of 1,500
# (POLC_MUTATION_EACH; fuzz_polb below mutates the same files), tests/limits/run.sh skips its few
# cases that only measure size (POLC_LIMITS_SANITIZED, see that script), the backends' CLI test
# runs 3 example applicants alone instead of 6 (POLC_BACKENDS_ALONE; its batches hold all
# 12), and the tests labelled unsanitized_only — of the docs, of the generated C++ under the
# system compilers, and the golden diagnostics (the fuzz smoke runs every golden case under the
# sanitizers as fuzz_frontend's seeds) — do not run again.
# quarantine_size_mb=32 (default 256): freed memory is reused after 32 MB of later frees instead
# of never, in these short runs; each polc run touched up to 256 MB of fresh pages, the larger part
# of the phase's time on a machine slow to fault pages in. A use after free is still caught when
# the free was among the last 32 MB freed.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:quarantine_size_mb=32 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  POLC_DIFF_APPLICANTS=${POLC_DIFF_APPLICANTS:-400} POLC_WHY_NOT_EVERY=20 POLC_MUTATION_EACH=100 POLC_LIMITS_SANITIZED=1 POLC_BACKENDS_ALONE=3 \
  ctest --test-dir build-san --output-on-failure -j "$JOBS" -LE unsanitized_only
phase "ctest suite under ASan+UBSan"

# Every libFuzzer target for 6 s, two at a time (one per core): a crash, leak, hang or sanitizer
# report fails the suite and leaves its input in build-san/artifacts/. fuzz_polb's seeds (the seed
# policies and golden cases as .polb) are compiled by the normal build's polc, 7 times faster.
FUZZ_BUILD_DIR=$PWD/build-san FUZZ_SEED_POLC=$PWD/build/polc bash fuzz/smoke.sh
phase "fuzz smoke ($(ls build-san/fuzz/fuzz_* | wc -l) targets x ${FUZZ_SMOKE_SECONDS:-6} s)"
