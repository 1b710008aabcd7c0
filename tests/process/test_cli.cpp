// The real `mpviz` binary: exit codes, usage messages, the trace file it writes, and a
// killed mpviz leaving no scenario process behind.

#include "process_helpers.hpp"

#include "cli/terminal_text.hpp"

#include <boost/json.hpp>

#include <set>
#include <sstream>

using namespace mpviz::ptest;
namespace json = boost::json;

namespace {

std::string show(const CliResult& r) {
    return "exit " + std::to_string(r.exitcode) + (r.timedOut ? " (timed out)" : "") +
           "\n--- stdout\n" + r.out + "\n--- stderr\n" + r.err;
}

// `mpviz args...` is refused as a usage error (exit 2) whose message names each of `words`.
void checkUsageError(const std::vector<std::string>& args, const std::vector<std::string>& words) {
    const auto r = runMpviz(args);
    INFO("mpviz " << joined(args, " ") << "\n" << show(r));
    CHECK(r.exitcode == 2);
    for (const auto& word : words)
        CHECK(contains(r.err, word));
}

std::vector<std::string> scenarioIds() {
    std::vector<std::string> ids;
    for (const auto& s : mpviz::scenarios::all())
        ids.push_back(s.id);
    return ids;
}

} // namespace

TEST_CASE("mpviz run: an unknown scenario is a usage error naming the scenarios",
          "[process][cli]") {
    auto words = scenarioIds();
    words.push_back("no-such-lesson");
    checkUsageError({"run", "no-such-lesson", "--speed", "20"}, words);
}

TEST_CASE("mpviz run: an unknown parameter is a usage error naming the parameters",
          "[process][cli]") {
    checkUsageError({"run", "lock", "--set", "colour=blue", "--speed", "20"},
                    {"colour", "workers", "use_lock"});
}

TEST_CASE("mpviz run: an out-of-range value is a usage error naming the range", "[process][cli]") {
    SECTION("integer above the maximum") {
        checkUsageError({"run", "lock", "--set", "workers=99"}, {"workers", "1 to 8"});
    }
    SECTION("not a number") {
        checkUsageError({"run", "semaphore", "--set", "hold=long"}, {"hold", "0.1 to 10"});
    }
    SECTION("not a flag") {
        checkUsageError({"run", "lock", "--set", "use_lock=maybe"}, {"true or false"});
    }
}

TEST_CASE("mpviz run: a bad --speed is a usage error", "[process][cli]") {
    const auto speed = GENERATE(as<std::string>{}, "fast", "0", "-3", "");
    checkUsageError({"run", "lock", "--speed", speed}, {"--speed", "number greater than 0"});
}

TEST_CASE("mpviz run --help and mpviz export --help print that command's usage and exit 0",
          "[process][cli]") {
    const auto run = runMpviz({"run", "--help"});
    INFO(show(run));
    CHECK(run.exitcode == 0);
    CHECK(run.err.empty());
    for (const char* option : {"--set", "--speed", "--timeout", "--trace", "--export", "--quiet",
                               "--step", "--schedule", "exit codes"})
        CHECK(contains(run.out, option));
    CHECK_FALSE(contains(run.out, "mpviz export")); // run's usage, not everyone's

    const auto runShort = runMpviz({"run", "lock", "-h"});
    CHECK(runShort.exitcode == 0);
    CHECK(runShort.out == run.out);

    const auto exp = runMpviz({"export", "--help"});
    INFO(show(exp));
    CHECK(exp.exitcode == 0);
    CHECK(exp.err.empty());
    CHECK(contains(exp.out, "mpviz export TRACE.json"));
    CHECK_FALSE(contains(exp.out, "--schedule")); // export's usage, not run's
}

