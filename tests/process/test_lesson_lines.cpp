// Every C++ lesson sends, with each operation, the line of its Python listing the operation
// mirrors (scenario code marks it with py::at / py::With). Run at its defaults, each lesson
// must name only lines of its own listing that spell the operation there, and what the
// lesson's own code does must carry a line.

#include "process_helpers.hpp"

#include "mp/line.hpp"
#include "trace/chrome_json.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

using namespace mpviz;
using namespace mpviz::ptest;

namespace {

// How the listing spells an operation: a line naming it holds one of these. An operation
// not here (exit, a pool worker's task_start/task_end, a feeder's flush) has no line of code.
std::vector<std::string_view> spellings(Op op) {
    static const std::map<Op, std::vector<std::string_view>> kSpellings = {
        {Op::Start, {".start()", "Pool("}}, // a Pool starts its workers as it is made
        // a join, and where Python reaps an ended child (Popen.poll)
        {Op::Join, {".join(", "is_alive()", ".exitcode", ".start()", ".terminate()"}},
        {Op::Terminate, {".terminate()"}},
        {Op::Print, {"print("}},
        {Op::Sleep, {"time.sleep("}},
        {Op::Acquire, {".acquire(", "with "}},
        {Op::Release, {".release(", "with "}},
        {Op::Set, {".set()"}},
        {Op::Clear, {".clear()"}},
        {Op::Wait, {".wait("}},
        {Op::Put, {".put("}},
        {Op::Get, {".get("}},
        {Op::Send, {".send("}},
        {Op::Recv, {".recv("}},
        {Op::Submit, {".apply_async(", ".map(", ".imap("}},
        {Op::Read, {".value"}},
        {Op::Write, {".value", "Value("}}, // a Value is made with a first write
        {Op::TaskDone, {".task_done()"}},
        {Op::QueueJoin, {".join()"}},
    };
    const auto found = kSpellings.find(op);
    return found == kSpellings.end() ? std::vector<std::string_view>{} : found->second;
}

// Operations only the lesson's own code does: each of them must carry its line. Not so a
// join or terminate of the exit sequence (Python's ends what is left on no line of the
// program either), an exit, a pool worker's own task_start/task_end, a feeder's flush, the report
// of an exception that ended the process.
bool fromLessonCode(const TraceData& d, const Event& e) {
    switch (e.op) {
    case Op::Print:
        return !contains(text(d, e), " raised: ");
    case Op::Join:
    case Op::Terminate:
    case Op::Exit:
    case Op::TaskStart:
    case Op::TaskEnd:
    case Op::Flush:
    case Op::Deadlock:
        return false;
    default:
        return true;
    }
}

std::vector<std::string> linesOf(const std::string& listing) {
    std::vector<std::string> rows;
    std::size_t start = 0;
    for (std::size_t nl; (nl = listing.find('\n', start)) != std::string::npos; start = nl + 1)
        rows.push_back(listing.substr(start, nl - start));
    if (start < listing.size()) rows.push_back(listing.substr(start));
    return rows;
}

} // namespace

