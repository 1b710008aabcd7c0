#pragma once
// The window's actions, each one typed and named once: menus, toolbars, the command line
// and tests hold these pointers instead of looking actions up by name. Step mode's own
// actions are StepController's (gui/step/step_controller.hpp).

#include <QCoreApplication>
#include <QKeySequence>
#include <QString>

class QAction;
class QWidget;

namespace mpviz::gui {

struct WindowActions {
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

  public:
    // Every action of the window, added to `window` so that their shortcuts work even when
    // the bars are hidden (presentation mode).
    static WindowActions create(QWidget* window);

    // Run
    QAction* run;
    QAction* pause;
    QAction* stop;
    QAction* restart;
    QAction* runTimes; // Run N times…
    // File
    QAction* openProgram;
    QAction* openTrace;
    QAction* saveTrace;
    QAction* exportTimeline;
    QAction* quit;
    // View
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* fit;
    QAction* follow;
    QAction* previousEvent;
    QAction* nextEvent;
    QAction* presentation;
    QAction* darkTheme;
    QAction* heldBands;       // the timeline draws held locks and permits as bands
    QAction* counterCharts;   // and the counters' step charts under the lanes
    QAction* languageEnglish; // View ▸ Language (addLanguageMenu, made with the menu)
    QAction* languageChinese;
    // Help
    QAction* userGuide;
    QAction* shortcuts;
    QAction* about;
};

// One action: its icon from :/icons/, a tooltip that names the shortcut (students learn
// them by hovering), the tip in the status bar.
QAction* makeAction(QWidget* window, const char* name, const QString& text, const QString& icon,
                    const QString& tip, const QKeySequence& key = {});

} // namespace mpviz::gui
