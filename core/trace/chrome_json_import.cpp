// Import of a Chrome trace JSON file back into a TraceData. A file mpviz wrote comes back
// exactly (its otherData lists processes and objects); a file written by hand with only
// the fields DESIGN.md names is read as well as it can be. Anything malformed throws a
// TraceFormatError that says what is wrong and where.

#include "trace/chrome_json.hpp"
#include "trace/chrome_json_args.hpp"
#include "trace/shared_number.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>

namespace mpviz::trace {

namespace json = boost::json;

namespace {

using chrome::isProcessOp;
using chrome::opArgKeys;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw TraceFormatError(where.empty() ? what : where + ": " + what);
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string lineAndColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The document lives in `arena`, which must outlive it. A trace is read once and dropped
// whole: an arena beats a million small allocations, and one held by plain pointer (not
// shared) lets boost::json drop the document without visiting every value.
json::value parseJson(std::string_view text, json::monotonic_resource& arena) {
    json::stream_parser parser;
    parser.reset(&arena);
    json::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (ec) fail("", "not valid JSON: " + ec.message() + " at " + lineAndColumn(text, consumed));
    parser.finish(ec);
    if (ec) fail("", "not valid JSON: " + ec.message() + " at the end of the text");
    return parser.release();
}

std::optional<std::int64_t> asInteger(const json::value& v) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v.get_uint64());
    if (v.is_double()) {
        const double d = v.get_double();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.0e18)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

// Microseconds (as written: 1234.567) to nanoseconds. mpviz writes a whole number of
// nanoseconds n with three decimals, which the JSON reader turns into the double nearest
// n / 1000. Past 2^41 µs (25 days) that double times 1000 can round to n ± 1, so the
// nanosecond read is the one of the three whose nearest double it is: n itself while doubles
// there lie less than a nanosecond apart, which kMaxTraceSpanNs keeps them.
std::optional<std::int64_t> microsToNs(const json::value& v) {
    if (v.is_int64() || v.is_uint64()) {
        constexpr std::int64_t kLimit = INT64_MAX / 1000;
        if (auto us = asInteger(v); us && *us > -kLimit && *us < kLimit) return *us * 1000;
        return std::nullopt;
    }
    if (v.is_double()) {
        const double us = v.get_double();
        const double ns = us * 1000.0;
        if (!std::isfinite(ns) || std::fabs(ns) >= 9.0e18) return std::nullopt;
        const std::int64_t rounded = std::llround(ns);
        for (const std::int64_t n : {rounded, rounded - 1, rounded + 1})
            if (static_cast<double>(n) / 1000.0 == us) return n; // exact: |n| < 2^53 here
        return rounded; // a hand-made time with more decimals
    }
    return std::nullopt;
}

// Where a value sits in the document, as "traceEvents[12].args". Spelled out only for an
// error message: a million events must not cost a million strings.
class Path {
  public:
    Path() = default;
    explicit Path(std::string_view root) { push({root, 0, false}); }
    // Keys must outlive the path: they are literals or keys of the document itself.
    Path key(std::string_view name) const {
        Path p = *this;
        p.push({name, 0, false});
        return p;
    }
    Path item(std::size_t index) const {
        Path p = *this;
        p.push({{}, index, true});
        return p;
    }
    std::string str() const {
        std::string out;
        for (std::size_t i = 0; i < count_; ++i) {
            const Step& step = steps_[i];
            if (step.isIndex) {
                out += "[" + std::to_string(step.index) + "]";
            } else {
                if (!out.empty()) out += '.';
                out += step.key;
            }
        }
        return out;
    }

  private:
    struct Step {
        std::string_view key;
        std::size_t index = 0;
        bool isIndex = false;
    };
    void push(Step step) {
        if (count_ < steps_.size()) steps_[count_++] = step;
    }
    std::array<Step, 6> steps_{};
    std::size_t count_ = 0;
};

// Reads typed members of one JSON object, naming the object in every complaint.
class Fields {
  public:
    Fields(const json::value& v, Path path) : path_(path) {
        if (!v.is_object()) fail(where(), "expected an object");
        object_ = &v.get_object();
    }
    Fields(const json::object* object, Path path) : object_(object), path_(path) {}

