#include "cli/cli.hpp"

#include "cli/list_command.hpp"
#include "cli/run_command.hpp"
#include "trace/chrome_json.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace mpviz::cli {

namespace {
constexpr const char* kExportSynopsis = "  mpviz export TRACE.json out.png|out.svg|out.pdf\n";
constexpr const char* kExitCodes =
    "exit codes: 0 completed, 2 bad usage, 3 deadlock detected, 4 timeout, 5 stopped\n";

std::string usageText() {
    return std::string("usage:\n"
                       "  mpviz                                open the GUI\n"
                       "  mpviz --scenario ID                  open the GUI on a scenario\n"
                       "        [--set k=v]... [--speed F] [--theme light|dark] [--presentation] "
                       "[--open T.json]\n"
                       "        [--step] [--policy fifo|round-robin|random:SEED] [--logical-time] "
                       "[--autorun]\n"
                       "        [--lang zh_CN|en]              English or 简体中文 (default: "
                       "the locale; also for --export)\n"
                       "  mpviz PROGRAM.py [--start-method fork|spawn|forkserver] [-- ARGS...]\n"
                       "                                       open the GUI on a Python program "
                       "(same options)\n"
                       "  mpviz list [--json]                  scenarios and their parameters\n") +
           runSynopsis() + kExportSynopsis + kExitCodes;
}

bool asksForHelp(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(),
                       [](const std::string& a) { return a == "--help" || a == "-h"; });
}

int exportCommand(const std::vector<std::string>& args, const Environment& env) {
    if (asksForHelp(args)) {
        std::printf("usage:\n%s  renders a trace that mpviz run --trace (or the window) saved; "
                    "the output's\n  suffix chooses the format\n",
                    kExportSynopsis);
        return kOk;
    }
    if (args.size() != 2) {
        std::fprintf(stderr, "mpviz export: needs TRACE.json and an output file\nusage:\n%s",
                     kExportSynopsis);
        return kUsage;
    }
    if (!env.exporter) {
        std::fprintf(stderr, "mpviz export: this build has no image export (built without Qt)\n");
        return kUsage;
    }
    trace::TraceData data;
    try {
        data = trace::loadChromeJson(args[0]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mpviz export: %s\n", e.what());
        return kUsage;
    }
    if (auto error = env.exporter(data, args[1]); !error.empty()) {
        std::fprintf(stderr, "mpviz export: %s\n", error.c_str());
        return kUsage;
    }
    std::printf("timeline written to %s\n", args[1].c_str());
    return kOk;
}
} // namespace

bool isCommand(int argc, char** argv) {
    if (argc < 2) return false;
    const std::string_view verb = argv[1];
    return verb == "list" || verb == "run" || verb == "export" || verb == "help" ||
           verb == "--help" || verb == "-h" || verb == "--version";
}

int exitCodeFor(trace::Outcome outcome) {
    switch (outcome) {
    case trace::Outcome::Completed:
        return kOk;
    case trace::Outcome::Deadlock:
        return kDeadlock;
    case trace::Outcome::Timeout:
        return kTimeout;
    case trace::Outcome::Stopped:
        return kStopped;
    case trace::Outcome::Running:
        return kFailure;
    }
    return kFailure;
}

int main(int argc, char** argv, const Environment& env) {
    const std::string verb = argc > 1 ? argv[1] : "help";
    std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
    if (verb == "help" || verb == "--help" || verb == "-h") {
        std::fputs(usageText().c_str(), stdout);
        return kOk;
    }
    if (verb == "--version") {
        std::printf("mpviz %s\n", MPVIZ_VERSION);
        return kOk;
    }
    if (verb == "list") return listCommand(args);
    if (verb == "run") return runCommand(args, env);
    if (verb == "export") return exportCommand(args, env);
    std::fprintf(stderr, "mpviz: unknown command '%s'\n%s", verb.c_str(), usageText().c_str());
    return kUsage;
}

} // namespace mpviz::cli
