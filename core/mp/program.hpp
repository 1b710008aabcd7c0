#pragma once
// What a scenario gives the multiprocessing layer: the program MainProcess runs, and the
// functions children may run by name (Python's `target=`, and the functions a Pool maps).

#include "mp/args.hpp"

#include <functional>
#include <map>
#include <string>

namespace mpviz::mp {

using MainFunction = std::function<void(const Params&)>;
using TargetFunction = std::function<void(const Args&)>;
// A Pool task returns its result as text (Python would pickle the object).
using TaskFunction = std::function<std::string(const Args&)>;

struct Program {
    MainFunction main;
    std::map<std::string, TargetFunction> targets;
    std::map<std::string, TaskFunction> tasks;
};

} // namespace mpviz::mp