    const Path& path() const { return path_; }
    std::string where() const { return path_.str(); }
    // The value of `key`; a null counts as left out.
    const json::value* find(std::string_view key) const {
        const json::value* v = object_ ? object_->if_contains(key) : nullptr;
        return v && !v->is_null() ? v : nullptr;
    }
    bool has(std::string_view key) const { return find(key) != nullptr; }

    std::optional<std::string_view> optionalString(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_string()) fail(where(), quoted(key) + " must be a string");
        return std::string_view(v->get_string());
    }
    std::string_view string(std::string_view key) const {
        if (auto s = optionalString(key)) return *s;
        fail(where(), "missing " + quoted(key));
    }
    // Text an operation carried; a hand-made file may give a number or a bool instead.
    std::optional<std::string> optionalText(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return std::nullopt;
        if (v->is_string()) return std::string(v->get_string());
        return json::serialize(*v);
    }
    std::optional<std::int64_t> optionalInteger(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return std::nullopt;
        auto n = asInteger(*v);
        if (!n) fail(where(), quoted(key) + " must be an integer");
        return n;
    }
    std::int64_t integer(std::string_view key) const {
        if (auto n = optionalInteger(key)) return *n;
        fail(where(), "missing " + quoted(key));
    }
    // A time after the trace's start, or a duration: from 0 to kMaxTraceSpanNs.
    std::optional<std::int64_t> optionalMicros(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return std::nullopt;
        auto ns = microsToNs(*v);
        if (!ns) fail(where(), quoted(key) + " must be a number of microseconds");
        if (*ns < 0) fail(where(), quoted(key) + " is negative");
        if (*ns > kMaxTraceSpanNs) fail(where(), quoted(key) + " is more than 100 days");
        return ns;
    }
    std::int64_t micros(std::string_view key) const {
        if (auto ns = optionalMicros(key)) return *ns;
        fail(where(), "missing " + quoted(key));
    }
    std::optional<bool> optionalBool(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_bool()) fail(where(), quoted(key) + " must be true or false");
        return v->get_bool();
    }
    const json::array* optionalArray(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return nullptr;
        if (!v->is_array()) fail(where(), quoted(key) + " must be an array");
        return &v->get_array();
    }
    Fields child(std::string_view key) const {
        const json::value* v = find(key);
        if (!v) return Fields(nullptr, path_.key(key));
        return Fields(*v, path_.key(key));
    }
    const json::object* object() const { return object_; }

  private:
    const json::object* object_ = nullptr;
    Path path_;
};

int toInt(std::int64_t n, const Fields& at, std::string_view key) {
    if (n < INT32_MIN || n > INT32_MAX) fail(at.where(), quoted(key) + " is out of range");
    return static_cast<int>(n);
}

std::uint32_t toUint32(std::int64_t n, const Fields& at, std::string_view key) {
    if (n < 0 || n > UINT32_MAX) fail(at.where(), quoted(key) + " is out of range");
    return static_cast<std::uint32_t>(n);
}

std::int16_t toInt16(std::int64_t n, const Fields& at, std::string_view key) {
    if (n < INT16_MIN || n > INT16_MAX) fail(at.where(), quoted(key) + " is out of range");
    return static_cast<std::int16_t>(n);
}

// The kind of an object a hand-made file only names in an operation.
ObjectKind guessKind(Op op, const Fields& args) {
    switch (op) {
    case Op::Acquire:
    case Op::Release:
        return ObjectKind::Lock;
    case Op::Set:
    case Op::Clear:
    case Op::Wait:
        return ObjectKind::Event;
    case Op::Put:
    case Op::Get:
    case Op::Flush:
        return ObjectKind::Queue;
    case Op::TaskDone:
    case Op::QueueJoin:
        return ObjectKind::JoinableQueue;
    case Op::Send:
    case Op::Recv:
        return ObjectKind::Pipe;
    case Op::Submit:
    case Op::TaskStart:
    case Op::TaskEnd:
        return ObjectKind::Pool;
    case Op::Read:
    case Op::Write:
        return args.has("index") ? ObjectKind::Array : ObjectKind::Value;
    default:
        return ObjectKind::Value;
    }
}

