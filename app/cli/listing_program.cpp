#include "cli/listing_program.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace mpviz::cli {

ListingProgram::ListingProgram(const scenarios::Scenario& lesson,
                               const std::map<std::string, std::string>& params) {
    const auto pattern = std::filesystem::temp_directory_path() /
                         ("mpviz-" + std::to_string(::getpid()) + "_listing-XXXXXX");
    std::string dir = pattern.string();
    if (!::mkdtemp(dir.data()))
        throw std::runtime_error("cannot create a directory for the listing in " +
                                 pattern.parent_path().string() + ": " + std::strerror(errno));
    dir_ = dir;
    std::string module = lesson.id;
    std::replace(module.begin(), module.end(), '-', '_');
    file_ = dir_ / (module + ".py");
    std::ofstream out(file_, std::ios::binary);
    out << scenarios::listingWith(lesson, params);
    if (!out.flush()) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        throw std::runtime_error("cannot write " + file_.string());
    }
}

ListingProgram::~ListingProgram() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

} // namespace mpviz::cli
