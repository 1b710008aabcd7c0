// The window's parts on their own: the shared view state, the parameter form, the plain
// words, the state snapshots, the code lines, and remembered settings.

#include "catch_qt.hpp"

#include "gui/lesson/parameter_form.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/log/log_view.hpp"
#include "gui/run/code_locator.hpp"
#include "gui/run/narrator.hpp"
#include "gui/run/view_state.hpp"
#include "gui/run/world_snapshot.hpp"
#include "gui/state/object_widget.hpp"
#include "gui/state/process_list_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/export_dialog.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "scenario.hpp"
#include "test_trace_helpers.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>

using namespace mpviz;
using trace::ObjectKind;
using trace::Op;
using trace::Phase;

namespace {
constexpr std::int64_t kSec = 1'000'000'000;

} // namespace

TEST_CASE("ViewState follows the live run until the user looks elsewhere", "[gui][viewstate]") {
    gui::ViewState v;
    v.reset(0, 0, true);
    CHECK(v.following());
    v.setNow(3 * kSec);
    CHECK(v.t0() == 0);
    CHECK(v.t1() >= 3 * kSec); // the growing run fits, now included
    CHECK(v.cursorTime() == 3 * kSec);

    // Zooming keeps following, with now in view.
    v.zoom(2.0);
    CHECK(v.following());
    v.setNow(10 * kSec);
    CHECK(v.t0() <= 10 * kSec);
    CHECK(v.t1() >= 10 * kSec);

    // Panning far back leaves "now" out of view: the view stops following.
    int followChanges = 0;
    QObject::connect(&v, &gui::ViewState::followingChanged, [&] { ++followChanges; });
    v.pan(-8 * kSec);
    CHECK_FALSE(v.following());
    CHECK(followChanges == 1);
    const auto t0 = v.t0();
    v.setNow(11 * kSec);
    CHECK(v.t0() == t0); // stays where the user put it

    // Fit returns to following the whole run.
    v.fit();
    CHECK(v.following());
    CHECK(v.t0() == 0);

    // The run ends: the whole run is shown, the cursor is its end.
    v.setExtent(0, 12 * kSec);
    v.setNow(std::nullopt);
    CHECK_FALSE(v.following());
    CHECK(v.t1() > 12 * kSec);
    CHECK(v.cursorTime() == 12 * kSec);
    v.setPlayhead(5 * kSec);
    CHECK(v.cursorTime() == 5 * kSec);
}

TEST_CASE("While a person steps at real time the axis holds still and grows only at its edge",
          "[gui][viewstate][step]") {
    // How often the range moves while "now" goes on for 30 s, one frame in 60.
    const auto rangeMoves = [](bool steady) {
        gui::ViewState v;
        v.reset(0, 0, true);
        v.setSteadyAxis(steady);
        int moves = 0;
        QObject::connect(&v, &gui::ViewState::rangeChanged, [&] { ++moves; });
        for (std::int64_t t = 0; t <= 30 * kSec; t += kSec / 60) {
            v.setExtent(0, t);
            v.setNow(t);
            CHECK(v.t0() == 0);
            CHECK(v.t1() >= t); // "now" always in view
        }
        return moves;
    };
    const int free = rangeMoves(false);
    const int steady = rangeMoves(true);
    CHECK(steady <= 3); // 1 s, then 5 s, 20 s, 100 s: a chip moves three times in 30 s
    CHECK(steady < free);

    // And it never shrinks back while stepping: a fit span stays.
    gui::ViewState v;
    v.reset(0, 0, true);
    v.setSteadyAxis(true);
    v.setNow(2 * kSec);
    const auto span = v.span();
    v.setNow(2 * kSec + 1);
    CHECK(v.span() == span);
}