// Reads a file into the parts a live run gives the trace (processes, objects, events, ends,
// the deadlock) and builds it the way a run does: slices, counters, exit codes and arrows are
// derived by TraceData alone, never taken from the file. What a file shows of them (`X`
// slices, `C` counters) is for Perfetto; of a slice mpviz reads only the event that began
// it (a blocked call, a sleep), which the file keeps nowhere else.
class ChromeReader {
  public:
    TraceData read(std::string_view text) {
        json::monotonic_resource arena;
        const json::value root = parseJson(text, arena);
        const json::array* events = nullptr;
        Fields top(nullptr, Path());
        if (root.is_array()) { // Chrome's "JSON Array Format": events only
            events = &root.get_array();
        } else if (root.is_object()) {
            top = Fields(root, Path());
            events = top.optionalArray("traceEvents");
            if (!events) fail("", "missing \"traceEvents\"");
        } else {
            fail("", "expected a JSON object with \"traceEvents\"");
        }

        const Fields other = top.child("otherData");
        readSessionFields(other);
        readObjects(other);
        classifyEvents(*events);
        readProcesses(other);
        std::vector<Placed> placed = readOperations();
        std::optional<DeadlockReport> report = readDeadlock();
        readCounterObjects();
        declareObjects();
        for (const Placed& p : placed)
            trace_.append(p.event, p.at);
        endProcesses();
        if (report) trace_.setDeadlock(std::move(*report));
        noteTimeRange(other);
        return std::move(trace_);
    }

  private:
    // One event of traceEvents, kept as a pointer into the document until it is used.
    struct Parsed {
        const json::object* object = nullptr;
        std::size_t index = 0;
        int pid = 0;
        std::int64_t ts = 0;
        Fields fields() const { return Fields(object, Path("traceEvents").item(index)); }
    };
    // An event and where in the program it was done.
    struct Placed {
        Event event;
        SourceSpot at;
    };
    struct PidSeen {
        std::int64_t firstTs = INT64_MAX;
        std::int64_t lastTs = INT64_MIN;
        std::optional<std::string> name;
        std::optional<std::int64_t> exitValue;
    };

    void readSessionFields(const Fields& other) {
        trace_.scenario = std::string(other.optionalString("scenario").value_or(""));
        if (const json::value* speed = other.find("speed")) {
            if (!speed->is_number()) fail(other.path().key("speed").str(), "must be a number");
            trace_.speed = speed->to_number<double>();
        }
        if (auto outcome = other.optionalString("outcome")) {
            auto parsed = outcomeFromName(*outcome);
            if (!parsed)
                fail(other.path().key("outcome").str(), "unknown outcome " + quoted(*outcome));
            trace_.setOutcome(*parsed);
        }
        const Fields params = other.child("params");
        if (params.object())
            for (const auto& [key, value] : *params.object())
                trace_.params[std::string(key)] =
                    value.is_string() ? std::string(value.get_string()) : json::serialize(value);
        t0_ = other.optionalInteger("t0_ns").value_or(0);
        if (t0_ < 0 || t0_ > INT64_MAX - 2 * kMaxTraceSpanNs)
            fail(other.path().key("t0_ns").str(), "is out of range");
    }

    void readObjects(const Fields& other) {
        const json::array* objects = other.optionalArray("objects");
        if (!objects) return;
        for (std::size_t i = 0; i < objects->size(); ++i) {
            const Fields object((*objects)[i], other.path().key("objects").item(i));
            const auto name = object.string("name");
            const auto kindName = object.string("kind");
            const auto kind = objectKindFromName(kindName);
            if (!kind) fail(object.where(), "unknown object kind " + quoted(kindName));
            if (objectIndex_.contains(name))
                fail(object.where(), "object " + quoted(name) + " is listed twice");
            char valueType = kNoValueType;
            if (auto type = object.optionalString("value_type")) {
                if (type->size() != 1 || !isValueTypeCode(type->front()))
                    fail(object.where(), "\"value_type\" must be one typecode character (a "
                                         "printable ASCII one, like \"i\" or \"d\")");
                valueType = type->front();
            }
            addObject(object,
                      ObjectInfo{std::string(name), *kind,
                                 object.optionalInteger("capacity").value_or(0), valueType});
        }
        listedObjects_ = objects_.size();
    }

