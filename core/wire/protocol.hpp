#pragma once
// The event wire protocol between a scenario process and the engine (docs/wire-protocol.md).
// Frames: [u8 type][u32 payload length][payload], little-endian, fields packed.
// A child says hello once, declares each shared object it uses and each source file its
// events name once, then streams events. C++ lessons and Python programs speak it alike.

#include "trace/event.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mpviz::wire {

inline constexpr std::uint16_t kVersion = 2;
inline constexpr std::size_t kFrameHeader = 5;
inline constexpr std::uint32_t kMaxPayload = 1u << 20; // a frame larger than this is garbage

enum class FrameType : std::uint8_t {
    Hello = 1,  // child → engine: who I am
    Object = 2, // child → engine: a shared object I use, and the local id I will call it by
    Event = 3,  // child → engine: something I did
    Grant = 4,  // engine → child (step mode): this thread's pending intent may go ahead
    Mode = 5,   // engine → child: run mode (0) or step mode (1)
    Source = 6, // child → engine: a source file its events name, and the id it uses for it
};

using trace::Runtime;

struct Hello {
    std::uint16_t version = kVersion;
    std::int32_t pid = 0;
    std::int32_t ppid = 0;
    bool daemon = false;
    Runtime runtime = Runtime::Cpp;
    std::string_view name;
};

struct ObjectDecl {
    std::uint16_t id = 0; // local to the sending process
    trace::ObjectKind kind = trace::ObjectKind::Lock;
    std::int64_t capacity = 0;
    char valueType = trace::kNoValueType; // a Value's / Array's typecode: 'i', 'd', 'c', …
    std::string_view name;
};

struct EventRecord {
    std::int64_t ts = 0;
    std::int64_t value = 0;
    std::int16_t extra = 0;
    trace::Op op = trace::Op::Print;
    trace::Phase phase = trace::Phase::Done;
    std::uint16_t object = trace::kNoObject; // local id from an ObjectDecl
    std::uint32_t thread = 0;                // 0 = the main thread, then 1, 2, … by first event
    std::uint16_t file = 0;                  // local id from a SourceDecl, 0 = unknown
    std::uint32_t line = 0;                  // 1-based, 0 = unknown
    std::string_view text;
};

struct SourceDecl {
    std::uint16_t file = 0; // local to the sending process, never 0
    std::string_view path;  // absolute, or <lesson:ID> for a C++ lesson's listing
};

struct ProtocolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Appends frames to a byte buffer. Cheap enough for the child's hot path.
class Encoder {
  public:
    explicit Encoder(std::vector<char>& out) : out_(out) {}
    void hello(const Hello& h);
    void object(const ObjectDecl& o);
    void event(const EventRecord& e) {
        const auto textSize = static_cast<std::uint32_t>(e.text.size());
        const std::uint32_t payload = kEventFixed + textSize;
        const std::size_t at = out_.size();
        out_.resize(at + kFrameHeader + payload);
        char* p = out_.data() + at;
        p = put(p, FrameType::Event);
        p = put(p, payload);
        p = put(p, e.ts);
        p = put(p, e.value);
        p = put(p, e.extra);
        p = put(p, e.op);
        p = put(p, e.phase);
        p = put(p, e.object);
        p = put(p, e.thread);
        p = put(p, e.file);
        p = put(p, e.line);
        p = put(p, textSize);
        if (textSize) std::memcpy(p, e.text.data(), textSize);
    }
    void grant(std::uint32_t thread);
    void mode(bool step);
    void source(const SourceDecl& s);

    static constexpr std::uint32_t kEventFixed = 8 + 8 + 2 + 1 + 1 + 2 + 4 + 2 + 4 + 4;
    static constexpr std::uint32_t kHelloFixed = 2 + 4 + 4 + 1 + 1 + 4;
    static constexpr std::uint32_t kObjectFixed = 2 + 1 + 8 + 1 + 4;
    static constexpr std::uint32_t kSourceFixed = 2 + 4;

  private:
    template <class T> static char* put(char* p, T v) {
        std::memcpy(p, &v, sizeof v);
        return p + sizeof v;
    }
    void frame(FrameType type, const std::vector<char>& payload);
    std::vector<char>& out_;
};

