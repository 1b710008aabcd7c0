// deadlock-on-join: a child puts a big item on a Queue and MainProcess joins it before
// reading — the child cannot exit until its data is read, so neither ever moves.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(from multiprocessing import Process, Queue

BYTES = 1000000  # parameter: bytes
FIXED = False  # parameter: fixed


def f(q, size):
    q.put("X" * size)


if __name__ == "__main__":
    queue = Queue()
    p = Process(target=f, args=(queue, BYTES))
    p.start()
    if FIXED:
        obj = queue.get()  # read first: now the child can finish and exit
        p.join()
    else:
        p.join()  # this deadlocks: the child waits for a reader
        obj = queue.get()
    print(len(obj))
)py";

void f(mp::Queue q, std::int64_t size) {
    py::at(8), q.put(std::string(static_cast<std::size_t>(size), 'X'));
}

void main(const mp::Params& params) {
    mp::Queue queue(0, "queue");
    mp::Process p(f, mp::args(queue, params.integer("bytes")));
    py::at(14), p.start();
    mp::Item obj;
    if (params.flag("fixed")) {
        py::at(16), obj = queue.get(); // read first: now the child can finish and exit
        py::at(17), p.join();
    } else {
        py::at(19), p.join(); // this deadlocks: the child waits for a reader
        py::at(20), obj = queue.get();
    }
    py::at(21), mp::print(obj->size());
}

} // namespace

Scenario deadlockOnJoin() {
    Scenario s;
    s.id = "deadlock-on-join";
    s.title = MPVIZ_TR_NOOP("lesson", "Deadlock: joining before reading the queue");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "The child puts one big item (a million 'X's) on 'queue' and returns, but it cannot "
        "exit yet: a process that put data on a Queue first waits until its feeder thread "
        "has pushed all of it into the underlying pipe, and a pipe holds only about 64 KiB "
        "until someone reads. MainProcess calls join() before get(): it waits for the child "
        "to exit while the child waits for MainProcess to read. Both stay blocked forever; "
        "mpviz finds the cycle, reports a deadlock and stops the run. Set fixed=true to get "
        "first and join second. Or make bytes smaller than the pipe buffer: "
        "up to 65,514 characters, which pickled with their length header fill its 65,536 bytes, "
        "the wrong order then happens to work, which is how this bug slips through small "
        "tests.");
    s.parameters = {
        Parameter::integer(
            "bytes", 1, 10000000,
            MPVIZ_TR_NOOP(
                "lesson",
                "size of the item the child puts (above 65514 it no longer fits the pipe)")),
        Parameter::flag("fixed", MPVIZ_TR_NOOP("lesson", "get the item before joining the child")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"f", f}}};
    return s;
}

} // namespace mpviz::scenarios
