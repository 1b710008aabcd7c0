#include "engine/install_layout.hpp"

#include <optional>
#include <system_error>
#include <vector>

#ifndef MPVIZ_INSTALL_CHILD_DIR
#error "MPVIZ_INSTALL_CHILD_DIR (relative to the install prefix) comes from core/CMakeLists.txt"
#endif
#ifndef MPVIZ_INSTALL_BIN_DIR
#error "MPVIZ_INSTALL_BIN_DIR (relative to the install prefix) comes from core/CMakeLists.txt"
#endif

namespace mpviz::engine {

namespace fs = std::filesystem;

namespace {
constexpr const char* kChildName = "mpviz-child";

// `dir` without its trailing `relative` components, or nothing when it does not end with them.
std::optional<fs::path> stripSuffix(const fs::path& dir, const fs::path& relative) {
    fs::path rest = dir.lexically_normal();
    if (!rest.has_filename()) rest = rest.parent_path(); // "a/b/" names a/b
    std::vector<fs::path> parts(relative.begin(), relative.end());
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (it->empty()) continue;
        if (rest.filename() != *it) return std::nullopt;
        rest = rest.parent_path();
    }
    return rest;
}
} // namespace

fs::path childExecutableFor(const fs::path& mpvizExecutable) {
    const auto dir = mpvizExecutable.parent_path();
    const auto beside = dir / kChildName;
    std::error_code ec;
    if (fs::exists(beside, ec)) return beside;
    const auto prefix = stripSuffix(dir, MPVIZ_INSTALL_BIN_DIR);
    if (!prefix) return beside; // neither layout: the error will name the build tree's place
    return *prefix / MPVIZ_INSTALL_CHILD_DIR / kChildName;
}

fs::path childExecutableForThisProgram() {
    std::error_code ec;
    return childExecutableFor(fs::read_symlink("/proc/self/exe", ec));
}

fs::path treeOfChildDirectory(const fs::path& childDirectory) {
    if (auto prefix = stripSuffix(childDirectory, MPVIZ_INSTALL_CHILD_DIR)) return *prefix;
    return (childDirectory / "..").lexically_normal(); // <build>/bin
}

} // namespace mpviz::engine
