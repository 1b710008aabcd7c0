#include "gui/window/window_actions.hpp"

#include <QAction>
#include <QIcon>
#include <QWidget>

namespace mpviz::gui {

QAction* makeAction(QWidget* window, const char* name, const QString& text, const QString& icon,
                    const QString& tip, const QKeySequence& key) {
    auto* a = new QAction(text, window);
    a->setObjectName(QString::fromLatin1(name));
    if (!icon.isEmpty())
        a->setIcon(QIcon(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg")));
    if (!key.isEmpty()) a->setShortcut(key);
    a->setToolTip(key.isEmpty() ? tip
                                : tip + QStringLiteral(" (") +
                                      key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
    a->setStatusTip(tip);
    window->addAction(a);
    return a;
}

WindowActions WindowActions::create(QWidget* w) {
    WindowActions a{};
    a.run = makeAction(w, "actionRun", tr("Run"), QStringLiteral("run"),
                       tr("Start the lesson as real processes"), QKeySequence(Qt::Key_Space));
    a.pause = makeAction(
        w, "actionPause", tr("Pause"), QStringLiteral("pause"),
        tr("Freeze the view; the processes keep running and every event is still recorded"));
    a.pause->setCheckable(true);
    a.stop =
        makeAction(w, "actionStop", tr("Stop"), QStringLiteral("stop"),
                   tr("Kill every process of the run and clean up"), QKeySequence(Qt::Key_Escape));
    a.restart = makeAction(w, "actionRestart", tr("Restart"), QStringLiteral("restart"),
                           tr("Stop and run the lesson again from the start"),
                           QKeySequence(Qt::CTRL | Qt::Key_R));
    a.runTimes = makeAction(w, "actionRunTimes", tr("Run N times\u2026"), QString(),
                            tr("Run it many times in the background and count how the runs "
                               "end: a lost update's distribution, a deadlock's odds"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    // Ctrl+O opens a Python program: what people open most.
    a.openProgram =
        makeAction(w, "actionOpenProgram", tr("Open Python program\u2026"), QStringLiteral("open"),
                   tr("Run your own multiprocessing program (a .py file) as real "
                      "processes"),
                   QKeySequence::Open);
    a.openTrace = makeAction(w, "actionOpen", tr("Open trace\u2026"), QStringLiteral("open"),
                             tr("Replay a saved run (no process is started)"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    a.saveTrace =
        makeAction(w, "actionSave", tr("Save trace\u2026"), QStringLiteral("save"),
                   tr("Save this run as a trace file (Chrome trace JSON; opens in Perfetto too)"),
                   QKeySequence::Save);
    a.exportTimeline =
        makeAction(w, "actionExport", tr("Export\u2026"), QStringLiteral("export"),
                   tr("Save the timeline as PNG, SVG or PDF"), QKeySequence(Qt::CTRL | Qt::Key_E));
    a.quit = makeAction(w, "actionQuit", tr("Quit"), QString(), tr("Stop any run and close mpviz"),
                        QKeySequence::Quit);

    a.zoomIn = makeAction(w, "actionZoomIn", tr("Zoom in"), QStringLiteral("zoom-in"),
                          tr("Show a shorter stretch of time"), QKeySequence::ZoomIn);
    a.zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    a.zoomOut = makeAction(w, "actionZoomOut", tr("Zoom out"), QStringLiteral("zoom-out"),
                           tr("Show a longer stretch of time"), QKeySequence::ZoomOut);
    a.fit = makeAction(w, "actionFit", tr("Fit"), QStringLiteral("zoom-fit"),
                       tr("Show the whole run (and follow it while it runs)"),
                       QKeySequence(Qt::CTRL | Qt::Key_0));
    a.follow = makeAction(w, "actionFollow", tr("Follow now"), QStringLiteral("follow"),
                          tr("Keep the live \u201cnow\u201d line in view; clears the playhead"),
                          QKeySequence(Qt::Key_End));
    a.follow->setCheckable(true);
    a.previousEvent = makeAction(
        w, "actionPreviousEvent", tr("Previous event"), QStringLiteral("step-back"),
        tr("Select the event before the selected one"), QKeySequence(Qt::ALT | Qt::Key_Left));
    a.nextEvent = makeAction(w, "actionNextEvent", tr("Next event"), QStringLiteral("step-forward"),
                             tr("Select the event after the selected one"),
                             QKeySequence(Qt::ALT | Qt::Key_Right));
    a.presentation =
        makeAction(w, "actionPresentation", tr("Presentation mode"), QStringLiteral("presentation"),
                   tr("Full screen, larger text and a caption that explains what "
                      "happens"),
                   QKeySequence(Qt::Key_F11));
    a.presentation->setCheckable(true);
    a.darkTheme = makeAction(w, "actionDarkTheme", tr("Dark theme"), QString(),
                             tr("Light text on a dark background"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    a.darkTheme->setCheckable(true);
    a.heldBands = makeAction(w, "actionHeldBands", tr("Held locks and permits"), QString(),
                             tr("A band under each lane for every stretch the process holds a "
                                "lock or a semaphore permit"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    a.heldBands->setCheckable(true);
    a.heldBands->setChecked(true);
    a.counterCharts =
        makeAction(w, "actionCounterCharts", tr("Counter charts"), QString(),
                   tr("Permits free, queue lengths and shared values over time, under the lanes"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    a.counterCharts->setCheckable(true);
    a.counterCharts->setChecked(true);

    a.userGuide = makeAction(w, "actionUserGuide", tr("User guide"), QString(),
                             tr("How to run lessons and your own programs, step them and export"),
                             QKeySequence::HelpContents);
    a.shortcuts = makeAction(w, "actionShortcuts", tr("Keyboard shortcuts"), QString(),
                             tr("Every key the window knows, from its menus"),
                             QKeySequence(Qt::CTRL | Qt::Key_Slash));
    a.about = makeAction(w, "actionAbout", tr("About mpviz"), QString(), tr("What mpviz is"));
    return a;
}

} // namespace mpviz::gui
