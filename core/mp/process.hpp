#pragma once
// multiprocessing.Process: a real child process, spawned fresh (Python's "spawn" start
// method), that runs one of the scenario's registered targets: `Process(worker,
// mp::args(sem, hold))` for Python's `Process(target=worker, args=(sem, hold))`.

#include "mp/args.hpp"
#include "mp/target.hpp"
#include "trace/event.hpp"

#include <cstdint>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::mp {

struct ProcessOptions {
    std::string name; // empty: "<kind>-N" as Python numbers them ("Process-1")
    bool daemon = false;
    std::string kind = "Process"; // Pool workers are "ForkPoolWorker-N"
    // The shared object this process works for (its start event names it): a Pool's workers
    // are the pool's. No object for an ordinary process.
    std::uint16_t worksFor = trace::kNoObject;
};

class Process {
  public:
    template <class R, class... P, class... A>
    Process(R (*target)(P...), ArgList<A...> arguments = {}, ProcessOptions options = {})
        : Process(function_name(target), std::move(arguments.values), std::move(options)) {
        checkCall(target, arguments);
    }

    void start();
    // Waits until the child ends, or for `timeout` seconds (scaled by speed).
    // Returns true when the child has ended.
    bool join(std::optional<double> timeout = std::nullopt);
    bool is_alive() const;
    void terminate();                    // a real SIGTERM
    std::optional<int> exitcode() const; // negative: killed by that signal

    int pid() const; // 0 before start
    const std::string& name() const;
    bool daemon() const;
    void set_daemon(bool daemon); // before start, as in Python
    std::string repr() const;     // "<Process name='Process-1' pid=4242 parent=4241 started>"

    struct State;
    explicit Process(std::shared_ptr<State> state) : state_(std::move(state)) {}

  private:
    friend class Pool; // its workers run the pool's own loop, not a scenario target
    Process(std::string target, std::vector<Arg> args, ProcessOptions options);
    std::shared_ptr<State> state_; // copies refer to one child, like Python references
};

// The running process as Python's multiprocessing.current_process() sees it.
struct CurrentProcess {
    std::string name;
    int pid = 0;
    bool daemon = false;
};
const CurrentProcess& current_process();

// The children started by this process that have not been joined and are still running.
std::vector<Process> active_children();
int cpu_count();

// Ends this process's program with an exit code, as sys.exit(code).
[[noreturn]] void exit(int code);

} // namespace mpviz::mp
