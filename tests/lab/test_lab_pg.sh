#!/usr/bin/env bash
# The live lab's PostgreSQL experiments on real servers (scripts/lab-deps.sh installs PostgreSQL
# 15): streaming replication shows lag, a stale read from the asynchronous standby that then
# catches up, and fresh reads with remote_apply; failover loses acknowledged writes with an
# asynchronous standby and none with a synchronous one, and the rewound old primary follows the
# new one. The servers ask every client for a password (scram-sha-256). Without the engines lab run
# exits 3; after each run nothing of the lab's is running, and `lab clean` removes the servers'
# folders. Usage: test_lab_pg.sh CLI WORK_DIR
set -euo pipefail
cli=$1
work=$2
# shellcheck source=tests/lab/lab_checks.sh
source "$(dirname "$0")/lab_checks.sh"

# 1. Without the engines: exit 3 and the install command; both experiments listed.
set +e
CLUSTERSCOPE_LAB_PATH="$work/empty" "$cli" lab run pg-failover > "$work/missing.out" 2> "$work/missing.err"
code=$?
set -e
[ "$code" = 3 ] || fail "without PostgreSQL, lab run exited $code, not 3"
grep -q "apt-get install postgresql-15" "$work/missing.err" || fail "no install command: $(cat "$work/missing.err")"
"$cli" lab list --json | python3 -c '
import json, sys
lab = {x["id"]: x for x in json.load(sys.stdin)}
r = lab["pg-streaming-replication"]
assert r["lesson"] == "02-replication" and r["scenario"] == "async-lag-stale-read", r
assert r["engines"] == ["postgresql"] and r["ready"] is True, r
f = lab["pg-failover"]
assert f["lesson"] == "05-failover" and f["scenario"] == "auto-failover-async-loss", f
assert f["engines"] == ["postgresql"] and f["ready"] is True, f
'

run() {
  "$cli" lab run "$1" --json --seeds 3 > "$work/$1.json" 2> "$work/$1.err" || {
    cat "$work/$1.err" >&2
    fail "lab run $1 failed"
  }
  local left
  left=$(left_running)
  [ -z "$left" ] || fail "processes left running after lab run $1: $left"
  # The passfile (the run's passwords) goes with the servers' data.
  while read -r folder; do
    [ -z "$folder" ] || [ ! -e "$folder/passfile" ] || fail "lab run $1 left $folder/passfile"
  done < "$CLUSTERSCOPE_LAB_DIR/server-folders.txt"
}

# 2. Streaming replication.
run pg-streaming-replication
python3 - "$work/pg-streaming-replication.json" "$(id -u)" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
assert r["experiment"] == "pg-streaming-replication"
assert r["left_running"] is False and r["listening_beyond_loopback"] == [], r
if sys.argv[2] == "0":
    assert "servers run as user postgres (the lab runs as root)" in r["parameters"], r["parameters"]
assert any(p.startswith("authentication: scram-sha-256") and "passfile" in p for p in r["parameters"]), r["parameters"]
f = {x["metric"]: x for x in r["figures"]}
lines = r["log_lines"]
# A read on the standby right after each acknowledged write, its replay paused: stale; the
# standby catches up once replay resumes; with remote_apply no read is stale. Both sides give the
# share of the standby's (replicas') reads that were stale, in %.
stale_async = f["stale_read_share[mode=async]"]
stale_sync = f["stale_read_share[mode=sync,synchronous_commit=remote_apply]"]
assert stale_async["unit"] == "%" and stale_sync["unit"] == "%", f
assert 0 < stale_async["real"] <= 100 and 0 < stale_async["simulated"] <= 100, stale_async
assert any("caught up" in l for l in lines), lines
assert any("recovery has paused" in l for l in lines), lines
assert stale_sync["real"] == 0 and stale_sync["simulated_max"] == 0, stale_sync
assert any(p.startswith("stale reads among standby reads: real") for p in r["parameters"]), r["parameters"]
# Only what is certain about the latencies: each was measured. Their order is not guaranteed on
# a loopback link.
for level in ("mode=async", "mode=sync,synchronous_commit=on", "mode=sync,synchronous_commit=remote_apply"):
    assert f["p50_write_latency_us[%s]" % level]["real"] > 0, f
