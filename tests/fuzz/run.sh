#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each one
# from the committed corpus: for 20 seconds each by default, or for RUNS inputs each.
#   tests/fuzz/run.sh            # the short budget CI uses
#   tests/fuzz/run.sh 10000000   # ten million inputs per target
# A crash leaves its input in build-fuzz/tests/fuzz/crashes/<target>/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
if [[ -n "$RUNS" && ! "$RUNS" =~ ^[0-9]+$ ]]; then
    echo "usage: tests/fuzz/run.sh [RUNS]   (RUNS: inputs per target, a whole number)" >&2
    exit 2
fi
BUDGET=${RUNS:+-runs=$RUNS}
BUDGET=${BUDGET:--max_total_time=20}
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMPVIZ_FUZZ=ON -DMPVIZ_GUI=OFF -DMPVIZ_BENCHMARKS=OFF "-DMPVIZ_FUZZ_BUDGET=$BUDGET" >/dev/null
cmake --build "$BUILD_DIR" -j 2 --target mpviz_fuzz_wire mpviz_fuzz_chrome_json
# The whole output goes to build-fuzz/fuzz.log; the console gets the verdicts and figures.
ctest --test-dir "$BUILD_DIR" -L fuzz -V 2>&1 | tee "$BUILD_DIR/fuzz.log" |
    grep -E "Test +#|Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec)|SUMMARY|ERROR|runtime error|Test unit written|tests passed"
