#!/usr/bin/env python3
"""Checks one `mpviz run` trace against its lesson's own invariants.

Usage: check_trace.py LESSON EXIT_CODE TRACE.json [k=v ...]
Prints one line per broken invariant and exits 1 if there is any. Written against
docs/trace-format.md only, independently of mpviz's own trace code.
"""
import json
import os
import re
import sys

EXIT_OF_OUTCOME = {"completed": 0, "deadlock": 3, "timeout": 4}


class Trace:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            root = json.load(f)
        self.other = root["otherData"]
        # Trace order breaks ties between events of the same timestamp.
        self.events = sorted(enumerate(root["traceEvents"]), key=lambda ie: (ie[1].get("ts", 0), ie[0]))
        self.events = [e for _, e in self.events]
        self.names = {p["pid"]: p["name"] for p in self.other["processes"]}
        self.exitcodes = {p["name"]: p["exitcode"] for p in self.other["processes"]}

    def ops(self, name, obj=None):
        return [e for e in self.events
                if e["ph"] == "i" and e["name"] == name and not e["args"].get("failed")
                and (obj is None or e["args"].get("object") == obj)]

    def counters(self, obj):
        return [e["args"]["value"] for e in self.events if e["ph"] == "C" and e["name"] == obj]

    def process(self, event):
        return self.names.get(event["pid"], str(event["pid"]))


