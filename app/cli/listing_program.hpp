#pragma once
// `mpviz run LESSON --as-python`: the lesson's Python listing, with the run's parameter
// values, as a program file CPython can run. The file lives in a private directory named
// like a session's ("mpviz-<pid>_listing-…"), removed when this object goes, and by the
// next start's stale-session sweep should mpviz be killed first.

#include "scenario.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace mpviz::cli {

class ListingProgram {
  public:
    // Throws std::runtime_error with a sentence when the file cannot be written.
    ListingProgram(const scenarios::Scenario& lesson,
                   const std::map<std::string, std::string>& params);
    ~ListingProgram();
    ListingProgram(const ListingProgram&) = delete;
    ListingProgram& operator=(const ListingProgram&) = delete;

    // "<dir>/deadlock_on_join.py": the lesson id as a module name, as a student would save it.
    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path dir_;
    std::filesystem::path file_;
};

} // namespace mpviz::cli
