#!/usr/bin/env bash
# Builds the Debian package from a built tree into a temporary folder and checks it without
# installing it: its name and file list, its dependencies, the desktop entry and AppStream
# metainfo (desktop-file-validate, appstreamcli), that no path of the build machine is in its
# binaries, and that the unpacked tree runs a lesson and a Python program with the C recorder.
#
# Usage: tests/package/check_package.sh BUILD_DIR SOURCE_DIR VERSION APP_ID DEVELOPER
set -euo pipefail
build=$(cd "$1" && pwd -P)
source=$(cd "$2" && pwd -P)
version=$3
id=$4
developer=$5

work=$(mktemp -d /tmp/mpviz-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
deb="$work/out/mpviz_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { ls "$work/out" >&2; echo "FAIL: no $(basename "$deb")" >&2; exit 1; }

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
recorder=$(grep -E '^/usr/lib/mpviz/python/_mpviz_recorder\..*\.so$' "$work/files" || true)
[ -n "$recorder" ] || fail "no C recorder in /usr/lib/mpviz/python"
for f in /usr/bin/mpviz /usr/libexec/mpviz/mpviz-child \
         /usr/share/mpviz/python/sitecustomize.py /usr/share/mpviz/python/mpviz_shim/runtime.py \
         "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml" \
         "/usr/share/icons/hicolor/scalable/apps/$id.svg"; do
  grep -qxF "$f" "$work/files" || fail "$f is not in the package"
done
# mpviz-child is started by mpviz, never by a person: it stays out of PATH.
grep -q '^/usr/bin/mpviz-child$' "$work/files" && fail "mpviz-child is in /usr/bin"
grep -q '__pycache__' "$work/files" && fail "compiled Python (__pycache__) is in the package"

depends=$(dpkg-deb -f "$deb" Depends)
for d in python3 libqt6widgets6 libqt6svg6 libboost-json1.81.0 libboost-filesystem1.81.0; do
  grep -qE "(^|, )$d( |,|$)" <<<"$depends" || fail "Depends does not name $d: $depends"
done

dpkg-deb -x "$deb" "$work/root"
usr="$work/root/usr"
desktop-file-validate "$usr/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$usr/share/metainfo/$id.metainfo.xml" >"$work/appstream.log" 2>&1 ||
  { cat "$work/appstream.log" >&2; fail "appstreamcli validate"; }
grep -qx "Icon=$id" "$usr/share/applications/$id.desktop" || fail "the desktop entry's Icon is not $id"
# One name for who makes it, one licence for the metadata (README, "Install").
maintainer=$(dpkg-deb -f "$deb" Maintainer)
[ "$maintainer" = "$developer" ] || fail "Maintainer is '$maintainer', not '$developer'"
metainfo="$usr/share/metainfo/$id.metainfo.xml"
grep -qF "<developer_name>$developer</developer_name>" "$metainfo" ||
  fail "the metainfo's developer_name is not $developer"
grep -qF "<metadata_license>CC0-1.0</metadata_license>" "$metainfo" ||
  fail "the metainfo's metadata_license is not CC0-1.0"
grep -qx "Exec=mpviz %f" "$usr/share/applications/$id.desktop" ||
  fail "the desktop entry does not start mpviz from PATH"

# The installed tree finds its parts from where it is, never from where it was built.
for f in "$usr/bin/mpviz" "$usr/libexec/mpviz/mpviz-child" $recorder; do
  f=${f#/usr/}
  [ -f "$usr/$f" ] || continue
  for dir in "$build" "$source"; do
    grep -qaF "$dir" "$usr/$f" && fail "$f contains the build machine's path $dir"
  done
done

out=$("$usr/bin/mpviz" --version) || fail "mpviz --version failed"
[ "$out" = "mpviz $version" ] || fail "mpviz --version says '$out', not 'mpviz $version'"

# Unpacked anywhere, it runs: a lesson through libexec's mpviz-child, and a Python program
# through the shim in share/, which must find the C recorder in lib/.
cd "$work"
if ! "$usr/bin/mpviz" run lock --speed 50 --quiet >"$work/lock.log" 2>&1; then
  cat "$work/lock.log" >&2
  fail "the unpacked mpviz did not run the lock lesson"
fi
cat >"$work/prog.py" <<'PY'
import multiprocessing as mp


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    import mpviz_shim.runtime as runtime
    print("recorder:", runtime.native_recorder.__file__ if runtime.native_recorder else "pure Python")
    lock = mp.Lock()
    workers = [mp.Process(target=work, args=(lock,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
PY
if env -u MPVIZ_PURE_PYTHON -u MPVIZ_PYTHON_SHIM "$usr/bin/mpviz" run "$work/prog.py" --speed 50 \
    >"$work/prog.log" 2>&1; then
  grep -q "recorder: $usr/lib/mpviz/python/_mpviz_recorder" "$work/prog.log" ||
    { cat "$work/prog.log" >&2; fail "the shim did not load the packaged C recorder"; }
  grep -q '^processes: 3$' "$work/prog.log" ||
    { cat "$work/prog.log" >&2; fail "the Python program did not report its 3 processes"; }
else
  cat "$work/prog.log" >&2
  fail "the unpacked mpviz did not run a Python program"
fi

[ "$failures" -eq 0 ] || exit 1
echo "package: $(basename "$deb") checked ($(wc -l <"$work/files") entries)"
