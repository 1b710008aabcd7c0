// The registry: every scenario in the order the app lists them, and the checking of
// `--set name=value` pairs against a scenario's parameters.

#include "lessons.hpp"
#include "python.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

namespace mpviz::scenarios {

std::span<const Scenario> all() {
    static const std::vector<Scenario> scenarios = [] {
        std::vector<Scenario> lessons;
        for (auto lesson : {lifecycle, lock, semaphore, event, queue, pipe, pool, deadlockOnJoin,
                            sharedValue, lockOrder})
            lessons.push_back(withListingDefaults(lesson()));
        return lessons;
    }();
    return scenarios;
}

const Scenario* find(std::string_view id) {
    for (const auto& s : all())
        if (s.id == id) return &s;
    return nullptr;
}

namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The value as the normalized text Params holds: "3", "2.5", "true".
std::string defaultText(const Parameter& p) {
    switch (p.kind) {
    case Parameter::Kind::Integer:
        return std::to_string(static_cast<std::int64_t>(p.defaultValue));
    case Parameter::Kind::Number:
        return py::str(p.defaultValue);
    case Parameter::Kind::Flag:
        return p.defaultValue != 0 ? "true" : "false";
    }
    return {};
}

std::string rangeText(const Parameter& p) {
    if (p.kind == Parameter::Kind::Integer)
        return "an integer from " + std::to_string(static_cast<std::int64_t>(p.minimum)) + " to " +
               std::to_string(static_cast<std::int64_t>(p.maximum));
    return "a number from " + py::str(p.minimum) + " to " + py::str(p.maximum);
}

// Parses and checks one value; returns the normalized text, or nothing with `error` set.
std::optional<std::string> normalize(const Parameter& p, std::string_view raw, std::string& error) {
    const std::string text = trimmed(raw);
    const std::string got = " (got '" + std::string(raw) + "')";
    if (p.kind == Parameter::Kind::Flag) {
        const std::string t = lowered(text);
        if (t == "true" || t == "1" || t == "yes") return "true";
        if (t == "false" || t == "0" || t == "no") return "false";
        error = p.name + " must be true or false (also 1/0, yes/no)" + got;
        return std::nullopt;
    }
    std::string_view digits = text;
    if (digits.starts_with('+')) digits.remove_prefix(1);
    const char* first = digits.data();
    const char* last = first + digits.size();
    if (p.kind == Parameter::Kind::Integer) {
        std::int64_t v = 0;
        auto [end, ec] = std::from_chars(first, last, v);
        if (digits.empty() || ec != std::errc{} || end != last ||
            v < static_cast<std::int64_t>(p.minimum) || v > static_cast<std::int64_t>(p.maximum)) {
            error = p.name + " must be " + rangeText(p) + got;
            return std::nullopt;
        }
        return std::to_string(v);
    }
    double v = 0;
    auto [end, ec] = std::from_chars(first, last, v);
    if (digits.empty() || ec != std::errc{} || end != last || !std::isfinite(v) || v < p.minimum ||
        v > p.maximum) {
        error = p.name + " must be " + rangeText(p) + got;
        return std::nullopt;
    }
    return py::str(v);
}

} // namespace

std::optional<mp::Params>
resolveParams(const Scenario& s, const std::vector<std::pair<std::string, std::string>>& sets,
              std::string& error) {
    std::map<std::string, std::string> values;
    for (const auto& p : s.parameters)
        values[p.name] = defaultText(p);

    for (const auto& [name, raw] : sets) {
        auto p = std::find_if(s.parameters.begin(), s.parameters.end(),
                              [&](const Parameter& q) { return q.name == name; });
        if (p == s.parameters.end()) {
            if (s.parameters.empty()) {
                error = "scenario '" + s.id + "' has no parameters (got '" + name + "')";
            } else {
                error =
                    "scenario '" + s.id + "' has no parameter '" + name + "'; valid parameters: ";
                for (std::size_t i = 0; i < s.parameters.size(); ++i)
                    error += (i ? ", " : "") + s.parameters[i].name;
            }
            return std::nullopt;
        }
        auto value = normalize(*p, raw, error);
        if (!value) return std::nullopt;
        values[name] = *value;
    }
    return mp::Params(std::move(values));
}

} // namespace mpviz::scenarios
