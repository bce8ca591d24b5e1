#!/usr/bin/env bash
# polc eval --backend=vm (and --backend=llvm, when polc was built with LLVM) prints exactly what
# --backend=ref prints, for every example applicant, as text and JSON, with and without
# explanations, one at a time and as a batch.
set -euo pipefail
polc="$1"; root="$2"
backends="vm"
if "$polc" build "$root/policies/schema.pol" --emit=llvm-ir -o /dev/null 2>/dev/null; then backends="vm llvm"; fi
fail=0
batch=$(mktemp); trap 'rm -f "$batch"' EXIT
for f in "$root"/examples/applicants/*.json; do
  for fmt in text json; do
    for ex in "" --explain; do
      want=$("$polc" eval "$root/policies" --facts "$f" --format $fmt $ex 2>&1 || true)
      for b in $backends; do
        if [ "$want" != "$("$polc" eval "$root/policies" --facts "$f" --format $fmt $ex --backend=$b 2>&1 || true)" ]; then
          echo "DIFFERENT: $f --format $fmt $ex --backend=$b"; fail=1
        fi
      done
    done
  done
  tr -d '\n' < "$f" >> "$batch"; echo >> "$batch"
done
want=$("$polc" eval "$root/policies" --batch "$batch" --explain 2>&1 || true)
for b in $backends; do
  [ "$want" = "$("$polc" eval "$root/policies" --batch "$batch" --explain --backend=$b 2>&1 || true)" ] ||
    { echo "DIFFERENT: batch --backend=$b"; fail=1; }
done
[ $fail = 0 ] && echo "$backends and ref print the same output"
exit $fail
