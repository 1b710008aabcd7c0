// lifecycle: a process from start to exit code — name, pid, is_alive, join with a
// timeout, daemon or not, terminate, and what each way of ending leaves in exitcode.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <stdexcept>
#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(import multiprocessing
import sys
import time


def daemon():
    name = multiprocessing.current_process().name
    print("Starting:", name)
    time.sleep(2)
    print("Exiting :", name)


def non_daemon():
    name = multiprocessing.current_process().name
    print("Starting:", name)
    print("Exiting :", name)


def exit_error():
    sys.exit(1)


def exit_ok():
    return


def return_value():
    return 1  # the value is dropped: exit code 0


def raises():
    raise RuntimeError("There was an error!")


def terminated():
    time.sleep(3)


if __name__ == "__main__":
    d = multiprocessing.Process(name="daemon", target=daemon)
    d.daemon = True
    n = multiprocessing.Process(name="non-daemon", target=non_daemon)
    n.daemon = False
    d.start()
    n.start()
    print("d.name:", d.name, "d.pid:", d.pid, "d.is_alive():", d.is_alive())

    d.join(1)  # wait one second at most
    print("d.is_alive()", d.is_alive())
    n.join()

    jobs = []
    for f in [exit_error, exit_ok, return_value, raises, terminated]:
        print("Starting process for", f.__name__)
        j = multiprocessing.Process(target=f, name=f.__name__)
        jobs.append(j)
        j.start()

    jobs[-1].terminate()
    for j in jobs:
        j.join()
        print("%15s.exitcode = %s" % (j.name, j.exitcode))
    # the daemon is still asleep: it is terminated as the program ends
)py";

void daemon() {
    const auto& name = mp::current_process().name;
    py::at(8), mp::print("Starting:", name);
    py::at(9), mp::sleep(2);
    py::at(10), mp::print("Exiting :", name);
}

void non_daemon() {
    const auto& name = mp::current_process().name;
    py::at(15), mp::print("Starting:", name);
    py::at(16), mp::print("Exiting :", name);
}

void exit_error() {
    mp::exit(1);
}

void exit_ok() {}

void return_value() {} // Python's `return 1`: the value is dropped, exit code 0

void raises() {
    throw std::runtime_error("There was an error!");
}

void terminated() {
    py::at(36), mp::sleep(3);
}

void main(const mp::Params&) {
    mp::Process d(daemon, {}, {.name = "daemon", .daemon = true});
    mp::Process n(non_daemon, {}, {.name = "non-daemon", .daemon = false});
    py::at(44), d.start();
    py::at(45), n.start();
    py::at(46),
        mp::print("d.name:", d.name(), "d.pid:", d.pid(), "d.is_alive():", py::str(d.is_alive()));

    py::at(48), d.join(1); // wait one second at most
    py::at(49), mp::print("d.is_alive()", py::str(d.is_alive()));
    py::at(50), n.join();

    std::vector<mp::Process> jobs;
    for (auto f : {exit_error, exit_ok, return_value, raises, terminated}) {
        py::at(54), mp::print("Starting process for", mp::function_name(f));
        mp::Process j(f, {}, {.name = mp::function_name(f)});
        jobs.push_back(j);
        py::at(57), j.start();
    }

    py::at(59), jobs.back().terminate();
    for (auto& j : jobs) {
        py::at(61), j.join();
        py::at(62), mp::print(py::rjust(j.name(), 15) + ".exitcode = " + py::str(j.exitcode()));
    }
    // the daemon is still asleep: it is terminated as the program ends
}

} // namespace

Scenario lifecycle() {
    Scenario s;
    s.id = "lifecycle";
    s.title = MPVIZ_TR_NOOP("lesson", "Process: start, join, daemon, exit codes");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Two children start together: 'daemon' sleeps 2 s, 'non-daemon' is done at once. "
        "MainProcess joins the daemon with a 1 s timeout: watch its join end after one "
        "second while the daemon is still sleeping (d.is_alive() True) - a timeout stops "
        "the waiting, not the child. Then five short processes show the exit codes, which "
        "join collects: sys.exit(1) gives 1, returning (with or without a value) gives 0, "
        "an uncaught exception gives 1, and 'terminated' gives -15: its parent sends SIGTERM "
        "right after starting it, usually before its target even begins, so it seldom gets "
        "as far as its sleep. Last, MainProcess reaches its end with the daemon still "
        "asleep: a daemon never holds the program up, it is terminated and never prints "
        "'Exiting', where a non-daemon child would have been waited for.");
    s.listing = listing;
    s.program = {.main = main,
                 .targets = {{"daemon", daemon},
                             {"non_daemon", non_daemon},
                             {"exit_error", exit_error},
                             {"exit_ok", exit_ok},
                             {"return_value", return_value},
                             {"raises", raises},
                             {"terminated", terminated}}};
    return s;
}

} // namespace mpviz::scenarios