TEST_CASE("mpviz run refuses an unwritable --trace or --export before any process starts",
          "[process][cli]") {
    TempDir dir;
    std::filesystem::create_directory(dir / "a-folder.png");
    const auto kept = (dir / "kept.json").string();
    { std::ofstream(kept) << "what was there"; }
    const auto fresh = (dir / "fresh.json").string();
    struct Case {
        std::vector<std::string> args;
        std::string path;
    };
    const std::vector<Case> cases{
        {{"--trace", "/no-such-folder/t.json"}, "/no-such-folder/t.json"},
        {{"--trace", (dir / "a-folder.png").string()}, (dir / "a-folder.png").string()},
        {{"--export", (dir / "a-folder.png").string()}, (dir / "a-folder.png").string()},
        {{"--trace", kept, "--export", "/no-such-folder/t.svg"}, "/no-such-folder/t.svg"},
        {{"--trace", fresh, "--export", "/proc/version.png"}, "/proc/version.png"},
    };
    const auto& c = cases[static_cast<std::size_t>(GENERATE(range(0, 5)))];
    std::vector<std::string> args{"run", "queue", "--speed", "1"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto started = std::chrono::steady_clock::now();
    const auto r = runMpviz(args);
    INFO("mpviz " << joined(args, " ") << "\n" << show(r));
    CHECK(r.exitcode == 2);
    if (!MPVIZ_WITH_GUI && contains(joined(c.args, " "), "--export")) {
        // A build without Qt refuses any --export first, as plainly.
        CHECK(contains(r.err, "built without Qt"));
        return;
    }
    CHECK(contains(r.err, c.path));
    CHECK(contains(r.err, "cannot be written"));
    CHECK(contains(r.err, "nothing was run"));
    CHECK_FALSE(contains(r.out, "running queue"));
    // The queue lesson takes about a minute at speed 1: refused at once, nothing ran.
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    // Asking did not truncate a file that was there, nor leave one that was not.
    CHECK(readFile(kept) == "what was there");
    CHECK_FALSE(std::filesystem::exists(fresh));
}

TEST_CASE("mpviz run --schedule with names no process had says which at the end",
          "[process][cli]") {
    const auto r = runMpviz({"run", "lock", "--set", "workers=2", "--speed", "20", "--quiet",
                             "--schedule", "MainProcess,Process-1,Process-9,Worker,Process-9"});
    INFO(show(r));
    CHECK(r.exitcode == 0);
    CHECK(contains(r.err, "'Process-9', 'Worker'"));
    CHECK_FALSE(contains(r.err, "'Process-1'"));
    CHECK_FALSE(contains(r.err, "'MainProcess'"));
    CHECK(contains(r.err, "MainProcess, Process-1, Process-2"));

    const auto matched = runMpviz({"run", "lock", "--set", "workers=2", "--speed", "20", "--quiet",
                                   "--schedule", "Process-2,Process-1,MainProcess"});
    INFO(show(matched));
    CHECK(matched.exitcode == 0);
    CHECK(matched.err.empty());
}

TEST_CASE("mpviz run's trace has an exit event with the signal for every process",
          "[process][cli][exit]") {
    // lifecycle: 'daemon' and 'terminated' end by SIGTERM; lock-order: a deadlock, after
    // which every process is SIGKILLed.
    const auto [scenario, code] =
        GENERATE(table<std::string, int>({{"lifecycle", 0}, {"lock-order", 3}}));
    TempDir dir;
    const auto file = (dir / "t.json").string();
    const auto r = runMpviz({"run", scenario, "--speed", "5", "--quiet", "--trace", file});
    INFO(scenario << "\n" << show(r));
    REQUIRE(r.exitcode == code);
    const auto root = json::parse(readFile(file)).as_object();
    std::map<std::int64_t, json::object> exitByPid;
    for (const auto& v : root.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("ph") == "i" && e.at("name") == "exit") {
            CHECK(exitByPid.count(e.at("pid").as_int64()) == 0);
            exitByPid[e.at("pid").as_int64()] = e.at("args").as_object();
        }
    }
    int killed = 0;
    for (const auto& v : root.at("otherData").at("processes").as_array()) {
        const auto& p = v.as_object();
        INFO(p.at("name").as_string());
        REQUIRE(exitByPid.count(p.at("pid").as_int64()) == 1);
        const auto& args = exitByPid[p.at("pid").as_int64()];
        CHECK(args.at("exitcode") == p.at("exitcode"));
        const auto exitcode = p.at("exitcode").as_int64();
        if (exitcode < 0) {
            ++killed;
            CHECK(args.at("signal") == -exitcode);
            CHECK(args.at("signal_name") == (exitcode == -15 ? "SIGTERM" : "SIGKILL"));
        } else {
            CHECK(args.at("signal").is_null());
        }
    }
    CHECK(killed >= 2);
}

