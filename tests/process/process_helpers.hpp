#pragma once
// Helpers of the real-process tests: run a scenario through engine::Session, read what the
// trace recorded, check that nothing of the session is left behind, and run the `mpviz`
// binary itself.

#include "engine/session.hpp"
#include "scenario.hpp"
#include "trace/trace.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace mpviz::ptest {

using trace::Event;
using trace::Op;
using trace::Outcome;
using trace::Phase;
using trace::TraceData;
using namespace std::chrono_literals;

inline std::string binDir() {
    return MPVIZ_BIN_DIR;
}
inline std::string childExe() {
    return binDir() + "/mpviz-child";
}
inline std::string mpvizExe() {
    return binDir() + "/mpviz";
}

// What a finished run left: a copy of its trace and what is needed to check the cleanup.
struct Run {
    std::string scenario;
    std::string sessionId;
    Outcome outcome = Outcome::Running;
    TraceData data;
    std::string outcomeName() const { return std::string(trace::outcomeName(outcome)); }
};

// ---- reading the trace ----

// Everything a host process `pid` keeps under its name: its sessions' directories and
// shared memory, its own temporary directories ("mpviz-<pid>_…").
inline std::vector<std::string> leftoversOf(int pid) {
    const std::string prefix = "mpviz-" + std::to_string(pid) + "_";
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& where :
         {std::filesystem::path("/dev/shm"), std::filesystem::temp_directory_path()})
        for (const auto& entry : std::filesystem::directory_iterator(where, ec))
            if (entry.path().filename().string().rfind(prefix, 0) == 0)
                out.push_back(entry.path().string());
    return out;
}

inline std::string text(const TraceData& d, const Event& e) {
    return std::string(d.text(e.text));
}

inline std::string processName(const TraceData& d, int process) {
    if (process < 0 || process >= static_cast<int>(d.processes().size()))
        return "#" + std::to_string(process);
    return d.processes()[static_cast<std::size_t>(process)].name;
}

inline std::string objectName(const TraceData& d, std::uint16_t object) {
    if (object == trace::kNoObject || object >= d.objects().size()) return "-";
    return d.objects()[object].name;
}

// Every event, in (ts, seq) order.
inline std::vector<Event> sortedEvents(const TraceData& d) {
    std::vector<Event> out(d.events().begin(), d.events().end());
    std::stable_sort(out.begin(), out.end(), trace::happensBefore);
    return out;
}

// Events of one op and phase, optionally on the object named `object`, in (ts, seq) order.
inline std::vector<Event> eventsOf(const TraceData& d, Op op, Phase phase = Phase::Done,
                                   std::optional<std::string> object = std::nullopt) {
    std::optional<std::uint16_t> id;
    if (object) {
        id = d.objectByName(*object);
        if (!id) return {};
    }
    std::vector<Event> out;
    for (const auto& e : sortedEvents(d))
        if (e.op == op && e.phase == phase && (!id || e.object == *id)) out.push_back(e);
    return out;
}

inline int processIndex(const TraceData& d, const std::string& name) {
    for (std::size_t i = 0; i < d.processes().size(); ++i)
        if (d.processes()[i].name == name) return static_cast<int>(i);
    return -1;
}

// Printed lines per process name, in order.
inline std::map<std::string, std::vector<std::string>> printsByProcess(const TraceData& d) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& e : eventsOf(d, Op::Print))
        out[processName(d, e.process)].push_back(text(d, e));
    return out;
}

inline std::vector<std::string> allPrints(const TraceData& d) {
    std::vector<std::string> out;
    for (const auto& e : eventsOf(d, Op::Print))
        out.push_back(text(d, e));
    return out;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline bool anyLineContains(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return contains(l, needle); });
}

// A readable account of the run for failure messages: processes and (up to `limit`) events.
inline std::string describe(const TraceData& d, std::size_t limit = 250) {
    std::ostringstream out;
    out << "scenario " << d.scenario << ", outcome " << trace::outcomeName(d.outcome()) << "\n";
    for (std::size_t i = 0; i < d.processes().size(); ++i) {
        const auto& p = d.processes()[i];
        out << "  [" << i << "] " << p.name << " pid " << p.pid << " ppid " << p.ppid
            << (p.daemon ? " daemon" : "") << " exitcode "
            << (p.exitcode ? std::to_string(*p.exitcode) : "?") << "\n";
    }
    if (const auto& dl = d.deadlock()) {
        out << "  deadlock cycle:";
        for (int p : dl->cycle)
            out << " " << processName(d, p);
        out << "\n";
        for (const auto& e : dl->edges)
            out << "    " << processName(d, e.from) << " -" << trace::opName(e.op) << "("
                << objectName(d, e.object) << ")-> " << processName(d, e.to) << "\n";
    }
    const auto events = sortedEvents(d);
    const auto t0 = d.firstTs();
    std::size_t n = 0;
    for (const auto& e : events) {
        if (n++ == limit) {
            out << "  … " << events.size() - limit << " more events\n";
            break;
        }
        char ts[32];
        std::snprintf(ts, sizeof ts, "%9.3f", double(e.ts - t0) / 1e6);
        out << "  " << ts << "ms " << processName(d, e.process) << " " << trace::opName(e.op) << "/"
            << trace::phaseName(e.phase) << " " << objectName(d, e.object) << " v" << e.value
            << " x" << e.extra;
        if (e.text != trace::kNoText) out << " '" << d.text(e.text) << "'";
        out << "\n";
    }
    return out.str();
}

