#!/usr/bin/env bash
# Runs the libFuzzer targets one after another, each for SECONDS, and reports executions and findings.
#   bash fuzz/run.sh SECONDS [TARGET...]     (default: every target in build-san/fuzz/)
# Builds build-san (fuzz/configure.sh: clang-14, -DPOLC_FUZZ=ON; FUZZ_BUILD_DIR overrides) when needed. Seeds come from policies/, examples/,
# tests/golden/ and tests/regressions/; the corpus each run grows is kept in build-san/corpus/TARGET
# and reused by the next run. A crash, hang (> 10 s for one input), leak, out-of-memory (> 2 GB)
# or sanitizer report leaves its input in build-san/artifacts/TARGET/ and makes this script fail:
# reduce it, fix the bug, and commit the input under tests/regressions/ (docs/robustness.md).
# Environment: FUZZ_JOBS=N runs N targets at once (default 1); FUZZ_LOG=FILE appends the summary;
# FUZZ_NO_BUILD=1 skips the build step; FUZZ_SEED_POLC=PATH compiles fuzz_polb's seeds with that polc.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift || true
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-san}
SEED_POLC=${FUZZ_SEED_POLC:-$BUILD/polc}

[ -f "$BUILD/build.ninja" ] || bash fuzz/configure.sh "$BUILD"
# FUZZ_NO_BUILD=1: use the binaries as they are (e.g. while a ctest run uses the same build).
[ -n "${FUZZ_NO_BUILD:-}" ] || cmake --build "$BUILD" --target polc_fuzz_targets

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in "$BUILD"/fuzz/fuzz_*; do [ -x "$t" ] && targets+=("$(basename "$t")"); done
fi

# Seeds: regenerated each run (cheap), separate from the grown corpus.
seed() {
  local target=$1 dir=$BUILD/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    fuzz_frontend)
      cp tests/golden/*.pol policies/*.pol "$dir"/
      for f in tests/regressions/*.pol; do [ -e "$f" ] && cp "$f" "$dir"/; done
      # The schema and one policy as two files of one input (the target splits at NUL bytes).
      for p in policies/*.pol; do
        [ "$(basename "$p")" = schema.pol ] && continue
        { cat policies/schema.pol; printf '\0'; cat "$p"; } >"$dir/schema+$(basename "$p")"
      done ;;
    fuzz_check)
      "$BUILD/fuzz/write_check_seeds" "$dir"
      # Self-contained documents: a NUL after each tells the target not to add its schema.
      for f in tests/golden/*.pol tests/regressions/*.pol; do
        [ -e "$f" ] && { cat "$f"; printf '\0'; } >"$dir/self-$(basename "$f")"
      done ;;
    fuzz_facts|fuzz_evaluators)
      cp examples/applicants/*.json "$dir"/
      for f in tests/regressions/*.json; do [ -e "$f" ] && cp "$f" "$dir"/; done ;;
    fuzz_polb)
      # The seed policies together, each with the schema alone, and the golden cases that compile,
      # as .polb, by this build's polc, or by FUZZ_SEED_POLC: the bytes are the same, and under
      # ASan these 160 compilations took 29 s of CPU, 4 s in the normal build (scripts/test.sh).
      "$SEED_POLC" build policies --emit bytecode -o "$dir/seed-policies.polb" >/dev/null 2>&1 || true
      for p in policies/*.pol; do
        [ "$(basename "$p")" = schema.pol ] && continue
        "$SEED_POLC" build policies/schema.pol "$p" --emit bytecode -o "$dir/schema+$(basename "$p" .pol).polb" \
          >/dev/null 2>&1 || true
      done
      for f in tests/golden/*.pol; do
        "$SEED_POLC" build "$f" --emit bytecode -o "$dir/$(basename "$f" .pol).polb" >/dev/null 2>&1 || true
      done
      for f in tests/regressions/*.polb; do [ -e "$f" ] && cp "$f" "$dir"/; done ;;
  esac
  echo "$dir"
}

dict_for() {
  case $1 in
    fuzz_frontend|fuzz_roundtrip|fuzz_check) echo "$ROOT/fuzz/polc.dict" ;;
    fuzz_facts|fuzz_evaluators) echo "$ROOT/fuzz/facts.dict" ;;
    *) echo "" ;;
  esac
}

# -max_len: the seed policies are up to ~100 KB, and a mutation of one costs a full parse (about
# 0.1 s under ASan): text inputs are cut to 16 KB (FUZZ_MAX_LEN), where the search is fastest. A
# .polb is cut nowhere: a truncated program fails its section bounds before the verifier sees it.
maxlen_for() {
  case $1 in
    fuzz_polb) echo "${FUZZ_MAX_LEN_POLB:-262144}" ;;
    *) echo "${FUZZ_MAX_LEN:-16384}" ;;
  esac
}

run_one() {
  local t=$1
  local corpus=$BUILD/corpus/$t artifacts=$BUILD/artifacts/$t log=$BUILD/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  local seeds dict args=()
  seeds=$(seed "$t")
  dict=$(dict_for "$t")
  [ -n "$dict" ] && args+=("-dict=$dict")
  local status=0 stamp
  stamp=$(mktemp)
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$BUILD/fuzz/$t" "$corpus" "$seeds" "${args[@]}" -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -max_len="$(maxlen_for "$t")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || status=$?
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  local found
  found=$(find "$artifacts" -type f -newer "$stamp" | wc -l)
  rm -f "$stamp"
  local line
  line="$(date -u +%FT%TZ) $t: ${SECONDS_EACH}s, $execs executions, corpus $(find "$corpus" -type f | wc -l) files, exit $status, $found new artifact(s) in $artifacts"
  echo "$line"
  [ -n "${FUZZ_LOG:-}" ] && echo "$line" >>"$FUZZ_LOG"
  if [ "$status" -ne 0 ]; then
    echo "---- $t: last lines of $log ----"
    grep -n -m1 -A40 -E 'ERROR|WARNING: |runtime error|==[0-9]+==|fuzz_roundtrip:|deadly signal|timeout' "$log" | head -60 || tail -40 "$log"
    return 1
  fi
}

jobs=${FUZZ_JOBS:-1}
failed=0
if [ "$jobs" -le 1 ]; then
  for t in "${targets[@]}"; do run_one "$t" || failed=1; done
else
  pids=()
  for t in "${targets[@]}"; do
    run_one "$t" & pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
fi
exit $failed
