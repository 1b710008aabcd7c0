#include "cli/terminal_text.hpp"

#include "trace/utf8.hpp"

namespace mpviz::cli {

namespace {

char32_t decode(std::string_view s, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) { return char32_t(static_cast<unsigned char>(s[i + k])); };
    switch (length) {
    case 1:
        return byte(0);
    case 2:
        return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    case 3:
        return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    default:
        return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
               (byte(3) & 0x3F);
    }
}

// East Asian Wide and Fullwidth (Unicode's EastAsianWidth W and F), by block.
bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

std::size_t terminalWidth(std::string_view utf8) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t length = trace::utf8SequenceLength(utf8, i);
        if (length == 0) { // a stray byte: the terminal shows one replacement character
            ++columns;
            ++i;
            continue;
        }
        columns += isWide(decode(utf8, i, length)) ? 2 : 1;
        i += length;
    }
    return columns;
}

std::string padToColumns(std::string_view utf8, std::size_t columns) {
    std::string out(utf8);
    const std::size_t width = terminalWidth(utf8);
    if (width < columns) out.append(columns - width, ' ');
    return out;
}

} // namespace mpviz::cli
