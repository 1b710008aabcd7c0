// queue: a producer of ice-lollies and slow consumers share a bounded JoinableQueue; the
// full queue holds the producer back, poison pills end the consumers.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>
#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing =
    R"py(from multiprocessing import Process, JoinableQueue, current_process
import time

MAXSIZE = 5  # parameter: maxsize
ITEMS = 10  # parameter: items
CONSUMERS = 1  # parameter: consumers


def now():
    return time.strftime("%H:%M:%S")


def producer(q, items):
    name = current_process().name
    for n in range(1, items + 1):
        q.put(f"ice-lolly {n}")  # blocks while the queue is full
        print(f"{now()} {name} put ice-lolly {n}")
        time.sleep(1)


def consumer(q):
    name = current_process().name
    while True:
        item = q.get()  # blocks while the queue is empty
        if item is None:  # poison pill: time to stop
            print(f"{name}: Exiting")
            q.task_done()
            break
        print(f"{now()} {name} took {item}")
        time.sleep(5)
        q.task_done()


if __name__ == "__main__":
    queue = JoinableQueue(maxsize=MAXSIZE)
    p1 = Process(target=producer, args=(queue, ITEMS))
    consumers = [Process(target=consumer, args=(queue,)) for _ in range(CONSUMERS)]
    p1.start()
    for c in consumers:
        c.start()

    p1.join()
    for _ in consumers:
        queue.put(None)  # one pill per consumer
    queue.join()  # until every item got its task_done()
    for c in consumers:
        c.join()
)py";

std::string now() {
    return mp::strftime("%H:%M:%S");
}

void producer(mp::JoinableQueue q, std::int64_t items) {
    const auto& name = mp::current_process().name;
    for (std::int64_t n = 1; n <= items; ++n) {
        py::at(16), q.put("ice-lolly " + std::to_string(n)); // blocks while the queue is full
        py::at(17), mp::print(now(), name, "put ice-lolly", n);
        py::at(18), mp::sleep(1);
    }
}

void consumer(mp::JoinableQueue q) {
    const auto& name = mp::current_process().name;
    while (true) {
        const mp::Item item = (py::at(24), q.get()); // blocks while the queue is empty
        if (item == mp::None) {                      // poison pill: time to stop
            py::at(26), mp::print(name + ": Exiting");
            py::at(27), q.task_done();
            break;
        }
        py::at(29), mp::print(now(), name, "took", *item);
        py::at(30), mp::sleep(5);
        py::at(31), q.task_done();
    }
}

void main(const mp::Params& params) {
    mp::JoinableQueue queue(static_cast<int>(params.integer("maxsize")), "queue");
    mp::Process p1(producer, mp::args(queue, params.integer("items")));
    std::vector<mp::Process> consumers;
    for (int i = 0; i < params.integer("consumers"); ++i)
        consumers.emplace_back(consumer, mp::args(queue));
    py::at(38), p1.start();
    for (auto& c : consumers)
        py::at(40), c.start();

    py::at(42), p1.join();
    for (std::size_t i = 0; i < consumers.size(); ++i)
        py::at(44), queue.put(mp::None); // one pill each
    py::at(45), queue.join();            // until every item got its task_done()
    for (auto& c : consumers)
        py::at(47), c.join();
}

} // namespace

Scenario queue() {
    Scenario s;
    s.id = "queue";
    s.title = MPVIZ_TR_NOOP("lesson", "Queue: producer and consumers");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Process-1 makes an ice-lolly a second; each consumer takes one and needs 5 s to "
        "eat it. Watch the 'queue' card (and the 'queue' track under the lanes, its length over "
        "time) fill up to maxsize: from then on the producer is "
        "blocked on put until a consumer takes one, so the fast producer is held to the "
        "consumers' pace (back-pressure), while an empty queue blocks consumers on get. "
        "More consumers drain it faster. When the producer is done, MainProcess puts one "
        "poison pill (None) per consumer behind the remaining items; a consumer that gets "
        "one prints 'Exiting' and leaves its loop. queue.join() blocks MainProcess until "
        "every item, pills included, has had its task_done().");
    s.parameters = {
        Parameter::integer(
            "maxsize", 1, 20,
            MPVIZ_TR_NOOP("lesson", "how many items the queue holds before put blocks")),
        Parameter::integer(
            "items", 1, 50,
            MPVIZ_TR_NOOP("lesson", "how many ice-lollies the producer makes, one a second")),
        Parameter::integer(
            "consumers", 1, 4,
            MPVIZ_TR_NOOP("lesson", "how many consumer processes, 5 s per item each")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"producer", producer}, {"consumer", consumer}}};
    return s;
}

} // namespace mpviz::scenarios
