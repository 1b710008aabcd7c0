#include "cli/run_command.hpp"

#include "cli/listing_program.hpp"
#include "cli/terminal_text.hpp"
#include "engine/explain.hpp"
#include "engine/run_outcome.hpp"
#include "engine/session.hpp"
#include "scenario.hpp"
#include "trace/chrome_json.hpp"
#include "trace/scenario_clock.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace mpviz::cli {

namespace {

std::atomic<bool> interrupted{false};
extern "C" void onInterrupt(int) {
    interrupted = true;
}

constexpr const char* kSynopsis =
    "  mpviz run SCENARIO [--set k=v]... [--speed F] [--timeout S] [--trace out.json]\n"
    "            [--export out.png|out.svg|out.pdf] [--quiet]\n"
    "            [--step] [--schedule fifo|round-robin|random:SEED|NAME,NAME,...]\n"
    "            [--as-python [--python PATH] [--start-method M]]\n"
    "                                       --as-python: run the lesson's Python listing\n"
    "            [--repeat N [--schedule random]]  --repeat: N runs, by outcome\n"
    "  mpviz run PROGRAM.py [--python PATH] [--start-method fork|spawn|forkserver]\n"
    "            [--convert-python2] [--speed F] [--timeout S (default 60)] [--trace out.json]\n"
    "            [--export out.png|out.svg|out.pdf] [--step | --schedule ...] [--quiet]\n"
    "            [-- ARGS...]                 run a real Python multiprocessing program\n";

constexpr const char* kOptions =
    "Runs a lesson (or a Python program) as real processes, without a window, and prints\n"
    "what they print.\n"
    "  --set NAME=VALUE    a parameter of the lesson (mpviz list shows them, with ranges)\n"
    "  --speed F           sleeps and timeouts run F times faster (default 1)\n"
    "  --timeout S         stop the run after S seconds (exit 4)\n"
    "  --trace FILE        write the run as Chrome trace JSON (the window, Perfetto read it)\n"
    "  --export FILE       draw the timeline to FILE.png, .svg or .pdf\n"
    "  --quiet             print nothing but errors\n"
    "  --step              step mode: every operation waits for a grant (oldest first)\n"
    "  --schedule S        step mode granting by S: fifo, round-robin, random:SEED, or\n"
    "                      process names taken in turn (MainProcess,Process-1,...)\n"
    "  --repeat N          run it N times (up to 200) and count each outcome (how it\n"
    "                      ended, the last line printed); with --schedule random run i\n"
    "                      is stepped by random:i, so each outcome names its seeds\n"
    "  --python PATH       the Python that runs PROGRAM.py (default: /usr/bin/python3)\n"
    "  --start-method M    fork, spawn or forkserver for PROGRAM.py\n"
    "  --convert-python2   run a Python 2 program converted to Python 3\n"
    "  -- ARGS...          PROGRAM.py's own arguments\n"
    "exit codes: 0 completed, 2 bad usage, 3 deadlock detected, 4 timeout, 5 stopped\n"
    "(Ctrl+C, SIGTERM)\n";

std::string scenarioIds() {
    std::string ids;
    for (const auto& s : scenarios::all())
        ids += (ids.empty() ? "" : ", ") + s.id;
    return ids;
}

std::optional<double> positiveNumber(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(v > 0)) return std::nullopt;
    return v;
}

// A Python program rather than a scenario id: FILE.py, a path, or a file not named like a
// scenario.
bool isProgramPath(const std::string& arg) {
    std::error_code ec;
    return std::filesystem::path(arg).extension() == ".py" || arg.find('/') != std::string::npos ||
           (!scenarios::find(arg) && std::filesystem::is_regular_file(arg, ec));
}

bool hasImageSuffix(const std::string& path) {
    const auto ext = std::filesystem::path(path).extension();
    return ext == ".png" || ext == ".svg" || ext == ".pdf";
}

