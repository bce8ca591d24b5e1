#!/usr/bin/env bash
# The backend benchmark of docs/performance.md ("Backends"): builds polc_backends_bench in BUILD_DIR
# (default build-bench), runs it — reference evaluator, VM, generated C++, the hand-written
# evaluator of the subset — and, when bench/peers/install.sh has installed them, the peers (GoRules
# ZEN, json-rules-engine) on the same applicants, their results checked against polc's first; then
# prints one markdown table with the ratios, the machine and the command. The polc backends are
# measured in ROUNDS rounds, one after the other; the table gives the median of each rate and of each
# ratio (computed within a round), with the ratios' range (bench/backends_table.py). A second table
# splits the VM's and the generated C++'s batch: evaluation with each applicant hot, the VM's
# loading, and the cost of changing applicant (bench/parts_table.py).
#
#   bash bench/run_backends.sh [BUILD_DIR]      MIN_TIME=1 (s of CPU per measurement), BATCH=1000, ROUNDS=3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
min_time=${MIN_TIME:-1}
batch=${BATCH:-1000}
rounds=${ROUNDS:-3}
export CCACHE_DIR=${CCACHE_DIR:-/work/.ccache} CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1

if [ ! -f "$build/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOLC_BENCH=ON "${launcher[@]}" >&2
else
  # A tree configured as scripts/test.sh does compiles the timed code at -O0 and has no benchmark.
  cmake -S "$root" -B "$build" -DPOLC_BENCH=ON -DPOLC_BENCH_IN_ALL=ON >&2
fi
cmake --build "$build" -j2 --target polc_backends_bench >&2

out=$build/bench/backends
mkdir -p "$out"
rm -f "$out"/polc.*.tsv
results=()
for ((k = 1; k <= rounds; ++k)); do
  echo "polc backends, round $k of $rounds (batch of $batch, ≥ $min_time s CPU each)…" >&2
  write=()
  [ "$k" -eq 1 ] && write=(--write "$out")  # the peers' applicants and expected results, once
  "$build/bench/polc_backends_bench" --batch "$batch" --min-time "$min_time" "${write[@]}" > "$out/polc.$k.tsv"
  results+=("$out/polc.$k.tsv")
done
if [ -d "$root/bench/peers/node_modules" ]; then
  echo "peers…" >&2
  node "$root/bench/peers/bench.js" "$out" "$min_time" > "$out/peers.tsv"
  results+=("$out/peers.tsv")
else
  echo "peers not installed (bash bench/peers/install.sh): their columns are left out" >&2
fi

python3 "$root/bench/backends_table.py" "${results[@]}"
# Where a batch's time goes: each applicant hot, the VM's loading, and what changing applicant costs.
echo "parts of a batch…" >&2
"$build/bench/polc_backends_bench" --batch "$batch" --min-time "$min_time" --mode parts > "$out/parts.tsv"
echo
python3 "$root/bench/parts_table.py" "$out/parts.tsv" "$out"/polc.*.tsv
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$("$cxx" --version | head -1), $type (-O2 -g); Node.js $(node --version 2>/dev/null || echo -)."
echo "Command: \`MIN_TIME=$min_time BATCH=$batch ROUNDS=$rounds bash bench/run_backends.sh\` ($(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD))."
