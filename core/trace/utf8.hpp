#pragma once
// What UTF-8 the trace file can carry. JSON readers (Boost.JSON among them) reject invalid
// UTF-8, so the exporter writes U+FFFD for each byte that does not start a valid sequence
// (a child may print any bytes); a name that identifies something must not need that.

#include <cstddef>
#include <string_view>

namespace mpviz::trace {

// Length of the valid UTF-8 sequence starting at s[i], 0 if it is not one.
inline std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) -> unsigned {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const auto continuation = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return byte(k) >= lo && byte(k) <= hi;
    };
    const unsigned c = byte(0);
    if (i < s.size() && c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
    if (c == 0xE0) return continuation(1, 0xA0) && continuation(2) ? 3 : 0;
    if (c == 0xED) return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0;
    if (c >= 0xE1 && c <= 0xEF) return continuation(1) && continuation(2) ? 3 : 0;
    if (c == 0xF0) return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    if (c == 0xF4) return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0;
    return 0;
}

// Whether the file carries `s` exactly as it is.
inline bool isUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = utf8SequenceLength(s, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

} // namespace mpviz::trace
