#include "mp/args.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace mpviz::mp {

namespace {
std::string formatNumber(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}
} // namespace

Arg::Arg(double v) : encoded_("d:" + formatNumber(v)) {}

Arg Arg::fromEncoded(std::string encoded) {
    if (encoded.size() < 2 || encoded[1] != ':' ||
        std::string_view("idbso").find(encoded[0]) == std::string_view::npos)
        throw std::invalid_argument("not an encoded argument: " + encoded);
    Arg a;
    a.encoded_ = std::move(encoded);
    return a;
}

const Arg& Args::at(std::size_t i) const {
    if (i >= args_.size())
        throw std::out_of_range("argument " + std::to_string(i) + " missing (" +
                                std::to_string(args_.size()) + " given)");
    return args_[i];
}

std::int64_t Args::integer(std::size_t i) const {
    const auto& e = at(i).encoded();
    if (e[0] != 'i' && e[0] != 'b')
        throw std::invalid_argument("argument " + std::to_string(i) + " is not an integer");
    return std::stoll(e.substr(2));
}

double Args::number(std::size_t i) const {
    const auto& e = at(i).encoded();
    if (e[0] != 'i' && e[0] != 'd')
        throw std::invalid_argument("argument " + std::to_string(i) + " is not a number");
    return std::stod(e.substr(2));
}

bool Args::flag(std::size_t i) const {
    return integer(i) != 0;
}

std::string Args::text(std::size_t i) const {
    const auto& e = at(i).encoded();
    if (e[0] == 'o') throw std::invalid_argument("argument " + std::to_string(i) + " is an object");
    return e.substr(2);
}

std::string_view Args::handle(std::size_t i) const {
    const auto& e = at(i).encoded();
    if (e[0] != 'o')
        throw std::invalid_argument("argument " + std::to_string(i) + " is not a shared object");
    return std::string_view(e).substr(2);
}

std::string Args::repr(std::size_t i) const {
    const auto& e = at(i).encoded();
    switch (e[0]) {
    case 's':
        return "'" + e.substr(2) + "'";
    case 'b':
        return e[2] == '1' ? "True" : "False";
    case 'o': {
        const auto rest = e.substr(2);
        return "<" + rest.substr(0, rest.find('|')) + ">";
    }
    default:
        return e.substr(2);
    }
}

const std::string& Params::raw(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw std::out_of_range("scenario has no parameter '" + name + "'");
    return it->second;
}

std::int64_t Params::integer(const std::string& name) const {
    return static_cast<std::int64_t>(std::stod(raw(name)));
}
double Params::number(const std::string& name) const {
    return std::stod(raw(name));
}
bool Params::flag(const std::string& name) const {
    const auto& v = raw(name);
    return v == "true" || v == "1" || v == "yes";
}
std::string Params::text(const std::string& name) const {
    return raw(name);
}

std::string Params::encode() const {
    std::string out;
    for (const auto& [k, v] : values_) {
        if (!out.empty()) out += ';';
        out += k + "=" + v;
    }
    return out;
}

Params Params::decode(std::string_view text) {
    std::map<std::string, std::string> values;
    while (!text.empty()) {
        const auto end = text.find(';');
        const auto item = text.substr(0, end);
        const auto eq = item.find('=');
        if (eq != std::string_view::npos)
            values.emplace(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return Params(std::move(values));
}

} // namespace mpviz::mp
