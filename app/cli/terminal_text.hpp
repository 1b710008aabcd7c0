#pragma once
// Text in a terminal's columns. A Chinese or Japanese character takes two columns, so a
// name padded by its byte or character count would push the column after it out of line.

#include <string>
#include <string_view>

namespace mpviz::cli {

// Columns `utf8` takes in a terminal: two for East Asian wide characters, one otherwise.
std::size_t terminalWidth(std::string_view utf8);
// `utf8` followed by spaces up to `columns` (unchanged when it is wider).
std::string padToColumns(std::string_view utf8, std::size_t columns);

} // namespace mpviz::cli
