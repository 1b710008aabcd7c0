#include "mp/program.hpp"

#include <stdexcept>

namespace mpviz::mp {

const Target* Program::find(std::string_view name) const {
    for (const auto& t : targets)
        if (t.name() == name) return &t;
    return nullptr;
}

const std::string& Program::nameOf(detail::FunctionId function) const {
    for (const auto& t : targets)
        if (t.is(function)) return t.name();
    throw std::logic_error("a Process or Pool was given a function the scenario did not register "
                           "in its program's targets");
}

} // namespace mpviz::mp
