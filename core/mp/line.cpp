#include "mp/line.hpp"

namespace mpviz::mp {

namespace {
thread_local int line = 0;
} // namespace

int currentLine() {
    return line;
}

AtLine::AtLine(int listingLine) : previous_(line) {
    line = listingLine;
}

AtLine::~AtLine() {
    line = previous_;
}

} // namespace mpviz::mp
