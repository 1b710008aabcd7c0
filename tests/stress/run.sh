#!/usr/bin/env bash
# Stress: every lesson RUNS times (default 50) on a machine whose cores are all kept busy by
# a CPU hog, each trace checked against the lesson's invariants (check_trace.py).
#
#   tests/stress/run.sh                 # from the repository root, after ./test.sh built build/
#   RUNS=5 SPEED=50 tests/stress/run.sh # fewer runs; MPVIZ=path/to/mpviz for another build
#
# Exits 0 only if every run kept every invariant. Failing traces and logs are kept and named.
set -euo pipefail
cd "$(dirname "$0")/../.."
MPVIZ=${MPVIZ:-build/bin/mpviz}
RUNS=${RUNS:-50}
SPEED=${SPEED:-50}
CHECK=tests/stress/check_trace.py
# The system CPython starts in 30 ms; a pyenv shim would add a shell and 0.4 s to each check.
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
[ -x "$MPVIZ" ] || { echo "stress: no $MPVIZ; build first (./test.sh)" >&2; exit 2; }

work=$(mktemp -d /tmp/mpviz-stress-XXXXXX)
hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hogs[@]}"; do wait "$pid" 2>/dev/null || true; done
  hogs=()
}
finish() {
  stop_hogs
  rm -rf "$work/run"
  rmdir "$work" 2>/dev/null || true # kept when it holds failures
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One busy loop per core. Each also ends by itself once this script is gone, even after a
# SIGKILL that no trap sees.
script_pid=$$
for _ in $(seq "$(nproc)"); do
  (while kill -0 "$script_pid" 2>/dev/null; do for _ in {1..20000}; do :; done; done) &
  hogs+=($!)
done

# Every lesson at its defaults, the fixed versions of the two deadlocks, and lock-order
# under a round-robin schedule (step mode), which must deadlock however the OS schedules.
mapfile -t lessons < <("$MPVIZ" list | awk '/^[^ ]/ {print $1}')
[ ${#lessons[@]} -gt 0 ] || { echo "stress: '$MPVIZ list' named no lesson" >&2; exit 2; }
configs=("${lessons[@]}" "lock-order ordered=true" "deadlock-on-join fixed=true"
  "lock-order schedule=round-robin")

echo "stress: ${#configs[@]} configurations x $RUNS runs at ${SPEED}x speed, $(nproc) hog loops"
start=$(date +%s)
runs=0
failures=0
declare -A failed_of
for round in $(seq "$RUNS"); do
  for config in "${configs[@]}"; do
    read -r lesson params <<<"$config"
    sets=()
    for p in $params; do
      case $p in
        schedule=*) sets+=(--schedule "${p#schedule=}") ;;
        *) sets+=(--set "$p") ;;
      esac
    done
    mkdir -p "$work/run"
    code=0
    timeout 120 "$MPVIZ" run "$lesson" "${sets[@]}" --speed "$SPEED" --quiet \
      --trace "$work/run/trace.json" >"$work/run/output.txt" 2>&1 || code=$?
    runs=$((runs + 1))
    if ! "$PYTHON" "$CHECK" "$lesson" "$code" "$work/run/trace.json" $params >"$work/run/problems.txt" 2>&1; then
      failures=$((failures + 1))
      failed_of[$config]=$((${failed_of[$config]:-0} + 1))
      kept="$work/failure-$failures-${lesson}"
      mv "$work/run" "$kept"
      echo "FAIL round $round: $config (exit $code): $(head -3 "$kept/problems.txt" | paste -sd '|')"
    fi
    rm -rf "$work/run"
  done
  echo "round $round/$RUNS: $runs runs, $failures failures, $(($(date +%s) - start)) s"
done

elapsed=$(($(date +%s) - start))
echo "stress: $runs runs, $failures failures in $elapsed s"
for config in "${!failed_of[@]}"; do
  echo "  $config: ${failed_of[$config]} of $RUNS failed"
done
[ "$failures" -eq 0 ] || { echo "stress: failing traces kept in $work"; exit 1; }