TEST_CASE("Every lesson's operations carry the line of its listing that spells them",
          "[process][lines]") {
    for (const auto& lesson : scenarios::all()) {
        DYNAMIC_SECTION(lesson.id) {
            const auto run = runScenario(lesson.id, {}, 40, 0, 60);
            const auto& d = run.data;
            INFO(describe(d));
            REQUIRE((run.outcomeName() == "completed" || run.outcomeName() == "deadlock"));
            const auto listing = linesOf(scenarios::listingWith(lesson, d.params));
            const std::string path = mp::lessonSourcePath(lesson.id);
            std::size_t withLine = 0;
            for (std::uint32_t i = 0; i < d.events().size(); ++i) {
                const auto& e = d.events()[i];
                const auto spot = d.sourceOf(i);
                const auto op = std::string(trace::opName(e.op));
                INFO(processName(d, e.process)
                     << " " << op << " '" << text(d, e) << "' on line " << spot.line);
                if (spot.line == 0) {
                    CHECK_FALSE(fromLessonCode(d, e));
                    continue;
                }
                ++withLine;
                CHECK(std::string(d.text(spot.file)) == path);
                REQUIRE(spot.line <= listing.size());
                const auto& row = listing[spot.line - 1];
                INFO("listing line " << spot.line << ": " << row);
                bool spelled = false;
                for (const auto s : spellings(e.op))
                    spelled = spelled || row.find(s) != std::string::npos;
                CHECK(spelled);
            }
            CHECK(withLine > 0);

            // A trace file keeps every line (a lesson saved, then opened again).
            const auto where = [](const TraceData& t) {
                std::multiset<std::string> out;
                for (std::uint32_t i = 0; i < t.events().size(); ++i) {
                    const auto& e = t.events()[i];
                    const auto spot = t.sourceOf(i);
                    out.insert(processName(t, e.process) + " " + std::to_string(e.ts) + " " +
                               std::string(trace::opName(e.op)) + " " +
                               std::to_string(static_cast<int>(e.phase)) + " " +
                               std::string(t.text(spot.file)) + ":" + std::to_string(spot.line));
                }
                return out;
            };
            CHECK(where(trace::fromChromeJson(trace::toChromeJson(d, "test"))) == where(d));
        }
    }
}

// A lesson's parameter defaults are its listing's `NAME = VALUE  # parameter: name` lines
// (scenarios::withListingDefaults): writing the defaults back into the listing changes nothing.
TEST_CASE("Every lesson's listing sets each parameter to that parameter's default",
          "[scenarios][code]") {
    for (const auto& lesson : scenarios::all()) {
        INFO(lesson.id);
        std::map<std::string, std::string> defaults;
        for (const auto& p : lesson.parameters) {
            CHECK(lesson.listing.find("  # parameter: " + p.name + "\n") != std::string::npos);
            defaults[p.name] = p.kind == scenarios::Parameter::Kind::Flag
                                   ? (p.defaultValue != 0 ? "true" : "false")
                                   : std::to_string(p.defaultValue);
        }
        // Changed, the listing would say so: the check above sees every parameter's line.
        std::map<std::string, std::string> others = defaults;
        for (auto& [name, value] : others)
            value = value == "true" ? "false" : value == "false" ? "true" : "97";
        if (!lesson.parameters.empty())
            CHECK(scenarios::listingWith(lesson, others) != lesson.listing);
        CHECK(scenarios::listingWith(lesson, defaults) == lesson.listing);
    }
}

TEST_CASE("A lesson parameter without a line in its listing is refused when the lesson is built",
          "[scenarios][code]") {
    auto lesson = *scenarios::find("semaphore");
    lesson.parameters.push_back(scenarios::Parameter::integer("spare", 1, 3, "not in the listing"));
    CHECK_THROWS_WITH(scenarios::withListingDefaults(lesson),
                      Catch::Contains("parameter spare has no `# parameter:` line"));
    lesson.parameters.pop_back();
    lesson.listing += "SPARE = many  # parameter: workers\n";
    CHECK_THROWS_WITH(scenarios::withListingDefaults(lesson),
                      Catch::Contains("the listing's value of workers is not a number"));
}

// A target is registered once, under the name the child is started with; that name must be
// a function of the listing, taking as many parameters as the C++ function does.
TEST_CASE("Every lesson target is a function its listing defines with as many parameters",
          "[scenarios][code]") {
    for (const auto& lesson : scenarios::all()) {
        INFO(lesson.id);
        CHECK_FALSE(lesson.program.targets.empty());
        for (const auto& target : lesson.program.targets) {
            INFO(target.name());
            const auto def = lesson.listing.find("\ndef " + target.name() + "(");
            REQUIRE(def != std::string::npos);
            const auto open = lesson.listing.find('(', def);
            const auto close = lesson.listing.find(')', open);
            const std::string_view params(lesson.listing.data() + open + 1, close - open - 1);
            const std::size_t count =
                params.empty() ? 0 : 1 + std::count(params.begin(), params.end(), ',');
            CHECK(count == target.arity());
        }
    }
}