    void see(int pid, std::int64_t from, std::int64_t to) {
        auto [it, inserted] = seen_.try_emplace(pid);
        if (inserted) pidOrder_.push_back(pid);
        it->second.firstTs = std::min(it->second.firstTs, from);
        it->second.lastTs = std::max(it->second.lastTs, to);
    }

    void classifyEvents(const json::array& events) {
        instants_.reserve(events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            Fields event(events[i], Path("traceEvents").item(i));
            const auto phase = event.string("ph");
            const int pid = toInt(event.optionalInteger("pid").value_or(0), event, "pid");
            if (phase == "M") {
                if (event.string("name") == "process_name") {
                    auto name = event.child("args").optionalString("name");
                    if (!name) fail(event.where(), "process_name without args.name");
                    auto [it, inserted] = seen_.try_emplace(pid);
                    if (inserted) pidOrder_.push_back(pid);
                    it->second.name = std::string(*name);
                }
                continue; // thread names and sort indices add nothing to the model
            }
            if (!event.has("pid")) fail(event.where(), "missing \"pid\"");
            const std::int64_t ts = t0_ + event.micros("ts");
            if (phase == "X") {
                const std::int64_t dur = event.micros("dur");
                if (ts + dur > t0_ + kMaxTraceSpanNs)
                    fail(event.where(), "ends more than 100 days after the trace's start");
                see(pid, ts, ts + dur);
                slices_.push_back(Parsed{event.object(), i, pid, ts});
            } else if (phase == "i" || phase == "I") {
                see(pid, ts, ts);
                const bool deadlock =
                    event.string("name") == "deadlock" &&
                    (event.optionalString("s") == "g" || event.child("args").has("cycle"));
                if (deadlock) {
                    if (deadlock_) fail(event.where(), "a second deadlock report");
                    deadlock_ = Parsed{event.object(), i, pid, ts};
                } else {
                    instants_.push_back(Parsed{event.object(), i, pid, ts});
                }
            } else if (phase == "C") {
                counters_.push_back(Parsed{event.object(), i, pid, ts});
            } else if (phase == "b" || phase == "e") {
                continue; // held locks: derived again from acquire and release
            } else {
                fail(event.where(), "unsupported phase " + quoted(phase) +
                                        " (mpviz reads \"M\", \"X\", \"i\" and \"C\")");
            }
        }
    }

    void readProcesses(const Fields& other) {
        const json::array* listed = other.optionalArray("processes");
        fromMpviz_ = listed != nullptr;
        if (listed) {
            for (std::size_t i = 0; i < listed->size(); ++i) {
                const Fields entry((*listed)[i], other.path().key("processes").item(i));
                ProcessInfo info;
                info.pid = toInt(entry.integer("pid"), entry, "pid");
                if (trace_.processIndexByPid(info.pid) >= 0)
                    fail(entry.where(), "pid " + std::to_string(info.pid) + " is listed twice");
                info.ppid = toInt(entry.optionalInteger("ppid").value_or(0), entry, "ppid");
                const PidSeen* seen = seenOf(info.pid);
                if (auto name = entry.optionalString("name"))
                    info.name = std::string(*name);
                else
                    info.name = seen && seen->name ? *seen->name : defaultName(info.pid);
                info.daemon = entry.optionalBool("daemon").value_or(false);
                if (auto runtime = entry.optionalString("runtime")) {
                    auto parsed = runtimeFromName(*runtime);
                    if (!parsed)
                        fail(entry.where(), "unknown runtime " + quoted(*runtime) +
                                                " (expected \"cpp\" or \"python\")");
                    info.runtime = *parsed;
                }
                auto start = entry.optionalMicros("start");
                info.startTs = start ? t0_ + *start : firstSeen(seen);
                if (auto code = entry.optionalInteger("exitcode"))
                    info.exitcode = toInt(*code, entry, "exitcode");
                // Its end comes after its events (endProcesses), as in a run: an end closes
                // the process's lane for good.
                const int index = trace_.addProcess(std::move(info));
                if (auto end = entry.optionalMicros("end")) ends_.push_back({index, t0_ + *end});
            }
        }
        // Best effort for hand-made files: every pid that appears is a process, and the
        // one that started or joined it is its parent.
        const auto parents = guessParents();
        for (const int pid : pidOrder_) {
            if (trace_.processIndexByPid(pid) >= 0) continue;
            const PidSeen& seen = seen_.at(pid);
            ProcessInfo info;
            info.pid = pid;
            if (auto parent = parents.find(pid); parent != parents.end())
                info.ppid = parent->second;
            info.name = seen.name ? *seen.name : defaultName(pid);
            info.startTs = firstSeen(&seen);
            trace_.addProcess(std::move(info));
        }
    }

