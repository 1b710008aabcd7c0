// The listing as a given run used it: each `NAME = VALUE  # parameter: name` line carries
// that run's value instead of the default, written as Python would write it.

#include "python.hpp"
#include "scenario.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

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

} // namespace

std::string listingWith(const Scenario& s, const std::map<std::string, std::string>& params) {
    std::string out;
    out.reserve(s.listing.size() + 64);
    const std::string_view listing = s.listing;
    for (std::size_t start = 0; start < listing.size();) {
        std::size_t nl = listing.find('\n', start);
        nl = nl == std::string_view::npos ? listing.size() : nl + 1;
        const std::string_view line = listing.substr(start, nl - start);
        start = nl;
        const auto marker = line.find(kMarker);
        const auto equals = line.find(" = ");
        if (marker == std::string_view::npos || equals == std::string_view::npos ||
            equals > marker) {
            out += line;
            continue;
        }
        std::string_view name = line.substr(marker + kMarker.size());
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.remove_suffix(1);
        const auto parameter = std::find_if(s.parameters.begin(), s.parameters.end(),
                                            [&](const Parameter& p) { return p.name == name; });
        const auto given = params.find(std::string(name));
        std::optional<std::string> literal;
        if (parameter != s.parameters.end() && given != params.end())
            literal = pythonLiteral(*parameter, given->second);
        if (!literal) {
            out += line;
            continue;
        }
        // "NAME = " + value + the spacing and comment as the listing wrote them.
        std::size_t valueEnd = marker;
        while (valueEnd > equals + 3 && line[valueEnd - 1] == ' ')
            --valueEnd;
        out += line.substr(0, equals + 3);
        out += *literal;
        out += line.substr(valueEnd);
    }
    return out;
}

} // namespace mpviz::scenarios
