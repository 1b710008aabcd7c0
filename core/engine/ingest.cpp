#include "engine/ingest.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace mpviz::engine {
namespace {

// Start, join and terminate carry a child's pid, exit its exit code: C ints everywhere
// downstream (the session's bookkeeping, the trace file's "child" and "exitcode").
bool carriesPidOrExitcode(trace::Op op) {
    return op == trace::Op::Start || op == trace::Op::Join || op == trace::Op::Terminate ||
           op == trace::Op::Exit;
}

} // namespace

struct ConnectionIngest::Decoder {
    ConnectionIngest& c;
    trace::TraceData& t;
    Listener& listener;
    std::int64_t now;

    void onHello(const wire::Hello& h) {
        if (c.process_ >= 0) throw wire::ProtocolError("second hello on one connection");
        trace::ProcessInfo info;
        info.pid = h.pid;
        info.ppid = h.ppid;
        info.parent = t.processIndexByPid(h.ppid);
        info.name = std::string(h.name);
        info.daemon = h.daemon;
        info.runtime = h.runtime;
        info.startTs = now;
        c.process_ = t.addProcess(std::move(info));
        c.pid_ = h.pid;
        c.runtime_ = h.runtime;
        listener.onHello(h.pid, c.process_, t.processes()[c.process_].name);
    }

    void onObject(const wire::ObjectDecl& o) {
        if (c.process_ < 0) throw wire::ProtocolError("object before hello");
        if (o.id >= c.objectIds_.size()) c.objectIds_.resize(o.id + 1, trace::kNoObject);
        const auto index = t.findOrAddObject(o.name, o.kind, o.capacity, o.valueType);
        c.objectIds_[o.id] = index;
        listener.onObject(index);
    }

    void onEvent(const wire::EventRecord& r) {
        if (c.process_ < 0) throw wire::ProtocolError("event before hello");
        const std::int64_t earliest = std::max<std::int64_t>(0, c.sessionStart_ - kClockMarginNs);
        if (r.ts < earliest || r.ts > now + kClockMarginNs)
            throw wire::ProtocolError("event time " + std::to_string(r.ts) +
                                      " ns lies outside the session");
        if (carriesPidOrExitcode(r.op) && (r.value < INT32_MIN || r.value > INT32_MAX))
            throw wire::ProtocolError(std::string(trace::opName(r.op)) + " carries " +
                                      std::to_string(r.value) +
                                      ", which is no process id or exit code");
        trace::Event e;
        e.ts = r.ts;
        e.value = r.value;
        e.extra = r.extra;
        e.op = r.op;
        e.phase = r.phase;
        e.process = static_cast<std::uint16_t>(c.process_);
        if (r.object != trace::kNoObject) {
            if (r.object >= c.objectIds_.size() || c.objectIds_[r.object] == trace::kNoObject)
                throw wire::ProtocolError("event names an undeclared object");
            e.object = c.objectIds_[r.object];
        }
        if (!r.text.empty()) e.text = t.intern(r.text);
        trace::SourceSpot at{r.thread, trace::kNoText, r.line};
        if (r.file != 0) {
            if (r.file >= c.fileIds_.size() || c.fileIds_[r.file] == trace::kNoText)
                throw wire::ProtocolError("event names an undeclared source file");
            at.file = c.fileIds_[r.file];
        }
        listener.onEvent(e, at); // the listener decides when it goes into the trace
    }

    void onSource(const wire::SourceDecl& s) {
        if (c.process_ < 0) throw wire::ProtocolError("source file before hello");
        if (s.file >= c.fileIds_.size()) c.fileIds_.resize(s.file + 1, trace::kNoText);
        c.fileIds_[s.file] = t.intern(s.path);
    }

    void onGrant(std::uint32_t) { throw wire::ProtocolError("a scenario process cannot grant"); }
    void onMode(bool) { throw wire::ProtocolError("a scenario process cannot set the mode"); }
};

void ConnectionIngest::ingest(std::string& pending, trace::TraceData& trace, Listener& listener,
                              std::int64_t nowNs) {
    Decoder decoder{*this, trace, listener, nowNs};
    std::size_t used = 0;
    try {
        used = wire::decode(pending, decoder);
    } catch (...) {
        pending.clear();
        throw;
    }
    pending.erase(0, used);
}

} // namespace mpviz::engine
