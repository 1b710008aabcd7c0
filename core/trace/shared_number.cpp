#include "trace/shared_number.hpp"

#include <bit>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace mpviz::trace {

bool isFloatType(char valueType) {
    return valueType == 'f' || valueType == 'd';
}

double doubleFromBits(std::int64_t bits) {
    return std::bit_cast<double>(bits);
}

std::int64_t bitsFromDouble(double value) {
    return std::bit_cast<std::int64_t>(value);
}

namespace {
bool isUnsignedType(char valueType) {
    return std::string_view("BHILQ").find(valueType) != std::string_view::npos;
}

std::string floatText(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.8g", value);
    std::string text = buffer;
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

// Python's repr of one character: 'x', or an escape for what does not print as itself.
std::string characterRepr(std::int64_t code, bool bytes) {
    std::string out = bytes ? "b'" : "'";
    if (code == '\'' || code == '\\') {
        out += '\\';
        out += static_cast<char>(code);
    } else if (code == '\n') {
        out += "\\n";
    } else if (code == '\t') {
        out += "\\t";
    } else if (code >= 0x20 && code < 0x7f) {
        out += static_cast<char>(code);
    } else if (bytes || code < 0x100) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(code & 0xff));
        out += buffer;
    } else {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(code & 0xffff));
        out += buffer;
    }
    return out + "'";
}
} // namespace

std::string sharedNumberText(std::int64_t value, char valueType) {
    if (isFloatType(valueType)) return floatText(doubleFromBits(value));
    if (valueType == 'c') return characterRepr(value & 0xff, true);
    if (valueType == 'u') return characterRepr(value, false);
    if (isUnsignedType(valueType)) return std::to_string(static_cast<std::uint64_t>(value));
    return std::to_string(value);
}

double sharedNumberAsDouble(std::int64_t value, char valueType) {
    if (isFloatType(valueType)) return doubleFromBits(value);
    if (isUnsignedType(valueType)) return static_cast<double>(static_cast<std::uint64_t>(value));
    return static_cast<double>(value);
}

} // namespace mpviz::trace
