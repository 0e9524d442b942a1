#!/usr/bin/env bash
# The live lab against real engines: `lab run` on etcd reports real and simulated figures and
# leaves nothing running; without the engines it exits 3 and says what to install; `lab clean`
# stops the lab's own leftover processes and no other. Usage: test_lab.sh CLI WORK_DIR
set -euo pipefail
cli=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
export CLUSTERSCOPE_LAB_DIR="$work/lab"
fail() { echo "FAIL: $*" >&2; exit 1; }
running_in_lab() { pgrep -f -- "$CLUSTERSCOPE_LAB_DIR" || true; }

# 1. Without the engines: exit 3 and the install command.
set +e
CLUSTERSCOPE_LAB_PATH="$work/empty" "$cli" lab run etcd-leader-election > "$work/missing.out" 2> "$work/missing.err"
code=$?
set -e
[ "$code" = 3 ] || fail "without etcd, lab run exited $code, not 3"
grep -q "apt-get install etcd-server etcd-client" "$work/missing.err" || fail "no install command: $(cat "$work/missing.err")"
[ -z "$(running_in_lab)" ] || fail "something started without engines"
CLUSTERSCOPE_LAB_PATH="$work/empty" "$cli" lab list --json | python3 -c '
import json, sys
lab = json.load(sys.stdin)
e = [x for x in lab if x["id"] == "etcd-leader-election"][0]
assert e["ready"] is False and "etcd" in e["missing"], e
assert e["lesson"] == "05-failover" and e["scenario"] == "raft-leader-crash", e
'

# 2. With etcd: a real election beside the simulated ones, and nothing left running.
command -v etcd > /dev/null || fail "etcd is not installed (scripts/lab-deps.sh installs it)"

# 1a. A program that cannot start (here an "etcd" whose interpreter does not exist) is reported at
# once, with the reason, and the run stops what it had started.
mkdir -p "$work/broken"
for p in etcd etcdctl; do printf '#!/nonexistent/interpreter\n' > "$work/broken/$p"; chmod +x "$work/broken/$p"; done
set +e
CLUSTERSCOPE_LAB_PATH="$work/broken" "$cli" lab run etcd-leader-election > /dev/null 2> "$work/broken.err"
code=$?
set -e
[ "$code" = 1 ] || fail "a run whose engine cannot start exited $code, not 1"
grep -q "cannot start $work/broken/etcd: No such file or directory" "$work/broken.err" || fail "no reason: $(cat "$work/broken.err")"
[ -z "$(running_in_lab)" ] || fail "something left running after a failed start"

# 1b. The lab's folders have a cap: over 2 GiB (here a sparse file), a run refuses to start and
# says how to make room; lab clean does.
mkdir -p "$CLUSTERSCOPE_LAB_DIR/runs/old"
truncate -s 3G "$CLUSTERSCOPE_LAB_DIR/runs/old/blob"
set +e
"$cli" lab run etcd-leader-election > /dev/null 2> "$work/cap.err"
code=$?
set -e
[ "$code" != 0 ] || fail "a run started with the lab folder over its cap"
grep -q "cap of 2 GiB" "$work/cap.err" || fail "no word of the cap: $(cat "$work/cap.err")"
[ -z "$(running_in_lab)" ] || fail "something started over the cap"
"$cli" lab clean > /dev/null
[ ! -e "$CLUSTERSCOPE_LAB_DIR/runs/old" ] || fail "lab clean left the old run"
"$cli" lab run etcd-leader-election --json --seeds 5 > "$work/run.json" 2> "$work/run.err" || {
  cat "$work/run.err" >&2
  fail "lab run failed"
}
python3 - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["experiment"] == "etcd-leader-election"
assert r["left_running"] is False, r
figures = {f["metric"]: f for f in r["figures"]}
no_leader = figures["detection_time_us+failover_time_us"]
# etcd waits out an election timeout of 1 to 2 s before a follower stands (and the simulation
# with the same settings too): the gap without a leader lies in that range, give or take.
assert 500 <= no_leader["real"] <= 6000, no_leader
assert 500 <= no_leader["simulated_min"] <= no_leader["simulated"] <= no_leader["simulated_max"] <= 6000, no_leader
assert figures["elections_started"]["real"] >= 1, figures
assert any("leader" in line for line in r["log_lines"]), r["log_lines"]
assert r["listening_beyond_loopback"] == [], r["listening_beyond_loopback"]
# The members' data (etcd preallocates 64 MB log files) goes once they have stopped; the logs stay.
import os
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(r["run_folder"]) for f in fs)
assert size < 20 << 20, "the run folder keeps %d bytes" % size
print("real %.0f ms, simulated %.0f ms (%.0f-%.0f)" % (no_leader["real"], no_leader["simulated"],
      no_leader["simulated_min"], no_leader["simulated_max"]))
