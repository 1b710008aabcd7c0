// The words the timeline writes, read back from a real paint: a bar writes its words whole
// or in a shorter whole form, never cut; a deadlock's loop labels each wait on the lane of
// the process that waits, and the end marks give way to its arrows.

#include "painted_words.hpp"
#include "test_render_fixtures.hpp"

#include "render/labels.hpp"
#include "render/layout.hpp"
#include "render/painter.hpp"

#include <catch2/catch.hpp>

#include <QPainter>

#include <cmath>

using namespace mpviz::render;
using namespace mpviz::test;
using mpviz::testing::PaintedText;
using mpviz::testing::PaintedWords;

namespace {

struct Words {
    std::unique_ptr<PaintedWords> device;
    TimelineLayout layout;
};

Words paintWords(const TraceData& trace, double width) {
    Viewport v = Viewport::whole(trace, QSizeF(width, 100));
    Words out;
    out.layout = computeLayout(trace, v, Style{});
    v.size.setHeight(std::ceil(out.layout.contentHeight));
    out.device = std::make_unique<PaintedWords>(v.size.toSize());
    QPainter painter(out.device.get());
    paint(painter, trace, out.layout, v, Style{});
    return out;
}

// The words painted over the lanes' plot (not the gutter, not the header).
std::vector<PaintedText> plotTexts(const Words& w) {
    std::vector<PaintedText> out;
    for (const auto& t : w.device->texts)
        if (t.box.top() >= w.layout.headerHeight && t.box.left() >= w.layout.gutterWidth)
            out.push_back(t);
    return out;
}

double xAt(const TimelineLayout& layout, double ms) {
    return layout.mapping.mapTimeToX(kT0 + static_cast<std::int64_t>(ms * kMs));
}

// lock-order: MainProcess joins Process-1; Process-1 holds lock_a and waits for lock_b,
// Process-2 holds lock_b and waits for lock_a; found at once, everyone killed.
TraceData lockOrderTrace() {
    TraceBuilder b;
    b.trace.scenario = "lock-order";
    const int main = b.process("MainProcess", 300, -1, 0);
    const auto lockA = b.object("lock_a", ObjectKind::Lock);
    const auto lockB = b.object("lock_b", ObjectKind::Lock);
    const int p1 = b.process("Process-1", 301, main, 2);
    const int p2 = b.process("Process-2", 302, main, 3);
    b.event(main, 1, Op::Start, Phase::Done, mpviz::trace::kNoObject, 301, "Process-1");
    b.event(main, 2, Op::Start, Phase::Done, mpviz::trace::kNoObject, 302, "Process-2");
    b.event(main, 5, Op::Join, Phase::Blocked, mpviz::trace::kNoObject, 301);
    b.event(p1, 10, Op::Acquire, Phase::Done, lockA);
    b.event(p2, 200, Op::Acquire, Phase::Done, lockB);
    b.event(p1, 510, Op::Acquire, Phase::Blocked, lockB);
    b.event(p2, 700, Op::Acquire, Phase::Blocked, lockA);
    mpviz::trace::DeadlockReport report;
    report.ts = kT0 + 820 * kMs;
    report.cycle = {p1, p2};
    report.edges = {{main, p1, Op::Join, mpviz::trace::kNoObject},
                    {p1, p2, Op::Acquire, lockB},
                    {p2, p1, Op::Acquire, lockA}};
    b.trace.setDeadlock(report);
    for (int p : {p1, p2, main})
        b.end(p, 830, -9);
    b.trace.setOutcome(mpviz::trace::Outcome::Deadlock);
    return std::move(b.trace);
}

} // namespace

TEST_CASE("A bar too narrow for its words writes a shorter whole form and never a cut word",
          "[render][labels]") {
    const auto trace = smallTrace();
    const QString ellipsis(QChar(0x2026));
    bool full = false, shortForm = false;
    for (double width = 260; width <= 1600; width += 20) {
        INFO("width " << width);
        const auto w = paintWords(trace, width);
        const double sleepFrom = xAt(w.layout, 100), sleepTo = xAt(w.layout, 500);
        for (const auto& t : plotTexts(w)) {
            INFO(t.text.toStdString());
            CHECK_FALSE(t.text.contains(ellipsis));
            if (!t.text.startsWith(QStringLiteral("sleep"))) continue;
            CHECK((t.text == QStringLiteral("sleep 0.4 s") || t.text == QStringLiteral("sleep")));
            // Inside its own bar.
            CHECK(t.box.left() >= sleepFrom);
            CHECK(t.box.right() <= sleepTo);
            full |= t.text == QStringLiteral("sleep 0.4 s");
            shortForm |= t.text == QStringLiteral("sleep");
        }
    }
    CHECK(full);      // wide: "sleep 0.4 s"
    CHECK(shortForm); // narrower: "sleep", where "sleep 0…" was written before
}