    // The child a start, join or terminate names: by pid, or else by its process name.
    std::optional<int> childPidOf(const Fields& args) const {
        if (auto pid = args.optionalInteger("child")) return toInt(*pid, args, "child");
        if (auto name = args.optionalString("object"))
            for (const auto& [pid, seen] : seen_)
                if (seen.name == *name) return pid;
        return std::nullopt;
    }

    std::unordered_map<int, int> guessParents() const {
        std::unordered_map<int, int> parents;
        for (const Parsed& instant : instants_) {
            const auto op = opFromName(instant.fields().string("name"));
            if (!op || !isProcessOp(*op)) continue;
            if (auto child = childPidOf(instant.fields().child("args")))
                parents.try_emplace(*child, instant.pid);
        }
        return parents;
    }

    const PidSeen* seenOf(int pid) const {
        auto it = seen_.find(pid);
        return it == seen_.end() ? nullptr : &it->second;
    }
    // When a process first appears in the file; t0 for one that is only named.
    std::int64_t firstSeen(const PidSeen* seen) const {
        return seen && seen->firstTs != INT64_MAX ? seen->firstTs : t0_;
    }
    static std::string defaultName(int pid) { return "pid " + std::to_string(pid); }

    // Objects are declared before any event names them, as in a run, so the ones a
    // hand-made file only names are gathered here first and their kind settled before the
    // trace learns of them.
    std::uint16_t addObject(const Fields& at, ObjectInfo info) {
        if (objects_.size() >= kNoObject - 1) fail(at.where(), "more than 65534 objects");
        const auto index = static_cast<std::uint16_t>(objects_.size());
        objectIndex_.emplace(info.name, index);
        objects_.push_back(std::move(info));
        return index;
    }
    std::uint16_t objectNamed(const Fields& at, std::string_view name, ObjectKind guess) {
        if (auto found = objectIndex_.find(name); found != objectIndex_.end()) return found->second;
        return addObject(at, ObjectInfo{std::string(name), guess, 0, kNoValueType});
    }
    void declareObjects() {
        for (std::size_t o = listedObjects_; o < objects_.size(); ++o) {
            auto permits = permits_.find(static_cast<std::uint16_t>(o));
            if (objects_[o].kind == ObjectKind::Lock && permits != permits_.end() &&
                permits->second > 1) {
                objects_[o].kind = ObjectKind::Semaphore;
                objects_[o].capacity = permits->second;
            }
        }
        for (ObjectInfo& info : objects_)
            trace_.addObject(std::move(info));
    }

