// Fuzz target: the bytes one scenario process sends the engine over its socket, read the
// way the engine reads them (ConnectionIngest into a trace, in pieces as a socket delivers
// them). Anything may come in; the only way out for bad bytes is a ProtocolError. What was
// accepted must make a trace every view can read and that saves and reads back.

#include "engine/ingest.hpp"
#include "trace_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace mpviz;

namespace {

// Like the engine's connection, minus the sorter: one connection's events are in order.
struct AppendingListener : engine::ConnectionIngest::Listener {
    trace::TraceData& trace;
    explicit AppendingListener(trace::TraceData& t) : trace(t) {}
    void onHello(int, int, const std::string&) override {}
    void onObject(std::uint16_t) override {}
    void onEvent(const trace::Event& e) override { trace.append(e); }
};

// The engine's clock as it reads: a session that began at boot, read 52 days later. Real
// runs' seeds were recorded at most that long after boot, so their times are accepted.
constexpr std::int64_t kSessionStartNs = 0;
constexpr std::int64_t kNowNs = std::int64_t{1} << 52;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    trace::TraceData trace;
    AppendingListener listener(trace);
    engine::ConnectionIngest connection(kSessionStartNs);
    // The read size follows the input's length, so frames get cut at every offset.
    const std::size_t piece = 1 + size % 257;
    std::string pending;
    for (std::size_t at = 0; at < size; at += piece) {
        pending.append(reinterpret_cast<const char*>(data) + at, std::min(piece, size - at));
        try {
            connection.ingest(pending, trace, listener, kNowNs);
        } catch (const wire::ProtocolError&) {
            break; // the engine drops this process; what it recorded so far stays
        }
    }
    if (connection.processIndex() >= 0) trace.setProcessEnd(connection.processIndex(), kNowNs, 0);
    fuzz::exerciseTrace(trace);
    return 0;
}