// Intervals [begin, end) of holding `object`, from acquire Done to release Done per process.
struct Hold {
    int process = -1;
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::uint32_t beginSeq = 0;
    std::uint32_t endSeq = 0;
};

inline std::vector<Hold> holdsOf(const TraceData& d, const std::string& object) {
    const auto id = d.objectByName(object);
    std::vector<Hold> out;
    if (!id) return out;
    std::map<int, std::vector<Hold>> open; // per process, a stack (semaphores may nest)
    for (const auto& e : sortedEvents(d)) {
        if (e.object != *id || e.phase != Phase::Done) continue;
        if (e.op == Op::Acquire) open[e.process].push_back({e.process, e.ts, 0, e.seq, 0});
        if (e.op == Op::Release && !open[e.process].empty()) {
            auto h = open[e.process].back();
            open[e.process].pop_back();
            h.end = e.ts;
            h.endSeq = e.seq;
            out.push_back(h);
        }
    }
    for (auto& [p, stack] : open)
        for (auto h : stack) {
            h.end = INT64_MAX;
            out.push_back(h);
        }
    return out;
}

// ---- running ----

inline mp::Params resolve(const std::string& scenario,
                          const std::vector<std::pair<std::string, std::string>>& sets) {
    const auto* s = scenarios::find(scenario);
    REQUIRE(s != nullptr);
    std::string error;
    auto params = scenarios::resolveParams(*s, sets, error);
    INFO("resolveParams: " << error);
    REQUIRE(params.has_value());
    return *params;
}

inline engine::SessionOptions options(const std::string& scenario,
                                      const std::vector<std::pair<std::string, std::string>>& sets,
                                      double speed, double timeout = 0) {
    engine::SessionOptions o;
    o.scenario = scenario;
    o.params = resolve(scenario, sets).values();
    o.speed = speed;
    o.timeout = timeout;
    o.childExecutable = childExe();
    return o;
}

inline Run finish(engine::Session& session, const std::string& scenario,
                  std::chrono::milliseconds bound) {
    Run run;
    run.scenario = scenario;
    run.sessionId = session.sessionId();
    if (!session.wait_for(bound)) {
        session.stop();
        session.wait();
        run.data = session.trace()->read([](const TraceData& t) { return t; });
        INFO(describe(run.data));
        FAIL("the session did not end within " << bound.count() << " ms");
    }
    run.outcome = session.wait();
    run.data = session.trace()->read([](const TraceData& t) { return t; });
    return run;
}

// Runs a scenario to its end. `timeout` is the engine's (0 = none); a run that takes longer
// than `bound` seconds is stopped and fails the test.
inline Run runScenario(const std::string& scenario,
                       const std::vector<std::pair<std::string, std::string>>& sets, double speed,
                       double timeout = 0, double bound = 60) {
    engine::Session session(options(scenario, sets, speed, timeout));
    session.start();
    return finish(session, scenario, std::chrono::milliseconds(static_cast<long>(bound * 1000)));
}

// ---- checking that nothing is left ----

// Process state letter from /proc/<pid>/stat ('R', 'S', 'Z', …), 0 when there is none.
inline char procState(int pid, int* ppid = nullptr) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return 0;
    const auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 >= line.size()) return 0;
    if (ppid) std::sscanf(line.c_str() + close + 4, "%d", ppid);
    return line[close + 2];
}

// Dead: gone (ESRCH), or a zombie / dead entry that runs nothing any more.
inline bool isDead(int pid) {
    if (pid <= 0) return true;
    if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
    const char s = procState(pid);
    return s == 0 || s == 'Z' || s == 'X' || s == 'x';
}

// Waits up to `bound` for every pid to be dead; returns those still alive.
inline std::vector<int> stillAlive(const std::vector<int>& pids,
                                   std::chrono::milliseconds bound = 3000ms) {
    const auto until = std::chrono::steady_clock::now() + bound;
    std::vector<int> alive;
    for (;;) {
        alive.clear();
        for (int pid : pids)
            if (!isDead(pid)) alive.push_back(pid);
        if (alive.empty() || std::chrono::steady_clock::now() > until) return alive;
        std::this_thread::sleep_for(10ms);
    }
}

inline std::vector<std::string> shmEntriesOf(const std::string& sessionId) {
    const std::string prefix = engine::shmPrefix(sessionId).substr(1);
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/shm", ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0) out.push_back(name);
    }
    return out;
}

inline std::filesystem::path sessionDir(const std::string& sessionId) {
    return std::filesystem::temp_directory_path() / ("mpviz-" + sessionId);
}

