#!/usr/bin/env bash
# Builds the tests with a sanitizer, in a build directory of its own, and runs them.
#
#   tests/sanitize.sh address   ASan + UBSan: the core and process tests (build-asan; .ci/run runs it)
#   tests/sanitize.sh thread    TSan: the engine and step-mode tests, i.e. the process tests (build-tsan)
#
# Every report fails the run, also one from a process a test started (mpviz, mpviz-child, the
# janitor): reports go to files under a log directory (log_path) instead of a stderr that a
# test may capture or a scenario process may not have, and any file there is a failure.
# The GUI tests are left out: Qt's own code is not built with the sanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/prepare.sh

case ${1:-} in
  address)
    dir=${BUILD_DIR:-build-asan}
    flags=(-DMPVIZ_SANITIZE=ON)
    targets=(mpviz_core_tests mpviz_process_tests)
    skip=""
    ;;
  thread)
    # Unoptimised: it builds in half the time, and the tests mostly wait on processes.
    dir=${BUILD_DIR:-build-tsan}
    flags=(-DMPVIZ_TSAN=ON -DCMAKE_BUILD_TYPE=Debug)
    targets=(mpviz_process_tests)
    # Two tests need the lifecycle lesson's daemon still asleep when MainProcess ends.
    # Under TSan, starting each of MainProcess's later children takes so long that the
    # daemon wakes and exits first (a slower lesson does not help: start-up is not scaled).
    # They run in the ordinary build (./test.sh).
    skip="lifecycle: exit codes, join with a timeout and the daemon"
    skip+="|mpviz run's trace has an exit event with the signal for every process"
    # Forty whole runs of shared-value (mpviz run --repeat 20, twice): under TSan they need
    # more than the 120 s a test may take. They run in ./test.sh and under ASan.
    skip+="|mpviz run --repeat with --schedule random finds the lost update"
    ;;
  *)
    echo "usage: tests/sanitize.sh address|thread" >&2
    exit 2
    ;;
esac

logs=$(mktemp -d /tmp/mpviz-sanitizer-XXXXXX)
trap 'rm -rf "$logs"' EXIT
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$logs/tsan"

start=$(date +%s)
install_missing_packages
[ -f "$dir/build.ninja" ] ||
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" -DMPVIZ_GUI=OFF -DMPVIZ_BENCHMARKS=OFF
# The build runs each test binary once to list its cases: a report there counts too.
cmake --build "$dir" -j "${JOBS:-$(nproc)}" --target "${targets[@]}"
python3 tests/check_catch_registration.py "$dir"
labels=$(IFS='|'; echo "${targets[*]}")
status=0
# The kill matrix checks that everything is gone within 3 s of a kill; under ASan the
# processes are several times slower and a killed worker's partner outlives that bound.
# It runs in the ordinary build (./test.sh) instead.
ctest --test-dir "$dir" --output-on-failure -j 2 --timeout 300 -L "^($labels)\$" \
  -E "Killing any part of a running lesson${skip:+|$skip}" || status=$?

reports=("$logs"/*)
if [ -e "${reports[0]}" ]; then
  for report in "${reports[@]}"; do
    echo "=== sanitizer report $(basename "$report")"
    cat "$report"
  done
  echo "sanitize $1: ${#reports[@]} process(es) reported an error" >&2
  status=1
fi
echo "sanitize $1: $([ $status -eq 0 ] && echo clean || echo FAILED) in $(($(date +%s) - start)) s"
exit $status
