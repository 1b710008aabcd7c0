// mpviz-child: the program every scenario process runs. MainProcess is started by the
// engine; every other process by its parent, through mp::Process. The engine also starts
// one as the session's janitor (engine/janitor.hpp).
#include "engine/janitor.hpp"
#include "mp/child.hpp"
#include "scenario.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    if (mpviz::engine::isJanitorInvocation(argc, argv))
        return mpviz::engine::runJanitor(argc, argv);
    std::string error;
    const auto invocation = mpviz::mp::parseInvocation(argc, argv, error);
    if (!invocation) {
        std::fprintf(stderr, "mpviz-child: %s\n", error.c_str());
        return 2;
    }
    const auto* scenario = mpviz::scenarios::find(invocation->scenario);
    if (!scenario) {
        std::fprintf(stderr, "mpviz-child: unknown scenario '%s'\n", invocation->scenario.c_str());
        return 2;
    }
    mpviz::mp::runInvocation(scenario->program, *invocation);
}
