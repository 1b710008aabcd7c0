#pragma once
#include <string>
#include <vector>

namespace mpviz::cli {
// `mpviz list [--json]`: every scenario with its parameters, defaults and ranges.
int listCommand(const std::vector<std::string>& args);
} // namespace mpviz::cli
