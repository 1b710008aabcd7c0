// The kill matrix: whatever is killed while a lesson runs (the `mpviz run` command, the
// window, MainProcess, a worker, the session's janitor), and however (SIGKILL, SIGTERM,
// SIGINT), within 3 s nothing of the session is left: no scenario process, no shared memory,
// no session directory, no temporary directory of the mpviz process.

#include "process_helpers.hpp"

#include "trace/exit_status.hpp"

#include <ctime>
#include <random>

#include <sys/stat.h>

using namespace mpviz::ptest;

namespace {

enum class Target { RunCommand, Window, MainProcess, Worker, Janitor };

const char* targetName(Target t) {
    switch (t) {
    case Target::RunCommand:
        return "the mpviz run command";
    case Target::Window:
        return "the window";
    case Target::MainProcess:
        return "MainProcess";
    case Target::Worker:
        return "a worker";
    case Target::Janitor:
        return "the janitor";
    }
    return "?";
}

// A lesson that runs for a couple of seconds, so that a moment chosen at random falls
// inside it and, once one of its processes is killed, it still ends well within the 3 s.
struct Lesson {
    std::string scenario;
    std::vector<std::string> runArgs;    // for `mpviz run SCENARIO …`
    std::vector<std::string> windowArgs; // for `mpviz --scenario SCENARIO …`
    int latestKillMs;                    // after its workers appeared
};

std::vector<Lesson> lessons(unsigned seed) {
    const std::string random = "random:" + std::to_string(seed);
    return {
        {"queue", {"--speed", "40"}, {"--speed", "20"}, 400}, // the window's fastest is 20x
        {"pool", {"--speed", "8"}, {"--speed", "8"}, 400},
        {"pipe", {"--speed", "3"}, {"--speed", "3"}, 400},
        // Step mode: the command line grants as soon as everything settled (sleeps end on
        // their grant), so the deadlock comes 30 to 400 ms after the workers appear. The
        // window steps by itself every 150 ms (--auto-steps). Both in the seed's order.
        {"lock-order", {"--schedule", random}, {"--policy", random, "--auto-steps", "100000"}, 30},
    };
}

// What one process of the host's family is, from its command line.
enum class Role { Main, Worker, Janitor, Other };
Role roleOf(int pid) {
    const auto cmd = commandLine(pid);
    if (contains(cmd, "--janitor")) return Role::Janitor;
    if (contains(cmd, "--role main")) return Role::Main;
    if (contains(cmd, "--target")) return Role::Worker;
    return Role::Other;
}

struct Family {
    std::vector<int> main, workers, janitors;
    std::vector<int> all() const {
        std::vector<int> out = main;
        out.insert(out.end(), workers.begin(), workers.end());
        out.insert(out.end(), janitors.begin(), janitors.end());
        return out;
    }
};

Family familyOf(int host) {
    Family f;
    for (int pid : descendantsOf(host)) {
        if (isDead(pid)) continue;
        switch (roleOf(pid)) {
        case Role::Main:
            f.main.push_back(pid);
            break;
        case Role::Worker:
            f.workers.push_back(pid);
            break;
        case Role::Janitor:
            f.janitors.push_back(pid);
            break;
        case Role::Other:
            break;
        }
    }
    return f;
}

// What a window without XDG_RUNTIME_DIR used to leave in the temporary directory, made
// since `since` (seconds of the realtime clock): Qt's fallback runtime directory
// "runtime-<user>", or a QTemporaryDir "mpviz-XXXXXX".
std::vector<std::string> strayTempDirsSince(std::time_t since) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), ec)) {
        const auto name = entry.path().filename().string();
        const bool runtime = name.rfind("runtime-", 0) == 0;
        const bool qtTemp = name.size() == 12 && name.rfind("mpviz-", 0) == 0 &&
                            name.find_first_of("_-", 6) == std::string::npos;
        struct stat st {};
        if ((runtime || qtTemp) && ::stat(entry.path().c_str(), &st) == 0 && st.st_ctime >= since)
            out.push_back(entry.path().string());
    }
    return out;
}

// Live processes (zombies do not count) whose command line or environment names something
// of the host's: every scenario process carries its session's socket path, the janitor the
// session directory, the window's children its runtime directory.
std::vector<int> processesOf(int host) {
    const std::string mark = "/mpviz-" + std::to_string(host) + "_";
    std::vector<int> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const auto name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const int pid = std::stoi(name);
        if (pid == host || isDead(pid)) continue;
        if (contains(commandLine(pid), mark) || contains(readFile(entry.path() / "environ"), mark))
            out.push_back(pid);
    }
    return out;
}

// Waits up to `bound` for `done` to hold.
template <class Done> bool within(std::chrono::milliseconds bound, Done done) {
    const auto until = std::chrono::steady_clock::now() + bound;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

} // namespace

