#pragma once
// What CPython's multiprocessing puts through a pipe for a str item: its pickle, exactly as
// ForkingPickler.dumps (protocol 4) makes it. Sending the same bytes makes a lesson's pipe
// fill, and its queue deadlock at exit, at the same item size as the Python program does
// (65,514 characters of payload fill a 64 KiB pipe together with the 18 bytes of pickle
// around them and the 4-byte length header).

#include <string>
#include <string_view>

namespace mpviz::mp::detail {

std::string pickleString(std::string_view utf8);
// The pickle of None: 4 bytes.
std::string pickleNone();
// The str inside a pickle made by pickleString. Throws std::runtime_error for anything else.
std::string unpickleString(std::string_view pickled);

} // namespace mpviz::mp::detail