inline std::string joined(const std::vector<int>& v) {
    std::string s;
    for (int x : v)
        s += (s.empty() ? "" : " ") + std::to_string(x);
    return s;
}

inline std::string joined(const std::vector<std::string>& v, const char* sep = " | ") {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

// After a session ended: no process of it runs, no shared memory or session folder remains,
// and no scenario process is left as an unreaped zombie of ours.
inline void checkNothingLeft(const Run& run) {
    INFO("session " << run.sessionId << " of " << run.scenario);
    std::vector<int> pids;
    for (const auto& p : run.data.processes())
        pids.push_back(p.pid);
    for (const auto& e : eventsOf(run.data, Op::Start)) // also those that never connected
        if (std::find(pids.begin(), pids.end(), e.value) == pids.end())
            pids.push_back(static_cast<int>(e.value));
    INFO("pids: " << joined(pids));
    CHECK_FALSE(pids.empty());
    const auto alive = stillAlive(pids);
    INFO("still alive: " << joined(alive));
    CHECK(alive.empty());
    std::vector<int> ourZombies;
    for (int pid : pids) {
        int ppid = 0;
        if (procState(pid, &ppid) == 'Z' && ppid == ::getpid()) ourZombies.push_back(pid);
    }
    INFO("unreaped zombies of the engine's process: " << joined(ourZombies));
    CHECK(ourZombies.empty());
    const auto shm = shmEntriesOf(run.sessionId);
    INFO("/dev/shm left: " << joined(shm));
    CHECK(shm.empty());
    CHECK_FALSE(std::filesystem::exists(sessionDir(run.sessionId)));
}

// ---- the mpviz binary ----

struct CliResult {
    int exitcode = -1; // -signal when killed
    std::string out;
    std::string err;
    bool timedOut = false;
};

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "mpviz-ptest-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// Starts `mpviz args…` with stdout and stderr going to files in `dir`, without the
// environment variables named in `unset`; returns its pid.
inline pid_t spawnMpviz(const std::vector<std::string>& args, const TempDir& dir,
                        const std::vector<std::string>& unset = {}) {
    std::vector<std::string> argvStrings{mpvizExe()};
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argvStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> envStrings;
    for (char** e = environ; *e; ++e) {
        const std::string_view entry(*e);
        const auto named = [&](const std::string& var) { return entry.rfind(var + "=", 0) == 0; };
        if (!named("QT_QPA_PLATFORM") && std::none_of(unset.begin(), unset.end(), named))
            envStrings.emplace_back(entry);
    }
    envStrings.emplace_back("QT_QPA_PLATFORM=offscreen");
    std::vector<char*> envp;
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const auto out = (dir / "stdout").string();
    const auto err = (dir / "stderr").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    return pid;
}

// Waits for `pid` up to `bound`; returns its exit code (-signal), or nothing on timeout.
inline std::optional<int> waitExit(pid_t pid, std::chrono::milliseconds bound) {
    const auto until = std::chrono::steady_clock::now() + bound;
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            if (WIFSIGNALED(status)) return -WTERMSIG(status);
            return -1;
        }
        if (r < 0 || std::chrono::steady_clock::now() > until) return std::nullopt;
        std::this_thread::sleep_for(5ms);
    }
}

// Runs `mpviz args…` to its end (killed after `bound`).
inline CliResult runMpviz(const std::vector<std::string>& args,
                          std::chrono::milliseconds bound = 30000ms) {
    REQUIRE(::access(mpvizExe().c_str(), X_OK) == 0);
    TempDir dir;
    CliResult r;
    const pid_t pid = spawnMpviz(args, dir);
    REQUIRE(pid > 0);
    if (auto code = waitExit(pid, bound)) {
        r.exitcode = *code;
    } else {
        r.timedOut = true;
        ::kill(pid, SIGKILL);
        r.exitcode = waitExit(pid, 5000ms).value_or(-1);
    }
    r.out = readFile(dir / "stdout");
    r.err = readFile(dir / "stderr");
    return r;
}

// The process's command line, arguments joined by spaces ("" once it is gone).
inline std::string commandLine(int pid) {
    std::string s = readFile("/proc/" + std::to_string(pid) + "/cmdline");
    std::replace(s.begin(), s.end(), '\0', ' ');
    return s;
}

inline bool isJanitor(int pid) {
    return commandLine(pid).find("--janitor") != std::string::npos;
}

// Every process whose parent chain leads to `root` (not `root` itself).
inline std::vector<int> descendantsOf(int root) {
    std::map<int, int> parentOf;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const auto name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
        const int pid = std::stoi(name);
        int ppid = 0;
        if (procState(pid, &ppid) != 0) parentOf[pid] = ppid;
    }
    std::vector<int> out;
    for (const auto& [pid, ppid] : parentOf) {
        int p = ppid;
        for (int hops = 0; p > 1 && hops < 64; ++hops) {
            if (p == root) {
                out.push_back(pid);
                break;
            }
            auto it = parentOf.find(p);
            if (it == parentOf.end()) break;
            p = it->second;
        }
    }
    return out;
}

} // namespace mpviz::ptest
