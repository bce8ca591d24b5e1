#!/usr/bin/env bash
# Configures the sanitizer build (default build-san) that serves both the ASan+UBSan ctest suite
# and the libFuzzer targets (docs/robustness.md): clang-14, every library with ASan+UBSan and
# libFuzzer's coverage instrumentation (-DPOLC_FUZZ=ON); -O1 with line tables only (fast to build,
# stack traces still name lines); no examples or benchmarks (they add build time, not checks); no
# LLVM backend (libLLVM itself is not instrumented). Used by scripts/test.sh and fuzz/run.sh.
#   bash fuzz/configure.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-san}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-14}" -DCMAKE_C_COMPILER="${CC_FUZZ:-clang-14}" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DPOLC_FUZZ=ON -DPOLC_BENCH=OFF -DPOLC_EXAMPLES=OFF -DPOLC_WITH_LLVM=OFF "${@:2}" >/dev/null
