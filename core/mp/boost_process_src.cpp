// Boost.Process v2 is compiled once, here (Debian's 1.81 fails to link header-only).
#include <boost/process/v2/src.hpp>
