#pragma once
// A window for tests: the built mpviz-child, settings in a scratch folder, defaults only.

#include "catch_qt.hpp"

#include "gui/window/main_window.hpp"

#include <QTemporaryDir>

namespace mpviz::testing {

inline gui::WindowOptions testWindowOptions(const QTemporaryDir& dir) {
    gui::WindowOptions o;
    o.childExecutable = childExecutable();
    o.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    o.restoreSettings = false;
    return o;
}

} // namespace mpviz::testing