    // The operations, and the Blocked / sleep Begin events that opened the slices: the
    // file keeps those in the slices they began (what a blocked call reported, a join's
    // child, where it was called), the model keeps them as events. In time order per
    // process, as the trace takes them.
    std::vector<Placed> readOperations() {
        std::vector<Placed> events;
        events.reserve(instants_.size());
        for (const Parsed& instant : instants_)
            events.push_back({toEvent(instant), sourceSpot(instant.fields().child("args"))});
        std::vector<Placed> openings;
        for (const Parsed& slice : slices_)
            if (auto opening = openingOf(slice)) openings.push_back(*opening);
        const auto byTime = [](const Placed& a, const Placed& b) {
            return a.event.ts < b.event.ts;
        };
        if (!std::is_sorted(events.begin(), events.end(), byTime))
            std::stable_sort(events.begin(), events.end(), byTime);
        std::stable_sort(openings.begin(), openings.end(), byTime);
        // At one timestamp a wait begins after the operation that ended there.
        std::vector<Placed> merged;
        merged.reserve(events.size() + openings.size());
        std::merge(events.begin(), events.end(), openings.begin(), openings.end(),
                   std::back_inserter(merged), byTime);
        return merged;
    }

    SourceSpot sourceSpot(const Fields& args) {
        SourceSpot at;
        if (auto thread = args.optionalInteger(chrome::kThreadKey))
            at.thread = toUint32(*thread, args, chrome::kThreadKey);
        if (auto file = args.optionalString(chrome::kFileKey)) at.file = trace_.intern(*file);
        if (auto line = args.optionalInteger(chrome::kLineKey))
            at.line = toUint32(*line, args, chrome::kLineKey);
        return at;
    }

    // A Value's number: a float type's is written as a double and kept as its bits.
    std::int64_t sharedNumber(const Fields& args, std::string_view key, std::uint16_t object) {
        const json::value* v = args.find(key);
        const bool isFloat = object < objects_.size() && isFloatType(objects_[object].valueType);
        if (!isFloat || !v || !v->is_number()) return args.integer(key);
        return bitsFromDouble(v->to_number<double>());
    }

    Event toEvent(const Parsed& instant) {
        const Fields event = instant.fields();
        const auto name = event.string("name");
        const auto op = opFromName(name);
        if (!op) fail(event.where(), "unknown op " + quoted(name));
        const Fields args = event.child("args");
        const auto keys = opArgKeys(*op);

        Event e;
        e.ts = instant.ts;
        e.op = *op;
        e.phase = args.optionalBool("failed").value_or(false) ? Phase::Failed : Phase::Done;
        e.process = static_cast<std::uint16_t>(trace_.processIndexByPid(instant.pid));
        if (!isProcessOp(*op))
            if (auto object = args.optionalString("object"))
                e.object = objectNamed(args, *object, guessKind(*op, args));
        if (*op == Op::Start)
            if (auto pool = args.optionalString("works_for"))
                e.object = objectNamed(args, *pool, ObjectKind::Pool);

        const bool shared = (*op == Op::Read || *op == Op::Write) && args.has(keys.value);
        const auto value = shared ? std::optional(sharedNumber(args, keys.value, e.object))
                                  : args.optionalInteger(keys.value);
        if (value)
            e.value = *value;
        else if (*op == Op::Wait)
            e.value = args.optionalBool("result").value_or(false) ? 1 : 0;
        else if (isProcessOp(*op))
            e.value = childPidOf(args).value_or(0);
        if (auto text = args.optionalText(keys.text)) e.text = trace_.intern(*text);
        if (auto extra = args.optionalInteger(keys.extra))
            e.extra = toInt16(*extra, args, keys.extra);
        // A hand-made file may name only the signal that killed the process.
        const bool exited = *op == Op::Exit && !args.has(keys.value);
        const bool joined = *op == Op::Join && e.phase == Phase::Done && !args.has(keys.extra);
        if (exited || joined) {
            const auto signal = args.optionalInteger("signal");
            if (signal && *signal > INT64_MIN && exited) e.value = -*signal;
            if (signal && *signal > INT64_MIN && joined)
                e.extra = toInt16(-*signal, args, "signal");
        }
        if (*op == Op::Exit) seen_[instant.pid].exitValue = e.value;
        notePermits(e, value.has_value());
        return e;
    }

