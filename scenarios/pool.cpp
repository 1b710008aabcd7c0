// pool: a Pool of a few worker processes runs many tasks, a few at a time, and hands the
// results back in submission order.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>
#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(import multiprocessing
import time

PROCESSES = 3  # parameter: processes
TASKS = 10  # parameter: tasks


def square(x):
    print(f"{time.strftime('%H:%M:%S')}: task {x} starts")
    time.sleep(3)
    return x * x


if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=PROCESSES)
    results = [pool.apply_async(square, args=(i,)) for i in range(TASKS)]
    pool.close()  # no more tasks
    pool.join()  # wait until the workers finished them all and exited
    print([r.get() for r in results])
)py";

std::int64_t square(std::int64_t x) {
    py::at(9), mp::print(mp::strftime("%H:%M:%S") + ": task " + std::to_string(x) + " starts");
    py::at(10), mp::sleep(3);
    return x * x;
}

void main(const mp::Params& params) {
    mp::Pool pool = (py::at(15), mp::Pool(static_cast<int>(params.integer("processes")), "pool"));
    std::vector<mp::AsyncResult> results;
    for (int i = 0; i < params.integer("tasks"); ++i)
        py::at(16), results.push_back(pool.apply_async(square, mp::args(i)));
    py::at(17), pool.close(); // no more tasks
    py::at(18), pool.join();  // wait until the workers finished them all and exited
    std::vector<std::string> values;
    for (auto& r : results)
        py::at(19), values.push_back(r.get());
    py::at(19), mp::print(py::list(values));
}

} // namespace

Scenario pool() {
    Scenario s;
    s.id = "pool";
    s.title = MPVIZ_TR_NOOP("lesson", "Pool: a fixed team of workers");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Pool(3) starts three worker processes once and feeds them tasks through a queue. "
        "The apply_async calls all return at once - watch MainProcess submit every task "
        "without waiting - but only three squares run at a time: each worker takes the next "
        "task as soon as it is free, so ten 3-second tasks take four rounds (12 s) instead "
        "of 30 s, done by the same three pids. close() says no more tasks are coming; join() "
        "waits until the workers have emptied the queue and exited. The results list comes "
        "back in submission order, whatever order the tasks finished in.");
    s.parameters = {
        Parameter::integer("processes", 1, 8,
                           MPVIZ_TR_NOOP("lesson", "how many worker processes the pool keeps")),
        Parameter::integer(
            "tasks", 1, 40,
            MPVIZ_TR_NOOP("lesson", "how many square(i) tasks are submitted, 3 s each")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"square", square}}};
    return s;
}

} // namespace mpviz::scenarios
