// The listing as a given run used it: each `NAME = VALUE  # parameter: name` line carries
// that run's value instead of the default, written as Python would write it.

#include "python.hpp"
#include "scenario.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace mpviz::scenarios {

namespace {

constexpr std::string_view kMarker = "# parameter: ";

// The Python literal for `text` (as Params or a trace file hold it), or nothing when it
// does not read as a value of that parameter.
std::optional<std::string> pythonLiteral(const Parameter& p, std::string_view text) {
    if (p.kind == Parameter::Kind::Flag) {
        std::string lower(text);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower == "true" || lower == "1") return "True";
        if (lower == "false" || lower == "0") return "False";
        return std::nullopt;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    if (p.kind == Parameter::Kind::Integer) {
        if (v != std::floor(v)) return std::nullopt;
        return std::to_string(static_cast<std::int64_t>(v));
    }
    return py::str(v);
}

// Calls `line(text)` for each line of the listing, and `parameter(text, name, value)` instead
// for a `NAME = VALUE  # parameter: name` line, `value` the literal's position in `text`.
template <class Line, class ParameterLine>
void scanListing(std::string_view listing, Line&& line, ParameterLine&& parameter) {
    for (std::size_t start = 0; start < listing.size();) {
        std::size_t nl = listing.find('\n', start);
        nl = nl == std::string_view::npos ? listing.size() : nl + 1;
        const std::string_view text = listing.substr(start, nl - start);
        start = nl;
        const auto marker = text.find(kMarker);
        const auto equals = text.find(" = ");
        if (marker == std::string_view::npos || equals == std::string_view::npos ||
            equals > marker) {
            line(text);
            continue;
        }
        std::string_view name = text.substr(marker + kMarker.size());
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.remove_suffix(1);
        std::size_t valueEnd = marker;
        while (valueEnd > equals + 3 && text[valueEnd - 1] == ' ')
            --valueEnd;
        parameter(text, name, std::pair{equals + 3, valueEnd});
    }
}

const Parameter* findParameter(const Scenario& s, std::string_view name) {
    const auto it = std::find_if(s.parameters.begin(), s.parameters.end(),
                                 [&](const Parameter& p) { return p.name == name; });
    return it == s.parameters.end() ? nullptr : &*it;
}

} // namespace

std::string listingWith(const Scenario& s, const std::map<std::string, std::string>& params) {
    std::string out;
    out.reserve(s.listing.size() + 64);
    scanListing(
        s.listing, [&](std::string_view line) { out += line; },
        [&](std::string_view line, std::string_view name,
            std::pair<std::size_t, std::size_t> value) {
            const Parameter* parameter = findParameter(s, name);
            const auto given = params.find(std::string(name));
            std::optional<std::string> literal;
            if (parameter && given != params.end())
                literal = pythonLiteral(*parameter, given->second);
            if (!literal) {
                out += line;
                return;
            }
            // "NAME = " + value + the spacing and comment as the listing wrote them.
            out += line.substr(0, value.first);
            out += *literal;
            out += line.substr(value.second);
        });
    return out;
}

Scenario withListingDefaults(Scenario s) {
    std::map<std::string, double, std::less<>> found;
    scanListing(
        s.listing, [](std::string_view) {},
        [&](std::string_view line, std::string_view name,
            std::pair<std::size_t, std::size_t> value) {
            const std::string_view literal = line.substr(value.first, value.second - value.first);
            double v = 0;
            if (literal == "True" || literal == "False") {
                v = literal == "True";
            } else {
                const auto [end, ec] = std::from_chars(literal.begin(), literal.end(), v);
                if (ec != std::errc{} || end != literal.end())
                    throw std::logic_error("lesson " + s.id + ": the listing's value of " +
                                           std::string(name) + " is not a number");
            }
            found[std::string(name)] = v;
        });
    for (auto& p : s.parameters) {
        const auto it = found.find(p.name);
        if (it == found.end())
            throw std::logic_error("lesson " + s.id + ": parameter " + p.name +
                                   " has no `# parameter:` line in the listing");
        p.defaultValue = it->second;
    }
    return s;
}

} // namespace mpviz::scenarios
