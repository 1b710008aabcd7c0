#pragma once
// A window for tests: the built mpviz-child, settings in a scratch folder, defaults only.

#include "catch_qt.hpp"

#include "gui/run/run_controller.hpp"
#include "gui/window/main_window.hpp"

#include <QFile>
#include <QSize>
#include <QTemporaryDir>

#include <map>
#include <string>

namespace mpviz::testing {

inline gui::WindowOptions testWindowOptions(const QTemporaryDir& dir) {
    gui::WindowOptions o;
    o.childExecutable = childExecutable();
    o.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    o.restoreSettings = false;
    return o;
}

// Options for a window that, like mpviz itself, keeps its settings in `dir` from one start to
// the next.
inline gui::WindowOptions rememberingWindowOptions(const QTemporaryDir& dir) {
    gui::WindowOptions o = testWindowOptions(dir);
    o.restoreSettings = true;
    return o;
}

inline QString writeFileIn(const QTemporaryDir& dir, const char* name, const char* text) {
    const QString path = dir.filePath(QString::fromUtf8(name));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(text);
    return path;
}

// Built before the window, so the folder outlives the window that keeps its settings there.
struct ScratchFolder {
    QTemporaryDir scratch;
};

// A shown test window with its settings in a scratch folder of its own, optionally on a
// lesson with some of its parameters set.
class TestWindow : private ScratchFolder, public gui::MainWindow {
  public:
    explicit TestWindow(QSize size = {}) : gui::MainWindow(testWindowOptions(scratch)) {
        if (size.isValid()) resize(size);
        show();
    }
    explicit TestWindow(const char* lesson,
                        const std::map<std::string, std::string>& parameters = {}, QSize size = {})
        : TestWindow(size) {
        REQUIRE(selectScenario(QString::fromUtf8(lesson)));
        if (!parameters.empty()) setParameters(parameters);
    }

    // A file of the scratch folder; written with `text` when one is given.
    QString pathOf(const char* name) const { return scratch.filePath(QString::fromUtf8(name)); }
    QString writeFile(const char* name, const char* text) const {
        return writeFileIn(scratch, name, text);
    }
};

// How many polls in a row a run's trace has not moved: a few quiet frames mean that every
// process that can announce an operation has done so.
class QuietPolls {
  public:
    int after(const gui::RunController& run) {
        const auto version = run.traceVersion();
        quiet_ = version == seen_ ? quiet_ + 1 : 0;
        seen_ = version;
        return quiet_;
    }
    void restart() { quiet_ = 0; }

  private:
    std::uint64_t seen_ = 0;
    int quiet_ = 0;
};

} // namespace mpviz::testing
