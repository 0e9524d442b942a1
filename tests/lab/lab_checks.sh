# Sourced by the lab's engine tests (test_lab_pg.sh, test_lab_patroni.sh) after they set $work:
# a fresh work folder with the lab's folder in it, `fail`, and the check that nothing of the lab's
# is left running.

# A failed earlier run's servers' folders are outside $work: clean-up removes them first.
if [ -d "$work/lab" ]; then CLUSTERSCOPE_LAB_DIR="$work/lab" "$cli" lab clean > /dev/null || true; fi
rm -rf "$work"
mkdir -p "$work"
export CLUSTERSCOPE_LAB_DIR="$work/lab"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The lab's processes: any whose command line or working folder is in the lab's folder or in one of
# its servers' folders (listed in server-folders.txt: /var/tmp/clusterscope-lab/... for root,
# /var/tmp/clusterscope-lab-UID/... for anyone else). PostgreSQL's children ("postgres: n1:
# walsender ...") name neither on their command line, but work in their data folder. Other runs of
# the lab elsewhere on the machine are not this test's. Zombies (dead, waiting for their parent to
# collect them) have no working folder and do not count.
ours() {
  local folders=("$CLUSTERSCOPE_LAB_DIR")
  if [ -f "$CLUSTERSCOPE_LAB_DIR/server-folders.txt" ]; then
    while read -r f; do [ -n "$f" ] && folders+=("$f"); done < "$CLUSTERSCOPE_LAB_DIR/server-folders.txt"
  fi
  local pid name cwd cmd
  # (pgrep -x takes no pattern longer than a process name, 15 characters.)
  ps -eo pid=,comm= | while read -r pid name; do
    case "$name" in
      postgres | patroni | etcd | python3 | setpriv | psql | pgbench | pg_basebackup | pg_rewind | initdb | pg_ctl) ;;
      *) continue ;;
    esac
    cwd=$(readlink "/proc/$pid/cwd" 2> /dev/null) || continue
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null) || continue
    for f in "${folders[@]}"; do
      case "$cwd/ $cmd" in *"$f"*)
        echo "$pid $cmd (in $cwd)"
        break
        ;;
      esac
    done
  done
}
left_running() {
  # Processes the run stopped may take a moment to leave the process table: poll, with a deadline.
  local deadline=$((SECONDS + 10))
  while [ -n "$(ours)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  ours
}
