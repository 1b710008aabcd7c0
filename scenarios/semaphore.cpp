// semaphore: a Semaphore with a few permits lets only that many workers in at once; the
// others queue up on acquire and go in as permits come back.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(from multiprocessing import Process, Semaphore, current_process
import time

WORKERS = 5  # parameter: workers
PERMITS = 2  # parameter: permits
HOLD = 2.0  # parameter: hold


def worker(sem, hold):
    sem.acquire()  # take a permit; blocks while none is left
    print(time.strftime("%H:%M:%S"), current_process().name + " acquired")
    time.sleep(hold)
    print(time.strftime("%H:%M:%S"), current_process().name + " released")
    sem.release()  # give the permit back


if __name__ == "__main__":
    sem = Semaphore(PERMITS)
    workers = [Process(target=worker, args=(sem, HOLD)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()  # wait for every worker before the program ends
)py";

void worker(mp::Semaphore sem, double hold) {
    py::at(10), sem.acquire(); // take a permit; blocks while none is left
    py::at(11), mp::print(mp::strftime("%H:%M:%S"), mp::current_process().name + " acquired");
    py::at(12), mp::sleep(hold);
    py::at(13), mp::print(mp::strftime("%H:%M:%S"), mp::current_process().name + " released");
    py::at(14), sem.release(); // give the permit back
}

void main(const mp::Params& params) {
    mp::Semaphore sem(static_cast<int>(params.integer("permits")), "sem");
    std::vector<mp::Process> workers;
    for (int i = 0; i < params.integer("workers"); ++i)
        workers.emplace_back(worker, mp::args(sem, params.number("hold")));
    for (auto& p : workers)
        py::at(21), p.start();
    for (auto& p : workers)
        py::at(23), p.join(); // wait for every worker before the program ends
}

} // namespace

Scenario semaphore() {
    Scenario s;
    s.id = "semaphore";
    s.title = MPVIZ_TR_NOOP("lesson", "Semaphore: at most N at once");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "The semaphore 'sem' starts with `permits` permits; its card counts the permits free, "
        "one fewer at each acquire and one more at each release, and the 'sem' track under the "
        "lanes charts that count over time; a band under a worker's bar shows it holding a "
        "permit. Only that many workers are "
        "ever between 'acquired' and 'released': the rest are blocked on acquire until a "
        "holder releases, so the workers go through in waves of `permits`, each `hold` "
        "seconds long. A Lock is the special case permits=1; with permits >= workers nobody "
        "waits at all. This is how a program caps the use of a scarce resource, such as "
        "connections to a database.");
    s.parameters = {
        Parameter::integer("workers", 1, 12,
                           MPVIZ_TR_NOOP("lesson", "how many processes want a permit")),
        Parameter::integer(
            "permits", 1, 8,
            MPVIZ_TR_NOOP("lesson", "the semaphore's initial value: how many may hold it at once")),
        Parameter::number("hold", 0.1, 10,
                          MPVIZ_TR_NOOP("lesson", "seconds each worker keeps its permit")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"worker", worker}}};
    return s;
}

} // namespace mpviz::scenarios
