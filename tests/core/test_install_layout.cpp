// A build tree and an installed tree find mpviz-child, the shim and its recorder the same way
// (engine/install_layout.hpp), with no path of the build machine compiled in.
#include "engine/install_layout.hpp"
#include "engine/python_program.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace mpviz;
namespace fs = std::filesystem;

namespace {
struct TempTree {
    fs::path root;
    TempTree() {
        std::string pattern = (fs::temp_directory_path() / "mpviz-layout-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        root = pattern;
    }
    ~TempTree() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    void touch(const fs::path& relative) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << "";
    }
};
} // namespace

TEST_CASE("layout: in a build tree mpviz-child is beside mpviz", "[layout]") {
    TempTree tree;
    tree.touch("bin/mpviz-child");
    CHECK(engine::childExecutableFor(tree.root / "bin" / "mpviz") ==
          tree.root / "bin" / "mpviz-child");
    CHECK(engine::pythonShimDirectory(tree.root / "bin") == tree.root / "share/mpviz/python");
}

TEST_CASE("layout: installed, mpviz-child is out of PATH in libexec/mpviz", "[layout]") {
    TempTree tree;
    tree.touch("usr/libexec/mpviz/mpviz-child");
    const auto child = engine::childExecutableFor(tree.root / "usr/bin/mpviz");
    CHECK(child == tree.root / "usr/libexec/mpviz/mpviz-child");
    // The shim and the recorder are the prefix's, not libexec's.
    CHECK(engine::treeOfChildDirectory(child.parent_path()) == tree.root / "usr");
    CHECK(engine::pythonShimDirectory(child.parent_path()) == tree.root / "usr/share/mpviz/python");
    CHECK(engine::treeOfChildDirectory(tree.root / "usr/libexec/mpviz/") == tree.root / "usr");
}

TEST_CASE("layout: a missing mpviz-child is looked for where its tree keeps it", "[layout]") {
    CHECK(engine::childExecutableFor("/opt/x/bin/mpviz") == "/opt/x/libexec/mpviz/mpviz-child");
    CHECK(engine::childExecutableFor("/opt/x/tools/mpviz") == "/opt/x/tools/mpviz-child");
}