// Decodes whole frames from `data`, calling the handler's onHello/onObject/onEvent/onGrant/
// onMode/onSource for each. Returns how many bytes were consumed; an incomplete trailing frame is
// left for the next call. Throws ProtocolError on malformed input.
template <class Handler> std::size_t decode(std::string_view data, Handler& handler);

namespace detail {
template <class T> T get(const char*& p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}
std::string_view getText(const char*& p, const char* end);
void checkEnum(trace::Op op, trace::Phase phase);
void checkKind(trace::ObjectKind kind);
void checkValueType(char valueType);
void checkObjectName(std::string_view name);
void checkRuntime(Runtime runtime);
} // namespace detail

template <class Handler> std::size_t decode(std::string_view data, Handler& handler) {
    std::size_t pos = 0;
    while (data.size() - pos >= kFrameHeader) {
        const char* p = data.data() + pos;
        const auto type = detail::get<FrameType>(p);
        const auto payload = detail::get<std::uint32_t>(p);
        if (payload > kMaxPayload) throw ProtocolError("frame too large");
        if (data.size() - pos - kFrameHeader < payload) break;
        const char* end = p + payload;
        switch (type) {
        case FrameType::Event: {
            if (payload < Encoder::kEventFixed) throw ProtocolError("short event frame");
            EventRecord e;
            e.ts = detail::get<std::int64_t>(p);
            e.value = detail::get<std::int64_t>(p);
            e.extra = detail::get<std::int16_t>(p);
            e.op = detail::get<trace::Op>(p);
            e.phase = detail::get<trace::Phase>(p);
            e.object = detail::get<std::uint16_t>(p);
            e.thread = detail::get<std::uint32_t>(p);
            e.file = detail::get<std::uint16_t>(p);
            e.line = detail::get<std::uint32_t>(p);
            detail::checkEnum(e.op, e.phase);
            e.text = detail::getText(p, end);
            handler.onEvent(e);
            break;
        }
        case FrameType::Hello: {
            // The version first: an older child's shorter hello gets the clearer message.
            if (payload < 2) throw ProtocolError("short hello frame");
            Hello h;
            h.version = detail::get<std::uint16_t>(p);
            if (h.version != kVersion)
                throw ProtocolError("wire protocol version " + std::to_string(h.version) +
                                    ", this engine speaks " + std::to_string(kVersion));
            if (payload < Encoder::kHelloFixed) throw ProtocolError("short hello frame");
            h.pid = detail::get<std::int32_t>(p);
            h.ppid = detail::get<std::int32_t>(p);
            h.daemon = detail::get<std::uint8_t>(p) != 0;
            h.runtime = detail::get<Runtime>(p);
            detail::checkRuntime(h.runtime);
            h.name = detail::getText(p, end);
            handler.onHello(h);
            break;
        }
        case FrameType::Object: {
            if (payload < Encoder::kObjectFixed) throw ProtocolError("short object frame");
            ObjectDecl o;
            o.id = detail::get<std::uint16_t>(p);
            o.kind = detail::get<trace::ObjectKind>(p);
            detail::checkKind(o.kind);
            o.capacity = detail::get<std::int64_t>(p);
            o.valueType = detail::get<char>(p);
            detail::checkValueType(o.valueType);
            o.name = detail::getText(p, end);
            detail::checkObjectName(o.name);
            handler.onObject(o);
            break;
        }
        case FrameType::Grant:
            if (payload < 4) throw ProtocolError("short grant frame");
            handler.onGrant(detail::get<std::uint32_t>(p));
            break;
        case FrameType::Mode:
            if (payload < 1) throw ProtocolError("short mode frame");
            handler.onMode(detail::get<std::uint8_t>(p) != 0);
            break;
        case FrameType::Source: {
            if (payload < Encoder::kSourceFixed) throw ProtocolError("short source frame");
            SourceDecl s;
            s.file = detail::get<std::uint16_t>(p);
            if (s.file == 0) throw ProtocolError("source file id 0 is reserved for unknown");
            s.path = detail::getText(p, end);
            handler.onSource(s);
            break;
        }
        default:
            throw ProtocolError("unknown frame type " + std::to_string(static_cast<int>(type)));
        }
        pos += kFrameHeader + payload;
    }
    return pos;
}

} // namespace mpviz::wire
