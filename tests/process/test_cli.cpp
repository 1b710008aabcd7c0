// The real `mpviz` binary: exit codes, usage messages, the trace file it writes, and a
// killed mpviz leaving no scenario process behind.

#include "process_helpers.hpp"

#include <boost/json.hpp>

#include <set>

using namespace mpviz::ptest;
namespace json = boost::json;

namespace {

std::string show(const CliResult& r) {
    return "exit " + std::to_string(r.exitcode) + (r.timedOut ? " (timed out)" : "") +
           "\n--- stdout\n" + r.out + "\n--- stderr\n" + r.err;
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
    const auto r = runMpviz({"run", "no-such-lesson", "--speed", "20"});
    INFO(show(r));
    CHECK(r.exitcode == 2);
    CHECK(contains(r.err, "no-such-lesson"));
    for (const auto& id : scenarioIds())
        CHECK(contains(r.err, id));
}

TEST_CASE("mpviz run: an unknown parameter is a usage error naming the parameters",
          "[process][cli]") {
    const auto r = runMpviz({"run", "lock", "--set", "colour=blue", "--speed", "20"});
    INFO(show(r));
    CHECK(r.exitcode == 2);
    CHECK(contains(r.err, "colour"));
    CHECK(contains(r.err, "workers"));
    CHECK(contains(r.err, "use_lock"));
}

TEST_CASE("mpviz run: an out-of-range value is a usage error naming the range", "[process][cli]") {
    SECTION("integer above the maximum") {
        const auto r = runMpviz({"run", "lock", "--set", "workers=99"});
        INFO(show(r));
        CHECK(r.exitcode == 2);
        CHECK(contains(r.err, "workers"));
        CHECK(contains(r.err, "1 to 8"));
    }
    SECTION("not a number") {
        const auto r = runMpviz({"run", "semaphore", "--set", "hold=long"});
        INFO(show(r));
        CHECK(r.exitcode == 2);
        CHECK(contains(r.err, "hold"));
        CHECK(contains(r.err, "0.1 to 10"));
    }
    SECTION("not a flag") {
        const auto r = runMpviz({"run", "lock", "--set", "use_lock=maybe"});
        INFO(show(r));
        CHECK(r.exitcode == 2);
        CHECK(contains(r.err, "true or false"));
    }
}

TEST_CASE("mpviz run: a bad --speed is a usage error", "[process][cli]") {
    const auto speed = GENERATE(as<std::string>{}, "fast", "0", "-3", "");
    const auto r = runMpviz({"run", "lock", "--speed", speed});
    INFO("--speed '" << speed << "'\n" << show(r));
    CHECK(r.exitcode == 2);
    CHECK(contains(r.err, "--speed"));
    CHECK(contains(r.err, "number greater than 0"));
}

TEST_CASE("mpviz run lock writes a valid Chrome trace and exits 0", "[process][cli]") {
    TempDir dir;
    const auto file = (dir / "lock.json").string();
    const auto r = runMpviz({"run", "lock", "--speed", "20", "--trace", file});
    INFO(show(r));
    CHECK(r.exitcode == 0);
    CHECK(contains(r.out, "task1 output"));
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

    const std::string prefix = "mpviz-" + std::to_string(mpviz) + "_";
    const auto leftovers = [&] {
        std::vector<std::string> out;
        std::error_code ec;
        for (const auto& where :
             {std::filesystem::path("/dev/shm"), std::filesystem::temp_directory_path()})
            for (const auto& entry : std::filesystem::directory_iterator(where, ec))
                if (entry.path().filename().string().rfind(prefix, 0) == 0)
                    out.push_back(entry.path().string());
        return out;
    };
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
