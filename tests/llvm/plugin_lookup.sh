#!/usr/bin/env bash
# polc loads its LLVM backend, polc-llvm.so, only for a command that needs it (backend/llvm/plugin.h):
# polc itself must not link libLLVM (≈ 70 ms and 50 MB on every run), a polc copied elsewhere still
# finds the plugin where the build put it, and a broken plugin beside polc is a clear error.
#   bash tests/llvm/plugin_lookup.sh build/polc
set -uo pipefail
POLC=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() {  # check NAME CONDITION_STATUS
  if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}

readelf -d "$POLC" | grep -q 'NEEDED.*libLLVM'
check "polc does not link libLLVM" $((1 - $?))

cp "$POLC" "$WORK/polc"
"$WORK/polc" eval "$ROOT/policies" --facts "$ROOT/examples/applicants/p2.json" --backend=llvm >"$WORK/llvm.txt" 2>&1
s=$?
"$POLC" eval "$ROOT/policies" --facts "$ROOT/examples/applicants/p2.json" --backend=vm >"$WORK/vm.txt" 2>&1
cmp -s "$WORK/llvm.txt" "$WORK/vm.txt"
check "a copied polc finds the plugin where the build put it (same result as the VM)" $((s + $?))

echo 'not a shared object' >"$WORK/polc-llvm.so"
out=$("$WORK/polc" build "$ROOT/policies" --emit=llvm-ir -o "$WORK/x.ll" 2>&1)
s=$?
[ "$s" -eq 1 ] && grep -q '^polc build: cannot load the LLVM backend: .*polc-llvm.so' <<<"$out" && [ ! -e "$WORK/x.ll" ]
check "a broken plugin beside polc: exit 1, the reason, no output file" $?
[ "$fail" -eq 0 ] || { printf '%s\n' "$out"; exit 1; }
