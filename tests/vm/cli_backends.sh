#!/usr/bin/env bash
# polc eval --backend=vm prints exactly what --backend=ref prints, for every example applicant,
# as text and JSON, with and without explanations, one at a time and as a batch.
set -euo pipefail
polc="$1"; root="$2"
fail=0
batch=$(mktemp); trap 'rm -f "$batch"' EXIT
for f in "$root"/examples/applicants/*.json; do
  for fmt in text json; do
    for ex in "" --explain; do
      if ! diff <("$polc" eval "$root/policies" --facts "$f" --format $fmt $ex 2>&1) \
                <("$polc" eval "$root/policies" --facts "$f" --format $fmt $ex --backend=vm 2>&1) >/dev/null; then
        echo "DIFFERENT: $f --format $fmt $ex"; fail=1
      fi
    done
  done
  tr -d '\n' < "$f" >> "$batch"; echo >> "$batch"
done
diff <("$polc" eval "$root/policies" --batch "$batch" --explain 2>&1) \
     <("$polc" eval "$root/policies" --batch "$batch" --explain --backend=vm 2>&1) >/dev/null || { echo "DIFFERENT: batch"; fail=1; }
[ $fail = 0 ] && echo "vm and ref print the same output"
exit $fail
