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

std::string square(const mp::Args& a) {
    const auto x = a.integer(0);
    mp::print(mp::strftime("%H:%M:%S") + ": task " + std::to_string(x) + " starts");
    mp::sleep(3);
    return std::to_string(x * x);
}

void main(const mp::Params& params) {
    mp::Pool pool(static_cast<int>(params.integer("processes")), "pool");
    std::vector<mp::AsyncResult> results;
    for (int i = 0; i < params.integer("tasks"); ++i)
        results.push_back(pool.apply_async("square", {i}));
    pool.close(); // no more tasks
    pool.join();  // wait until the workers finished them all and exited
    std::vector<std::string> values;
    for (auto& r : results)
        values.push_back(r.get());
    mp::print(py::list(values));
}

} // namespace

Scenario pool() {
    Scenario s;
    s.id = "pool";
    s.title = "Pool: a fixed team of workers";
    s.explanation =
        "Pool(3) starts three worker processes once and feeds them tasks through a queue. "
        "The apply_async calls all return at once - watch MainProcess submit every task "
        "without waiting - but only three squares run at a time: each worker takes the next "
        "task as soon as it is free, so ten 3-second tasks take four rounds (12 s) instead "
        "of 30 s, done by the same three pids. close() says no more tasks are coming; join() "
        "waits until the workers have emptied the queue and exited. The results list comes "
        "back in submission order, whatever order the tasks finished in.";
    s.parameters = {
        {.name = "processes",
         .kind = Parameter::Kind::Integer,
         .defaultValue = 3,
         .minimum = 1,
         .maximum = 8,
         .help = "how many worker processes the pool keeps"},
        {.name = "tasks",
         .kind = Parameter::Kind::Integer,
         .defaultValue = 10,
         .minimum = 1,
         .maximum = 40,
         .help = "how many square(i) tasks are submitted, 3 s each"},
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {}, .tasks = {{"square", square}}};
    s.lineOfOp = py::lines(listing, {
                                        {"square:task_start", "def square(x):"},
                                        {"square:print", "print("},
                                        {"square:sleep", "time.sleep(3)"},
                                        {"square:task_end", "return x * x"},
                                        {"main:submit", "pool.apply_async"},
                                        {"main:close", "pool.close()"},
                                        {"main:join", "pool.join()"},
                                        {"main:print", "print("},
                                    });
    return s;
}

} // namespace mpviz::scenarios
