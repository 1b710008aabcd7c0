#pragma once
// The one place that knows how a shared Value's or Array's number reads. A C++ lesson's
// numbers are plain integers; a Python program declares each Value's typecode, and for a
// float type ('f', 'd') events carry the IEEE-754 double's bits in their int64 `value`.
// Cards, tooltips, the narrator and the trace file all format through here.

#include <cstdint>
#include <string>

namespace mpviz::trace {

bool isFloatType(char valueType);
double doubleFromBits(std::int64_t bits);
std::int64_t bitsFromDouble(double value);

// The number as a person reads it: "42", "3.1415927" (8 significant digits, as a card has
// room for), "2.0" (a float stays recognisably a float), "b'a'" for a 'c' Value, "'x'" for 'u'.
std::string sharedNumberText(std::int64_t value, char valueType);

// The number for plotting and for JSON: the double itself for a float type, else the integer.
double sharedNumberAsDouble(std::int64_t value, char valueType);

} // namespace mpviz::trace
