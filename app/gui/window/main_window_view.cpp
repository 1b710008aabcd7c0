// The window's look (theme, presentation mode), files (open, save, export) and settings.

#include "gui/window/main_window.hpp"

#include "gui/code/code_view.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/log/log_view.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/caption_bar.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "render/export.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFontMetrics>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace mpviz::gui {

namespace {
std::filesystem::path toPath(const QString& file) {
    return std::filesystem::path(QFile::encodeName(file).toStdString());
}
constexpr double kPresentationFontScale = 1.35;     // widgets
constexpr double kPresentationTimelineScale = 1.55; // lane labels 13 px → 20 px
constexpr int kPresentationCardPixels = 22;         // the least a card's text has, from the back
} // namespace

void MainWindow::applyStyleToParts() {
    render::Style style = timeline_->renderStyle();
    style.theme = theme_;
    style.fontScale = presentation_ ? kPresentationTimelineScale : 1.0;
    // Presenting, the caption names the lesson, and up to nine lanes share the screen.
    style.showTitle = !presentation_;
    style.smallestLane = presentation_ ? 34 : 40;
    style.legendOnlyIfRoom = presentation_;
    style.showHolds = actions_.heldBands->isChecked();
    style.showCounters = actions_.counterCharts->isChecked();
    timeline_->setRenderStyle(style);
    stateView_->setTheme(theme_);
    codeView_->setTheme(theme_);
    logView_->setTheme(theme_);
    auto* dark = actions_.darkTheme;
    const QSignalBlocker block(dark);
    dark->setChecked(theme_ == Theme::Dark);
}

void MainWindow::setTheme(Theme theme) {
    theme_ = theme;
    applyTheme(theme);
    applyStyleToParts();
    settings_->setTheme(theme);
    refreshedVersion_ = 0; // process colours in the code margin follow the theme
    scheduleRefresh();
}

void MainWindow::setPresentationMode(bool on) {
    if (on == presentation_) return;
    presentation_ = on;
    auto* toggle = actions_.presentation;
    {
        const QSignalBlocker block(toggle);
        toggle->setChecked(on);
    }
    // Esc is the key a teacher presses to leave full screen: while presenting it does that,
    // and Stop keeps its toolbar button.
    toggle->setShortcuts(
        on ? QList<QKeySequence>{QKeySequence(Qt::Key_F11), QKeySequence(Qt::Key_Escape)}
           : QList<QKeySequence>{QKeySequence(Qt::Key_F11)});
    actions_.stop->setShortcut(on ? QKeySequence() : QKeySequence(Qt::Key_Escape));
    if (on) {
        statePresentation_ = saveState();
        wasMaximized_ = isMaximized();
        // Application-wide, so menus, tooltips and dialogs grow too.
        normalFont_ = QApplication::font();
        QFont big = normalFont_;
        big.setPointSizeF(normalFont_.pointSizeF() * kPresentationFontScale);
        QApplication::setFont(big);
        codeView_->setTextScale(kPresentationFontScale);
        // In front of a class the timeline and the cards are what everyone looks at: the
        // menus, toolbars, lesson, code and log make way (View ▸ Panels and every shortcut
        // still work; F11 or Esc comes back), and the caption says what the lesson is about.
        menuBar()->hide();
        statusBar()->hide(); // the caption says what happens
        for (auto* bar : findChildren<QToolBar*>())
            bar->hide();
        for (auto* dock : {scenarioDock_, codeDock_, logDock_})
            dock->hide();
        stateView_->setLeastTextPixels(kPresentationCardPixels);
        caption_->setShort(screen() && screen()->geometry().height() < 900);
        caption_->show();
        banner_->setCompact(true); // the caption explains the deadlock already
        normalGeometry_ = geometry();
        showFullScreen();
        // Without a window manager (a bare X server, a kiosk) nobody resizes us.
        if (screen()) setGeometry(screen()->geometry());
        // Cards in large text need a wider panel to stay whole ("blocked: acquire sem"):
        // what a card asks for, within a third to nearly half of the screen.
        resizeDocks(
            {stateDock_},
            {std::clamp(stateView_->comfortableWidth(), width() * 30 / 100, width() * 45 / 100)},
            Qt::Horizontal);
    } else {
        QApplication::setFont(normalFont_);
        codeView_->setTextScale(1.0);
        stateView_->setLeastTextPixels(0);
        menuBar()->show();
        statusBar()->show();
        caption_->hide();
        banner_->setCompact(false);
        restoreState(statePresentation_);
        if (wasMaximized_) {
            showMaximized();
        } else {
            showNormal();
            if (normalGeometry_.isValid()) setGeometry(normalGeometry_);
        }
    }
    applyStyleToParts();
    refreshedVersion_ = 0;
    scheduleRefresh();
}

QString MainWindow::exportTimeline(const ExportRequest& request) {
    const auto trace = controller_->trace();
    if (!trace) return tr("There is nothing to export yet: run the lesson first.");
    render::ExportOptions options;
    options.scale = request.scale;
    options.dark = request.dark;
    options.fontScale = request.fontScale;
    // What the timeline shows, the picture shows.
    options.holds = actions_.heldBands->isChecked();
    options.counters = actions_.counterCharts->isChecked();
    if (request.visibleRangeOnly) {
        options.from = view_->t0();
        options.to = view_->t1();
        options.width = std::max(800, timeline_->viewport()->width());
    }
    std::string error;
    trace->read([&](const trace::TraceData& d) {
        error = render::exportTimeline(d, toPath(request.file), options);
    });
    lastExportFile_ = request.file;
    return QString::fromStdString(error);
}

