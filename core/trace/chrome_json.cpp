// Export to the Chrome Trace Event Format (DESIGN.md, "Trace file format"). The text is
// written directly rather than through a JSON document: a million-event run would
// otherwise build a tree several times the size of the file first.

#include "trace/chrome_json.hpp"
#include "trace/chrome_json_args.hpp"
#include "trace/exit_status.hpp"
#include "trace/shared_number.hpp"
#include "trace/utf8.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <queue>

namespace mpviz::trace {
namespace {

using chrome::isProcessOp;
using chrome::opArgKeys;

// `buffer` up to `end` onto `out`. By pointer and length: std::string's append of an
// iterator pair goes through its general replace, which was a sixth of an export.
void appendChars(std::string& out, const char* buffer, const char* end) {
    out.append(buffer, static_cast<std::size_t>(end - buffer));
}

// A character a JSON string holds as it is.
bool isPlain(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
}

// `lead`, then s quoted, then `trail` ('\0': none), in one append, when s is short and
// needs no escape, as every key and most values: std::string appends a lone character by a
// call of its own, and a million-event file has tens of millions of them.
bool appendPlainQuoted(std::string& out, char lead, std::string_view s, char trail) {
    char buffer[96];
    if (s.size() + 4 > sizeof buffer) return false;
    char* at = buffer;
    if (lead != '\0') *at++ = lead;
    *at++ = '"';
    for (const char c : s) {
        if (!isPlain(c)) return false;
        *at++ = c;
    }
    *at++ = '"';
    if (trail != '\0') *at++ = trail;
    appendChars(out, buffer, at);
    return true;
}

void appendString(std::string& out, std::string_view s) {
    if (appendPlainQuoted(out, '\0', s, '\0')) return;
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t plain = i;
        while (plain < s.size() && isPlain(s[plain]))
            ++plain;
        out.append(s.substr(i, plain - i));
        i = plain;
        if (i == s.size()) break;

        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8SequenceLength(s, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out.append(s.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        }
        ++i;
    }
    out += '"';
}

void appendInteger(std::string& out, std::int64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    appendChars(out, buffer, result.ptr);
}

// Nanoseconds as microseconds with exactly three decimals: 1234567 → 1234.567.
void appendMicros(std::string& out, std::int64_t ns) {
    const auto bits = static_cast<std::uint64_t>(ns);
    const std::uint64_t magnitude = ns < 0 ? 0 - bits : bits;
    char buffer[32];
    char* at = buffer;
    if (ns < 0) *at++ = '-';
    at = std::to_chars(at, buffer + sizeof buffer, magnitude / 1000).ptr;
    const auto fraction = static_cast<unsigned>(magnitude % 1000);
    *at++ = '.';
    *at++ = static_cast<char>('0' + fraction / 100);
    *at++ = static_cast<char>('0' + fraction / 10 % 10);
    *at++ = static_cast<char>('0' + fraction % 10);
    appendChars(out, buffer, at);
}

void appendDouble(std::string& out, double value) {
    if (!std::isfinite(value)) value = 1.0; // JSON has no NaN or infinity
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    appendChars(out, buffer, result.ptr);
}

// Writes the members of one JSON object, putting the commas where they belong.
class ObjectWriter {
  public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    ~ObjectWriter() { out_ += '}'; }
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;

    std::string& key(std::string_view name) {
        const char comma = first_ ? '\0' : ',';
        first_ = false;
        if (appendPlainQuoted(out_, comma, name, ':')) return out_;
        if (comma != '\0') out_ += comma;
        appendString(out_, name);
        out_ += ':';
        return out_;
    }
    void string(std::string_view name, std::string_view value) { appendString(key(name), value); }
    void integer(std::string_view name, std::int64_t value) { appendInteger(key(name), value); }
    void micros(std::string_view name, std::int64_t ns) { appendMicros(key(name), ns); }
    void boolean(std::string_view name, bool value) { key(name) += value ? "true" : "false"; }
    void number(std::string_view name, double value) { appendDouble(key(name), value); }
    void null(std::string_view name) { key(name) += "null"; }

