#!/usr/bin/env bash
# Golden diagnostics: for every NAME.pol here, `polc check NAME.pol` must print exactly
# NAME.expected.txt (text diagnostics plus the exit status) and, in the --json-file it writes,
# NAME.expected.json (what --format json prints). UPDATE_GOLDEN=1 rewrites the expectations (review the diff before committing).
set -uo pipefail
dir="${1:?usage: run.sh DIR}"
polc="${POLC:?set POLC to the polc binary}"
# A relative path names the binary from where run.sh was started, not from DIR.
case "$polc" in /*) ;; */*) polc="$PWD/$polc" ;; esac
cd "$dir"
passed=0 failed=0
jsonfile=$(mktemp)
trap 'rm -f "$jsonfile"' EXIT
for src in *.pol; do
  name="${src%.pol}"
  # One run for both (--json-file): the checker's solver is most of each case's time.
  text=$("$polc" check --color never "$src" --json-file "$jsonfile" 2>&1; echo "exit: $?")
  json=$(cat "$jsonfile" 2>/dev/null)
  rm -f "$jsonfile"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$text" > "$name.expected.txt"
    printf '%s\n' "$json" > "$name.expected.json"
  fi
  ok=1
  if ! diff -u "$name.expected.txt" <(printf '%s\n' "$text") > /tmp/golden.$$.diff; then
    echo "FAIL $name (text)"; cat /tmp/golden.$$.diff; ok=0
  fi
  if ! diff -u "$name.expected.json" <(printf '%s\n' "$json") > /tmp/golden.$$.diff; then
    echo "FAIL $name (json)"; cat /tmp/golden.$$.diff; ok=0
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
rm -f /tmp/golden.$$.diff
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
