#!/usr/bin/env bash
# Regression inputs found by fuzzing (docs/robustness.md), each run through polc as a user would:
#   NAME.pol                    polc check NAME.pol
#   NAME.pol + NAME.facts.json  polc eval NAME.pol --facts NAME.facts.json --date 2024-06-30
#   NAME.json (no NAME.pol)     polc eval policies/ --facts NAME.json --date 2024-06-30
# NAME.expect says what must happen: a line `status N` (0 or 1) and any number of lines
# `output REGEX` (extended regex, matched against stdout and stderr together). In every case polc
# must exit with that status: never a signal, a hang, an internal error or a sanitizer report.
#   POLC=build/polc bash tests/regressions/run.sh
set -uo pipefail
POLC=${POLC:?set POLC to the polc binary}
DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$DIR/../.." && pwd)
pass=0 fail=0
shopt -s nullglob
for expect in "$DIR"/*.expect; do
  name=$(basename "$expect" .expect)
  if [ -f "$DIR/$name.pol" ] && [ -f "$DIR/$name.facts.json" ]; then
    cmd=("$POLC" eval "$DIR/$name.pol" --facts "$DIR/$name.facts.json" --date 2024-06-30)
  elif [ -f "$DIR/$name.pol" ]; then
    cmd=("$POLC" check "$DIR/$name.pol")
  elif [ -f "$DIR/$name.json" ]; then
    cmd=("$POLC" eval "$ROOT/policies" --facts "$DIR/$name.json" --date 2024-06-30)
  else
    echo "FAIL $name: no input beside $name.expect"; fail=$((fail + 1)); continue
  fi
  want=$(awk '$1 == "status" { print $2 }' "$expect")
  out=$(timeout 60 "${cmd[@]}" 2>&1)
  status=$?
  why=""
  if [ "$status" -ne "${want:-x}" ]; then why="exit status $status, expected ${want:-?}"
  elif grep -qE 'internal error|AddressSanitizer|LeakSanitizer|runtime error:|terminate called' <<<"$out"; then
    why="crash report in the output"
  else
    while IFS= read -r regex; do
      grep -qE -- "$regex" <<<"$out" || { why="output does not match /$regex/"; break; }
    done < <(sed -n 's/^output //p' "$expect")
  fi
  if [ -n "$why" ]; then
    echo "FAIL $name: $why"; printf '%s\n' "$out" | head -40 | sed 's/^/    /'; fail=$((fail + 1))
  else
    echo "ok   $name"; pass=$((pass + 1))
  fi
done
echo "regressions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