  private:
    std::string& out_;
    bool first_ = true;
};

// Writes the items of one JSON array, putting the commas where they belong; a list a
// person may read in the file puts each item on a line of its own.
class ArrayWriter {
  public:
    enum Layout { Inline, LinePerItem };
    explicit ArrayWriter(std::string& out, Layout layout = Inline) : out_(out), layout_(layout) {
        out_ += '[';
    }
    ~ArrayWriter() { out_ += ']'; }
    ArrayWriter(const ArrayWriter&) = delete;
    ArrayWriter& operator=(const ArrayWriter&) = delete;

    std::string& item() {
        if (!first_) out_ += ',';
        first_ = false;
        if (layout_ == LinePerItem) out_ += '\n';
        return out_;
    }

  private:
    std::string& out_;
    Layout layout_;
    bool first_ = true;
};

class ChromeWriter {
  public:
    explicit ChromeWriter(const TraceData& trace) : trace_(trace), t0_(trace.firstTs()) {}

    std::string write(std::string_view version) {
        // About what a line takes, so the string does not copy itself twenty times as it grows.
        std::size_t lines = trace_.events().size() + 3 * trace_.processes().size();
        for (std::size_t p = 0; p < trace_.processes().size(); ++p) {
            const int process = static_cast<int>(p);
            lines += trace_.slices(process).size();
            for (int level = 0; level < trace_.holdLevels(process); ++level)
                lines += 2 * trace_.holds(process, level).size(); // its begin and its end
        }
        for (std::size_t o = 0; o < trace_.objects().size(); ++o)
            lines += trace_.counter(static_cast<std::uint16_t>(o)).size();
        out_.reserve(4096 + lines * 112);
        out_ += "{\"traceEvents\":[";
        writeMetadata();
        writeSlices();
        writeHolds();
        writeInstants();
        writeCounters();
        writeDeadlock();
        out_ += "\n],\n\"otherData\":";
        writeOtherData(version);
        out_ += "}\n";
        return std::move(out_);
    }

  private:
    int pidOf(int process) const {
        const auto processes = trace_.processes();
        return process >= 0 && static_cast<std::size_t>(process) < processes.size()
                   ? processes[process].pid
                   : 0;
    }
    // Counters and the deadlock belong to no one process: they go with the root process.
    int rootPid() const { return pidOf(0); }

    std::string_view objectName(std::uint16_t object) const {
        const auto objects = trace_.objects();
        return object < objects.size() ? std::string_view(objects[object].name)
                                       : std::string_view();
    }

    // A float Value's number is written as the number it is (events keep its bits).
    void sharedNumber(ObjectWriter& args, std::string_view key, std::uint16_t object,
                      std::int64_t value) const {
        const auto objects = trace_.objects();
        const char type = object < objects.size() ? objects[object].valueType : kNoValueType;
        if (isFloatType(type))
            args.number(key, doubleFromBits(value));
        else
            args.integer(key, value);
    }

    // Where in the program the event was done, when it is known (chrome_json_args.hpp).
    void sourceSpot(ObjectWriter& args, const Event& e) const {
        const auto events = trace_.events();
        const SourceSpot at = trace_.sourceOf(static_cast<std::uint32_t>(&e - events.data()));
        if (at.thread != 0) args.integer(chrome::kThreadKey, at.thread);
        if (at.file != kNoText) args.string(chrome::kFileKey, trace_.text(at.file));
        if (at.line != 0) args.integer(chrome::kLineKey, at.line);
    }

    void beginEvent() {
        out_ += firstEvent_ ? "\n" : ",\n";
        firstEvent_ = false;
    }

    void header(ObjectWriter& event, std::string_view name, std::string_view phase, int pid) {
        event.string("name", name);
        event.string("ph", phase);
        event.integer("pid", pid);
        event.integer("tid", pid);
    }

    void writeMetadata() {
        const auto processes = trace_.processes();
        for (std::size_t p = 0; p < processes.size(); ++p) {
            for (const std::string_view kind : {"process_name", "thread_name"}) {
                beginEvent();
                ObjectWriter event(out_);
                header(event, kind, "M", processes[p].pid);
                ObjectWriter args(event.key("args"));
                args.string("name", processes[p].name);
            }
            beginEvent();
            ObjectWriter event(out_);
            header(event, "process_sort_index", "M", processes[p].pid);
            ObjectWriter args(event.key("args"));
            args.integer("sort_index", static_cast<std::int64_t>(p));
        }
    }