// Why `path` cannot be written, or empty when it can: found out by opening it the way the
// end of the run will, without truncating what is there. A file made only to ask is removed.
std::string unwritableReason(const std::string& path) {
    std::error_code ec;
    const bool existed = std::filesystem::exists(std::filesystem::symlink_status(path, ec));
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return std::strerror(errno);
    ::close(fd);
    if (!existed) ::unlink(path.c_str());
    return {};
}

// Prints the print events that arrived since the last call: "  1.234 Process-1 | text", the
// time on the program's clock as the timeline's axis shows it (sleeps count at full length).
class LivePrinter {
  public:
    explicit LivePrinter(const trace::SharedTrace& t) : trace_(t) {}
    void printNew() {
        trace_.read([&](const trace::TraceData& d) {
            const auto events = d.events();
            const auto clock = trace::ScenarioClock::of(d);
            for (; next_ < events.size(); ++next_) {
                const auto& e = events[next_];
                if (e.op != trace::Op::Print || e.phase != trace::Phase::Done) continue;
                std::printf("%8.3f %s| %.*s\n", clock.seconds(e.ts),
                            padToColumns(d.processes()[e.process].name, 16).c_str(),
                            static_cast<int>(d.text(e.text).size()), d.text(e.text).data());
            }
        });
        std::fflush(stdout);
    }

  private:
    const trace::SharedTrace& trace_;
    std::size_t next_ = 0;
};

void printSummary(const trace::TraceData& d) {
    std::printf("\noutcome: %s\n", std::string(trace::outcomeName(d.outcome())).c_str());
    if (const auto& dl = d.deadlock()) {
        std::printf("%s\n", engine::explainDeadlock(d).c_str());
        std::printf("deadlock cycle:");
        for (int p : dl->cycle)
            std::printf(" %s", d.processes()[p].name.c_str());
        std::printf("\n");
        for (const auto& edge : dl->edges) {
            const auto object = edge.object == trace::kNoObject ? d.processes()[edge.to].name
                                                                : d.objects()[edge.object].name;
            std::printf("  %s waits in %s on %s for %s\n", d.processes()[edge.from].name.c_str(),
                        std::string(trace::opName(edge.op)).c_str(), object.c_str(),
                        d.processes()[edge.to].name.c_str());
        }
    }
    std::printf("processes: %zu\n", d.processes().size());
    for (const auto& p : d.processes()) {
        const std::string code = p.exitcode ? std::to_string(*p.exitcode) : "unknown";
        std::printf("  %s pid %-7d exitcode %s\n", padToColumns(p.name, 18).c_str(), p.pid,
                    code.c_str());
    }
    const auto clock = trace::ScenarioClock::of(d);
    std::printf("events: %zu over %.3f s", d.events().size(), clock.seconds(d.lastTs()));
    if (clock.speed != 1.0 && !clock.steps)
        std::printf(" (%.3f s of real time at %g\u00d7)", double(d.lastTs() - d.firstTs()) / 1e9,
                    clock.speed);
    std::printf("\n");
}

// Why the program cannot run, in a sentence; nothing when it can (Python 2 code can, when
// it is to be converted).
std::optional<std::string> checkProgram(const engine::PythonProgram& program,
                                        const Environment& env) {
    const auto shim = engine::pythonShimDirectory(env.childExecutable.parent_path());
    auto problem = engine::checkPythonProgram(program, shim);
    if (!problem || (problem->python2() && program.convertPython2)) return std::nullopt;
    return engine::commandLineText(*problem);
}

// The program's own exit status: MainProcess's.
void printProgramStatus(const trace::TraceData& d) {
    for (const auto& p : d.processes())
        if (p.name == "MainProcess" && p.exitcode)
            return (void)std::printf("program exit status: %d\n", *p.exitcode);
}

