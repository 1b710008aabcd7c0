// Held locks and permits on the lanes: the lock lesson run for real, then painted; a band in
// the lock's colour under each worker's bar for exactly the stretch it held the lock. And a
// Value's lost update ringed where it happened.

#include "catch_qt.hpp"
#include "test_render_fixtures.hpp"

#include "engine/session.hpp"
#include "render/layout.hpp"
#include "render/painter.hpp"
#include "scenario.hpp"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace mpviz;
using namespace mpviz::render;
using mpviz::test::kMs;
using trace::TraceData;

namespace {

struct Painted {
    QImage image;
    TimelineLayout layout;
};

Painted paintWhole(const TraceData& trace, double width = 1400, const Style& style = {}) {
    Viewport v = Viewport::whole(trace, QSizeF(width, 100));
    Painted out;
    out.layout = computeLayout(trace, v, style);
    v.size.setHeight(std::ceil(out.layout.contentHeight));
    out.image = QImage(v.size.toSize(), QImage::Format_ARGB32);
    QPainter painter(&out.image);
    paint(painter, trace, out.layout, v, style);
    return out;
}

bool near(QColor a, QColor b, int tolerance = 30) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tolerance;
}

// The share of the columns in [x0, x1) whose pixel at y is (about) `colour`.
double shareOf(const QImage& image, double x0, double x1, double y, QColor colour) {
    int in = 0, all = 0;
    for (int x = static_cast<int>(std::ceil(x0)); x < static_cast<int>(x1); ++x, ++all)
        if (near(image.pixelColor(x, static_cast<int>(y)), colour)) ++in;
    return all == 0 ? 0.0 : double(in) / all;
}

TraceData runLesson(const std::string& id, std::vector<std::pair<std::string, std::string>> sets,
                    double speed) {
    const auto* s = scenarios::find(id);
    REQUIRE(s);
    std::string error;
    const auto params = scenarios::resolveParams(*s, sets, error);
    INFO(error);
    REQUIRE(params);
    engine::SessionOptions o;
    o.scenario = id;
    o.params = params->values();
    o.speed = speed;
    o.timeout = 60;
    o.childExecutable = mpviz::testing::childExecutable();
    engine::Session session(o);
    session.start();
    REQUIRE(session.wait() == trace::Outcome::Completed);
    return session.trace()->read([](const TraceData& d) { return d; });
}

} // namespace

TEST_CASE("The lock lesson's lanes show a band in the lock's colour for exactly the stretch "
          "each worker held it",
          "[gui][render][holds][process]") {
    const TraceData trace = runLesson("lock", {{"workers", "3"}}, 20);
    const auto lock = trace.objectByName("lock");
    REQUIRE(lock);
    const Painted r = paintWhole(trace);
    REQUIRE(r.layout.holdRows >= 1);
    const QColor colour = holdColor(Style{}.palette(), *lock);
    int workers = 0;
    for (const auto& lane : r.layout.lanes) {
        const auto& info = trace.processes()[std::size_t(lane.process)];
        INFO(info.name);
        const double y = lane.holdTop + lane.holdBand / 2;
        const double left = r.layout.gutterWidth;
        if (trace.holdLevels(lane.process) == 0) {
            // MainProcess holds nothing: no band anywhere on its lane.
            CHECK(shareOf(r.image, left, r.layout.width, y, colour) == 0.0);
            continue;
        }
        ++workers;
        const auto holds = trace.holds(lane.process, 0);
        REQUIRE(holds.size() == 1); // the whole loop under one `with lock:`
        const auto& hold = holds[0];
        CHECK(hold.object == *lock);
        CHECK_FALSE(hold.diedHolding);
        const double x0 = r.layout.mapping.mapTimeToX(hold.begin);
        const double x1 = r.layout.mapping.mapTimeToX(hold.end);
        INFO("held from x " << x0 << " to " << x1 << ", band rows " << lane.holdTop << " + "
                            << lane.holdBand << ", plot from " << left);
        REQUIRE(x1 - x0 > 40);
        // Across the held stretch (its name written in it takes a few columns) …
        CHECK(shareOf(r.image, x0 + 2, x1 - 2, lane.holdTop + 1, colour) > 0.9);
        CHECK(shareOf(r.image, x0 + 2, x1 - 2, y, colour) > 0.6);
        // … and not before the acquire nor after the release.
        CHECK(shareOf(r.image, left, x0 - 2, y, colour) == 0.0);
        CHECK(shareOf(r.image, x1 + 2, r.layout.width, y, colour) == 0.0);
        // The band stays under the bar: the bar's row keeps its state colours.
        CHECK(lane.holdTop >= lane.barTop + lane.barHeight);
        CHECK(lane.holdTop + lane.holdBand <= lane.bottom());
    }
    CHECK(workers == 3);

    SECTION("View ▸ Held locks and permits off: no band row and no band, and no counter "
            "track with Counter charts off") {
        Style plain;
        plain.showHolds = false;
        plain.showCounters = false;
        const Painted bare = paintWhole(trace, 1400, plain);
        CHECK(bare.layout.holdRows == 0);
        CHECK(bare.layout.counters.empty());
        CHECK(bare.layout.contentHeight < r.layout.contentHeight);
        const auto explainsBands = [](const TimelineLayout& l) {
            return std::any_of(l.legend.begin(), l.legend.end(), [](const LegendEntry& e) {
                return e.kind == LegendEntry::Kind::Hold;
            });
        };
        CHECK(explainsBands(r.layout));
        CHECK_FALSE(explainsBands(bare.layout)); // the legend explains no band it does not draw
        for (const auto& lane : bare.layout.lanes) {
            for (double y = lane.top; y < lane.bottom(); y += 1)
                CHECK(shareOf(bare.image, bare.layout.gutterWidth, bare.layout.width, y, colour) <
                      0.5);
        }
    }
}

