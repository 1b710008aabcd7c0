#pragma once
// Turns the bytes one scenario process sends into trace records. One per connection;
// runs on the engine thread while it holds the trace's write lock.

#include "trace/trace.hpp"
#include "wire/protocol.hpp"

#include <string>
#include <vector>

namespace mpviz::engine {

class ConnectionIngest {
  public:
    // A child stamps its events with CLOCK_MONOTONIC, the engine's clock: no event can be
    // negative, older than the session or newer than the moment it is read. The margin absorbs
    // clock reads that race; the bound keeps a trace's times within what its file holds exactly.
    static constexpr std::int64_t kClockMarginNs = 1'000'000'000;
    explicit ConnectionIngest(std::int64_t sessionStartNs = 0) : sessionStart_(sessionStartNs) {}

    // What the session learns along the way (who connected, what it uses, what it did).
    struct Listener {
        virtual ~Listener() = default;
        virtual void onHello(int pid, int processIndex, const std::string& name) = 0;
        virtual void onObject(std::uint16_t objectIndex) = 0;
        // The event is resolved (process, object, text and file interned) but not yet
        // appended; `at` says where in the program it was done.
        virtual void onEvent(const trace::Event& e, const trace::SourceSpot& at) = 0;
    };

    // Decodes the whole frames in `pending` (and erases them); a partial frame stays.
    // `nowNs` is the engine's clock as the bytes are read. Throws wire::ProtocolError on
    // malformed input.
    void ingest(std::string& pending, trace::TraceData& trace, Listener& listener,
                std::int64_t nowNs);

    int processIndex() const { return process_; }
    int pid() const { return pid_; }
    trace::Runtime runtime() const { return runtime_; } // what the hello said

  private:
    struct Decoder;
    std::int64_t sessionStart_ = 0;
    int process_ = -1;
    int pid_ = 0;
    trace::Runtime runtime_ = trace::Runtime::Python;
    std::vector<std::uint16_t> objectIds_; // local id → trace object index
    std::vector<std::uint32_t> fileIds_;   // local file id → the path's string index
};

} // namespace mpviz::engine