TEST_CASE("Killing any part of a running lesson with any signal leaves nothing behind within 3 s",
          "[process][kill]") {
    const auto [target, signal] = GENERATE(table<Target, int>({
        {Target::RunCommand, SIGKILL},
        {Target::RunCommand, SIGTERM},
        {Target::RunCommand, SIGINT},
        {Target::Window, SIGKILL},
        {Target::Window, SIGTERM},
        {Target::Window, SIGINT},
        {Target::MainProcess, SIGKILL},
        {Target::MainProcess, SIGTERM},
        {Target::MainProcess, SIGINT},
        {Target::Worker, SIGKILL},
        {Target::Worker, SIGTERM},
        {Target::Worker, SIGINT},
        {Target::Janitor, SIGKILL},
        {Target::Janitor, SIGTERM},
        {Target::Janitor, SIGINT},
    }));
    static int round = 0; // rotates the lessons over the table's rows
    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    const auto all = lessons(seed);
    const Lesson& lesson = all[static_cast<std::size_t>(round++) % all.size()];
    const bool window = target == Target::Window;
    if (window && !MPVIZ_WITH_GUI) {
        SUCCEED("a build without Qt has no window to kill");
        return;
    }
    INFO("killing " << targetName(target) << " with " << mpviz::trace::signalName(signal)
                    << " during " << lesson.scenario << " (seed " << seed << ")");

    std::vector<std::string> args;
    if (window) {
        args = {"--scenario", lesson.scenario, "--autorun", "--settings", "none"};
        args.insert(args.end(), lesson.windowArgs.begin(), lesson.windowArgs.end());
    } else {
        args = {"run", lesson.scenario, "--quiet"};
        args.insert(args.end(), lesson.runArgs.begin(), lesson.runArgs.end());
    }
    TempDir out;
    // Without XDG_RUNTIME_DIR the window makes its own runtime directory: it must go too.
    const std::time_t startedAt = std::time(nullptr);
    const pid_t host = spawnMpviz(args, out, {"XDG_RUNTIME_DIR"});
    REQUIRE(host > 0);
    INFO("host pid " << host << ": mpviz " << joined(args, " "));

    // The lesson runs once MainProcess, a worker and the janitor are there.
    Family family;
    const bool running = within(15s, [&] {
        family = familyOf(host);
        return !family.main.empty() && !family.workers.empty() && !family.janitors.empty();
    });
    if (!running) {
        ::kill(host, SIGKILL);
        waitExit(host, 5000ms);
        INFO("stdout: " << readFile(out / "stdout") << "\nstderr: " << readFile(out / "stderr"));
        FAIL("the lesson did not start within 15 s");
    }
    // A random moment of it.
    std::this_thread::sleep_for(std::chrono::milliseconds(
        std::uniform_int_distribution<int>(0, lesson.latestKillMs)(random)));
    family = familyOf(host);
    std::vector<int> victims;
    switch (target) {
    case Target::RunCommand:
    case Target::Window:
        victims = {host};
        break;
    case Target::MainProcess:
        victims = family.main;
        break;
    case Target::Worker:
        if (!family.workers.empty())
            victims = {family.workers[std::uniform_int_distribution<std::size_t>(
                0, family.workers.size() - 1)(random)]};
        break;
    case Target::Janitor:
        victims = family.janitors;
        break;
    }
    // The lesson may just have ended by itself; then there is nothing of that kind to kill.
    INFO("family: main " << joined(family.main) << ", workers " << joined(family.workers)
                         << ", janitor " << joined(family.janitors));
    REQUIRE_FALSE(victims.empty());
    for (int pid : victims)
        ::kill(pid, signal);
    const auto killedAt = std::chrono::steady_clock::now();

    // Killed or not, mpviz itself ends: with the run (MainProcess, a worker or the janitor
    // killed: the lesson goes on to its end), or stopped by the signal.
    const auto hostExit = waitExit(host, 3000ms);
    const auto sessionGone = [&] {
        for (int pid : family.all())
            ::waitpid(pid, nullptr, WNOHANG); // orphans may have come to us (a subreaper)
        return processesOf(host).empty() && leftoversOf(host).empty();
    };
    const auto left = [&] {
        return 3000ms - std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - killedAt);
    };
    const bool clean = within(left(), sessionGone);
    if (window) {
        INFO("made by the window and left: " << joined(strayTempDirsSince(startedAt)));
        CHECK(strayTempDirsSince(startedAt).empty());
    }
    INFO("after " << (3000ms - left()).count() << " ms: processes " << joined(processesOf(host))
                  << ", files " << joined(leftoversOf(host)));
    INFO("stderr of mpviz: " << readFile(out / "stderr"));
    CHECK(clean);
    REQUIRE(hostExit.has_value());
    // SIGTERM and SIGINT stop mpviz cleanly, as a run stopped from outside: exit code 5.
    if (victims == std::vector<int>{host}) CHECK(*hostExit == (signal == SIGKILL ? -SIGKILL : 5));
}
