#!/usr/bin/env bash
# Shared by ./run.sh and ./test.sh: install what is missing, then configure and build.
# Sourced, not run: the caller sets BUILD_DIR and CMAKE_EXTRA beforehand if it wants.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libboost1.81-dev libboost-filesystem1.81-dev libboost-json1.81-dev
  catch2 libbenchmark-dev
  xvfb xauth imagemagick poppler-utils
  python3 python3-lib2to3 python3-dev
  dpkg-dev desktop-file-utils appstream
  # mpviz_bench_lttng measures one event against an LTTng-UST tracepoint in the same run
  # (the reference DESIGN.md names); without these it builds but only says what is missing.
  liblttng-ust-dev lttng-tools
  # Chinese glyphs: the tutorials mpviz teaches from print Chinese, which Qt would draw as
  # empty boxes without a CJK font (Qt falls back to it through fontconfig). WenQuanYi Micro
  # Hei has every Chinese character of GB2312, GBK and Big5 (fc-query's charset: 20,932
  # ideographs), simplified and traditional, for a 1.6 MB download (5 MB installed);
  # fonts-noto-cjk adds Japanese and Korean styles but is 56 MB (91 MB installed).
  fonts-wqy-microhei
)

install_missing_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "mpviz: installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "mpviz: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja "$@"
  fi
  cmake --build "$dir" -j "$(nproc)"
}

# What ./run.sh and ./test.sh begin with: everything installed and built in $BUILD_DIR
# (default: build, which it sets for the caller to use).
install_and_build() {
  BUILD_DIR=${BUILD_DIR:-build}
  install_missing_packages
  configure_and_build "$BUILD_DIR"
}
