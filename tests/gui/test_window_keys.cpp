// The keys a teacher presses in front of a class, pressed as a person would (QTest sends
// them through the window system, so the window's shortcuts decide what they do).

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/lesson/parameter_form.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/window/help_dialogs.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "gui/window/theme.hpp"

#include <QAbstractSpinBox>
#include <QAction>
#include <QScreen>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <map>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

void showActive(gui::MainWindow& w) {
    w.show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitForWindowActive(&w));
}

} // namespace

TEST_CASE("Esc leaves presentation mode and leaves the run alone; outside it Esc stops the run",
          "[gui][keys]") {
    QTemporaryDir dir;
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    showActive(w);
    REQUIRE(w.selectScenario(QStringLiteral("lock")));
    w.setSpeed(1); // a few seconds: time to press keys while it runs
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    w.actions().presentation->trigger();
    REQUIRE(w.actions().presentation->isChecked());

    QTest::keyClick(&w, Qt::Key_Escape);
    CHECK_FALSE(w.actions().presentation->isChecked());
    CHECK(w.controller()->isLive());

    QTest::keyClick(&w, Qt::Key_Escape);
    CHECK(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
    CHECK(w.controller()->outcome() == trace::Outcome::Stopped);
}

TEST_CASE("Space in a number field runs the lesson and keeps the number", "[gui][keys]") {
    QTemporaryDir dir;
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    showActive(w);
    REQUIRE(w.selectScenario(QStringLiteral("semaphore")));
    w.speedControl()->setQuickLook(true);
    auto* permits =
        qobject_cast<QAbstractSpinBox*>(w.scenarioPanel()->form()->editorFor("permits"));
    REQUIRE(permits);
    permits->setFocus();
    REQUIRE(waitUntil([&] { return permits->hasFocus(); }, 2000));
    const QString before = permits->text();

    QTest::keyClick(permits, Qt::Key_Space);
    CHECK(permits->text() == before);
    CHECK(w.controller()->isLive());
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 30000));
}

TEST_CASE("A speed given for this start is shown and used, and the next start has the "
          "remembered one",
          "[gui][keys][settings]") {
    QTemporaryDir dir;
    const gui::WindowOptions o = mpviz::testing::rememberingWindowOptions(dir);
    {
        gui::MainWindow w(o);
        w.speedControl()->setSpeed(2); // the person's choice
        w.close();
    }
    {
        gui::MainWindow w(o);
        w.setSpeedForThisStart(20); // mpviz --speed 20
        CHECK(w.speedControl()->quickLook());
        CHECK(w.speedControl()->speed() == Approx(20));
        w.close();
    }
    {
        gui::MainWindow w(o);
        w.setSpeedForThisStart(10); // mpviz --speed 10: between the old slider's 4× and 20×
        CHECK_FALSE(w.speedControl()->quickLook());
        CHECK(w.speedControl()->speed() == Approx(10));
        w.close();
    }
    gui::MainWindow w(o);
    CHECK_FALSE(w.speedControl()->quickLook());
    CHECK(w.speedControl()->speed() == Approx(2));
}

TEST_CASE("Resume says so in the status bar", "[gui][keys]") {
    QTemporaryDir dir;
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    showActive(w);
    REQUIRE(w.selectScenario(QStringLiteral("lock")));
    w.setSpeed(1);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    w.actions().pause->trigger();
    CHECK(w.statusBar()->currentMessage().startsWith(QStringLiteral("Paused")));
    w.actions().pause->trigger();
    CHECK_FALSE(w.controller()->paused());
    CHECK(w.statusBar()->currentMessage().startsWith(QStringLiteral("Resumed")));
    w.actions().stop->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
}

TEST_CASE("Help lists the shortcuts from the menus and opens the user guide with its images",
          "[gui][keys][help]") {
    QTemporaryDir dir;
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    showActive(w);
    w.actions().shortcuts->trigger();
    auto* shortcuts = w.findChild<gui::ShortcutsDialog*>();
    REQUIRE(shortcuts);
    std::map<QString, QString> keysOf; // what it does → its keys
    for (int r = 0; r < shortcuts->table()->rowCount(); ++r)
        keysOf[shortcuts->table()->item(r, 1)->text()] = shortcuts->table()->item(r, 0)->text();
    CHECK(keysOf[QStringLiteral("Run")] == QStringLiteral("Space"));
    CHECK(keysOf[QStringLiteral("Stop")] == QStringLiteral("Esc"));
    CHECK(keysOf[QStringLiteral("Presentation mode")] == QStringLiteral("F11"));
    CHECK(keysOf[QStringLiteral("Open Python program\u2026")] == QStringLiteral("Ctrl+O"));
    CHECK(keysOf[QStringLiteral("Keyboard shortcuts")] == QStringLiteral("Ctrl+/"));
    CHECK(keysOf.size() >= 20);
    shortcuts->close();

    w.actions().userGuide->trigger();
    auto* guide = w.findChild<gui::UserGuideDialog*>();
    REQUIRE(guide);
    CHECK(guide->browser()->toPlainText().contains(QStringLiteral("Your own programs")));
    const QVariant image = guide->browser()->loadResource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("images/semaphore.png")));
    CHECK_FALSE(image.isNull());
    guide->close();
}

TEST_CASE("The first start takes the screen's free area; later starts are as the person left "
          "the window",
          "[gui][settings]") {
    QTemporaryDir dir;
    const gui::WindowOptions o = mpviz::testing::rememberingWindowOptions(dir);
    QRect chosen;
    {
        gui::MainWindow w(o);
        w.showForThisStart();
        REQUIRE(w.screen());
        CHECK(w.geometry().size() == w.screen()->availableGeometry().size());
        w.showNormal();
        w.setGeometry(QRect(40, 50, 700, 500));
        QCoreApplication::processEvents();
        chosen = w.geometry();
        w.close();
    }
    gui::MainWindow w(o);
    w.showForThisStart();
    CHECK(w.geometry().size() == chosen.size());
    CHECK_FALSE(w.isMaximized());
}

TEST_CASE("At 1280x720 the lesson's text and parameter fields are whole: the panel scrolls",
          "[gui][layout]") {
    mpviz::testing::TestWindow w("semaphore", {}, QSize(1280, 720));
    QCoreApplication::processEvents();
    for (const char* name : {"workers", "permits", "hold"}) {
        const QWidget* field = w.scenarioPanel()->form()->editorFor(name);
        REQUIRE(field);
        INFO(name << " is " << field->height() << " px high");
        CHECK(waitUntil([&] { return field->height() >= field->sizeHint().height(); }, 2000));
    }
}

TEST_CASE("Up to twelve processes each have a colour of their own, in both themes",
          "[gui][layout]") {
    for (const auto theme : {gui::Theme::Light, gui::Theme::Dark}) {
        for (int a = 0; a < 12; ++a) {
            for (int b = a + 1; b < 12; ++b) {
                const QColor x = gui::processColor(a, theme), y = gui::processColor(b, theme);
                const int distance = std::abs(x.red() - y.red()) + std::abs(x.green() - y.green()) +
                                     std::abs(x.blue() - y.blue());
                INFO("processes " << a << " and " << b << ": " << x.name().toStdString() << " and "
                                  << y.name().toStdString());
                CHECK(distance >= 60);
            }
        }
        CHECK(gui::processColor(12, theme) == gui::processColor(0, theme));
    }
}
