// shared-value: workers add 1 to a Value in shared memory; `v.value += 1` is a read then a
// write, so without a Lock two workers can read the same number and an update is lost.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(from contextlib import nullcontext
import multiprocessing as mp
import time

WORKERS = 2  # parameter: workers
INCREMENTS = 5  # parameter: increments
USE_LOCK = True  # parameter: use_lock


def job(v, lock, increments, use_lock):
    with lock if use_lock else nullcontext():
        for _ in range(increments):
            time.sleep(0.1)
            v.value += 1  # a read, then a write
            print(v.value)


if __name__ == "__main__":
    v = mp.Value("i", 0)
    lock = mp.Lock()
    ps = [mp.Process(target=job, args=(v, lock, INCREMENTS, USE_LOCK)) for _ in range(WORKERS)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("final value:", v.value, "expected:", WORKERS * INCREMENTS)
)py";

void job(mp::Value v, mp::Lock lock, std::int64_t increments, bool use_lock) {
    py::With with(11, lock, use_lock); // with lock if use_lock else nullcontext():
    for (std::int64_t i = 0; i < increments; ++i) {
        py::at(13), mp::sleep(0.1);
        py::at(14), v += 1; // a read, then a write
        py::at(15), mp::print(v.get());
    }
}

void main(const mp::Params& params) {
    mp::Value v = (py::at(19), mp::Value(0, "v")); // a Value starts with a write
    mp::Lock lock("lock");
    const auto workers = params.integer("workers");
    const auto increments = params.integer("increments");
    std::vector<mp::Process> ps;
    for (std::int64_t i = 0; i < workers; ++i)
        ps.emplace_back(job, mp::args(v, lock, increments, params.flag("use_lock")));
    for (auto& p : ps)
        py::at(23), p.start();
    for (auto& p : ps)
        py::at(25), p.join();
    py::at(26), mp::print("final value:", v.get(), "expected:", workers * increments);
}

} // namespace

Scenario sharedValue() {
    Scenario s;
    s.id = "shared-value";
    s.title = MPVIZ_TR_NOOP("lesson", "Value: shared memory and lost updates");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "'v' lives in shared memory, so every worker sees the same number, and each "
        "`v.value += 1` is two steps: a read, then a write (both show on the timeline and "
        "on the 'v' card; the 'v' track under the lanes charts the number). With use_lock "
        "each worker holds 'lock' for its whole loop: the "
        "others are blocked on acquire, the workers take turns and the final value is "
        "exactly workers x increments. Set use_lock=false and they run together: if one "
        "reads between another's read and write, both write the same number and an "
        "increment is lost, so the final value falls short of the expected one. In run "
        "mode the window is tiny and losses are rare; in step mode, grant a read to each "
        "worker before either writes and you lose one every time: the write that erases the "
        "other's is ringed 'lost update' on the timeline and named on the 'v' card.");
    s.parameters = {
        Parameter::integer("workers", 1, 8, MPVIZ_TR_NOOP("lesson", "how many processes add to v")),
        Parameter::integer(
            "increments", 1, 100,
            MPVIZ_TR_NOOP("lesson", "how many times each worker adds 1, 0.1 s apart")),
        Parameter::flag(
            "use_lock",
            MPVIZ_TR_NOOP("lesson",
                          "hold the lock around each worker's loop (false: updates get lost)")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"job", job}}};
    return s;
}

} // namespace mpviz::scenarios