    // The Blocked (or sleep Begin) event that opened a slice: it began the slice, so it
    // has the slice's begin; the last one wins when zero-length waits came before it.
    const Event* openingEvent(int process, const Slice& slice) const {
        if (slice.begin == INT64_MAX) return nullptr;
        const Phase phase = slice.state == State::Sleeping ? Phase::Begin : Phase::Blocked;
        const auto events = trace_.events();
        const auto at = trace_.eventsIn(process, slice.begin, slice.begin + 1);
        for (auto it = at.rbegin(); it != at.rend(); ++it) {
            const Event& e = events[*it];
            if (e.phase == phase && e.op == slice.op) return &e;
        }
        return nullptr;
    }

    void writeSlices() {
        const auto processes = trace_.processes();
        for (std::size_t p = 0; p < processes.size(); ++p) {
            for (const Slice& slice : trace_.slices(static_cast<int>(p))) {
                const std::int64_t end =
                    slice.end == Slice::kOpen ? std::max(trace_.lastTs(), slice.begin) : slice.end;
                beginEvent();
                ObjectWriter event(out_);
                header(event, stateName(slice.state), "X", processes[p].pid);
                event.micros("ts", slice.begin - t0_);
                event.micros("dur", end - slice.begin);
                if (slice.state == State::Running) continue;
                const Event* opening = openingEvent(static_cast<int>(p), slice);
                if (slice.state == State::Sleeping) {
                    if (!opening) continue;
                    ObjectWriter args(event.key("args"));
                    args.integer(opArgKeys(Op::Sleep).value, opening->value);
                    sourceSpot(args, *opening);
                    continue;
                }
                ObjectWriter args(event.key("args"));
                args.string("op", opName(slice.op));
                if (slice.object != kNoObject) {
                    args.string("object", objectName(slice.object));
                } else if (slice.peer >= 0 &&
                           static_cast<std::size_t>(slice.peer) < processes.size()) {
                    args.string("object", processes[slice.peer].name);
                    args.integer("child", processes[slice.peer].pid);
                } else if (opening && isProcessOp(slice.op)) {
                    // A child that never made it into the trace: what the join named.
                    if (opening->text != kNoText) args.string("object", trace_.text(opening->text));
                    if (opening->value != 0) args.integer("child", opening->value);
                }
                if (!opening) continue;
                if (!isProcessOp(slice.op) && opening->value != 0)
                    args.integer(opArgKeys(slice.op).value, opening->value);
                if (chrome::blockedExtraIsEnd(slice.op))
                    args.integer(opArgKeys(slice.op).extra, opening->extra);
                else if (opening->extra != 0)
                    args.boolean(chrome::kTimedKey, true);
                sourceSpot(args, *opening);
            }
        }
    }

    // Held locks and permits (trace.hpp, Hold) as nestable async spans: Perfetto draws a
    // process's critical sections on tracks of their own, one id per level so that nested
    // holds stack. They are derived from acquire and release; the importer derives them
    // again instead of reading these.
    void writeHolds() {
        const auto processes = trace_.processes();
        for (std::size_t p = 0; p < processes.size(); ++p) {
            const int process = static_cast<int>(p);
            for (int level = 0; level < trace_.holdLevels(process); ++level) {
                for (const Hold& hold : trace_.holds(process, level)) {
                    const std::int64_t end =
                        hold.end == Slice::kOpen ? std::max(trace_.lastTs(), hold.begin) : hold.end;
                    writeHoldEdge(processes[p].pid, level, hold, "b", hold.begin);
                    writeHoldEdge(processes[p].pid, level, hold, "e", end);
                }
            }
        }
    }