PY
[ -z "$(running_in_lab)" ] || fail "processes left running after lab run: $(running_in_lab)"

# 2b. A partition on real peer traffic (a relay in front of each member): the old leader and one
# other member cannot commit (a put there times out), the other three elect a leader and commit,
# and after the heal the two rejoin (they name the leader and read the majority's key).
"$cli" lab list --json | python3 -c '
import json, sys
e = [x for x in json.load(sys.stdin) if x["id"] == "etcd-partition"][0]
assert e["lesson"] == "05-failover" and e["scenario"] == "raft-partition-minority-leader", e
'
"$cli" lab run etcd-partition --seeds 3 > "$work/partition.txt" 2> "$work/partition.err" || {
  cat "$work/partition.err" >&2
  fail "lab run etcd-partition failed"
}
grep -q "put to the old leader m[1-5]: timed out after [0-9]* ms, not committed; put to m[1-5]: committed" \
  "$work/partition.err" || fail "no minority time-out and majority commit: $(cat "$work/partition.err")"
grep -q "the minority rejoined after" "$work/partition.err" || fail "no rejoin: $(cat "$work/partition.err")"
grep -Eq "puts the minority committed +0.0 " "$work/partition.txt" || fail "minority: $(cat "$work/partition.txt")"
[ -z "$(running_in_lab)" ] || fail "processes left running after etcd-partition: $(running_in_lab)"
"$cli" lab run etcd-partition --json --seeds 3 > "$work/partition.json" 2> "$work/partition.err" || {
  cat "$work/partition.err" >&2
  fail "lab run etcd-partition --json failed"
}
python3 - "$work/partition.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["experiment"] == "etcd-partition"
assert r["left_running"] is False, r
f = {x["metric"]: x for x in r["figures"]}
assert f["minority_writes_ok"]["real"] == 0, f["minority_writes_ok"]
assert f["minority_writes_ok"]["simulated_max"] == 0, f["minority_writes_ok"]
assert f["majority_writes_ok"]["real"] == 1, f["majority_writes_ok"]
assert f["majority_writes_ok"]["simulated_min"] == 1, f["majority_writes_ok"]
leader = f["partition_to_majority_leader_us"]
# Within 5 s: etcd's followers wait 1 to 2 s without the leader before one stands.
assert 500 <= leader["real"] <= 5000, leader
assert 500 <= leader["simulated_min"] <= leader["simulated_max"] <= 5000, leader
rejoin = f["heal_to_rejoined_us"]
assert 0 < rejoin["real"] <= 30000 and rejoin["simulated_max"] > 0, rejoin
assert f["leaders_elected"]["real"] >= 1, f["leaders_elected"]
lines = r["log_lines"]
assert any("became inactive" in l for l in lines) and any("became leader" in l for l in lines), lines
print("partition: majority leader after %.0f ms (simulated %.0f), rejoined %.0f ms after the heal (simulated %.0f)" %
      (leader["real"], leader["simulated"], rejoin["real"], rejoin["simulated"]))
PY
[ -z "$(running_in_lab)" ] || fail "processes left running after etcd-partition: $(running_in_lab)"