class Checker:
    def __init__(self, lesson, exit_code, trace, params):
        self.lesson, self.exit_code, self.t, self.params = lesson, exit_code, trace, params
        self.problems = []

    def expect(self, ok, message):
        if not ok:
            self.problems.append(message)
        return ok

    def param(self, name, default):
        return type(default)(self.params.get(name, default))

    def outcome(self, wanted):
        got = self.t.other["outcome"]
        self.expect(got == wanted, f"outcome {got}, expected {wanted}")
        self.expect(self.exit_code == EXIT_OF_OUTCOME.get(got),
                    f"exit code {self.exit_code} for outcome {got}")

    def exitcodes(self, wanted):
        for name, code in self.t.exitcodes.items():
            allowed = wanted.get(name, wanted.get("*"))
            allowed = allowed if isinstance(allowed, (set, tuple)) else {allowed}
            self.expect(code in allowed, f"{name} exit code {code}, expected {sorted(allowed)}")

    def slices_never_overlap(self):
        ends = {}
        for e in self.t.events:
            if e["ph"] != "X":
                continue
            last = ends.get(e["pid"], float("-inf"))
            self.expect(e["ts"] >= last - 0.001,
                        f"{self.t.process(e)}: a {e['name']} slice at {e['ts']} overlaps the one before")
            ends[e["pid"]] = e["ts"] + e["dur"]

    def holders_at_most(self, obj, permits):
        """An acquire is recorded once held and a release before letting go, so the
        acquire..release intervals of different processes may never exceed the permits."""
        holders, most = [], 0
        for e in self.t.events:
            if e["ph"] != "i" or e["args"].get("object") != obj or e["args"].get("failed"):
                continue
            if e["name"] == "acquire":
                holders.append(self.t.process(e))
                most = max(most, len(holders))
                self.expect(len(holders) <= permits,
                            f"{obj} held by {holders} at {e['ts']} (at most {permits})")
            elif e["name"] == "release":
                who = self.t.process(e)
                if self.expect(who in holders, f"{who} released {obj} it did not hold at {e['ts']}"):
                    holders.remove(who)
        for v in self.t.counters(obj):
            self.expect(0 <= v <= permits, f"{obj} counter {v} outside 0..{permits}")
        return most

    def fifo(self, puts, gets, what):
        put_items = [e["args"]["item"] for e in puts]
        got_items = [e["args"]["item"] for e in gets]
        self.expect(put_items == got_items,
                    f"{what}: got {got_items} for put {put_items} (lost, doubled or reordered)")

    def deadlock_between(self, names):
        found = [e for e in self.t.events if e["ph"] == "i" and e["name"] == "deadlock"]
        if self.expect(len(found) == 1, f"{len(found)} deadlock events, expected 1"):
            cycle = set(found[0]["args"]["names"])
            self.expect(cycle == set(names), f"deadlock cycle {sorted(cycle)}, expected {sorted(names)}")

    # --- one method per lesson -------------------------------------------------------

    def lock(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        workers = self.param("workers", 3)
        if self.param("use_lock", "true") == "true":
            self.holders_at_most("lock", 1)
        self.expect(len(self.t.ops("print")) == 4 * workers, "not every worker printed its 4 lines")

    def semaphore(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        workers, permits = self.param("workers", 5), self.param("permits", 2)
        self.holders_at_most("sem", permits)
        self.expect(len(self.t.ops("acquire", "sem")) == workers, "not every worker acquired once")
        self.expect(len(self.t.ops("release", "sem")) == workers, "not every worker released once")

    def event(self):
        sets = self.t.ops("set", "event")
        if not self.expect(len(sets) == 2, f"{len(sets)} sets of the event, expected 2"):
            return
        # The program itself can hang: a waiter that reaches its clear() only after main's
        # second set (main sleeps just 8 s between them) then waits forever, while main joins
        # it. That must be reported as the deadlock it is, and only then.
        late = {self.t.process(e) for e in self.t.ops("clear", "event") if e["ts"] > sets[1]["ts"]}
        timed = {self.t.process(e) for e in self.t.events
                 if e["ph"] == "X" and e["name"] == "blocked" and e["args"].get("timed")}
        forever = sorted(late - timed)
        if forever:
            self.outcome("deadlock")
            found = [e for e in self.t.events if e["ph"] == "i" and e["name"] == "deadlock"]
            cycle = set(found[0]["args"]["names"]) if found else set()
            self.expect("MainProcess" in cycle and cycle & set(forever),
                        f"deadlock cycle {sorted(cycle)} misses MainProcess or {forever}")
        else:
            self.outcome("completed")
            self.exitcodes({"*": 0})
        first_waits = {}
        for e in self.t.ops("wait", "event"):
            first_waits.setdefault(self.t.process(e), e)
        if not forever:
            self.expect(len(first_waits) == self.param("waiters", 2), "not every waiter woke")
        for who, e in first_waits.items():
            self.expect(e["args"].get("result") is True, f"{who}'s first wait returned false")
            self.expect(e["ts"] >= sets[0]["ts"], f"{who} woke at {e['ts']} before the first set")

    def queue(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        items, consumers = self.param("items", 10), self.param("consumers", 1)
        puts, gets = self.t.ops("put", "queue"), self.t.ops("get", "queue")
        self.expect(len(puts) == items + consumers, f"{len(puts)} puts, expected {items + consumers}")
        if consumers == 1:  # with several consumers the recorded order of gets is the OS's
            self.fifo(puts, gets, "queue")
        else:
            self.expect(sorted(e["args"]["item"] for e in puts) == sorted(e["args"]["item"] for e in gets),
                        "queue: not every put item was got once")
        self.expect(len(self.t.ops("task_done", "queue")) == len(gets), "a get without its task_done")
        maxsize = self.param("maxsize", 5)
        for v in self.t.counters("queue"):
            self.expect(0 <= v <= maxsize, f"queue length {v} outside 0..{maxsize}")

    def pipe(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        messages = self.param("messages", 5)
        for end in (0, 1):
            sends = [e for e in self.t.ops("send", "pipe") if e["args"]["end"] == end]
            recvs = [e for e in self.t.ops("recv", "pipe") if e["args"]["end"] == 1 - end]
            self.expect(len(sends) == messages, f"end {end} sent {len(sends)}, expected {messages}")
            self.fifo(sends, recvs, f"pipe from end {end}")

    def pool(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        processes, tasks = self.param("processes", 3), self.param("tasks", 10)
        running, most, calls, ends = set(), 0, {}, {}
        for e in self.t.events:
            if e["ph"] != "i" or e["args"].get("object") != "pool":
                continue
            task = e["args"].get("task")
            if e["name"] == "task_start":
                self.expect(task not in calls, f"task {task} started twice")
                calls[task] = e["args"]["call"]
                running.add(task)
                most = max(most, len(running))
            elif e["name"] == "task_end":
                self.expect(task not in ends, f"task {task} ended twice")
                ends[task] = e["args"]["result"]
                running.discard(task)
        self.expect(most <= processes, f"{most} tasks at once in a pool of {processes}")
        self.expect(sorted(calls) == list(range(tasks)), f"tasks run {sorted(calls)}, expected 0..{tasks - 1}")
        for task, call in calls.items():
            x = int(re.fullmatch(r"square\((-?\d+)\)", call).group(1))
            self.expect(ends.get(task) == str(x * x), f"{call} gave {ends.get(task)}")

    def deadlock_on_join(self):
        small = self.param("bytes", 1000000) < 60000
        if self.param("fixed", "false") == "true" or small:
            self.outcome("completed")
            self.exitcodes({"*": 0})
            prints = [e["args"]["text"] for e in self.t.ops("print")]
            self.expect(prints == [str(self.param("bytes", 1000000))], f"main printed {prints}")
        else:
            self.outcome("deadlock")
            self.deadlock_between(["MainProcess", "Process-1"])
            self.exitcodes({"*": -9})

    def shared_value(self):
        self.outcome("completed")
        self.exitcodes({"*": 0})
        workers, increments = self.param("workers", 2), self.param("increments", 5)
        if self.param("use_lock", "true") == "true":
            self.holders_at_most("lock", 1)
            writes = self.t.ops("write", "v")
            final = writes[-1]["args"]["value"] if writes else None
            self.expect(final == workers * increments,
                        f"final value {final}, expected {workers * increments} (an update was lost)")

    def lock_order(self):
        if self.param("ordered", "false") == "true":
            self.outcome("completed")
            self.exitcodes({"*": 0})
            self.holders_at_most("lock_a", 1)
            self.holders_at_most("lock_b", 1)
            return
        # Each worker sleeps 0.5 s between its two locks. Once both hold their first lock the
        # run must end in a deadlock; a machine that starts Process-2 only after Process-1
        # took both locks lets it complete, which is right too (and what Python does).
        if self.t.other["outcome"] == "completed" and "schedule" not in self.params:
            self.outcome("completed")
            self.exitcodes({"*": 0})
            self.expect(self.holders_of_both_first_locks() < 2,
                        "both workers held their first lock at once, yet no deadlock was found")
            return
        self.outcome("deadlock")
        self.deadlock_between(["Process-1", "Process-2"])
        self.exitcodes({"*": -9})
        self.expect(self.holders_of_both_first_locks() == 2,
                    "a deadlock reported while the workers did not both hold their first lock")

    def holders_of_both_first_locks(self):
        """The most workers that were at once between their first and their second acquire."""
        acquired, released, most = {}, set(), 0
        for e in self.t.events:
            if e["ph"] != "i" or e["args"].get("object") not in ("lock_a", "lock_b"):
                continue
            if e["args"].get("failed"):
                continue
            who = self.t.process(e)
            if e["name"] == "acquire":
                acquired[who] = acquired.get(who, 0) + 1
            elif e["name"] == "release":
                released.add(who)
            most = max(most, sum(1 for w, n in acquired.items() if n == 1 and w not in released))
        return most

    def lifecycle(self):
        self.outcome("completed")
        # The daemon sleeps 2 s and main ends about 1 s in: it is terminated then, unless
        # the machine held main back past the daemon's own end.
        self.exitcodes({"MainProcess": 0, "non-daemon": 0, "exit_ok": 0, "return_value": 0,
                        "exit_error": 1, "raises": 1, "terminated": -15, "daemon": {0, -15}})
        self.expect(len(self.t.exitcodes) == 8, f"{len(self.t.exitcodes)} processes, expected 8")

    def run(self):
        check = getattr(self, self.lesson.replace("-", "_"), None)
        if check is None:
            return [f"no invariants known for lesson {self.lesson}: add them to {sys.argv[0]}"]
        check()
        self.slices_never_overlap()
        for pid, name in self.t.names.items():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    alive = b"mpviz-child" in f.read()
            except OSError:
                alive = False
            self.expect(not alive, f"{name} (pid {pid}) is still running after the run")
        return self.problems


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip())
    lesson, exit_code, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    params = dict(arg.split("=", 1) for arg in sys.argv[4:])
    try:
        problems = Checker(lesson, exit_code, Trace(path), params).run()
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        problems = [f"unreadable trace {os.path.basename(path)}: {error!r}"]
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
