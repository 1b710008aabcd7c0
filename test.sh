#!/usr/bin/env bash
# Install what is missing, build, and run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/prepare.sh
install_and_build
# Every Catch2 case must be exactly one CTest entry that runs it, or part of the suite is silent.
python3 tests/check_catch_registration.py "$BUILD_DIR"
cd "$BUILD_DIR"
ctest --output-on-failure -j 2 --timeout 120 "$@"