    void writeHoldEdge(int pid, int level, const Hold& hold, std::string_view phase,
                       std::int64_t ts) {
        beginEvent();
        ObjectWriter event(out_);
        header(event, objectName(hold.object), phase, pid);
        event.string("cat", "hold");
        {
            ObjectWriter id(event.key("id2"));
            id.string("local", "0x" + std::to_string(level));
        }
        event.micros("ts", ts - t0_);
        if (phase != "b") return;
        ObjectWriter args(event.key("args"));
        args.string("object", objectName(hold.object));
        if (hold.diedHolding) args.boolean("died_holding", true);
    }

    // All processes' Done and Failed events merged by (ts, seq): each process's events are
    // already in time order, so a merge costs far less than sorting the whole trace.
    void writeInstants() {
        const auto events = trace_.events();
        const auto later = [&](const std::pair<std::uint32_t, std::size_t>& a,
                               const std::pair<std::uint32_t, std::size_t>& b) {
            return happensBefore(events[b.first], events[a.first]);
        };
        // (event index, position in its process's list)
        std::priority_queue<std::pair<std::uint32_t, std::size_t>,
                            std::vector<std::pair<std::uint32_t, std::size_t>>, decltype(later)>
            heads(later);
        for (std::size_t p = 0; p < trace_.processes().size(); ++p) {
            const auto own = trace_.processEvents(static_cast<int>(p));
            if (!own.empty()) heads.emplace(own[0], 0);
        }
        while (!heads.empty()) {
            const auto [index, position] = heads.top();
            heads.pop();
            const Event& e = events[index];
            const auto own = trace_.processEvents(e.process);
            if (position + 1 < own.size()) heads.emplace(own[position + 1], position + 1);
            // The deadlock report is written on its own; intents, blocks and sleep begins
            // are already in the state slices.
            if ((e.phase == Phase::Done || e.phase == Phase::Failed) && e.op != Op::Deadlock)
                writeInstant(e);
        }
    }

    void writeInstant(const Event& e) {
        beginEvent();
        ObjectWriter event(out_);
        header(event, opName(e.op), "i", pidOf(e.process));
        event.string("s", "t");
        event.micros("ts", e.ts - t0_);
        ObjectWriter args(event.key("args"));

        const auto keys = opArgKeys(e.op);
        if (!isProcessOp(e.op) && e.object != kNoObject)
            args.string("object", objectName(e.object));
        if (e.op == Op::Start && e.object != kNoObject) // a Pool's worker: the pool
            args.string("works_for", objectName(e.object));
        if (e.op == Op::Wait && (e.value == 0 || e.value == 1))
            args.boolean("result", e.value == 1);
        else if (e.op == Op::Read || e.op == Op::Write)
            sharedNumber(args, keys.value, e.object, e.value);
        else if (keys.valueAlways || e.value != 0)
            args.integer(keys.value, e.value);
        if (keys.textAlways || e.text != kNoText) args.string(keys.text, trace_.text(e.text));

        const auto objects = trace_.objects();
        const bool arrayElement = (e.op == Op::Read || e.op == Op::Write) &&
                                  e.object < objects.size() &&
                                  objects[e.object].kind == ObjectKind::Array;
        const bool joined = e.op == Op::Join && e.phase == Phase::Done;
        if (keys.extraAlways || e.extra != 0 || arrayElement || joined)
            args.integer(keys.extra, e.extra);

        // Python's convention: a negative exit code is the signal that killed the process.
        const auto signalOf = [&](std::int64_t exitcode) {
            const auto signal = signalOfExitcode(exitcode);
            if (!signal) {
                args.null("signal");
                return;
            }
            args.integer("signal", *signal);
            if (const auto name = signalName(*signal); !name.empty())
                args.string("signal_name", name);
        };
        if (joined) signalOf(joinedExitcode(e));
        if (e.op == Op::Exit) signalOf(e.value);
        if (e.op == Op::Terminate) args.integer("signal", chrome::kSigterm);
        if (e.phase == Phase::Failed) args.boolean("failed", true);
        sourceSpot(args, e);
    }

