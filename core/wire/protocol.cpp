#include "wire/protocol.hpp"

#include "trace/utf8.hpp"

#include <cstdio>

namespace mpviz::wire {

namespace {
template <class T> void append(std::vector<char>& out, T v) {
    const auto* b = reinterpret_cast<const char*>(&v);
    out.insert(out.end(), b, b + sizeof v);
}
void appendText(std::vector<char>& out, std::string_view text) {
    append(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
}
} // namespace

void Encoder::frame(FrameType type, const std::vector<char>& payload) {
    append(out_, type);
    append(out_, static_cast<std::uint32_t>(payload.size()));
    out_.insert(out_.end(), payload.begin(), payload.end());
}

void Encoder::hello(const Hello& h) {
    std::vector<char> payload;
    append(payload, h.version);
    append(payload, h.pid);
    append(payload, h.ppid);
    append(payload, static_cast<std::uint8_t>(h.daemon));
    append(payload, h.runtime);
    appendText(payload, h.name);
    frame(FrameType::Hello, payload);
}

void Encoder::object(const ObjectDecl& o) {
    std::vector<char> payload;
    append(payload, o.id);
    append(payload, o.kind);
    append(payload, o.capacity);
    append(payload, o.valueType);
    appendText(payload, o.name);
    frame(FrameType::Object, payload);
}

void Encoder::grant(std::uint32_t thread) {
    std::vector<char> payload;
    append(payload, thread);
    frame(FrameType::Grant, payload);
}

void Encoder::source(const SourceDecl& s) {
    std::vector<char> payload;
    append(payload, s.file);
    appendText(payload, s.path);
    frame(FrameType::Source, payload);
}

void Encoder::mode(bool step) {
    frame(FrameType::Mode, std::vector<char>{static_cast<char>(step ? 1 : 0)});
}

namespace detail {

std::string_view getText(const char*& p, const char* end) {
    if (end - p < 4) throw ProtocolError("frame ends before its text length");
    const auto size = get<std::uint32_t>(p);
    if (static_cast<std::size_t>(end - p) < size) throw ProtocolError("text runs past its frame");
    std::string_view text(p, size);
    p += size;
    return text;
}

void checkEnum(trace::Op op, trace::Phase phase) {
    if (static_cast<int>(op) >= static_cast<int>(trace::Op::Count))
        throw ProtocolError("unknown operation " + std::to_string(static_cast<int>(op)));
    if (static_cast<int>(phase) > static_cast<int>(trace::Phase::Failed))
        throw ProtocolError("unknown phase " + std::to_string(static_cast<int>(phase)));
}

void checkKind(trace::ObjectKind kind) {
    if (static_cast<int>(kind) >= static_cast<int>(trace::ObjectKind::Count))
        throw ProtocolError("unknown object kind " + std::to_string(static_cast<int>(kind)));
}

void checkValueType(char valueType) {
    if (valueType == trace::kNoValueType || trace::isValueTypeCode(valueType)) return;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(valueType));
    throw ProtocolError(std::string("value type byte ") + hex +
                        " is no typecode (0 for none, else a printable ASCII character)");
}

// The trace file names an object by its name, and can write only UTF-8 as it is: two names
// differing in other bytes would be saved as one name twice, a file that does not reopen.
void checkObjectName(std::string_view name) {
    if (!trace::isUtf8(name)) throw ProtocolError("object name is not UTF-8");
}

void checkRuntime(Runtime runtime) {
    if (static_cast<int>(runtime) >= static_cast<int>(Runtime::Count))
        throw ProtocolError("unknown runtime " + std::to_string(static_cast<int>(runtime)));
}

} // namespace detail
} // namespace mpviz::wire
