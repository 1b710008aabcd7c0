#include "mp/child.hpp"

#include "mp/pool_worker.hpp"
#include "mp/print.hpp"

#include <cstdio>
#include <string_view>

namespace mpviz::mp {

using namespace detail;

std::optional<Invocation> parseInvocation(int argc, char** argv, std::string& error) {
    Invocation inv;
    bool haveRole = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            error = "option " + std::string(flag) + " needs a value";
            return std::nullopt;
        }
        const std::string value = argv[++i];
        if (flag == "--scenario")
            inv.scenario = value;
        else if (flag == "--role" && value == "main")
            inv.isMain = haveRole = true;
        else if (flag == "--target")
            inv.isMain = false, inv.target = value, haveRole = true;
        else if (flag == "--name")
            inv.self.name = value;
        else if (flag == "--identity")
            inv.self.identity = value;
        else if (flag == "--daemon")
            inv.self.daemon = value == "1";
        else if (flag == "--arg") {
            try {
                inv.args.push_back(Arg::fromEncoded(value));
            } catch (const std::exception& e) {
                error = e.what();
                return std::nullopt;
            }
        } else {
            error =
                "unknown option " + std::string(flag) +
                " (valid: --scenario, --role main, --target, --name, --identity, --daemon, --arg)";
            return std::nullopt;
        }
    }
    if (inv.scenario.empty() || !haveRole) {
        error = "usage: mpviz-child --scenario ID (--role main | --target NAME ...)";
        return std::nullopt;
    }
    return inv;
}

namespace {
int runProgram(const Program& program, const Invocation& inv) {
    auto& rt = runtime();
    if (inv.isMain) {
        if (!program.main) throw std::runtime_error("scenario has no main program");
        program.main(rt.params());
        return 0;
    }
    const Args args(inv.args);
    if (inv.target == kPoolWorkerTarget) {
        poolWorkerMain(args);
        return 0;
    }
    const Target* target = program.find(inv.target);
    if (!target)
        throw std::runtime_error("scenario '" + inv.scenario + "' has no target '" + inv.target +
                                 "'");
    target->run(args);
    return 0;
}
} // namespace

void runInvocation(const Program& program, const Invocation& inv) {
    auto& rt = runtime();
    int code = 0;
    try {
        rt.start(program, inv.self);
        code = runProgram(program, inv);
    } catch (const ExitRequest& e) {
        code = e.code;
    } catch (const std::exception& e) {
        // As Python reports an exception that ends a process's run() (its traceback).
        print_line("Process " + inv.self.name + " raised: " + e.what());
        code = 1;
    }
    rt.finish(code);
}

} // namespace mpviz::mp
