#pragma once
// print() and sleep() as a scenario uses them: print reaches the engine at once as a
// `print` event (and this process's stdout); sleep is real and scaled by the speed factor.

#include <sstream>
#include <string>
#include <string_view>

namespace mpviz::mp {

void print_line(std::string_view line);

// Python's print(a, b, c): the arguments joined by spaces.
template <class... T> void print(const T&... parts) {
    std::ostringstream out;
    out.setf(std::ios::boolalpha);
    std::string_view sep;
    ((out << sep << parts, sep = " "), ...);
    print_line(out.str());
}

void sleep(double seconds);

// time.strftime on the scenario's clock: wall time at the session's start plus the
// scenario seconds elapsed since (so a 20x run still prints 3 s steps).
std::string strftime(const char* format = "%H:%M:%S");
std::string ctime(); // time.ctime()

} // namespace mpviz::mp
