#!/usr/bin/env bash
# Builds everything and runs every test through ctest:
#   1. Release build with warnings as errors: core, UI, app, CLI tests, screenshot test,
#      content validation, qmllint and the clang-format check;
#   2. the core and its tests again with AddressSanitizer + UndefinedBehaviorSanitizer.
# Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

bash scripts/deps.sh

echo "== Release build (warnings are errors)"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLUSTERSCOPE_WERROR=ON >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== Core with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLUSTERSCOPE_CORE_ONLY=ON \
      -DCLUSTERSCOPE_SANITIZE=ON -DCLUSTERSCOPE_WERROR=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
