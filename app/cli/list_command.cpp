#include "cli/list_command.hpp"

#include "cli/cli.hpp"
#include "scenario.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <iostream>

namespace mpviz::cli {

namespace {
using scenarios::Parameter;

std::string kindName(Parameter::Kind k) {
    switch (k) {
    case Parameter::Kind::Integer:
        return "integer";
    case Parameter::Kind::Number:
        return "number";
    case Parameter::Kind::Flag:
        return "flag";
    }
    return "";
}

std::string valueText(const Parameter& p, double v) {
    if (p.kind == Parameter::Kind::Flag) return v != 0 ? "true" : "false";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

boost::json::value number(const Parameter& p, double v) {
    if (p.kind == Parameter::Kind::Flag) return v != 0;
    if (p.kind == Parameter::Kind::Integer) return static_cast<std::int64_t>(v);
    return v;
}
} // namespace

int listCommand(const std::vector<std::string>& args) {
    const bool json = args.size() == 1 && args[0] == "--json";
    if (!args.empty() && !json) {
        std::fprintf(stderr, "mpviz list: the only option is --json\n");
        return kUsage;
    }
    if (json) {
        boost::json::array list;
        for (const auto& s : scenarios::all()) {
            boost::json::array params;
            for (const auto& p : s.parameters) {
                boost::json::object o{{"name", p.name},
                                      {"kind", kindName(p.kind)},
                                      {"default", number(p, p.defaultValue)},
                                      {"help", p.help}};
                if (p.kind != Parameter::Kind::Flag) {
                    o["min"] = number(p, p.minimum);
                    o["max"] = number(p, p.maximum);
                }
                params.push_back(std::move(o));
            }
            list.push_back(boost::json::object{{"id", s.id},
                                               {"title", s.title},
                                               {"explanation", s.explanation},
                                               {"parameters", std::move(params)}});
        }
        std::cout << boost::json::serialize(list) << "\n";
        return kOk;
    }
    for (const auto& s : scenarios::all()) {
        std::printf("%-18s %s\n", s.id.c_str(), s.title.c_str());
        for (const auto& p : s.parameters) {
            const std::string range =
                p.kind == Parameter::Kind::Flag
                    ? "true|false"
                    : valueText(p, p.minimum) + ".." + valueText(p, p.maximum);
            std::printf("    %-12s = %-6s (%s)  %s\n", p.name.c_str(),
                        valueText(p, p.defaultValue).c_str(), range.c_str(), p.help.c_str());
        }
    }
    return kOk;
}

} // namespace mpviz::cli
