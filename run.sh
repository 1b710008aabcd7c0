#!/usr/bin/env bash
# Install what is missing, build, and start mpviz. Arguments go to mpviz.
# With no display, runs a scenario headless and writes its trace and image.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/prepare.sh
install_and_build

MPVIZ="$BUILD_DIR/bin/mpviz"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$MPVIZ" "$@"
fi
mkdir -p out
echo "mpviz: no display found; running the 'lock' scenario headless."
set +e
"$MPVIZ" run lock --speed 4 --trace out/lock.json --export out/lock.png
code=$?
set -e
echo "mpviz: trace written to $(pwd)/out/lock.json, timeline image to $(pwd)/out/lock.png"
exit $code