TEST_CASE("ViewState zoom keeps the anchor in place and never goes below the minimum span",
          "[gui][viewstate]") {
    gui::ViewState v;
    v.reset(0, 10 * kSec, false);
    v.setRange(0, 10 * kSec);
    v.zoom(2.0, 2 * kSec);
    CHECK(v.span() == 5 * kSec);
    CHECK(v.t0() == 1 * kSec); // 2 s stays at 20 % of the width
    for (int i = 0; i < 100; ++i)
        v.zoom(10.0);
    CHECK(v.span() >= gui::ViewState::kMinSpan);
}

TEST_CASE("The parameter form is built from the metadata and enforces its ranges", "[gui][form]") {
    const auto* queue = scenarios::find("queue");
    REQUIRE(queue);
    gui::ParameterForm form;
    form.setScenario(queue);
    auto* maxsize = qobject_cast<QSpinBox*>(form.editorFor("maxsize"));
    REQUIRE(maxsize);
    CHECK(maxsize->minimum() == 1);
    CHECK(maxsize->maximum() == 20);
    CHECK(maxsize->toolTip().contains(QStringLiteral("before put blocks")));
    CHECK(form.atDefaults());

    form.setValues({{"maxsize", "999"}, {"items", "7"}});
    CHECK(maxsize->value() == 20); // clamped to the range
    CHECK(form.values().at("items") == "7");
    CHECK_FALSE(form.atDefaults());
    form.resetToDefaults();
    CHECK(form.atDefaults());
    CHECK(form.values().at("maxsize") == "5");

    form.setScenario(scenarios::find("deadlock-on-join"));
    auto* fixed = qobject_cast<QCheckBox*>(form.editorFor("fixed"));
    REQUIRE(fixed);
    CHECK_FALSE(fixed->isChecked());
    form.setValues({{"fixed", "true"}});
    CHECK(form.values().at("fixed") == "true");
}

TEST_CASE("The scenario panel lists every lesson with its explanation", "[gui][form]") {
    gui::ScenarioPanel panel;
    CHECK(panel.picker()->count() == static_cast<int>(scenarios::all().size()));
    REQUIRE(panel.setScenario("pool"));
    CHECK(panel.scenario()->id == "pool");
    CHECK_FALSE(panel.setScenario("no-such-lesson"));
}

TEST_CASE("Snapshots and plain words follow a hand-made semaphore trace", "[gui][snapshot]") {
    trace::testing::TraceScript s;
    const auto [main, a, b] = s.mainAndTwoChildren();
    const auto sem = s.trace.addObject({"sem", ObjectKind::Semaphore, 1});
    s.event(a, 10, Op::Acquire, Phase::Done, sem, 0);
    s.event(b, 20, Op::Acquire, Phase::Blocked, sem);
    s.event(main, 30, Op::Join, Phase::Blocked, trace::kNoObject, 101);
    s.event(a, 40, Op::Release, Phase::Done, sem, 1);
    s.event(b, 50, Op::Acquire, Phase::Done, sem, 0);

    const auto at25 = gui::snapshotAt(s.trace, 25);
    REQUIRE(at25.objects.size() == 1);
    CHECK(at25.objects[0].holders == std::vector<int>{a});
    CHECK(at25.objects[0].waiters == std::vector<int>{b});
    CHECK(at25.processes[b].state == trace::State::Blocked);
    const auto at45 = gui::snapshotAt(s.trace, 45);
    CHECK(at45.objects[0].holders.empty());
    const auto at55 = gui::snapshotAt(s.trace, 55);
    CHECK(at55.objects[0].holders == std::vector<int>{b});

    // "Process-2 is blocked: the semaphore has no permits left" — the words of the lesson.
    const auto n = gui::latestNotable(s.trace, 25);
    REQUIRE(n);
    CHECK(n->tone == gui::Narration::Tone::Blocked);
    CHECK(n->text.startsWith(
        QStringLiteral("Process-2 is blocked: the semaphore 'sem' has no permits left")));
    CHECK(n->text.contains(QStringLiteral("Process-1")));
    const auto joined = gui::latestNotable(s.trace, 35);
    REQUIRE(joined);
    CHECK(joined->text == QStringLiteral("MainProcess waits for Process-1 to finish (join)"));
}