TEST_CASE("A deadlock's loop labels each wait on the lane of the process that waits",
          "[render][labels][deadlock]") {
    for (const auto& trace : {deadlockTrace(), lockOrderTrace()}) {
        for (const double width : {600.0, 900.0, 1400.0}) {
            INFO(trace.scenario << " at width " << width);
            const auto w = paintWords(trace, width);
            const auto& edges = trace.deadlock()->edges;
            const auto labels = w.device->textsWith(QStringLiteral("waits:"));
            REQUIRE(labels.size() == edges.size());
            for (const auto& edge : edges) {
                const QString text = deadlockEdgeLabel(trace, edge);
                const auto* lane = w.layout.laneForProcess(edge.from);
                REQUIRE(lane);
                const auto it = std::find_if(labels.begin(), labels.end(),
                                             [&](const PaintedText& t) { return t.text == text; });
                REQUIRE(it != labels.end());
                INFO(text.toStdString());
                CHECK(it->box.center().y() > lane->top);
                CHECK(it->box.center().y() < lane->bottom());
                CHECK(it->box.right() <= width);
            }
        }
    }
}

TEST_CASE("The end marks of a deadlock give way to its loop of arrows",
          "[render][labels][deadlock]") {
    const auto trace = lockOrderTrace();
    const auto deadlockPen = Style{}.palette().deadlock;
    for (double width = 560; width <= 1600; width += 40) {
        INFO("width " << width);
        const auto w = paintWords(trace, width);
        // The loop's arcs: paths in its colour from one lane to another.
        std::vector<QRectF> arcs;
        for (const auto& path : w.device->paths)
            if (path.pen == deadlockPen && path.bounds.height() > w.layout.lanes[0].height / 2)
                arcs.push_back(path.bounds);
        CHECK(arcs.size() == trace.deadlock()->edges.size());
        const auto marks = w.device->textsWith(QStringLiteral("killed"));
        for (const auto& mark : marks) {
            for (const QRectF& arc : arcs)
                CHECK_FALSE(mark.box.intersects(arc));
            for (const auto& label : w.device->textsWith(QStringLiteral("waits:")))
                CHECK_FALSE(mark.box.intersects(label.box));
        }
        // Wide enough, every mark says how its process died.
        if (width >= 1400) {
            CHECK(marks.size() == 3);
            for (const auto& mark : marks)
                CHECK(mark.text == QStringLiteral("killed (SIGKILL)"));
        }
    }
}

TEST_CASE("A lane label too wide for the gutter drops the pid before it cuts the name",
          "[render][labels]") {
    TraceBuilder b;
    const int main = b.process("MainProcess", 300, -1, 0);
    const int worker = b.process("ForkPoolWorker-1", 123456, main, 5);
    b.event(main, 1, Op::Print, Phase::Done, mpviz::trace::kNoObject, 0, "hello");
    b.event(worker, 100, Op::Print, Phase::Done, mpviz::trace::kNoObject, 0, "hi");
    const TraceData& trace = b.trace;
    const QString full = QStringLiteral("ForkPoolWorker-1 (123456)");
    const QString ellipsis(QChar(0x2026));
    bool wholeLabel = false, nameOnly = false;
    for (double width = 150; width <= 1200; width += 10) {
        INFO("width " << width);
        const auto w = paintWords(trace, width);
        for (const auto& t : w.device->texts) {
            if (t.box.left() >= w.layout.gutterWidth || t.box.top() < w.layout.headerHeight ||
                t.text.startsWith(QStringLiteral("Main")))
                continue;
            INFO(t.text.toStdString());
            // Whole, or the name alone, or (narrower still) the name cut in its middle.
            CHECK((t.text == full || t.text == QStringLiteral("ForkPoolWorker-1") ||
                   (t.text.contains(ellipsis) && !t.text.contains(u'('))));
            wholeLabel |= t.text == full;
            nameOnly |= t.text == QStringLiteral("ForkPoolWorker-1");
        }
    }
    CHECK(wholeLabel);
    CHECK(nameOnly);
}