TEST_CASE(
    "Nested holds stack and a death while holding ends the band at the death with a dashed outline",
    "[gui][render][holds]") {
    using namespace mpviz::test;
    TraceBuilder b;
    const auto first = b.object("lock_a", ObjectKind::Lock);
    const auto second = b.object("lock_b", ObjectKind::Lock);
    const int main = b.process("MainProcess", 100, -1, 0);
    const int p = b.process("Process-1", 101, main, 0);
    b.event(p, 100, Op::Acquire, Phase::Done, first, 0);
    b.event(p, 300, Op::Acquire, Phase::Done, second, 0);
    b.event(p, 500, Op::Release, Phase::Done, second, 1);
    b.event(p, 600, Op::Acquire, Phase::Done, second, 0);
    b.end(p, 800, -9); // killed holding both
    b.event(main, 1000, Op::Print, Phase::Done, trace::kNoObject, 0, "done");
    const Painted r = paintWhole(b.trace);
    REQUIRE(r.layout.holdRows == 2);
    const auto& lane = *r.layout.laneForProcess(p);
    const auto x = [&](double ms) {
        return r.layout.mapping.mapTimeToX(kT0 + std::int64_t(ms * kMs));
    };
    const Palette palette = Style{}.palette();
    const QColor a = holdColor(palette, first), bb = holdColor(palette, second);
    CHECK_FALSE(near(a, bb));
    const double row0 = lane.holdTop + lane.holdBand * 0.75;
    const double row1 = lane.holdTop + lane.holdRow + lane.holdBand * 0.75;
    CHECK(shareOf(r.image, x(110), x(790), row0, a) > 0.6);
    CHECK(shareOf(r.image, x(310), x(490), row1, bb) > 0.6);
    CHECK(shareOf(r.image, x(510), x(590), row1, bb) == 0.0);
    CHECK(shareOf(r.image, x(610), x(790), row1, bb) > 0.6);
    // Nothing after the death, though the lock stays held.
    CHECK(shareOf(r.image, x(810), x(1000), row0, a) == 0.0);
    CHECK(shareOf(r.image, x(810), x(1000), row1, bb) == 0.0);
    // The band of a hold that died is outlined with a dash in the text colour.
    const double top = lane.holdTop + lane.holdRow;
    int outline = 0;
    for (double px = x(620); px < x(780); ++px)
        outline += near(r.image.pixelColor(int(px), int(top + 1)), palette.text, 80);
    CHECK(outline > 10);
}

TEST_CASE("A lost update is ringed on the writer's lane where it happened", "[gui][render]") {
    using namespace mpviz::test;
    TraceBuilder b;
    const auto v = b.object("v", ObjectKind::Value);
    const auto [main, p1, p2] = b.mainAndTwoChildren();
    b.event(p1, 100, Op::Read, Phase::Done, v, 0);
    b.event(p2, 200, Op::Read, Phase::Done, v, 0);
    b.event(p1, 300, Op::Write, Phase::Done, v, 1);
    b.event(p2, 600, Op::Write, Phase::Done, v, 1);
    b.event(main, 1000, Op::Print, Phase::Done, trace::kNoObject, 0, "1");
    REQUIRE(b.trace.lostUpdates(v).size() == 1);
    const Painted r = paintWhole(b.trace);
    const Palette palette = Style{}.palette();
    const auto x = [&](double ms) {
        return r.layout.mapping.mapTimeToX(kT0 + std::int64_t(ms * kMs));
    };
    // Alarm-coloured pixels around a glyph; left of it only where the dotted line to the
    // write it erased leaves rightwards.
    const auto ringed = [&](int process, double ms, bool leftOnly = false) {
        const auto& lane = *r.layout.laneForProcess(process);
        int n = 0;
        for (int dy = -14; dy <= 14; ++dy)
            for (int dx = -14; dx <= (leftOnly ? -3 : 14); ++dx)
                n += near(r.image.pixelColor(int(x(ms)) + dx, int(lane.glyphY) + dy),
                          palette.blocked, 40);
        return n;
    };
    CHECK(ringed(p2, 600, true) > 10);
    CHECK(ringed(p1, 300, true) == 0); // the erased write is not the lost update
    const bool legend =
        std::any_of(r.layout.legend.begin(), r.layout.legend.end(),
                    [](const auto& e) { return e.kind == LegendEntry::Kind::LostUpdate; });
    CHECK(legend);
}