// A list schedule naming a process that never appeared was followed without it: say so.
void reportUnmatchedScheduleNames(const std::string& schedule, const trace::TraceData& d) {
    std::string why;
    const auto scheduler = engine::Scheduler::parse(schedule, why);
    if (!scheduler) return;
    std::set<std::string> seen;
    std::string names, unmatched;
    for (const auto& p : d.processes())
        if (seen.insert(p.name).second) names += (names.empty() ? "" : ", ") + p.name;
    for (const auto& wanted : scheduler->names())
        if (seen.insert(wanted).second)
            unmatched += (unmatched.empty() ? "'" : ", '") + wanted + "'";
    if (unmatched.empty()) return;
    std::fprintf(stderr,
                 "mpviz run: --schedule named %s, but no process of this run had that name; the "
                 "processes were %s\n",
                 unmatched.c_str(), names.c_str());
}

// FILE.json → FILE-3.json: where --trace keeps run 3 of a --repeat.
std::string numberedPath(const std::string& path, int run) {
    const std::filesystem::path p(path);
    return (p.parent_path() /
            (p.stem().string() + "-" + std::to_string(run) + p.extension().string()))
        .string();
}

// Runs `so` once without printing as it goes; false when Ctrl+C or SIGTERM stopped it.
bool runQuietly(const engine::SessionOptions& so, engine::RunOutcome& outcome, std::string& error,
                const std::string& tracePath) {
    engine::Session session(so);
    try {
        session.start();
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    bool stopRequested = false;
    while (!session.wait_for(std::chrono::milliseconds(20)))
        if (interrupted && !stopRequested) {
            session.stop();
            stopRequested = true;
        }
    session.wait();
    session.trace()->read([&](const trace::TraceData& d) {
        outcome = engine::runOutcome(d);
        if (tracePath.empty()) return;
        try {
            trace::saveChromeJson(d, tracePath, MPVIZ_VERSION);
        } catch (const std::exception& e) {
            error = std::string("cannot write trace: ") + e.what();
        }
    });
    return !stopRequested;
}

// The command line that replays one of the runs: `args` without what made them many.
std::string replayArguments(const std::vector<std::string>& args) {
    std::string line;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool withValue =
            args[i] == "--repeat" || args[i] == "--trace" ||
            (args[i] == "--schedule" && i + 1 < args.size() && args[i + 1] == "random");
        if (withValue) {
            ++i;
            continue;
        }
        if (args[i] == "--quiet") continue;
        line += (line.empty() ? "" : " ") + args[i];
    }
    return line;
}

// --repeat N: the runs one after the other, then each outcome with how often it came and
// which runs (seeds) gave it.
int repeatRuns(const RunOptions& options, engine::SessionOptions so, const std::string& title,
               const std::string& replay) {
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    if (!options.quiet)
        std::printf("running %s %d times%s\n", title.c_str(), options.repeat,
                    options.seedEachRun ? ", run i stepped by schedule random:i" : "");
    std::vector<engine::RunOutcome> outcomes;
    for (int run = 1; run <= options.repeat; ++run) {
        if (options.seedEachRun) so.schedule = "random:" + std::to_string(run);
        const std::string tracePath =
            options.tracePath.empty() ? std::string() : numberedPath(options.tracePath, run);
        engine::RunOutcome outcome;
        std::string error;
        const bool ended = runQuietly(so, outcome, error, tracePath);
        if (!error.empty()) {
            std::fprintf(stderr, "mpviz run: run %d: %s\n", run, error.c_str());
            return kFailure;
        }
        if (!ended) {
            std::fprintf(stderr, "mpviz run: stopped after %d of %d runs\n", run - 1,
                         options.repeat);
            return kStopped;
        }
        outcomes.push_back(outcome);
        if (!options.quiet) std::printf("run %3d: %s\n", run, engine::outcomeText(outcome).c_str());
        std::fflush(stdout);
    }
    const auto groups = engine::groupOutcomes(outcomes);
    std::printf("\n%zu outcome%s in %d runs:\n", groups.size(), groups.size() == 1 ? "" : "s",
                options.repeat);
    const std::size_t most = groups.front().runs.size();
    for (const auto& g : groups) {
        const std::size_t bar = (g.runs.size() * 30 + most - 1) / most;
        std::string bars;
        for (std::size_t i = 0; i < bar; ++i)
            bars += "\u2588";
        std::string runs;
        for (int r : g.runs)
            runs += (runs.empty() ? "" : ",") + std::to_string(r);
        std::printf("%4zu %s %s\n     %s %s\n", g.runs.size(), bars.c_str(),
                    engine::outcomeText(g.outcome).c_str(), options.seedEachRun ? "seeds" : "runs",
                    runs.c_str());
    }
    if (options.seedEachRun)
        std::printf("replay one: mpviz run %s --schedule random:SEED\n", replay.c_str());
    if (!options.tracePath.empty())
        std::printf("traces written to %s \u2026 %s\n", numberedPath(options.tracePath, 1).c_str(),
                    numberedPath(options.tracePath, options.repeat).c_str());
    return kOk;
}
} // namespace

