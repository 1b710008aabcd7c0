// event: waiters block until MainProcess sets the flag; they clear it and wait again, one
// kind for as long as it takes, the other only for a timeout.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <vector>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(import multiprocessing
import time

WAITERS = 2  # parameter: waiters
TIMEOUT = 5.0  # parameter: timeout


def now():
    return time.strftime("%H:%M:%S")


def mytest1(e):
    name = multiprocessing.current_process().name
    e.wait()  # blocks until the flag is set
    time.sleep(1)
    print("flag is:", e.is_set())
    e.clear()  # so that the next wait() blocks again
    print(f"{now()} {name}: we're a team, I'll wait for you")
    e.wait()
    print(f"{now()} {name}: there you are, let's go together")


def mytest2(e, timeout):
    name = multiprocessing.current_process().name
    e.wait()
    time.sleep(1)
    print("flag is:", e.is_set())
    e.clear()
    print(f"{now()} {name}: fine, but I'll only wait {timeout} s")
    if e.wait(timeout):  # False when the timeout passes first
        print(f"{now()} {name}: you made it, let's go")
    else:
        print(f"{now()} {name}: time's up, I'm going on")


if __name__ == "__main__":
    name = multiprocessing.current_process().name
    event = multiprocessing.Event()
    waiters = []
    for i in range(WAITERS):
        if i % 2 == 0:
            p = multiprocessing.Process(target=mytest1, args=(event,))
        else:
            p = multiprocessing.Process(target=mytest2, args=(event, TIMEOUT))
        waiters.append(p)
        p.start()

    print(f"{now()} {name}: who will wait for me? I need 8 s")
    event.set()  # wakes every waiter at once
    time.sleep(8)
    print(f"{now()} {name}: thanks, I caught up")
    event.set()
    for p in waiters:
        p.join()
    print(f"{now()} {name}: we all made it to the top")
)py";

std::string now() {
    return mp::strftime("%H:%M:%S");
}

void mytest1(mp::Event e) {
    const auto& name = mp::current_process().name;
    py::at(14), e.wait(); // blocks until the flag is set
    py::at(15), mp::sleep(1);
    py::at(16), mp::print("flag is:", py::str(e.is_set()));
    py::at(17), e.clear(); // so that the next wait() blocks again
    py::at(18), mp::print(now(), name + ": we're a team, I'll wait for you");
    py::at(19), e.wait();
    py::at(20), mp::print(now(), name + ": there you are, let's go together");
}

void mytest2(mp::Event e, double timeout) {
    const auto& name = mp::current_process().name;
    py::at(25), e.wait();
    py::at(26), mp::sleep(1);
    py::at(27), mp::print("flag is:", py::str(e.is_set()));
    py::at(28), e.clear();
    py::at(29), mp::print(now(), name + ": fine, but I'll only wait " + py::str(timeout) + " s");
    if (py::at(30), e.wait(timeout)) // false when the timeout passes first
        py::at(31), mp::print(now(), name + ": you made it, let's go");
    else
        py::at(33), mp::print(now(), name + ": time's up, I'm going on");
}

void main(const mp::Params& params) {
    const auto& name = mp::current_process().name;
    mp::Event event("event");
    std::vector<mp::Process> waiters;
    for (int i = 0; i < params.integer("waiters"); ++i) {
        mp::Process p = i % 2 == 0
                            ? mp::Process(mytest1, mp::args(event))
                            : mp::Process(mytest2, mp::args(event, params.number("timeout")));
        waiters.push_back(p);
        py::at(46), p.start();
    }

    py::at(48), mp::print(now(), name + ": who will wait for me? I need 8 s");
    py::at(49), event.set(); // wakes every waiter at once
    py::at(50), mp::sleep(8);
    py::at(51), mp::print(now(), name + ": thanks, I caught up");
    py::at(52), event.set();
    for (auto& p : waiters)
        py::at(54), p.join();
    py::at(55), mp::print(now(), name + ": we all made it to the top");
}

} // namespace

Scenario event() {
    Scenario s;
    s.id = "event";
    s.title = MPVIZ_TR_NOOP("lesson", "Event: wait until someone sets the flag");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Every waiter starts blocked on wait of 'event' (flag 0). MainProcess says it needs "
        "8 s and sets the flag: all waiters wake together - set wakes everyone, and the flag "
        "stays up until someone clears it. Each sleeps 1 s, prints the flag and clears it; "
        "the first to clear wins, so the others may already print False. Then they wait "
        "again. Process-1 (and every odd one) waits with no timeout and stays blocked until "
        "MainProcess sets the flag a second time, 8 s later. Process-2 (every even one) waits "
        "only `timeout` seconds: watch its wait end early with result false and the line "
        "'time's up'. Make timeout longer than 7 s and the second set reaches it too. The "
        "tutorial's race is kept: a waiter that starts only after the others cleared the "
        "flag misses the first set.");
    s.parameters = {
        Parameter::integer(
            "waiters", 1, 6,
            MPVIZ_TR_NOOP("lesson",
                          "how many processes wait (odd ones forever, even ones with a timeout)")),
        Parameter::number(
            "timeout", 0.5, 20,
            MPVIZ_TR_NOOP("lesson",
                          "seconds the even waiters wait the second time before giving up")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"mytest1", mytest1}, {"mytest2", mytest2}}};
    return s;
}

} // namespace mpviz::scenarios
