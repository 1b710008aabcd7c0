#pragma once
// The window's look: light or dark, applied to the whole application, and the colour each
// process keeps everywhere (log lines, state chips) so a student can follow one process.

#include "render/style.hpp"

#include <QColor>
#include <QString>

class QApplication;

namespace mpviz::gui {

using render::Theme;

// Fusion style with a light or dark palette (Fusion looks the same on every desktop, so
// what the teacher projects matches the user guide's screenshots).
void applyTheme(Theme theme);
Theme currentTheme();

QString themeName(Theme theme); // "light", "dark"
Theme themeFromName(const QString& name);

// A process's colour: Okabe–Ito hues (told apart with colour-vision deficiencies), lighter
// on the dark theme so text stays readable.
QColor processColor(int processIndex, Theme theme);

} // namespace mpviz::gui
