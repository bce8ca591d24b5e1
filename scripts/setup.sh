#!/usr/bin/env bash
# Installs what polc needs (Debian packages), builds it into build/, and checks the seed policies.
#   scripts/setup.sh                 everything
#   scripts/setup.sh --install-only  only the packages (what .ci/run uses)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang
  python3                       # tests/docs and bench/ scripts
  antlr4 libantlr4-runtime-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev libz3-dev libgmp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev   # libFuzzer and the sanitizers (fuzz/, build-asan)
  llvm-14-dev                   # the LLVM backend (docs/llvm.md); optional: polc builds and tests without it
)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all packages present"
    return
  fi
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_packages
[ "${1:-}" = "--install-only" ] && exit 0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
build/polc check policies/
