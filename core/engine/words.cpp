#include "engine/words.hpp"

namespace mpviz::engine {

std::string fill(const std::string& pattern, std::initializer_list<std::string> args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size()) {
                out += *(args.begin() + n);
                ++i;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string Words::operator()(const char* pattern, std::initializer_list<std::string> args) const {
    return fill(translate_ ? translate_(context_, pattern) : std::string(pattern), args);
}

} // namespace mpviz::engine