TEST_CASE("Cards and pills name the processes that connected out of start order by who they are",
          "[gui][snapshot]") {
    // The engine numbers processes as they connect: here Process-3 connected first. The
    // lanes go by start order, the cards must still name who holds and who waits.
    trace::testing::TraceScript s;
    const int main = s.process("MainProcess", 100, 0, 1);
    const int third = s.process("Process-3", 103, 3, 100);
    const int first = s.process("Process-1", 101, 1, 100);
    const int second = s.process("Process-2", 102, 2, 100);
    const auto sem = s.trace.addObject({"sem", ObjectKind::Semaphore, 2});
    s.event(first, 10, Op::Acquire, Phase::Done, sem, 1);
    s.event(third, 11, Op::Acquire, Phase::Done, sem, 0);
    s.event(second, 12, Op::Acquire, Phase::Blocked, sem);
    s.event(main, 13, Op::Join, Phase::Blocked, trace::kNoObject, 101);

    const auto world = gui::snapshotAt(s.trace, 20);
    REQUIRE(world.processes.size() == 4);
    for (int p = 0; p < 4; ++p)
        CHECK(world.processes[std::size_t(p)].index == p);
    CHECK(world.laneOrder == std::vector<int>{main, first, second, third});

    gui::StateView view;
    view.resize(900, 700);
    view.showSnapshot(world, QStringLiteral("at 20 ns"));
    auto* card = view.objectWidget(QStringLiteral("sem"));
    REQUIRE(card);
    card->grab();
    const auto& rows = card->shownRows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] ==
          QStringList{QStringLiteral("Semaphore  sem"), QStringLiteral("0 of 2 permits free")});
    QStringList holders = rows[1];
    holders.sort();
    CHECK(holders == QStringList{QStringLiteral("Process-1"), QStringLiteral("Process-3")});
    CHECK(rows[2] == QStringList{QStringLiteral("waiting:"), QStringLiteral("Process-2")});

    auto* list = view.processList();
    list->grab();
    CHECK(list->shownRows() ==
          QStringList{QStringLiteral("MainProcess (100): blocked: join Process-1"),
                      QStringLiteral("Process-1 (101): running"),
                      QStringLiteral("Process-2 (102): blocked: acquire sem"),
                      QStringLiteral("Process-3 (103): running")});
}

TEST_CASE("A deadlock is explained as a cycle in plain words", "[gui][snapshot]") {
    trace::testing::TraceScript s;
    const auto [main, a, b] = s.mainAndTwoChildren();
    const auto la = s.trace.addObject({"lock_a", ObjectKind::Lock, 1});
    const auto lb = s.trace.addObject({"lock_b", ObjectKind::Lock, 1});
    s.event(a, 10, Op::Acquire, Phase::Done, la);
    s.event(b, 11, Op::Acquire, Phase::Done, lb);
    s.event(a, 20, Op::Acquire, Phase::Blocked, lb);
    s.event(b, 21, Op::Acquire, Phase::Blocked, la);
    trace::DeadlockReport r;
    r.ts = 30;
    r.cycle = {a, b};
    r.edges = {
        {main, a, Op::Join, trace::kNoObject}, {a, b, Op::Acquire, lb}, {b, a, Op::Acquire, la}};
    s.trace.setDeadlock(r);
    const QString words = gui::explainDeadlock(s.trace);
    CHECK(words.contains(QStringLiteral("Process-1 waits for lock_b, which Process-2 holds")));
    CHECK(words.contains(QStringLiteral("Process-2 waits for lock_a, which Process-1 holds")));
    CHECK_FALSE(words.contains(QStringLiteral("MainProcess"))); // outside the cycle
    const auto n = gui::latestNotable(s.trace, 31);
    REQUIRE(n);
    CHECK(n->tone == gui::Narration::Tone::Deadlock);
}