TEST_CASE("mpviz run lock writes a valid Chrome trace and exits 0", "[process][cli]") {
    TempDir dir;
    const auto file = (dir / "lock.json").string();
    const auto r = runMpviz({"run", "lock", "--speed", "20", "--trace", file});
    INFO(show(r));
    CHECK(r.exitcode == 0);
    CHECK(contains(r.out, "task1 output"));
    // Printed times are on the program's clock, as the timeline's axis: task1's lines, one
    // one-second sleep apart, are about a second apart at 20x too (not 0.05 s).
    std::vector<double> task1Times;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        double t = 0;
        if (contains(line, "task1 output") && std::sscanf(line.c_str(), "%lf", &t) == 1)
            task1Times.push_back(t);
    }
    REQUIRE(task1Times.size() >= 2);
    CHECK(task1Times[1] - task1Times[0] > 0.9);
    CHECK(task1Times[1] - task1Times[0] < 3.0);
    CHECK(contains(r.out, "of real time at 20\u00d7"));
    REQUIRE(std::filesystem::exists(file));
    json::value root;
    REQUIRE_NOTHROW(root = json::parse(readFile(file)));
    REQUIRE(root.is_object());
    const auto& events = root.at("traceEvents").as_array();
    CHECK(events.size() > 10);
    std::set<std::string> names;
    for (const auto& v : events) {
        const auto& e = v.as_object();
        if (e.at("ph").as_string() == "M" && e.at("name").as_string() == "process_name")
            names.insert(std::string(e.at("args").as_object().at("name").as_string()));
    }
    CHECK(names == std::set<std::string>{"MainProcess", "Process-1", "Process-2", "Process-3"});
    const auto& other = root.at("otherData").as_object();
    CHECK(other.at("outcome").as_string() == "completed");
    CHECK(other.at("scenario").as_string() == "lock");
}

TEST_CASE("mpviz run deadlock-on-join exits 3", "[process][cli]") {
    const auto r = runMpviz({"run", "deadlock-on-join", "--speed", "20"});
    INFO(show(r));
    CHECK(r.exitcode == 3);
    CHECK(contains(r.out, "deadlock"));
}

TEST_CASE("mpviz run with a short --timeout exits 4", "[process][cli]") {
    const auto r = runMpviz({"run", "queue", "--speed", "1", "--timeout", "0.5", "--quiet"});
    INFO(show(r));
    CHECK(r.exitcode == 4);
}

TEST_CASE("mpviz list --json lists every scenario and its parameters", "[process][cli]") {
    const auto r = runMpviz({"list", "--json"});
    INFO(show(r));
    REQUIRE(r.exitcode == 0);
    json::value root;
    REQUIRE_NOTHROW(root = json::parse(r.out));
    REQUIRE(root.is_array());
    std::vector<std::string> ids;
    for (const auto& v : root.as_array()) {
        const auto& s = v.as_object();
        ids.emplace_back(s.at("id").as_string());
        CHECK_FALSE(s.at("title").as_string().empty());
        const auto* scenario = mpviz::scenarios::find(ids.back());
        REQUIRE(scenario != nullptr);
        const auto& params = s.at("parameters").as_array();
        REQUIRE(params.size() == scenario->parameters.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            const auto& p = params[i].as_object();
            CHECK(p.at("name").as_string() == scenario->parameters[i].name);
            CHECK(p.contains("kind"));
            CHECK(p.contains("default"));
        }
    }
    CHECK(ids == scenarioIds());
}

TEST_CASE("a killed mpviz leaves no scenario process running", "[process][cli][kill]") {
    REQUIRE(::access(mpvizExe().c_str(), X_OK) == 0);
    TempDir dir;
    const pid_t mpviz = spawnMpviz({"run", "queue", "--speed", "1", "--quiet"}, dir);
    REQUIRE(mpviz > 0);

    // Wait for MainProcess, the producer and the consumer (and the session's janitor).
    std::vector<int> scenario, janitors;
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
        scenario.clear();
        janitors.clear();
        for (int pid : descendantsOf(mpviz))
            (isJanitor(pid) ? janitors : scenario).push_back(pid);
        if (scenario.size() >= 3 && !janitors.empty()) break;
        std::this_thread::sleep_for(20ms);
    }
    CHECK(janitors.size() == 1);
    INFO("scenario processes: " << joined(scenario));
    const bool started = scenario.size() >= 3;
    ::kill(mpviz, SIGKILL);
    const auto code = waitExit(mpviz, 5000ms);
    CHECK(code == -SIGKILL);
    REQUIRE(started);

    const auto alive = stillAlive(scenario, 5000ms);
    std::string states;
    for (int pid : alive)
        states += std::to_string(pid) + ":" + procState(pid) + " ";
    INFO("alive after 5 s: " << states);
    CHECK(alive.empty());
    // Orphans may have come to this process (a child subreaper once a Session started).
    for (int pid : scenario)
        ::waitpid(pid, nullptr, WNOHANG);

    const auto leftovers = [&] { return leftoversOf(mpviz); };
    // The session's janitor removes them as soon as the engine is gone, not at the next start.
    auto left = leftovers();
    for (const auto until = std::chrono::steady_clock::now() + 3s;
         !left.empty() && std::chrono::steady_clock::now() < until; left = leftovers())
        std::this_thread::sleep_for(20ms);
    INFO("left behind: " << joined(left));
    CHECK(left.empty());
    // Its work done, the janitor is gone too.
    CHECK(stillAlive(janitors, 3000ms).empty());
}

