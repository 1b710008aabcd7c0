#pragma once
// What a scenario gives the multiprocessing layer: the program MainProcess runs, and the
// functions children may run (Python's `target=`, and the functions a Pool is given),
// each registered once under its listing's name.

#include "mp/args.hpp"
#include "mp/target.hpp"

#include <functional>
#include <string_view>
#include <vector>

namespace mpviz::mp {

using MainFunction = std::function<void(const Params&)>;

struct Program {
    MainFunction main;
    std::vector<Target> targets;

    const Target* find(std::string_view name) const;
    // The registered name of a function handed to Process or Pool; throws std::logic_error
    // when the scenario did not register it.
    const std::string& nameOf(detail::FunctionId function) const;
};

} // namespace mpviz::mp
