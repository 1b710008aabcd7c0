#pragma once
// A scenario: one lesson of the tutorials, as metadata the app shows and the program its
// real processes run.

#include "mp/program.hpp"
#include "tr_noop.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mpviz::scenarios {

struct Parameter {
    enum class Kind { Integer, Number, Flag };
    std::string name;
    Kind kind = Kind::Integer;
    // The listing owns it: its `NAME = VALUE  # parameter: name` line (withListingDefaults).
    double defaultValue = 0; // flags: 0 or 1
    double minimum = 0;
    double maximum = 0;
    std::string help; // one line, shown as a tooltip and by `mpviz list`

    static Parameter integer(std::string name, double minimum, double maximum, std::string help) {
        return {std::move(name), Kind::Integer, 0, minimum, maximum, std::move(help)};
    }
    static Parameter number(std::string name, double minimum, double maximum, std::string help) {
        return {std::move(name), Kind::Number, 0, minimum, maximum, std::move(help)};
    }
    static Parameter flag(std::string name, std::string help) {
        return {std::move(name), Kind::Flag, 0, 0, 1, std::move(help)};
    }
};

struct Scenario {
    std::string id;          // "lock", "deadlock-on-join", …
    std::string title;       // "Lock: one writer at a time"
    std::string explanation; // one paragraph: what to watch for
    std::vector<Parameter> parameters;
    std::string listing; // the same program in Python 3, as the tutorial would write it
    // Its operations carry the line of `listing` they mirror (py::at), declared as the
    // source file mp::lessonSourcePath(id): the code panel highlights those lines.
    mp::Program program;
};

// The scenario with each parameter's default read from its listing; throws std::logic_error
// when a parameter has no `# parameter:` line there (a test builds every lesson).
Scenario withListingDefaults(Scenario s);

// Every scenario, in the order the app lists them.
std::span<const Scenario> all();
const Scenario* find(std::string_view id);

// The listing with the values `params` gives its parameters (`PERMITS = 3` after a run
// with permits=3); lines of parameters `params` lacks or cannot read keep their default.
std::string listingWith(const Scenario& s, const std::map<std::string, std::string>& params);

// Checks `--set` values against the parameters and fills in defaults. On error returns
// nothing and puts a message naming the valid choices in `error`.
std::optional<mp::Params>
resolveParams(const Scenario& s, const std::vector<std::pair<std::string, std::string>>& sets,
              std::string& error);

} // namespace mpviz::scenarios