assert f["max_replication_lag_us"]["real"] >= 0, f
lag = [int(m.group(1)) for l in lines for m in [re.search(r"replay_lsn = (\d+) bytes", l)] if m]
assert lag and lag[0] > 0, lines
assert any("started streaming WAL" in l for l in lines), lines
assert any('standby "n2" is now a synchronous standby' in l for l in lines), lines
print("replication: lag %.1f ms / %d bytes, stale %.0f%% (simulated %.1f%%), latency %s ms" % (
    f["max_replication_lag_us"]["real"], lag[0], stale_async["real"], stale_async["simulated"],
    " / ".join("%.2f" % x["real"] for k, x in f.items() if k.startswith("p50"))))
PY

# 3. Failover, then pg_rewind.
run pg-failover
python3 - "$work/pg-failover.json" "$(id -u)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["experiment"] == "pg-failover"
assert r["left_running"] is False and r["listening_beyond_loopback"] == [], r
if sys.argv[2] == "0":
    assert "servers run as user postgres (the lab runs as root)" in r["parameters"], r["parameters"]
f = {x["metric"]: x for x in r["figures"]}
lines = r["log_lines"]
assert f["lost_acknowledged_writes[replica_acks=0]"]["real"] >= 1, f
assert f["lost_acknowledged_writes[replica_acks=1]"]["real"] == 0, f
assert f["lost_acknowledged_writes[replica_acks=1]"]["simulated_max"] == 0, f
assert f["lost_acknowledged_writes[replica_acks=0]"]["simulated"] > 0, f
assert any(p.startswith("authentication: scram-sha-256") and "passfile" in p for p in r["parameters"]), r["parameters"]
# The same span on both sides: the primary killed to the first write the new primary accepts. The
# simulated one waits for the failure detector (1.5 s after the last heartbeat, sent every 250 ms)
# and the candidate window (300 ms); the lab promotes at once.
for acks in ("replica_acks=0", "replica_acks=1"):
    span = f["crash_to_first_write_us[%s]" % acks]
    assert span["unit"] == "ms" and 0 < span["real"] < 30000, span
    assert 1500 <= span["simulated_min"] <= span["simulated_max"] < 10000, span
assert any("received promote request" in l for l in lines), lines
assert sum(l.startswith("lab: ") and "accepted its first write" in l for l in lines) == 2, lines
assert any("pg_rewind: Done!" in l for l in lines), lines
# The rewound old primary streams from the new one, on its timeline, and replays its new write.
assert any(l.startswith("n1: ") and "started streaming WAL from primary" in l and "timeline 2" in l
           for l in lines), lines
assert any(l.startswith("lab: n1, rewound, follows n2") for l in lines), lines
print("failover: lost %d async, %d sync; killed to first write %.0f / %.0f ms (simulated %.0f / %.0f ms)" % (
    f["lost_acknowledged_writes[replica_acks=0]"]["real"], f["lost_acknowledged_writes[replica_acks=1]"]["real"],
    f["crash_to_first_write_us[replica_acks=0]"]["real"], f["crash_to_first_write_us[replica_acks=1]"]["real"],
    f["crash_to_first_write_us[replica_acks=0]"]["simulated"], f["crash_to_first_write_us[replica_acks=1]"]["simulated"]))
PY

# 4. Nothing running; lab clean removes the runs and the servers' own folders.
left=$(left_running)
[ -z "$left" ] || fail "processes left running: $left"
folders=$(cat "$CLUSTERSCOPE_LAB_DIR/server-folders.txt" 2> /dev/null || true)
"$cli" lab clean > "$work/clean.out"
grep -q "stopped 0 process" "$work/clean.out" || fail "lab clean found processes still running: $(cat "$work/clean.out")"
for folder in $folders; do
  [ ! -e "$folder" ] || fail "lab clean left $folder"
done
echo "lab (PostgreSQL): all checks passed"
