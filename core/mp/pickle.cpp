#include "mp/pickle.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace mpviz::mp::detail {
namespace {
// Opcodes of pickle protocol 4 (CPython's Lib/pickle.py).
constexpr char kProto = '\x80';
constexpr char kFrame = '\x95';
constexpr char kShortBinUnicode = '\x8c';
constexpr char kBinUnicode = 'X';
constexpr char kBinUnicode8 = '\x8d';
constexpr char kMemoize = '\x94';
constexpr char kStop = '.';
// CPython's pickler writes data this large outside any frame (_Pickler_write_bytes).
constexpr std::size_t kFrameSizeTarget = 64 * 1024;

template <class T> void putLittle(std::string& out, T v) {
    char bytes[sizeof v];
    for (std::size_t i = 0; i < sizeof v; ++i)
        bytes[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    out.append(bytes, sizeof v);
}

template <class T> T getLittle(std::string_view in, std::size_t at) {
    if (at + sizeof(T) > in.size()) throw std::runtime_error("truncated pickle");
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
        v |= static_cast<T>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}

std::string stringOpcode(std::size_t size) {
    std::string op;
    if (size <= 0xff) {
        op += kShortBinUnicode;
        op += static_cast<char>(size);
    } else if (size <= 0xffffffffu) {
        op += kBinUnicode;
        putLittle(op, static_cast<std::uint32_t>(size));
    } else {
        op += kBinUnicode8;
        putLittle(op, static_cast<std::uint64_t>(size));
    }
    return op;
}
} // namespace

std::string pickleString(std::string_view utf8) {
    const std::string op = stringOpcode(utf8.size());
    std::string out;
    out.reserve(utf8.size() + 24);
    out += kProto;
    out += '\x04';
    if (utf8.size() < kFrameSizeTarget) {
        out += kFrame;
        putLittle(out, static_cast<std::uint64_t>(op.size() + utf8.size() + 2));
    }
    out += op;
    out += utf8;
    out += kMemoize;
    out += kStop;
    return out;
}

std::string unpickleString(std::string_view p) {
    std::size_t at = 0;
    if (p.size() < 4 || p[0] != kProto) throw std::runtime_error("not a pickle");
    at = 2;
    if (p[at] == kFrame) at += 9;
    if (at >= p.size()) throw std::runtime_error("truncated pickle");
    std::uint64_t size = 0;
    switch (p[at]) {
    case kShortBinUnicode:
        size = getLittle<std::uint8_t>(p, at + 1);
        at += 2;
        break;
    case kBinUnicode:
        size = getLittle<std::uint32_t>(p, at + 1);
        at += 5;
        break;
    case kBinUnicode8:
        size = getLittle<std::uint64_t>(p, at + 1);
        at += 9;
        break;
    default:
        throw std::runtime_error("the pickle holds no str");
    }
    if (size > p.size() - at) throw std::runtime_error("truncated pickle");
    return std::string(p.substr(at, size));
}

std::string pickleNone() {
    return std::string{kProto, '\x04', 'N', kStop};
}

} // namespace mpviz::mp::detail