    void endProcesses() {
        for (const auto& [process, end] : ends_)
            trace_.setProcessEnd(process, end, trace_.processes()[process].exitcode);
        if (fromMpviz_) return;
        // A hand-made trace says a process ended by recording its exit.
        for (int p = 0; p < static_cast<int>(trace_.processes().size()); ++p) {
            const ProcessInfo& info = trace_.processes()[p];
            const PidSeen* seen = seenOf(info.pid);
            if (info.endTs || !seen || !seen->exitValue) continue;
            trace_.setProcessEnd(p, seen->lastTs, static_cast<int>(*seen->exitValue));
        }
    }

    // The event that began a blocked or sleeping slice; a running slice began with none. The
    // slice's end is the trace's to find: the operation's own instant, or the process's end.
    std::optional<Placed> openingOf(const Parsed& parsed) {
        const Fields event = parsed.fields();
        const auto name = event.string("name");
        const Fields args = event.child("args");
        Event e;
        e.ts = parsed.ts;
        e.process = static_cast<std::uint16_t>(trace_.processIndexByPid(parsed.pid));
        if (name == "running") {
            return std::nullopt;
        } else if (name == "sleeping") {
            e.op = Op::Sleep;
            e.phase = Phase::Begin;
            e.value = args.optionalInteger(opArgKeys(Op::Sleep).value).value_or(0);
        } else if (name == "blocked") {
            const auto opText = args.string("op");
            const auto op = opFromName(opText);
            if (!op) fail(args.where(), "unknown op " + quoted(opText));
            e.op = *op;
            e.phase = Phase::Blocked;
            if (isProcessOp(*op)) {
                const auto childName = args.optionalString("object");
                if (auto child = args.optionalInteger("child"))
                    e.value = toInt(*child, args, "child");
                else if (const int peer = childName ? processNamed(*childName) : -1; peer >= 0)
                    e.value = trace_.processes()[peer].pid;
                if (childName) e.text = trace_.intern(*childName);
            } else {
                if (auto object = args.optionalString("object"))
                    e.object = objectNamed(args, *object, guessKind(*op, args));
                e.value = args.optionalInteger(opArgKeys(*op).value).value_or(0);
            }
            if (chrome::blockedExtraIsEnd(*op)) {
                const auto key = opArgKeys(*op).extra;
                e.extra = toInt16(args.optionalInteger(key).value_or(0), args, key);
            } else {
                e.extra = args.optionalBool(chrome::kTimedKey).value_or(false) ? 1 : 0;
            }
        } else {
            fail(event.where(), "unknown state " + quoted(name) +
                                    " (expected \"running\", \"sleeping\" or \"blocked\")");
        }
        // A zero-length wait draws nothing: the model keeps neither it nor its event.
        if (event.micros("dur") == 0) return std::nullopt;
        return Placed{e, sourceSpot(args)};
    }

    int processNamed(std::string_view name) const {
        const auto processes = trace_.processes();
        for (std::size_t p = 0; p < processes.size(); ++p)
            if (processes[p].name == name) return static_cast<int>(p);
        return -1;
    }

    // The file's counters are what its operations did to each object (the trace derives its
    // own from those); here they only name objects and, for a hand-made lock, its permits.
    void readCounterObjects() {
        for (const Parsed& parsed : counters_) {
            const Fields event = parsed.fields();
            const auto object = objectNamed(event, event.string("name"), ObjectKind::Value);
            const std::int64_t value = sharedNumber(event.child("args"), "value", object);
            if (object >= listedObjects_) notePermits(object, value);
        }
    }

    // A hand-made file names its objects only in operations, and an acquire says "lock"
    // until the numbers say otherwise: a lock is 0 when held and 1 when free, so a value
    // left after an acquire, or above 1, is a semaphore's count of permits.
    void notePermits(const Event& e, bool stated) {
        if (!stated || e.object == kNoObject || e.object < listedObjects_ || e.phase != Phase::Done)
            return;
        if (e.op == Op::Acquire && e.value < INT64_MAX) notePermits(e.object, e.value + 1);
        if (e.op == Op::Release) notePermits(e.object, e.value);
    }
    void notePermits(std::uint16_t object, std::int64_t permits) {
        auto [it, inserted] = permits_.try_emplace(object, permits);
        if (!inserted) it->second = std::max(it->second, permits);
    }