# 2c. One run at a time: while a run holds the lab, a second run and lab clean refuse (and leave
# its engines alone), and the first run ends well.
# (The register an earlier run left goes first: the poll below must see this run's engines.)
rm -f "$CLUSTERSCOPE_LAB_DIR/processes.txt"
"$cli" lab run etcd-leader-election --json --seeds 1 > "$work/first.json" 2> "$work/first.err" &
first=$!
for _ in $(seq 600); do
  [ -s "$CLUSTERSCOPE_LAB_DIR/processes.txt" ] && break
  kill -0 "$first" 2> /dev/null || break
  sleep 0.05  # the poll's interval (the deadline is the loop's 600 turns)
done
[ -s "$CLUSTERSCOPE_LAB_DIR/processes.txt" ] || fail "the first run registered no engine"
set +e
"$cli" lab run etcd-leader-election > /dev/null 2> "$work/second.err"
second=$?
"$cli" lab clean > /dev/null 2> "$work/clean-busy.err"
clean_busy=$?
set -e
[ "$second" != 0 ] && grep -q "in progress" "$work/second.err" || fail "a second run started beside the first: $(cat "$work/second.err")"
[ "$clean_busy" != 0 ] && grep -q "in progress" "$work/clean-busy.err" || fail "lab clean ran during a run"
wait "$first" || { cat "$work/first.err" >&2; fail "the first run failed beside a second program"; }
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["left_running"] is False' "$work/first.json"
[ -z "$(running_in_lab)" ] || fail "processes left running after the first run: $(running_in_lab)"

# 2d. Ctrl-C in the middle of a run stops it at once (even while it waits for a leader) and stops
# every engine it started.
rm -f "$CLUSTERSCOPE_LAB_DIR/processes.txt"  # as above: this run's engines, which it registers after it handles Ctrl-C
"$cli" lab run etcd-leader-election --seeds 1 > /dev/null 2> "$work/interrupted.err" &
run=$!
for _ in $(seq 600); do
  [ -s "$CLUSTERSCOPE_LAB_DIR/processes.txt" ] && break
  sleep 0.05  # the poll's interval
done
kill -INT "$run"
set +e
wait "$run"
code=$?
set -e
[ "$code" != 0 ] || fail "an interrupted run reported success"
grep -q "stopped on request\|interrupted" "$work/interrupted.err" || fail "no word of the stop: $(cat "$work/interrupted.err")"
[ -z "$(running_in_lab)" ] || fail "processes left running after Ctrl-C: $(running_in_lab)"

# 3. Clean-up stops the lab's own leftovers (same id, start time and folder) and nothing else.
mkdir -p "$CLUSTERSCOPE_LAB_DIR/runs/leftover"
python3 -c 'import time; time.sleep(600)' "$CLUSTERSCOPE_LAB_DIR/runs/leftover" &
leftover=$!
python3 -c 'import time; time.sleep(600)' "$work/not-the-lab" &
stranger=$!
ticks() { awk '{ sub(/.*\) /, ""); print $20 }' "/proc/$1/stat"; }
for _ in $(seq 100); do [ -n "$(ticks $leftover)" ] && [ -n "$(ticks $stranger)" ] && break; done
{
  echo "$leftover $(ticks $leftover) $CLUSTERSCOPE_LAB_DIR/runs/leftover"
  echo "$stranger $(( $(ticks $stranger) + 1 )) $work/not-the-lab"   # its id, another start time
  echo "$stranger $(ticks $stranger) $CLUSTERSCOPE_LAB_DIR/runs/elsewhere"  # its id, another folder
} > "$CLUSTERSCOPE_LAB_DIR/processes.txt"
"$cli" lab clean > "$work/clean.out"
grep -q "stopped 1 process" "$work/clean.out" || fail "lab clean: $(cat "$work/clean.out")"
wait "$leftover" 2> /dev/null || true
kill -0 "$leftover" 2> /dev/null && fail "the lab's leftover is still running"
kill -0 "$stranger" 2> /dev/null || fail "lab clean stopped a process that was not the lab's"
kill "$stranger"
[ ! -e "$CLUSTERSCOPE_LAB_DIR/runs/leftover" ] || fail "lab clean left the runs"
[ -z "$(running_in_lab)" ] || fail "processes left running: $(running_in_lab)"
echo "lab: all checks passed"