TEST_CASE("The code panel shows the line each event of a lesson names in its listing",
          "[gui][code]") {
    const auto* queue = scenarios::find("queue");
    REQUIRE(queue);
    trace::testing::TraceScript s;
    const int main = s.process("MainProcess", 100, 0, 1);
    const int consumer = s.process("Process-2", 102, 2, 100);
    const auto q = s.trace.addObject({"queue", ObjectKind::JoinableQueue, 5});
    const auto listing = s.trace.intern("<lesson:queue>");
    const auto other = s.trace.intern("/somewhere/else/queue.py");
    const auto at = [&](int process, std::int64_t ts, Op op, std::uint32_t file,
                        std::uint32_t line) {
        trace::Event e;
        e.ts = ts;
        e.process = static_cast<std::uint16_t>(process);
        e.op = op;
        e.object = op == Op::Print ? trace::kNoObject : q;
        s.trace.append(e, {0, file, line});
    };
    at(consumer, 20, Op::Get, listing, 24);
    at(consumer, 30, Op::Print, listing, 29);
    at(main, 40, Op::Put, listing, 44);
    at(main, 50, Op::Put, other, 44);            // another file's line 44
    s.event(main, 60, Op::Join, Phase::Done, q); // no line sent (the exit sequence's join)

    const auto locator = gui::CodeLocator::forLesson(queue);
    CHECK(locator.lineOf(s.trace, 0) == 24);
    CHECK(locator.lineOf(s.trace, 1) == 29);
    CHECK(locator.lineOf(s.trace, 2) == 44);
    CHECK(locator.lineOf(s.trace, 3) == 0);
    CHECK(locator.lineOf(s.trace, 4) == 0);
    CHECK(locator.lineOf(s.trace, 5) == 0); // no such event
    // Another lesson's listing, or no lesson on screen: no line at all.
    CHECK(gui::CodeLocator::forLesson(scenarios::find("pipe")).lineOf(s.trace, 0) == 0);
    CHECK(gui::CodeLocator::forLesson(nullptr).lineOf(s.trace, 0) == 0);
    CHECK(gui::CodeLocator().lineOf(s.trace, 0) == 0);
}

TEST_CASE("The window remembers theme, speed, lesson, parameters and the held bands shown",
          "[gui][settings]") {
    QTemporaryDir dir;
    gui::WindowOptions o;
    o.childExecutable = mpviz::testing::childExecutable();
    o.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    {
        gui::MainWindow w(o);
        REQUIRE(w.selectScenario(QStringLiteral("pipe")));
        w.setParameters({{"messages", "7"}});
        w.setSpeed(2.5);
        w.setTheme(gui::Theme::Dark);
        w.actions().heldBands->setChecked(false);
        CHECK_FALSE(w.timeline()->renderStyle().showHolds);
        CHECK(w.timeline()->renderStyle().showCounters);
        w.close();
    }
    {
        gui::MainWindow w(o);
        CHECK(w.scenarioPanel()->scenario()->id == "pipe");
        CHECK(w.scenarioPanel()->parameters().at("messages") == "7");
        CHECK(w.speedControl()->speed() == Approx(2.5));
        CHECK(w.theme() == gui::Theme::Dark);
        CHECK(w.actions().darkTheme->isChecked());
        CHECK_FALSE(w.actions().heldBands->isChecked());
        CHECK_FALSE(w.timeline()->renderStyle().showHolds);
        CHECK(w.actions().counterCharts->isChecked());
        w.setTheme(gui::Theme::Light); // leave the application palette as the other tests expect
    }
}

