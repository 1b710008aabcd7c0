// lock-order: two processes take two Locks in opposite order, each ends up holding what
// the other wants; taking them in one agreed order cures it.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(from multiprocessing import Process, Lock, current_process
import time

ORDERED = False  # parameter: ordered


def worker(first, first_name, second, second_name):
    name = current_process().name
    with first:
        print(name, "holds", first_name)
        time.sleep(0.5)
        print(name, "wants", second_name)
        with second:
            print(name, "holds", first_name, "and", second_name)


if __name__ == "__main__":
    lock_a = Lock()
    lock_b = Lock()
    p1 = Process(target=worker, args=(lock_a, "lock_a", lock_b, "lock_b"))
    if ORDERED:  # everyone takes lock_a before lock_b
        p2 = Process(target=worker, args=(lock_a, "lock_a", lock_b, "lock_b"))
    else:  # the opposite order: each may end up holding what the other wants
        p2 = Process(target=worker, args=(lock_b, "lock_b", lock_a, "lock_a"))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print("both done")
)py";

void worker(mp::Lock first, std::string first_name, mp::Lock second, std::string second_name) {
    const auto& name = mp::current_process().name;
    py::With with_first(9, first);
    py::at(10), mp::print(name, "holds", first_name);
    py::at(11), mp::sleep(0.5);
    py::at(12), mp::print(name, "wants", second_name);
    py::With with_second(13, second);
    py::at(14), mp::print(name, "holds", first_name, "and", second_name);
}

void main(const mp::Params& params) {
    mp::Lock lock_a("lock_a");
    mp::Lock lock_b("lock_b");
    mp::Process p1(worker, mp::args(lock_a, "lock_a", lock_b, "lock_b"));
    mp::Process p2 = params.flag("ordered") // everyone takes lock_a before lock_b
                         ? mp::Process(worker, mp::args(lock_a, "lock_a", lock_b, "lock_b"))
                         // the opposite order: each may end up holding what the other wants
                         : mp::Process(worker, mp::args(lock_b, "lock_b", lock_a, "lock_a"));
    py::at(25), p1.start();
    py::at(26), p2.start();
    py::at(27), p1.join();
    py::at(28), p2.join();
    py::at(29), mp::print("both done");
}

} // namespace

Scenario lockOrder() {
    Scenario s;
    s.id = "lock-order";
    s.title = MPVIZ_TR_NOOP("lesson", "Deadlock: two locks, opposite order");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Process-1 takes lock_a then lock_b; Process-2 takes lock_b then lock_a. Each gets "
        "its first lock, sleeps 0.5 s, then asks for the other one: both are blocked on "
        "acquire, each holding the lock the other wants, and MainProcess is blocked joining "
        "them. Nothing can ever move again; mpviz finds the cycle (Process-1 waits for "
        "Process-2's lock_b, Process-2 for Process-1's lock_a), reports a deadlock and stops "
        "the run. With ordered=true both take lock_a first: the second one blocks on lock_a "
        "while holding nothing, so the first can take lock_b, finish and release, and the "
        "run always completes. One agreed order for all locks is the standard cure.");
    s.parameters = {
        Parameter::flag(
            "ordered",
            MPVIZ_TR_NOOP("lesson", "both processes take lock_a before lock_b (no deadlock)")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"worker", worker}}};
    return s;
}

} // namespace mpviz::scenarios
