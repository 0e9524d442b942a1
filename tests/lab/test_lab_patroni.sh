#!/usr/bin/env bash
# The live lab's Patroni experiment against real engines (etcd, PostgreSQL 15, Patroni): a replica
# is promoted within the leader key's TTL (and a margin) after the primary is killed; the next
# primary, cut off from etcd, demotes itself; never two primaries taking writes beyond the window
# measured; and nothing of the lab's is left running. Usage: test_lab_patroni.sh CLI WORK_DIR
set -euo pipefail
cli=$1
work=$2
# shellcheck source=tests/lab/lab_checks.sh
source "$(dirname "$0")/lab_checks.sh"

for program in etcd patroni; do
  command -v $program > /dev/null || fail "$program is not installed (scripts/lab-deps.sh installs it)"
done
[ -x /usr/lib/postgresql/15/bin/postgres ] || fail "PostgreSQL 15 is not installed (scripts/lab-deps.sh installs it)"

start=$SECONDS
"$cli" lab run patroni-failover --json --seeds 3 > "$work/run.json" 2> "$work/run.err" || {
  cat "$work/run.err" >&2
  fail "lab run failed"
}
took=$((SECONDS - start))
cat "$work/run.err"
python3 - "$work/run.json" "$took" "$work/run.err" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
took = int(sys.argv[2])
err = open(sys.argv[3]).read()
assert r["experiment"] == "patroni-failover"
assert r["left_running"] is False, r
params = " ".join(r["parameters"])
assert "ttl 10 s (simulated ttl_ms 10000)" in params, params
ttl_ms, loop_wait_ms, retry_timeout_ms = 10000, 2000, 4000
f = {x["metric"]: x for x in r["figures"]}
lines = r["log_lines"]

# 1. Failover: the dead primary's key expires at most ttl after its last renewal, and a replica
# looks every loop_wait; promotion itself takes a moment more.
failover = f["detection_time_us+failover_time_us"]
assert 1000 <= failover["real"] <= ttl_ms + loop_wait_ms + 5000, failover
assert 1000 <= failover["simulated_min"] <= failover["simulated_max"] <= ttl_ms + loop_wait_ms + 1000, failover
assert any("promoted self to leader" in l for l in lines), lines
assert f["lost_acknowledged_writes"]["real"] >= 0, f["lost_acknowledged_writes"]
# Every write of the run has a number of its own: the probes' numbers start above the last one
# written to the first primary (a number written again on a later primary would hide its loss),
# and the figure counts the first primary's acknowledged rows missing on the last one.
m = re.search(r"rows (\d+)-(\d+) written to n\d \((\d+) acknowledged, (\d+) of them missing on n\d\); "
              r"probe rows (\d+)-(\d+) written to", err)
assert m, err
written_low, written_high, acknowledged, missing, probed_low, probed_high = map(int, m.groups())
assert written_low == 1 and written_high >= acknowledged >= 1, m.group(0)
assert written_high < probed_low <= probed_high, m.group(0)
assert missing == f["lost_acknowledged_writes"]["real"], (m.group(0), f["lost_acknowledged_writes"])

# 2. Fencing: the cut primary demotes itself after failing to renew its key (within a loop and the
# retry timeout), before the key expires and the next primary takes it.
demotion, takeover = f["demotion_time_us"], f["takeover_time_us"]
assert 0 < demotion["real"] <= loop_wait_ms + retry_timeout_ms + 3000, demotion
assert demotion["real"] < takeover["real"] <= ttl_ms + loop_wait_ms + 5000, (demotion, takeover)
assert f["demotions"]["real"] == 1, f["demotions"]
assert any("Demoting self" in l or "demoted self" in l for l in lines), lines
assert any("DCS is not accessible" in l or "failed to update leader lock" in l for l in lines), lines
# Never two primaries taking writes: the old one's last acknowledged write came before the new
# one's first (the measured window, an upper bound, is zero).
two = f["two_primaries_us"]
assert two["real"] == 0 and f["max_primaries_at_once"]["real"] == 1, (two, f["max_primaries_at_once"])
assert two["simulated_max"] == 0 and f["max_primaries_at_once"]["simulated_max"] == 1, two
assert f["leaders_elected"]["real"] == 3, f["leaders_elected"]
assert took < 90, "the experiment took %d s" % took
print("failover real %.0f ms, simulated %.0f ms (%.0f-%.0f); cut: demoted after %.0f ms (simulated %.0f), "
      "next primary after %.0f ms (simulated %.0f); lost %d; %d s in all" % (
          failover["real"], failover["simulated"], failover["simulated_min"], failover["simulated_max"],
          demotion["real"], demotion["simulated"], takeover["real"], takeover["simulated"],
          f["lost_acknowledged_writes"]["real"], took))
PY
grep -q "run as user" "$work/run.json" || [ "$(id -u)" != 0 ] || fail "running as root, the result does not say who the servers run as"

left=$(left_running)
[ -z "$left" ] || fail "processes left running after lab run: $left"
# Clean-up removes the servers' folders too.
mapfile -t server_folders < "$CLUSTERSCOPE_LAB_DIR/server-folders.txt"
[ ${#server_folders[@]} -ge 1 ] || fail "no servers' folder listed"
"$cli" lab clean > "$work/clean.out"
for f in "${server_folders[@]}"; do [ ! -e "$f" ] || fail "lab clean left $f"; done
[ -z "$(ls "$CLUSTERSCOPE_LAB_DIR/runs")" ] || fail "lab clean left the runs"
echo "lab_patroni: all checks passed"