TEST_CASE("Every action has a tooltip, and the main ones their shortcuts", "[gui][window]") {
    QTemporaryDir dir;
    gui::WindowOptions o;
    o.childExecutable = mpviz::testing::childExecutable();
    o.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    o.restoreSettings = false;
    gui::MainWindow w(o);
    for (auto* a : w.findChildren<QAction*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (a->objectName().isEmpty()) continue;
        INFO(a->objectName().toStdString());
        CHECK_FALSE(a->toolTip().isEmpty());
    }
    CHECK(w.actions().run->shortcut() == QKeySequence(Qt::Key_Space));
    CHECK(w.actions().stop->shortcut() == QKeySequence(Qt::Key_Escape));
    CHECK(w.actions().restart->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R));
    CHECK(w.actions().exportTimeline->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E));
    CHECK(w.actions().presentation->shortcut() == QKeySequence(Qt::Key_F11));
    CHECK(w.actions().fit->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_0));
    CHECK(w.stepActions().mode->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_T));
    CHECK(w.stepActions().step->shortcuts().contains(QKeySequence(Qt::Key_Right)));
    CHECK(w.stepActions().stepProcess->shortcut() == QKeySequence(Qt::SHIFT | Qt::Key_Right));
    CHECK(w.stepActions().runToEnd->shortcut() == QKeySequence(Qt::Key_F5));
    CHECK(w.stepActions().stepBack->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z));
    CHECK(w.stepActions().logicalTime->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_L));
    // No key means two things at once (Run and Pause trade Space as the run starts and ends).
    std::map<QString, QString> owner;
    for (auto* a : w.findChildren<QAction*>(QString(), Qt::FindDirectChildrenOnly)) {
        for (const auto& key : a->shortcuts()) {
            const QString k = key.toString();
            const auto before = owner.find(k);
            INFO(k.toStdString() << ": " << a->objectName().toStdString() << " and "
                                 << (before == owner.end() ? "" : before->second.toStdString()));
            CHECK(before == owner.end());
            owner[k] = a->objectName();
        }
    }
}

TEST_CASE("The export dialog keeps the file's suffix and the format in step", "[gui][export]") {
    gui::ExportRequest initial;
    initial.file = QStringLiteral("/tmp/lesson.png");
    initial.scale = 3;
    gui::ExportDialog dialog(initial);
    auto* format = dialog.findChild<QComboBox*>();
    REQUIRE(format);
    auto* scale = dialog.findChild<QSpinBox*>();
    REQUIRE(scale);
    CHECK(scale->isEnabled()); // PNG
    CHECK(dialog.request().scale == 3);
    format->setCurrentIndex(format->findData(QStringLiteral("svg")));
    CHECK(dialog.request().file == QStringLiteral("/tmp/lesson.svg"));
    CHECK_FALSE(scale->isEnabled()); // the scale is for PNG only
    CHECK(dialog.request().visibleRangeOnly);
}

TEST_CASE("The log lists prints in time order and filters them by process", "[gui][log]") {
    trace::testing::TraceScript s;
    const int main = s.process("MainProcess", 100, 0, 1);
    const int a = s.process("Process-1", 101, 1, 100);
    // Arrival order is not time order across processes: Process-1's batch comes late.
    s.event(main, 30, Op::Print, Phase::Done, trace::kNoObject, 0, "main at 30");
    s.event(a, 10, Op::Print, Phase::Done, trace::kNoObject, 0, "one at 10");
    s.event(a, 40, Op::Print, Phase::Done, trace::kNoObject, 0, "one at 40");
    gui::LogView log;
    log.updateFrom(s.trace, false);
    auto* model = log.model();
    REQUIRE(model->rowCount() == 3);
    CHECK(model->index(0, gui::LogModel::Text).data().toString() == QStringLiteral("one at 10"));
    CHECK(model->index(1, gui::LogModel::Text).data().toString() == QStringLiteral("main at 30"));
    CHECK(model->rowAtOrBefore(35) == 1);
    log.setProcessVisible(a, false);
    CHECK(log.filter()->rowCount() == 1);
    log.setProcessVisible(a, true);
    CHECK(log.filter()->rowCount() == 3);
}
