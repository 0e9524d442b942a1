#!/usr/bin/env bash
# Builds everything and runs every test through ctest:
#   1. Release build with warnings as errors (the same build the run command makes): core, UI, app,
#      CLI tests, transcripts, screenshot test, content validation, qmllint, the format check, and
#      the live lab on real etcd (installed by scripts/lab-deps.sh);
#   2. the Linux packages, built and checked;
#   3. the core and its tests again with AddressSanitizer + UndefinedBehaviorSanitizer, and short
#      fuzz runs over the loaders.
# Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

bash scripts/deps.sh
# The live lab's engines (etcd): its tests run them for real.
bash scripts/lab-deps.sh

echo "== Release build (warnings are errors)"
bash scripts/configure.sh
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== Linux packages (.deb, .tar.gz): contents, metadata, the packaged program runs"
bash packaging/check_packages.sh build/release

# The core and its tests again under AddressSanitizer + UndefinedBehaviorSanitizer, with assertions
# on. Built once with clang, the same objects also feed the libFuzzer targets, which then run for a
# short budget each over the loaders a user can hand the program (scripts/fuzz.sh runs them longer).
sanitizer_cc=(); fuzz=OFF
if command -v clang++ >/dev/null 2>&1; then sanitizer_cc=(CC=clang CXX=clang++); fuzz=ON; fi
label=""; [ "$fuzz" = ON ] && label=" (and the fuzz targets)"
echo "== Core with AddressSanitizer + UndefinedBehaviorSanitizer$label"
env "${sanitizer_cc[@]}" cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLUSTERSCOPE_CORE_ONLY=ON \
      -DCLUSTERSCOPE_SANITIZE=ON -DCLUSTERSCOPE_FUZZ=$fuzz -DCLUSTERSCOPE_WERROR=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

if [ "$fuzz" = ON ]; then
  echo "== Fuzzing the loaders (libFuzzer, ${FUZZ_SECONDS:-20} s each)"
  FUZZ_BUILD=build/asan bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
fi
