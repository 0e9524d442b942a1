#!/bin/bash
# The long sweep behind issue 18's figures: every built-in scenario under the fault kinds it
# declares, SEEDS seeds each (10,000 by default), one line per scenario with its time.
# A safe scenario must show 0 violating seeds; one that breaks an invariant on purpose must break it
# on at least one. The test command runs a small version (tests/sweep/test_explore_sweep.cpp).
#   scripts/explore-sweep.sh [SEEDS] [SCENARIO...]
# Uses build/release/app/cli/clusterscope-cli (scripts/configure.sh; cmake --build build/release).
set -u
cd "$(dirname "$0")/.."
cli=${CLI:-build/release/app/cli/clusterscope-cli}
seeds=${1:-10000}
shift || true
[ -x "$cli" ] || { echo "build $cli first" >&2; exit 2; }
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || mapfile -t scenarios < <("$cli" list)
failed=0
start_all=$(date +%s.%N)
for s in "${scenarios[@]}"; do
  t0=$(date +%s.%N)
  out=$("$cli" explore "$s" --seeds "$seeds" --quiet 2>/dev/null)
  rc=$?
  t1=$(date +%s.%N)
  summary=$(printf '%s\n' "$out" | grep -E '^explored ' | sed -E 's/ in [0-9.e-]+ s//')
  demo=$(printf '%s\n' "$out" | grep -E 'as the scenario demonstrates$' || true)
  printf '%-32s %7.1f s  rc=%d  %s %s\n' "$s" "$(awk "BEGIN{print $t1 - $t0}")" "$rc" "${summary#explored }" "${demo:+| $demo}"
  [ "$rc" -eq 0 ] || { failed=$((failed + 1)); printf '%s\n' "$out" | grep -E '^seed [0-9]+ violates' -A2 | head -9; }
done
printf 'all: %.0f s, %d scenario(s) failed\n' "$(awk "BEGIN{print $(date +%s.%N) - $start_all}")" "$failed"
[ "$failed" -eq 0 ]
