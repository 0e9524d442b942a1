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

echo "== Linux packages (.deb, .tar.gz): contents, metadata, the packaged program runs"
bash packaging/check_packages.sh build/release

echo "== Core with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLUSTERSCOPE_CORE_ONLY=ON \
      -DCLUSTERSCOPE_SANITIZE=ON -DCLUSTERSCOPE_WERROR=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

# Fuzz the progress and quiz loaders for a short budget when clang (with libFuzzer) is present.
if command -v clang++ >/dev/null 2>&1; then
  echo "== Fuzzing the progress, quiz and scenario loaders (libFuzzer, ${FUZZ_SECONDS:-20} s each)"
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCLUSTERSCOPE_CORE_ONLY=ON -DCLUSTERSCOPE_FUZZ=ON >/dev/null
  cmake --build build/fuzz -j "$jobs" --target fuzz_progress fuzz_quiz fuzz_scenario_params
  for target in progress quiz scenario_params; do
    work=build/fuzz/corpus-$target
    log=build/fuzz/fuzz_$target.log
    mkdir -p "$work"
    mkdir -p tests/fuzz/corpus/$target
    if ! build/fuzz/tests/fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -print_final_stats=1 \
         "$work" tests/fuzz/corpus/$target >"$log" 2>&1; then
      tail -50 "$log"
      echo "fuzz_$target found a failure (see $log)"
      exit 1
    fi
    echo "fuzz_$target: $(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}') executions, no failure"
  done
fi
