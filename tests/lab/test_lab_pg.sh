#!/usr/bin/env bash
# The live lab's PostgreSQL experiments on real servers (scripts/lab-deps.sh installs PostgreSQL
# 15): streaming replication shows lag, a stale read from the asynchronous standby that then
# catches up, and fresh reads with remote_apply; failover loses acknowledged writes with an
# asynchronous standby and none with a synchronous one, and the rewound old primary follows the
# new one. Without the engines lab run exits 3; afterwards nothing of the lab's is running and
# `lab clean` removes the servers' folders. Usage: test_lab_pg.sh CLI WORK_DIR
set -euo pipefail
cli=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
export CLUSTERSCOPE_LAB_DIR="$work/lab"
fail() { echo "FAIL: $*" >&2; exit 1; }
# The servers run in a folder of their own under /var/tmp/clusterscope-lab when the lab is root.
running_in_lab() {
  pgrep -f -- "$CLUSTERSCOPE_LAB_DIR" || true
  pgrep -f -- "/var/tmp/clusterscope-lab/pg-(streaming-replication|failover)-" || true
}

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
  [ -z "$(running_in_lab)" ] || fail "processes left running after lab run $1: $(running_in_lab)"
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
f = {x["metric"]: x for x in r["figures"]}
lines = r["log_lines"]
# A read on the standby right after each acknowledged write, its replay paused: all stale; the
# standby catches up once replay resumes; with remote_apply no read is stale.
assert f["stale_reads[mode=async]"]["real"] >= 1, f
assert any("caught up" in l for l in lines), lines
assert any("recovery has paused" in l for l in lines), lines
assert f["stale_reads[mode=sync]"]["real"] == 0, f
assert f["stale_reads[mode=sync]"]["simulated_max"] == 0 and f["stale_reads[mode=async]"]["simulated"] > 0, f
# Only what is certain about the latencies: each was measured. Their order is not guaranteed on
# a loopback link.
for level in ("mode=async", "mode=sync,synchronous_commit=on", "mode=sync,synchronous_commit=remote_apply"):
    assert f["p50_write_latency_us[%s]" % level]["real"] > 0, f
assert f["max_replication_lag_us"]["real"] >= 0, f
lag = [int(m.group(1)) for l in lines for m in [re.search(r"replay_lsn = (\d+) bytes", l)] if m]
assert lag and lag[0] > 0, lines
assert any("started streaming WAL" in l for l in lines), lines
assert any('standby "n2" is now a synchronous standby' in l for l in lines), lines
print("replication: lag %.1f ms / %d bytes, stale %d, latency %s ms" % (
    f["max_replication_lag_us"]["real"], lag[0], f["stale_reads[mode=async]"]["real"],
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
assert f["failover_time_us[replica_acks=0]"]["real"] > 0 and f["failover_time_us[replica_acks=1]"]["real"] > 0, f
assert any("received promote request" in l for l in lines), lines
assert any("pg_rewind: Done!" in l for l in lines), lines
# The rewound old primary streams from the new one, on its timeline, and replays its new write.
assert any(l.startswith("n1: ") and "started streaming WAL from primary" in l and "timeline 2" in l
           for l in lines), lines
assert any(l.startswith("lab: n1, rewound, follows n2") for l in lines), lines
print("failover: lost %d async, %d sync" % (f["lost_acknowledged_writes[replica_acks=0]"]["real"],
                                             f["lost_acknowledged_writes[replica_acks=1]"]["real"]))
PY

# 4. Nothing running; lab clean removes the runs and the servers' own folders.
[ -z "$(running_in_lab)" ] || fail "processes left running: $(running_in_lab)"
folders=$(cat "$CLUSTERSCOPE_LAB_DIR/server-folders.txt" 2> /dev/null || true)
"$cli" lab clean > "$work/clean.out"
grep -q "stopped 0 process" "$work/clean.out" || fail "lab clean found processes still running: $(cat "$work/clean.out")"
for folder in $folders; do
  [ ! -e "$folder" ] || fail "lab clean left $folder"
done
echo "lab (PostgreSQL): all checks passed"
