// A lesson's Queue and Pipe send an item as the bytes CPython's multiprocessing sends for
// it, so a pipe fills at the same item size in a lesson as in the Python program.
#include "mp/pickle.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

using mpviz::mp::detail::pickleString;
using mpviz::mp::detail::unpickleString;

namespace {
// The hex of ForkingPickler.dumps('X' * n + suffix), as the system's CPython makes it.
std::string cpythonPickleHex(std::size_t n, const std::string& suffix) {
    const std::string command = "python3 -c \"from multiprocessing.reduction import ForkingPickler;"
                                "import sys;sys.stdout.write(ForkingPickler.dumps('X'*" +
                                std::to_string(n) + "+'" + suffix + "').hex())\"";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string hex;
    std::array<char, 65536> chunk{};
    while (std::size_t got = fread(chunk.data(), 1, chunk.size(), pipe.get()))
        hex.append(chunk.data(), got);
    return hex;
}

std::string toHex(const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : bytes) {
        hex += kDigits[c >> 4];
        hex += kDigits[c & 15];
    }
    return hex;
}
} // namespace

TEST_CASE("A str item is pickled byte for byte as CPython pickles it", "[core][pickle]") {
    const auto n = GENERATE(as<std::size_t>{}, 0, 1, 255, 256, 65514, 65515, 65536, 70000);
    const std::string suffix = GENERATE(as<std::string>{}, "", "\xc3\xa9");
    const std::string item = std::string(n, 'X') + suffix;
    const std::string pickled = pickleString(item);
    CHECK(toHex(pickled) == cpythonPickleHex(n, suffix == "" ? "" : "\\u00e9"));
    CHECK(unpickleString(pickled) == item);
}

TEST_CASE("Sixty-five thousand five hundred and fourteen characters fill a pipe exactly",
          "[core][pickle]") {
    CHECK(pickleString(std::string(65514, 'X')).size() + 4 == 65536);
    CHECK(pickleString(std::string(1000000, 'X')).size() == 1000009);
}

TEST_CASE("Bytes that are not a pickled str are refused", "[core][pickle]") {
    CHECK_THROWS(unpickleString(""));
    CHECK_THROWS(unpickleString("hello"));
    CHECK_THROWS(unpickleString(std::string("\x80\x04\x8c\x05" "ab", 6)));
}
