#!/usr/bin/env bash
# Peak memory and wall time of `clusterscope-cli run` against simulated time, per scenario: memory
# must grow at most linearly with simulated time (checkpoints share their logs; the oldest are
# thinned) and stay under 200 MiB for an hour of simulated time.
#   bash scripts/bench-memory.sh                       # the busiest scenarios, 60 s to 3,600 s
#   bash scripts/bench-memory.sh --all 3600            # every built-in scenario at one hour
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CLI:-build/release/app/cli/clusterscope-cli}
scenarios="raft-5 split-brain-unfenced consistent-hash-add-node"
times="60 300 1200 3600"
if [ "${1:-}" = "--all" ]; then
  scenarios=$("$cli" list)
  times=${2:-3600}
fi
printf '%-32s %8s %10s %8s %12s %11s\n' scenario sim_s peak_MiB wall_s events checkpoints
for s in $scenarios; do
  for t in $times; do
    m=$("$cli" run "$s" --until "${t}s" --measure 2>&1 >/dev/null | tail -1)
    python3 - "$s" "$t" "$m" <<'PY'
import json, sys
s, t, m = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
print(f"{s:32s} {t:>8s} {m['peak_rss_mib']:10.1f} {m['wall_s']:8.2f} {m['events']:12d} {m['checkpoints']:11d}")
PY
  done
done