void MainWindow::showExportDialog() {
    if (!controller_->hasTrace()) return;
    ExportRequest initial;
    initial.file = lastExportFile_;
    if (initial.file.isEmpty()) {
        initial.file = QDir::home().filePath(runName() + QStringLiteral(".png"));
    }
    initial.dark = theme_ == Theme::Dark;
    ExportDialog dialog(initial, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString error = exportTimeline(dialog.request());
    if (error.isEmpty())
        statusBar()->showMessage(tr("Timeline written to %1").arg(dialog.request().file), 6000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

QString MainWindow::openTrace(const QString& file) {
    const QString error = controller_->open(toPath(file));
    if (error.isEmpty())
        statusBar()->showMessage(tr("Replaying %1 (no process was started)").arg(file), 6000);
    return error;
}

QString MainWindow::saveTrace(const QString& file) {
    const QString error = controller_->save(toPath(file));
    if (error.isEmpty()) statusBar()->showMessage(tr("Trace written to %1").arg(file), 6000);
    return error;
}

void MainWindow::showOpenDialog() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open a saved run"), QDir::homePath(), tr("Trace files (*.json);;All files (*)"));
    if (file.isEmpty()) return;
    if (const QString error = openTrace(file); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the trace"), error);
}

void MainWindow::showSaveDialog() {
    if (!controller_->hasTrace()) return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Save this run"), QDir::home().filePath(runName() + QStringLiteral(".json")),
        tr("Trace files (*.json)"));
    if (file.isEmpty()) return;
    if (const QString error = saveTrace(file); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save the trace"), error);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About mpviz"),
                       tr("<b>mpviz %1</b><br>Python multiprocessing lessons run as real processes "
                          "with real locks, semaphores, queues and pipes, drawn live.")
                           .arg(QStringLiteral(MPVIZ_VERSION)));
}

void MainWindow::showForThisStart() {
    if (geometryRestored_) return show();
    // The first start takes the screen: a class sees the lanes, the cards and the code at
    // once. Without a window manager nobody maximizes us, so the size is set as well.
    if (const QScreen* s = screen()) setGeometry(s->availableGeometry());
    showMaximized();
}

void MainWindow::loadSettings() {
    if (const QByteArray g = settings_->geometry(); !g.isEmpty())
        geometryRestored_ = restoreGeometry(g);
    if (const QByteArray s = settings_->windowState(); !s.isEmpty()) restoreState(s);
    theme_ = settings_->theme();
    applyTheme(theme_);
    {
        const QSignalBlocker blockHolds(actions_.heldBands), blockCounters(actions_.counterCharts);
        actions_.heldBands->setChecked(settings_->showHeldBands());
        actions_.counterCharts->setChecked(settings_->showCounterCharts());
    }
    speed_->setSpeed(settings_->speed());
    step_->setPolicy(settings_->stepPolicy());
    const QString last = settings_->lastScenario();
    if (!last.isEmpty()) scenarioPanel_->setScenario(last.toStdString());
    if (const auto* s = scenarioPanel_->scenario()) {
        const auto remembered = settings_->parameters(QString::fromStdString(s->id));
        if (!remembered.empty()) scenarioPanel_->setParameters(remembered);
    }
}

void MainWindow::saveSettings() {
    if (presentation_) setPresentationMode(false); // remember the normal layout, not full screen
    settings_->setGeometry(saveGeometry());
    settings_->setWindowState(saveState());
    settings_->setTheme(theme_);
    if (rememberSpeed_) settings_->setSpeed(speed_->speed());
    settings_->setStepPolicy(QString::fromStdString(step_->policy()));
    if (const auto* s = scenarioPanel_->scenario()) {
        settings_->setLastScenario(QString::fromStdString(s->id));
        settings_->setParameters(QString::fromStdString(s->id), scenarioPanel_->parameters());
    }
    settings_->sync();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Once the panels took their new sizes: the lanes laid out for them say what they lack.
    QTimer::singleShot(0, this, [this] {
        timeline_->viewport()->repaint();
        fitLanes();
    });
}

int MainWindow::leastCodePanelHeight() const {
    constexpr int kLines = 5;
    return codeDock_->height() - codeView_->viewport()->height() +
           kLines * QFontMetrics(codeView_->font()).lineSpacing();
}

void MainWindow::fitLanes() {
    if (presentation_ || !codeDock_->isVisible() || codeDock_->isFloating() ||
        dockWidgetArea(codeDock_) != Qt::BottomDockWidgetArea)
        return;
    const int shortBy = timeline_->heightShortOfLanes();
    const int least = leastCodePanelHeight();
    const int height = codeDock_->height();
    if (shortBy <= 0 || height <= least) return;
    resizeDocks({codeDock_}, {std::max(least, height - shortBy)}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    // No scenario process may outlive the window: stop the run and wait for the cleanup.
    controller_->shutdown();
    event->accept();
}

} // namespace mpviz::gui
