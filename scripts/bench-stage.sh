#!/usr/bin/env bash
# The stage's frame times, repeated: `clusterscope --bench-stage` once gives one p99, and a p99 of
# 300 frames moves with whatever else the machine does, so each case runs REPEATS times (default 5)
# and the table gives the median and the worst p99 of those runs beside the median p50.
#   bash scripts/bench-stage.sh              # the lesson views, a comparison, and 10-300 nodes
#   REPEATS=10 bash scripts/bench-stage.sh
# Targets (issue "Headroom", for this machine, 2x headroom included): p99 at most 2 ms for the
# lesson views (5 to 16 nodes, and two 16-node stages as a comparison shows them), at most 8 ms for
# 100 nodes and 1,000 messages at 1200x800.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${APP:-build/release/app/desktop/clusterscope}
repeats=${REPEATS:-5}
export QT_QPA_PLATFORM=offscreen
# case: label nodes messages size branches
cases=(
  "lesson-5 5 50 1200x800 1"
  "lesson-10 10 100 1200x800 1"
  "lesson-16 16 160 1200x800 1"
  "compare-2x16 16 160 820x690 2"
  "nodes-10 10 100 1200x800 1"
  "nodes-30 30 300 1200x800 1"
  "nodes-100 100 1000 1200x800 1"
  "nodes-300 300 3000 1200x800 1"
)
printf '%-14s %6s %9s %9s %7s %12s %12s %12s %9s\n' case nodes in_flight stage stages p50_median p99_median p99_worst backend
for c in "${cases[@]}"; do
  read -r label nodes messages size branches <<<"$c"
  results=()
  for _ in $(seq "$repeats"); do
    results+=("$("$app" --bench-stage --nodes "$nodes" --messages "$messages" --bench-size "$size" \
                 --branches "$branches" 2>/dev/null)")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import json, statistics, sys
label, nodes, size, branches = sys.argv[1:5]
runs = [json.loads(line) for line in sys.stdin if line.strip()]
p50 = statistics.median(r["frame_ms_p50"] for r in runs)
p99 = [r["frame_ms_p99"] for r in runs]
flight = round(statistics.mean(r["messages_in_flight_mean"] for r in runs))
backend = runs[0]["backend"]
print(f"{label:14s} {nodes:>6s} {flight:9d} {size:>9s} {branches:>7s} {p50:12.2f} {statistics.median(p99):12.2f} "
      f"{max(p99):12.2f} {backend:>9s}")
' "$label" "$nodes" "$size" "$branches"
done
