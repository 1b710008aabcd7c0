// lock: three (or more) workers print four timestamped lines each; with a Lock held for
// the whole loop the output comes in clean blocks, without it the lines interleave.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(from contextlib import nullcontext
from multiprocessing import Process, Lock
import time

WORKERS = 3  # parameter: workers
USE_LOCK = True  # parameter: use_lock


def task(name, lock, use_lock):
    with lock if use_lock else nullcontext():
        n = 5
        while n > 1:
            print(time.strftime("%H:%M:%S") + " " + name + " output")
            time.sleep(1)
            n -= 1


if __name__ == "__main__":
    lock = Lock()
    for i in range(1, WORKERS + 1):
        p = Process(target=task, args=(f"task{i}", lock, USE_LOCK))
        p.start()
    # no join: the program still waits for its children before it ends
)py";

void task(std::string name, mp::Lock lock, bool use_lock) {
    py::With with(10, lock, use_lock); // with lock if use_lock else nullcontext():
    int n = 5;
    while (n > 1) {
        py::at(13), mp::print(mp::strftime("%H:%M:%S") + " " + name + " output");
        py::at(14), mp::sleep(1);
        n -= 1;
    }
}

void main(const mp::Params& params) {
    mp::Lock lock("lock");
    for (int i = 1; i <= params.integer("workers"); ++i) {
        mp::Process p(task, mp::args("task" + std::to_string(i), lock, params.flag("use_lock")));
        py::at(22), p.start();
    }
    // no join: the program still waits for its children before it ends
}

} // namespace

Scenario lock() {
    Scenario s;
    s.id = "lock";
    s.title = MPVIZ_TR_NOOP("lesson", "Lock: one writer at a time");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Each taskN prints four timestamped lines, one a second. With use_lock each worker "
        "holds 'lock' for its whole loop: on the timeline one process runs while the others "
        "sit blocked on acquire, and the output comes in clean blocks of four, taking "
        "workers x 4 s. Which waiter gets the lock next is up to the OS, not the start "
        "order. Set use_lock=false and all run at once: the lines interleave and the run "
        "takes 4 s - harmless for prints, but a file or a shared value written this way "
        "gets mixed up. MainProcess never joins; watch it reach its end and still wait for "
        "its children, as Python does for non-daemon processes.");
    s.parameters = {
        Parameter::integer("workers", 1, 8,
                           MPVIZ_TR_NOOP("lesson", "how many task processes print")),
        Parameter::flag(
            "use_lock",
            MPVIZ_TR_NOOP("lesson",
                          "hold the lock around each task's loop (false: lines interleave)")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"task", task}}};
    return s;
}

} // namespace mpviz::scenarios