std::optional<RunOptions> parseRunOptions(const std::vector<std::string>& args,
                                          std::string& error) {
    RunOptions o;
    std::string python, startMethod;
    std::vector<std::string> programArgs;
    bool convert = false, asPython = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 < args.size()) return args[++i];
            error = a + " needs a value";
            return std::nullopt;
        };
        if (a == "--help" || a == "-h") {
            o.help = true;
            return o;
        } else if (a == "--quiet") {
            o.quiet = true;
        } else if (a == "--step") {
            o.step = true;
        } else if (a == "--schedule") {
            auto v = value();
            if (!v) return std::nullopt;
            if (*v == "random") { // a seed per run: checked against --repeat below
                o.seedEachRun = o.step = true;
                continue;
            }
            std::string why;
            if (!engine::Scheduler::parse(*v, why)) {
                error = why;
                return std::nullopt;
            }
            o.schedule = *v;
            o.step = true;
        } else if (a == "--repeat") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const long n = std::strtol(v->c_str(), &end, 10);
            if (end == v->c_str() || *end != '\0' || n < 1 || n > engine::kMaxRepeatRuns) {
                error = "--repeat takes a whole number from 1 to " +
                        std::to_string(engine::kMaxRepeatRuns) + " (got '" + *v + "')";
                return std::nullopt;
            }
            o.repeat = static_cast<int>(n);
        } else if (a == "--set") {
            auto v = value();
            if (!v) return std::nullopt;
            const auto eq = v->find('=');
            if (eq == std::string::npos || eq == 0) {
                error = "--set takes name=value (got '" + *v + "')";
                return std::nullopt;
            }
            o.sets.emplace_back(v->substr(0, eq), v->substr(eq + 1));
        } else if (a == "--speed" || a == "--timeout") {
            auto v = value();
            if (!v) return std::nullopt;
            const auto n = positiveNumber(*v);
            if (!n) {
                error = a + " takes a number greater than 0 (got '" + *v + "')";
                return std::nullopt;
            }
            (a == "--speed" ? o.speed : o.timeout) = *n;
            o.timeoutGiven = o.timeoutGiven || a == "--timeout";
        } else if (a == "--python" || a == "--start-method") {
            auto v = value();
            if (!v) return std::nullopt;
            if (a == "--start-method" && *v != "fork" && *v != "spawn" && *v != "forkserver") {
                error = "--start-method takes fork, spawn or forkserver (got '" + *v + "')";
                return std::nullopt;
            }
            (a == "--python" ? python : startMethod) = *v;
        } else if (a == "--convert-python2") {
            convert = true;
        } else if (a == "--as-python") {
            asPython = true;
        } else if (a == "--") {
            programArgs.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        } else if (a == "--trace" || a == "--export") {
            auto v = value();
            if (!v) return std::nullopt;
            (a == "--trace" ? o.tracePath : o.exportPath) = *v;
        } else if (!a.empty() && a[0] == '-') {
            error =
                "unknown option " + a +
                " (valid: --set k=v, --speed F, --timeout S, --trace FILE, --export FILE, --quiet, "
                "--step, --schedule fifo|round-robin|random:SEED|NAME,NAME,..., --repeat N, "
                "--as-python; for a "
                "program also --python PATH, --start-method fork|spawn|forkserver, "
                "--convert-python2, -- ARGS; --help)";
            return std::nullopt;
        } else if (o.scenario.empty()) {
            o.scenario = a;
        } else {
            error = "only one scenario at a time (got '" + o.scenario + "' and '" + a + "')";
            return std::nullopt;
        }
    }
    if (o.scenario.empty()) {
        error = "which scenario? choose one of: " + scenarioIds() + ", or a program FILE.py";
        return std::nullopt;
    }
    if (isProgramPath(o.scenario)) {
        if (asPython) {
            error = "--as-python runs a lesson's Python listing; '" + o.scenario +
                    "' is a program already, so leave --as-python out";
            return std::nullopt;
        }
        if (!o.sets.empty()) {
            error = "--set is for scenarios; a program takes its arguments after --";
            return std::nullopt;
        }
        o.program = engine::PythonProgram{python, o.scenario, programArgs, startMethod, convert};
    } else if ((!asPython && (!python.empty() || !startMethod.empty())) || convert ||
               !programArgs.empty()) {
        error = asPython ? "--convert-python2 and -- ARGS are for a Python program (FILE.py), "
                           "not for a lesson's listing"
                         : "--python, --start-method, --convert-python2 and -- ARGS are for a "
                           "Python program (FILE.py) or, the first two, for a lesson run "
                           "--as-python; not for the scenario '" +
                               o.scenario + "'";
        return std::nullopt;
    } else if (!scenarios::find(o.scenario)) {
        error = "unknown scenario '" + o.scenario + "'; choose one of: " + scenarioIds();
        return std::nullopt;
    } else if (asPython) {
        o.asPython = engine::PythonProgram{python, {}, {}, startMethod, false};
    }
    if (o.seedEachRun && o.repeat == 1) {
        error = "--schedule random takes a seed (random:SEED), or goes with --repeat N, which "
                "gives run i the seed i";
        return std::nullopt;
    }
    if (o.repeat > 1 && !o.exportPath.empty()) {
        error = "--export draws one run: with --repeat, keep the runs with --trace FILE.json "
                "(FILE-1.json, FILE-2.json, …) and export the one you want with mpviz export";
        return std::nullopt;
    }
    if (!o.exportPath.empty() && !hasImageSuffix(o.exportPath)) {
        error = "--export writes .png, .svg or .pdf (got '" + o.exportPath + "')";
        return std::nullopt;
    }
    return o;
}

