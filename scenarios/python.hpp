#pragma once
// Small helpers so scenario code prints what the Python listing would print
// (True/False, None, 2.0, [0, 1, 4]) and finds listing lines for the code panel.

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpviz::scenarios::py {

// str(True) / str(False)
inline const char* str(bool b) {
    return b ? "True" : "False";
}

// str(x) for an Optional[int] such as Process.exitcode
inline std::string str(std::optional<int> v) {
    return v ? std::to_string(*v) : "None";
}

// repr(float): the shortest text that reads back the same, always with a point or exponent.
inline std::string str(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string text(buf, ec == std::errc{} ? end : buf);
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

// "%15s" % text
inline std::string rjust(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

// str(list) of already formatted items: "[0, 1, 4]"
inline std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + "]";
}

// Code-panel hints: for each {"target:op", needle}, the 1-based line of the first listing
// line containing `needle`, searched from the line that defines the target ("def target(")
// or, for "main", from `if __name__ == "__main__":`. A needle that is missing is a bug in
// the scenario, reported at once.
inline std::vector<std::pair<std::string, int>>
lines(std::string_view listing,
      std::initializer_list<std::pair<std::string_view, std::string_view>> hints) {
    std::vector<std::string_view> rows;
    for (std::size_t start = 0; start <= listing.size();) {
        auto nl = listing.find('\n', start);
        if (nl == std::string_view::npos) nl = listing.size();
        rows.push_back(listing.substr(start, nl - start));
        start = nl + 1;
    }
    auto find = [&](std::string_view needle, std::size_t from) -> std::size_t {
        for (std::size_t i = from; i < rows.size(); ++i)
            if (rows[i].find(needle) != std::string_view::npos) return i;
        throw std::logic_error("listing has no line with '" + std::string(needle) + "'");
    };
    std::vector<std::pair<std::string, int>> out;
    for (auto [key, needle] : hints) {
        auto target = key.substr(0, key.find(':'));
        auto anchor = target == "main" ? std::string("if __name__ == \"__main__\":")
                                       : "def " + std::string(target) + "(";
        out.emplace_back(std::string(key), static_cast<int>(find(needle, find(anchor, 0))) + 1);
    }
    return out;
}

} // namespace mpviz::scenarios::py