    int processOfPid(const Fields& at, std::int64_t pid) const {
        const int process = trace_.processIndexByPid(toInt(pid, at, "pid"));
        if (process < 0) fail(at.where(), "unknown pid " + std::to_string(pid));
        return process;
    }

    std::optional<DeadlockReport> readDeadlock() {
        if (!deadlock_) return std::nullopt;
        const Fields args = deadlock_->fields().child("args");
        DeadlockReport report;
        report.ts = deadlock_->ts;
        if (const json::array* cycle = args.optionalArray("cycle")) {
            for (std::size_t i = 0; i < cycle->size(); ++i) {
                auto pid = asInteger((*cycle)[i]);
                const Fields at(nullptr, args.path().key("cycle").item(i));
                if (!pid) fail(at.where(), "must be a pid");
                report.cycle.push_back(processOfPid(at, *pid));
            }
        }
        if (const json::array* edges = args.optionalArray("edges")) {
            for (std::size_t i = 0; i < edges->size(); ++i) {
                const Fields edge((*edges)[i], args.path().key("edges").item(i));
                DeadlockEdge parsed;
                parsed.from = processOfPid(edge, edge.integer("from"));
                parsed.to = processOfPid(edge, edge.integer("to"));
                const auto opText = edge.string("op");
                const auto op = opFromName(opText);
                if (!op) fail(edge.where(), "unknown op " + quoted(opText));
                parsed.op = *op;
                if (!isProcessOp(*op))
                    if (auto object = edge.optionalString("object"))
                        parsed.object = objectNamed(edge, *object, guessKind(*op, edge));
                report.edges.push_back(parsed);
            }
        }
        return report;
    }

    // The session's span: every time the file names, from t0_ns (its start when given) to
    // t1_ns (where a run that was stopped ended, though its last event came before).
    void noteTimeRange(const Fields& other) {
        for (const auto& [pid, seen] : seen_) {
            if (seen.firstTs == INT64_MAX) continue;
            trace_.noteTime(seen.firstTs);
            trace_.noteTime(seen.lastTs);
        }
        const auto t0 = other.optionalInteger("t0_ns");
        if (t0) trace_.noteTime(*t0);
        if (auto t1 = other.optionalInteger("t1_ns")) {
            const std::int64_t first = trace_.firstTs();
            if (*t1 < first || *t1 > first + kMaxTraceSpanNs)
                fail(other.path().key("t1_ns").str(),
                     t0 ? "lies before t0_ns or more than 100 days after it"
                        : "lies before the trace's first event or more than 100 days after it");
            trace_.noteTime(*t1);
        }
    }

    TraceData trace_;
    std::int64_t t0_ = 0;
    bool fromMpviz_ = false;
    std::unordered_map<int, PidSeen> seen_;
    std::vector<int> pidOrder_;
    std::vector<Parsed> slices_, instants_, counters_;
    // The objects, listed and guessed, in the order the trace will get them.
    std::vector<ObjectInfo> objects_;
    std::unordered_map<std::string, std::uint16_t, StringTable::Hash, std::equal_to<>> objectIndex_;
    std::size_t listedObjects_ = 0; // objects otherData lists; the others are guessed
    std::unordered_map<std::uint16_t, std::int64_t> permits_; // guessed locks: most permits seen
    std::optional<Parsed> deadlock_;
    std::vector<std::pair<int, std::int64_t>> ends_;
};

} // namespace

TraceData fromChromeJson(std::string_view json) {
    return ChromeReader().read(json);
}

TraceData loadChromeJson(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw TraceFormatError("cannot open trace file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw TraceFormatError("cannot read trace file " + file.string());
    try {
        return fromChromeJson(text.view());
    } catch (const TraceFormatError& e) {
        throw TraceFormatError(file.string() + ": " + e.what());
    }
}

} // namespace mpviz::trace
