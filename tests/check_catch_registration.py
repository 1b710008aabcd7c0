#!/usr/bin/env python3
"""Fails unless every Catch2 case is exactly one CTest entry, and each entry runs that case.

For each Catch2 binary (bin/mpviz_*_tests): the cases it lists must match one to one the
CTest entries labelled with the binary's name, each entry's test spec must select exactly its
own case, and a spec that selects nothing must make the binary fail. Other CTest entries
(fuzz targets, Python tests) are not counted.

Usage: tests/check_catch_registration.py BUILD_DIR
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ENV = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def listed_names(command):
    """The case names a Catch2 command line would run, as Catch2 lists them."""
    result = subprocess.run(command + ["--list-test-names-only"], env=ENV,
                            capture_output=True, text=True, timeout=120)
    # Catch2 exits with the number of cases listed; a signal or exception gives a negative code.
    if result.returncode < 0:
        raise RuntimeError(f"{command[0]} died listing its cases: {result.stderr.strip()}")
    return [line for line in result.stdout.split("\n") if line]


def check_binary(binary, entries):
    problems = []
    cases = listed_names([str(binary)])
    if len(set(cases)) != len(cases):
        problems.append(f"{binary.name} lists a case name twice")
    if len(entries) != len(cases):
        problems.append(f"{binary.name} has {len(cases)} Catch2 cases but {len(entries)} CTest entries")

    with ThreadPoolExecutor(max_workers=4) as pool:
        selected = list(pool.map(lambda e: listed_names(e["command"]), entries))
    covered = []
    for entry, names in zip(entries, selected):
        if len(names) != 1:
            problems.append(f"CTest entry '{entry['name']}' selects {len(names)} cases, not one")
        covered += names
        if "NoTests" not in entry["command"]:
            problems.append(f"CTest entry '{entry['name']}' passes when it runs no case "
                            "(no --warn NoTests)")
    for name in sorted(set(cases) - set(covered)):
        problems.append(f"Catch2 case '{name}' of {binary.name} is run by no CTest entry")

    # The guard itself: a spec that selects nothing must fail, or a broken entry passes.
    nothing = subprocess.run([str(binary), "no case has this name", "--warn", "NoTests"],
                             env=ENV, capture_output=True, timeout=120)
    if nothing.returncode == 0:
        problems.append(f"{binary.name} passes when its test spec matches no case")
    return len(cases), problems


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    build = Path(sys.argv[1]).resolve()
    shown = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build, check=True,
                           capture_output=True, text=True)
    tests = json.loads(shown.stdout)["tests"]

    def labels(test):
        for prop in test.get("properties", []):
            if prop["name"] == "LABELS":
                return prop["value"]
        return []

    binaries = sorted((build / "bin").glob("mpviz_*_tests"))
    if not binaries:
        sys.exit(f"no Catch2 test binary (mpviz_*_tests) in {build / 'bin'}")
    problems = []
    for binary in binaries:
        entries = [t for t in tests
                   if binary.name in labels(t)
                   or Path(t.get("command", [""])[0]).resolve() == binary.resolve()]
        unlabelled = [t["name"] for t in entries if binary.name not in labels(t)]
        problems += [f"CTest entry '{n}' runs {binary.name} without its label" for n in unlabelled]
        count, found = check_binary(binary, entries)
        problems += found
        print(f"{binary.name}: {count} Catch2 cases, {len(entries)} CTest entries")
    for problem in problems:
        print("registration: " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
