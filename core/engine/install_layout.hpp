#pragma once
// Where mpviz's parts are relative to each other, so that a build tree and an installed tree
// (a package, or cmake --install to any prefix) both run without a path compiled in:
//
//   build tree                      installed under PREFIX
//   <build>/bin/mpviz               PREFIX/bin/mpviz
//   <build>/bin/mpviz-child         PREFIX/libexec/mpviz/mpviz-child   (kept out of PATH)
//   <build>/share/mpviz/python      PREFIX/share/mpviz/python          (the Python shim)
//   <build>/lib/mpviz/python        PREFIX/lib/mpviz/python            (its C recorder)

#include <filesystem>

namespace mpviz::engine {

// mpviz-child for the mpviz at `mpvizExecutable`: beside it (build tree), else in the
// installed child folder of its prefix.
std::filesystem::path childExecutableFor(const std::filesystem::path& mpvizExecutable);

// The same, for the running program (/proc/self/exe).
std::filesystem::path childExecutableForThisProgram();

// The tree (build directory or install prefix) that holds share/ and lib/, given the folder
// mpviz-child is in.
std::filesystem::path treeOfChildDirectory(const std::filesystem::path& childDirectory);

} // namespace mpviz::engine
