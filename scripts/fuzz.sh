#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), keeping what it learns in the corpus
# under tests/fuzz/corpus/<target>/. A target that finds a crash, a hang (-timeout) or a sanitizer
# report stops the script with its log. Needs a build made with CLUSTERSCOPE_FUZZ=ON (clang):
#   CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
#     -DCLUSTERSCOPE_CORE_ONLY=ON -DCLUSTERSCOPE_SANITIZE=ON -DCLUSTERSCOPE_FUZZ=ON
#   cmake --build build/asan
#   bash scripts/fuzz.sh 600            # or FUZZ_RUNS=1000000 bash scripts/fuzz.sh
# FUZZ_TARGETS="course quiz" picks targets (default: every one built).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${FUZZ_BUILD:-build/asan}
targets=$(cd "$build/tests/fuzz" && ls fuzz_* 2>/dev/null | grep -v '\.' || true)
if [ -n "${FUZZ_TARGETS:-}" ]; then
  targets=$(for t in $FUZZ_TARGETS; do echo "fuzz_$t"; done)
fi
[ -n "$targets" ] || { echo "fuzz.sh: no fuzz targets in $build/tests/fuzz (configure with CLUSTERSCOPE_FUZZ=ON)" >&2; exit 2; }
for binary in $targets; do
  target=${binary#fuzz_}
  corpus=tests/fuzz/corpus/$target
  work=$build/fuzz-work/$target
  log=$build/fuzz-work/$target.log
  mkdir -p "$corpus" "$work"
  # New inputs go to the first folder: the scratch one, or with FUZZ_KEEP=1 the kept corpus.
  dirs="$work $corpus"
  [ -n "${FUZZ_KEEP:-}" ] && dirs="$corpus $work"
  limit=(-max_total_time="$seconds")
  [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
  start=$(date +%s)
  if ! ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/$binary" "${limit[@]}" -timeout=10 -rss_limit_mb=4096 \
       -artifact_prefix="$build/fuzz-work/$target-" -print_final_stats=1 $dirs >"$log" 2>&1; then
    tail -60 "$log"
    echo "fuzz_$target found a failure (see $log)"
    exit 1
  fi
  runs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "fuzz_$target: $runs executions in $(( $(date +%s) - start )) s, no failure"
done
