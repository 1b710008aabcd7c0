#!/usr/bin/env python3
"""Makes the fuzz seed corpus from real runs of every lesson.

    tests/fuzz/capture_corpus.py [BIN_DIR]      (default: build/bin)

chrome_json/<lesson>.json is the trace `mpviz run LESSON --speed 20 --trace` wrote.
wire/<lesson>-<process>.bin is every byte one scenario process sent the engine during that
same run. The bytes are caught by a relay, so neither mpviz nor its children change: mpviz
runs from a copy beside a stand-in mpviz-child that points each scenario process at the
relay's socket before running the real mpviz-child; the relay passes every byte on to the
engine's socket and keeps a copy of what the process said.

Run it again whenever the wire protocol or the trace format changes (the old seeds would
only test the refusal of an old version). Existing seeds of these names are replaced;
regression inputs (other names) are left alone.
"""

import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SPEED = "20"
# Settings that keep a run's trace small; the lesson's defaults for everything else.
SMALL = {
    "pool": ["--set", "tasks=4"],
    "queue": ["--set", "items=4"],
    "semaphore": ["--set", "workers=3"],
    "shared-value": ["--set", "workers=2", "--set", "increments=3"],
}
# Step-mode runs: every operation is announced (Intent) before it is granted.
STEPPED = {"lock-order": ["--schedule", "round-robin"]}

STAND_IN = """#!/bin/sh
# Stand-in for mpviz-child (tests/fuzz/capture_corpus.py): talk to the relay, not the engine.
if [ "$MPVIZ_SOCKET" != "{relay}" ] && [ -n "$MPVIZ_SOCKET" ]; then
    printf '%s' "$MPVIZ_SOCKET" > "{upstream}"
    MPVIZ_SOCKET="{relay}"
    export MPVIZ_SOCKET
fi
exec "{real}" "$@"
"""


class Relay:
    """Accepts scenario processes on `path`, joins each to the engine's socket (named in
    the file `upstream`), and keeps what each process sent."""

    def __init__(self, path, upstream):
        self.upstream = upstream
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen(64)
        self.lock = threading.Lock()
        self.streams = []  # bytearray per connection, in order of connection
        self.threads = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                child, _ = self.server.accept()
            except OSError:
                return
            engine = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            engine.connect(Path(self.upstream).read_text())
            said = bytearray()
            with self.lock:
                self.streams.append(said)
            for source, sink, record in ((child, engine, said), (engine, child, None)):
                t = threading.Thread(target=self.pump, args=(source, sink, record), daemon=True)
                t.start()
                with self.lock:
                    self.threads.append(t)

    @staticmethod
    def pump(source, sink, record):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if record is not None:
                    record += data
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (sink, source):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def take(self):
        with self.lock:
            threads, self.threads = self.threads, []
        for t in threads:
            t.join(timeout=10)
        with self.lock:
            streams, self.streams = self.streams, []
        return streams

    def close(self):
        self.server.close()


def process_name(stream):
    """The name in a stream's hello frame: type 1, u32 length, u16 version, i32 pid,
    i32 ppid, u8 daemon, u32 name length, name."""
    if len(stream) < 20 or stream[0] != 1:
        return None
    (size,) = struct.unpack_from("<I", stream, 16)
    return stream[20 : 20 + size].decode("utf-8", "replace")


def file_name(text):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def main():
    bin_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "build/bin").resolve()
    mpviz, child = bin_dir / "mpviz", bin_dir / "mpviz-child"
    for needed in (mpviz, child):
        if not needed.is_file():
            sys.exit(f"capture_corpus: {needed} is missing; build mpviz and mpviz-child first")
    lessons = [s["id"] for s in json.loads(subprocess.check_output([str(mpviz), "list", "--json"]))]

    work = Path(tempfile.mkdtemp(prefix="mpviz-fuzz-capture-"))
    relay = None
    try:
        relay_path, upstream = work / "relay.sock", work / "upstream"
        shutil.copy2(mpviz, work / "mpviz")  # mpviz runs the mpviz-child beside itself
        stand_in = work / "mpviz-child"
        stand_in.write_text(STAND_IN.format(relay=relay_path, upstream=upstream, real=child))
        stand_in.chmod(0o755)
        relay = Relay(relay_path, upstream)
        for folder in ("wire", "chrome_json"):
            (CORPUS / folder).mkdir(parents=True, exist_ok=True)
        for lesson in lessons:
            trace = CORPUS / "chrome_json" / f"{lesson}.json"
            command = [str(work / "mpviz"), "run", lesson, "--speed", SPEED, "--quiet",
                       "--trace", str(trace)] + SMALL.get(lesson, []) + STEPPED.get(lesson, [])
            result = subprocess.run(command, stdout=subprocess.DEVNULL, timeout=120)
            streams = relay.take()
            print(f"{lesson}: exit {result.returncode}, {len(streams)} processes, "
                  f"{sum(map(len, streams))} wire bytes, {trace.stat().st_size} trace bytes")
            for stream in streams:
                name = process_name(stream)
                if name is None:
                    sys.exit(f"capture_corpus: {lesson}: a connection did not start with hello")
                (CORPUS / "wire" / f"{lesson}-{file_name(name)}.bin").write_bytes(stream)
    finally:
        if relay:
            relay.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