    void writeCounters() {
        const auto objects = trace_.objects();
        for (std::size_t o = 0; o < objects.size(); ++o) {
            for (const CounterSample& sample : trace_.counter(static_cast<std::uint16_t>(o))) {
                beginEvent();
                ObjectWriter event(out_);
                event.string("name", objects[o].name);
                event.string("ph", "C");
                event.integer("pid", rootPid());
                event.micros("ts", sample.ts - t0_);
                ObjectWriter args(event.key("args"));
                sharedNumber(args, "value", static_cast<std::uint16_t>(o), sample.value);
            }
        }
    }

    void writeDeadlock() {
        const auto& report = trace_.deadlock();
        if (!report) return;
        beginEvent();
        ObjectWriter event(out_);
        header(event, "deadlock", "i", rootPid());
        event.string("s", "g");
        event.micros("ts", report->ts - t0_);
        ObjectWriter args(event.key("args"));
        {
            ArrayWriter cycle(args.key("cycle"));
            for (const int p : report->cycle)
                appendInteger(cycle.item(), pidOf(p));
        }
        const auto processes = trace_.processes();
        {
            // The same cycle by name, for a person reading the file (the pids are the data).
            ArrayWriter names(args.key("names"));
            for (const int p : report->cycle)
                appendString(names.item(), p >= 0 && static_cast<std::size_t>(p) < processes.size()
                                               ? std::string_view(processes[p].name)
                                               : std::string_view());
        }
        ArrayWriter edges(args.key("edges"));
        for (const DeadlockEdge& edge : report->edges) {
            ObjectWriter item(edges.item());
            item.integer("from", pidOf(edge.from));
            item.integer("to", pidOf(edge.to));
            item.string("op", opName(edge.op));
            if (edge.object != kNoObject)
                item.string("object", objectName(edge.object));
            else if (edge.to >= 0 && static_cast<std::size_t>(edge.to) < processes.size())
                item.string("object", processes[edge.to].name); // a join waits for a process
        }
    }

    void writeOtherData(std::string_view version) {
        ObjectWriter data(out_);
        data.string("scenario", trace_.scenario);
        {
            ObjectWriter params(data.key("params"));
            for (const auto& [name, value] : trace_.params)
                params.string(name, value);
        }
        data.string("mpviz", version);
        data.string("outcome", outcomeName(trace_.outcome()));
        appendDouble(data.key("speed"), trace_.speed);
        data.integer("t0_ns", t0_);
        data.integer("t1_ns", trace_.lastTs());

        {
            ArrayWriter objects(data.key("objects"), ArrayWriter::LinePerItem);
            for (const ObjectInfo& object : trace_.objects()) {
                ObjectWriter item(objects.item());
                item.string("name", object.name);
                item.string("kind", objectKindName(object.kind));
                item.integer("capacity", object.capacity);
                if (object.valueType != kNoValueType)
                    item.string("value_type", std::string_view(&object.valueType, 1));
            }
        }
        ArrayWriter processes(data.key("processes"), ArrayWriter::LinePerItem);
        for (const ProcessInfo& process : trace_.processes()) {
            ObjectWriter item(processes.item());
            item.integer("pid", process.pid);
            item.integer("ppid", process.ppid);
            item.string("name", process.name);
            item.boolean("daemon", process.daemon);
            if (process.runtime != Runtime::Cpp)
                item.string("runtime", runtimeName(process.runtime));
            item.micros("start", process.startTs - t0_);
            if (process.endTs)
                item.micros("end", *process.endTs - t0_);
            else
                item.null("end");
            if (process.exitcode)
                item.integer("exitcode", *process.exitcode);
            else
                item.null("exitcode");
        }
    }

    const TraceData& trace_;
    const std::int64_t t0_;
    std::string out_;
    bool firstEvent_ = true;
};

} // namespace

std::string toChromeJson(const TraceData& trace, std::string_view mpvizVersion) {
    return ChromeWriter(trace).write(mpvizVersion);
}

void saveChromeJson(const TraceData& trace, const std::filesystem::path& file,
                    std::string_view mpvizVersion) {
    const std::string json = toChromeJson(trace, mpvizVersion);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out) out.write(json.data(), static_cast<std::streamsize>(json.size()));
    if (out) out.close();
    if (!out)
        throw std::runtime_error("cannot write trace file " + file.string() + ": " +
                                 std::strerror(errno));
}

} // namespace mpviz::trace
