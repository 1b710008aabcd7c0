// The window as a class sees it: every lesson at 1280x720 and at 1920x1080, in the normal
// layout and in presentation mode. Nothing a card writes is cut or elided, the shared-state
// panel never needs a horizontal scrollbar, lanes scroll only when the panels below them
// cannot give more height, and presentation mode is full screen with every lane visible and
// text large enough for the back of the room. The offscreen platform is
// given two screens of those sizes (tests/gui/offscreen_screens.json).

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/object_widget.hpp"
#include "gui/state/process_list_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/speed_control.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QDockWidget>
#include <QFontInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QToolBar>
#include <QWindow>

#include <string>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

QScreen* screenOfSize(int width, int height) {
    for (auto* s : QGuiApplication::screens())
        if (s->geometry().size() == QSize(width, height)) return s;
    return nullptr;
}

// Lays the window out at `size` (normal) or full screen on the screen of that size.
void arrange(gui::MainWindow& w, QSize size, bool presentation) {
    QScreen* screen = screenOfSize(size.width(), size.height());
    REQUIRE(screen);
    w.setPresentationMode(false);
    w.windowHandle()->setScreen(screen);
    if (presentation) {
        w.setPresentationMode(true);
    } else {
        w.showNormal();
        w.setGeometry(QRect(screen->availableGeometry().topLeft(), size));
    }
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

void checkCardsWhole(gui::MainWindow& w, const std::string& where) {
    INFO(where);
    auto* state = w.stateView();
    CHECK(state->horizontalScrollBar()->maximum() == 0);
    state->processList()->grab();
    CHECK(state->processList()->elidedCount() == 0);
    for (auto* card : state->objectWidgets()) {
        INFO(card->snapshot().name);
        CHECK(card->width() <= state->viewport()->width());
        card->grab(); // paints it now, so what it wrote is read back from this layout
        CHECK(card->clippedWords().join(QStringLiteral(" | ")) == QString());
    }
}

// Lanes hide behind a scrollbar only when the code and log panels below them gave all the
// height they can.
void checkLanesFit(gui::MainWindow& w, const std::string& where) {
    INFO(where);
    const auto* code = w.findChild<QDockWidget*>(QStringLiteral("codeDock"));
    REQUIRE(code);
    if (w.timeline()->verticalScrollBar()->maximum() > 0)
        CHECK(code->height() <= w.leastCodePanelHeight());
}

void checkPresentation(gui::MainWindow& w, QSize size, const std::string& where) {
    INFO(where);
    CHECK(w.geometry().size() == size);
    CHECK_FALSE(w.menuBar()->isVisible());
    for (const auto* bar : w.findChildren<QToolBar*>())
        CHECK_FALSE(bar->isVisible());
    // Every lane, without scrolling.
    CHECK(w.timeline()->verticalScrollBar()->maximum() == 0);
    CHECK(w.timeline()->renderStyle().font(render::FontRole::Label).pixelSize() >= 20);
    for (auto* card : w.stateView()->objectWidgets())
        CHECK(QFontInfo(card->font()).pixelSize() >= 22);
}

} // namespace

TEST_CASE("Every lesson fits at 1280x720 and 1920x1080 in the normal layout and presenting",
          "[gui][layout][process]") {
    REQUIRE(screenOfSize(1280, 720));
    REQUIRE(screenOfSize(1920, 1080));
    mpviz::testing::TestWindow w(QSize(1280, 720));
    w.speedControl()->setQuickLook(true);
    for (const auto& lesson : scenarios::all()) {
        INFO(lesson.id);
        w.setPresentationMode(false);
        REQUIRE(w.selectScenario(QString::fromStdString(lesson.id)));
        w.actions().run->trigger();
        REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 30000));
        QCoreApplication::processEvents();
        const auto trace = w.controller()->trace();
        REQUIRE(trace);
        std::int64_t first = 0, last = 0;
        trace->read([&](const trace::TraceData& d) {
            first = d.firstTs();
            last = d.lastTs();
        });
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
            for (const bool presentation : {false, true}) {
                arrange(w, size, presentation);
                const std::string layout = std::to_string(size.width()) + "x" +
                                           std::to_string(size.height()) +
                                           (presentation ? " presenting" : " normal");
                if (presentation)
                    checkPresentation(w, size, layout);
                else
                    checkLanesFit(w, layout);
                // The cards at a few instants of the run: crowded ones in the middle.
                for (int i = 0; i <= 4; ++i) {
                    const std::int64_t t = first + (last - first) * i / 4;
                    w.viewState()->setPlayhead(t);
                    REQUIRE(waitUntil([&] { return w.stateView()->shownInstant() == t; }, 2000));
                    QCoreApplication::processEvents();
                    checkCardsWhole(w, layout + " at " + std::to_string(i) + "/4 of the run");
                }
            }
        }
    }
    w.setPresentationMode(false);
    CHECK(w.menuBar()->isVisible());
}

namespace {

// Every button of every toolbar on the bar itself, none in the » overflow.
void checkToolbarsWhole(gui::MainWindow& w, const std::string& where) {
    INFO(where);
    for (auto* bar : w.findChildren<QToolBar*>()) {
        if (!bar->isVisible()) continue;
        INFO(bar->windowTitle().toStdString());
        const auto* overflow = bar->findChild<QWidget*>(QStringLiteral("qt_toolbar_ext_button"));
        CHECK((overflow == nullptr || !overflow->isVisible()));
        for (QAction* a : bar->actions()) {
            if (a->isSeparator() || !a->isVisible()) continue;
            INFO(a->text().toStdString());
            const QWidget* button = bar->widgetForAction(a);
            REQUIRE(button);
            CHECK(button->isVisible());
            CHECK(button->geometry().right() <= bar->contentsRect().right());
        }
    }
}

} // namespace

TEST_CASE("The toolbars keep every button in view at 1280x720 and 1920x1080 running and paused",
          "[gui][layout][process]") {
    REQUIRE(screenOfSize(1280, 720));
    mpviz::testing::TestWindow w("semaphore", {{"hold", "3"}}, QSize(1280, 720));
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        const std::string at = std::to_string(size.width()) + "x" + std::to_string(size.height());
        arrange(w, size, false);
        checkToolbarsWhole(w, at + " before a run");
        w.actions().run->trigger();
        REQUIRE(waitUntil([&] { return w.controller()->isLive(); }, 5000));
        QCoreApplication::processEvents();
        checkToolbarsWhole(w, at + " running");
        w.actions().pause->trigger();
        REQUIRE(w.controller()->paused());
        QCoreApplication::processEvents();
        checkToolbarsWhole(w, at + " paused");
        w.actions().pause->trigger();
        w.actions().stop->trigger();
        REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
    }
}