TEST_CASE("mpviz run lines up its columns for names in Chinese: a wide character takes two "
          "columns",
          "[process][cli]") {
    using mpviz::cli::padToColumns;
    using mpviz::cli::terminalWidth;
    CHECK(terminalWidth("MainProcess") == 11);
    CHECK(terminalWidth("\u5de5\u4eba") == 4);    // 工人
    CHECK(terminalWidth("Process-\uff11") == 10); // a full-width digit
    CHECK(terminalWidth("caf\u00e9") == 4);       // a narrow accented letter
    CHECK(terminalWidth(std::string("a\xff"
                                    "b")) == 3); // a stray byte shows as one
    CHECK(padToColumns("\u5de5\u4eba", 16) == "\u5de5\u4eba" + std::string(12, ' '));
    CHECK(padToColumns("MainProcess", 16) == "MainProcess     ");
    CHECK(padToColumns("a-very-long-process-name", 16) == "a-very-long-process-name");
}

namespace {
// "final value: 8 expected: 10" out of each "run   3: completed: …" line, by run.
std::map<int, std::string> finalValueLines(const std::string& out) {
    std::map<int, std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        int run = 0;
        if (std::sscanf(line.c_str(), "run %d:", &run) != 1) continue;
        const auto at = line.find("final value: ");
        if (at != std::string::npos) lines[run] = line.substr(at);
    }
    return lines;
}
} // namespace

TEST_CASE("mpviz run --repeat with --schedule random finds the lost update and the seed that "
          "replays it; with the lock one outcome",
          "[process][cli][repeat]") {
    const auto unlocked = runMpviz({"run", "shared-value", "--set", "use_lock=false", "--speed",
                                    "50", "--repeat", "20", "--schedule", "random"},
                                   120000ms);
    INFO(unlocked.out << unlocked.err);
    REQUIRE(unlocked.exitcode == 0);
    const auto outcomes = finalValueLines(unlocked.out);
    REQUIRE(outcomes.size() == 20);
    std::set<std::string> distinct;
    int lostSeed = 0;
    for (const auto& [run, line] : outcomes) {
        distinct.insert(line);
        if (!lostSeed && line != "final value: 10 expected: 10") lostSeed = run;
    }
    CHECK(distinct.size() > 1);
    REQUIRE(lostSeed > 0);
    CHECK_THAT(unlocked.out,
               Catch::Contains(std::to_string(distinct.size()) + " outcomes in 20 runs"));
    CHECK_THAT(unlocked.out, Catch::Contains("replay one: mpviz run shared-value --set "
                                             "use_lock=false --speed 50 --schedule random:SEED"));
    // The seed the table names gives the same lost update again.
    const auto replay = runMpviz({"run", "shared-value", "--set", "use_lock=false", "--speed", "50",
                                  "--schedule", "random:" + std::to_string(lostSeed)});
    REQUIRE(replay.exitcode == 0);
    CHECK_THAT(replay.out, Catch::Contains(outcomes.at(lostSeed)));

    const auto locked = runMpviz({"run", "shared-value", "--speed", "50", "--repeat", "20",
                                  "--schedule", "random", "--quiet"},
                                 120000ms);
    INFO(locked.out << locked.err);
    REQUIRE(locked.exitcode == 0);
    CHECK_THAT(locked.out, Catch::Contains("1 outcome in 20 runs"));
    CHECK_THAT(locked.out,
               Catch::Contains("20 ") && Catch::Contains("final value: 10 expected: 10"));
}

TEST_CASE("mpviz run --repeat refuses what it cannot do, in a sentence", "[process][cli][repeat]") {
    for (const auto& [args, words] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"run", "lock", "--repeat", "0"}, "--repeat takes a whole number from 1 to 200"},
             {{"run", "lock", "--repeat", "201"}, "--repeat takes a whole number from 1 to 200"},
             {{"run", "lock", "--schedule", "random"}, "--schedule random takes a seed"},
             {{"run", "lock", "--repeat", "3", "--export", "x.png"}, "--export draws one run"}}) {
        checkUsageError(args, {words});
    }
}
