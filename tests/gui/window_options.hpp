#pragma once
// A window for tests: the built mpviz-child, settings in a scratch folder, defaults only.

#include "catch_qt.hpp"

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

} // namespace mpviz::testing
