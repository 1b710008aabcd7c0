// pipe: two processes talk over the two ends of one duplex Pipe, first one way, then the
// other.

#include "lessons.hpp"
#include "mp/mp.hpp"
#include "python.hpp"

#include <string>

namespace mpviz::scenarios {
namespace {

constexpr const char* listing = R"py(import multiprocessing
import time

MESSAGES = 5  # parameter: messages


def now():
    return time.strftime("%H:%M:%S")


def mytest(conn, count):
    for i in range(count):
        msg = f"mytest-{i}"
        print(f"{now()} mytest sends {msg}")
        conn.send(msg)
    time.sleep(2)
    for i in range(count):
        msg = conn.recv()  # blocks until a message is there
        print(f"{now()} mytest received {msg}")


def mytest02(conn, count):
    for i in range(count):
        msg = conn.recv()
        print(f"{now()} mytest02 received {msg}")
    time.sleep(1)
    for i in range(count):
        msg = f"mytest02-{i}"
        print(f"{now()} mytest02 sends {msg}")
        conn.send(msg)


if __name__ == "__main__":
    conn1, conn2 = multiprocessing.Pipe()  # duplex: both ends send and receive
    p1 = multiprocessing.Process(target=mytest, args=(conn1, MESSAGES))
    p2 = multiprocessing.Process(target=mytest02, args=(conn2, MESSAGES))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
)py";

std::string now() {
    return mp::strftime("%H:%M:%S");
}

void mytest(mp::Connection conn, std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) {
        const std::string msg = "mytest-" + std::to_string(i);
        py::at(14), mp::print(now(), "mytest sends", msg);
        py::at(15), conn.send(msg);
    }
    py::at(16), mp::sleep(2);
    for (std::int64_t i = 0; i < count; ++i) {
        const std::string msg = (py::at(18), conn.recv()); // blocks until a message is there
        py::at(19), mp::print(now(), "mytest received", msg);
    }
}

void mytest02(mp::Connection conn, std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) {
        const std::string msg = (py::at(24), conn.recv());
        py::at(25), mp::print(now(), "mytest02 received", msg);
    }
    py::at(26), mp::sleep(1);
    for (std::int64_t i = 0; i < count; ++i) {
        const std::string msg = "mytest02-" + std::to_string(i);
        py::at(29), mp::print(now(), "mytest02 sends", msg);
        py::at(30), conn.send(msg);
    }
}

void main(const mp::Params& params) {
    auto [conn1, conn2] = mp::Pipe(true, "conn1, conn2"); // duplex: both ends send and receive
    mp::Process p1(mytest, mp::args(conn1, params.integer("messages")));
    mp::Process p2(mytest02, mp::args(conn2, params.integer("messages")));
    py::at(37), p1.start();
    py::at(38), p2.start();
    py::at(39), p1.join();
    py::at(40), p2.join();
}

} // namespace

Scenario pipe() {
    Scenario s;
    s.id = "pipe";
    s.title = MPVIZ_TR_NOOP("lesson", "Pipe: two ends, both ways");
    s.explanation = MPVIZ_TR_NOOP(
        "lesson",
        "Pipe() returns two connected ends, here duplex: each end can send and receive. "
        "Process-1 sends all its messages at once - send does not wait for the reader while "
        "the pipe has room, watch the byte count of 'conn1, conn2' rise - then sleeps 2 s. "
        "Process-2 "
        "is blocked on recv until each message arrives, reads them all, sleeps 1 s and "
        "answers over the same pipe in the other direction; Process-1 finds the answers "
        "waiting when it wakes and its recv no longer blocks. Give each end to one process: "
        "two processes reading one end at the same time can tear messages apart. (The "
        "tutorial passes the same function to both processes by mistake; this is the "
        "program it meant.)");
    s.parameters = {
        Parameter::integer("messages", 1, 20,
                           MPVIZ_TR_NOOP("lesson", "how many messages each side sends")),
    };
    s.listing = listing;
    s.program = {.main = main, .targets = {{"mytest", mytest}, {"mytest02", mytest02}}};
    return s;
}

} // namespace mpviz::scenarios
