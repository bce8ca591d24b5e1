#!/usr/bin/env bash
# polc eval --backend=vm (and --backend=llvm, when polc was built with LLVM) prints exactly what
# --backend=ref prints, for every example applicant:
#   * each applicant alone as text with --explain (the renderer of people, the explanation steps);
#   * all of them as one batch, with and without --explain: JSON Lines through the same renderer as
#     --format json, and the summary on stderr; without --explain the runtime takes its fast path,
#     which records nothing;
#   * one applicant alone as JSON, with and without --explain (the single-applicant JSON path).
# Each polc run compiles every seed policy, and under ASan that is seconds: the batches, not one run
# per applicant and format, keep this test short (docs/robustness.md, "CI time").
set -euo pipefail
polc="$1"; root="$2"
backends="vm"
if "$polc" build "$root/policies/schema.pol" --emit=llvm-ir -o /dev/null 2>/dev/null; then backends="vm llvm"; fi
fail=0
batch=$(mktemp); trap 'rm -f "$batch"' EXIT

# same LABEL ARGS...: the output (stdout and stderr) of every backend equals the reference's.
same() {
  local label=$1 want; shift
  want=$("$polc" eval "$root/policies" "$@" 2>&1 || true)
  for b in $backends; do
    if [ "$want" != "$("$polc" eval "$root/policies" "$@" --backend=$b 2>&1 || true)" ]; then
      echo "DIFFERENT: $label --backend=$b"; fail=1
    fi
  done
}

# The first 6 applicants alone (POLC_BACKENDS_ALONE=N; 3 under the sanitizers, scripts/test.sh), a
# run of polc each per backend: the people's text and its explanation. The batches below hold every
# applicant, with their explanations, so the rest alone compared only the renderer, which is one
# for all backends, for 24 more runs of polc (7 s of CPU). tests/differential compares every
# applicant's result, explanation and why-not between the evaluators in process.
alone=${POLC_BACKENDS_ALONE:-6}
for f in "$root"/examples/applicants/*.json; do
  if [ "$alone" -gt 0 ]; then
    same "$f --format text --explain" --facts "$f" --format text --explain
    alone=$((alone - 1))
  fi
  tr -d '\n' < "$f" >> "$batch"; echo >> "$batch"
done
same "batch" --batch "$batch"
same "batch --explain" --batch "$batch" --explain
p2="$root/examples/applicants/p2.json"
same "p2.json --format json" --facts "$p2" --format json
same "p2.json --format json --explain" --facts "$p2" --format json --explain
[ $fail = 0 ] && echo "$backends and ref print the same output"
exit $fail