const char* runSynopsis() {
    return kSynopsis;
}

int runCommand(const std::vector<std::string>& args, const Environment& env) {
    std::string error;
    const auto options = parseRunOptions(args, error);
    if (!options) {
        std::fprintf(stderr, "mpviz run: %s\n", error.c_str());
        return kUsage;
    }
    if (options->help) {
        std::printf("usage:\n%s%s", kSynopsis, kOptions);
        return kOk;
    }
    if (!options->exportPath.empty() && !env.exporter) {
        std::fprintf(stderr, "mpviz run: this build has no image export (built without Qt)\n");
        return kUsage;
    }
    // Found out now, not after a long run whose result would then be lost.
    for (const auto& [option, path] :
         {std::pair{"--trace", options->tracePath}, std::pair{"--export", options->exportPath}}) {
        if (path.empty()) continue;
        if (const auto why = unwritableReason(path); !why.empty()) {
            std::fprintf(stderr, "mpviz run: %s %s cannot be written (%s); nothing was run\n",
                         option, path.c_str(), why.c_str());
            return kUsage;
        }
    }

    engine::SessionOptions so;
    std::string title;                     // "lock (Lock: one at a time)" or the program's path
    std::optional<ListingProgram> listing; // --as-python: outlives the session below
    if (options->program) {
        if (const auto problem = checkProgram(*options->program, env)) {
            std::fprintf(stderr, "mpviz run: %s\n", problem->c_str());
            return kUsage;
        }
        so.scenario = title = options->program->file.string();
        so.python = options->program;
    } else {
        const auto& scenario = *scenarios::find(options->scenario);
        const auto params = scenarios::resolveParams(scenario, options->sets, error);
        if (!params) {
            std::fprintf(stderr, "mpviz run %s: %s\n", scenario.id.c_str(), error.c_str());
            return kUsage;
        }
        so.scenario = scenario.id;
        so.params = params->values();
        title = scenario.id + " (" + scenario.title + ")";
        if (options->asPython) {
            try {
                listing.emplace(scenario, so.params);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "mpviz run %s: %s\n", scenario.id.c_str(), e.what());
                return kFailure;
            }
            so.python = options->asPython;
            so.python->file = listing->file();
            if (const auto problem = checkProgram(*so.python, env)) {
                std::fprintf(stderr, "mpviz run %s --as-python: %s\n", scenario.id.c_str(),
                             problem->c_str());
                return kUsage;
            }
            title += " as its Python listing";
        }
    }
    so.speed = options->speed;
    so.timeout = options->program && !options->timeoutGiven ? kProgramTimeout : options->timeout;
    so.childExecutable = env.childExecutable;
    so.step = options->step;
    // Headless stepping needs someone to choose: the oldest intent, unless told otherwise.
    so.schedule = options->step && options->schedule.empty() ? "fifo" : options->schedule;
    if (options->repeat > 1) return repeatRuns(*options, so, title, replayArguments(args));
    engine::Session session(so);

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    try {
        session.start();
    } catch (const engine::NotConvertible& e) {
        std::fprintf(stderr, "mpviz run: cannot run %s: %s\n", so.scenario.c_str(), e.what());
        return kUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mpviz run: cannot start %s: %s\n", so.scenario.c_str(), e.what());
        return kFailure;
    }
    if (!options->quiet) {
        char atSpeed[48];
        std::snprintf(atSpeed, sizeof atSpeed, "at %g\u00d7 speed", options->speed);
        std::printf("running %s %s\n", title.c_str(),
                    so.step ? ("step by step, schedule " + so.schedule).c_str() : atSpeed);
    }
    LivePrinter printer(*session.trace());
    bool stopRequested = false;
    while (!session.wait_for(std::chrono::milliseconds(20))) {
        if (!options->quiet) printer.printNew();
        if (interrupted && !stopRequested) {
            session.stop();
            stopRequested = true;
        }
    }
    const auto outcome = session.wait();
    if (!options->quiet) printer.printNew();

    int code = exitCodeFor(outcome);
    session.trace()->read([&](const trace::TraceData& d) {
        if (!options->quiet) printSummary(d);
        reportUnmatchedScheduleNames(options->schedule, d);
        if (!options->quiet && options->program) printProgramStatus(d);
        if (!options->tracePath.empty()) {
            try {
                trace::saveChromeJson(d, options->tracePath, MPVIZ_VERSION);
                if (!options->quiet)
                    std::printf("trace written to %s\n", options->tracePath.c_str());
            } catch (const std::exception& e) {
                std::fprintf(stderr, "mpviz run: cannot write trace: %s\n", e.what());
                code = kFailure;
            }
        }
        if (!options->exportPath.empty()) {
            if (auto err = env.exporter(d, options->exportPath); !err.empty()) {
                std::fprintf(stderr, "mpviz run: cannot export: %s\n", err.c_str());
                code = kFailure;
            } else if (!options->quiet) {
                std::printf("timeline written to %s\n", options->exportPath.c_str());
            }
        }
    });
    return code;
}

} // namespace mpviz::cli
