#pragma once
// Small painted pieces the state view shares: a process "chip" (its name on its colour)
// and a one-line caption, sized from the widget's font so presentation mode scales them.

#include "gui/window/theme.hpp"

#include <QColor>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace mpviz::gui {

struct ChipStyle {
    Theme theme = Theme::Light;
    double opacity = 1.0;
    bool dashed = false; // a holder that died while holding: outline only, dashed
};

// Width a chip for `text` takes with the painter's current font.
double chipWidth(const QPainter& painter, const QString& text);
// Draws a chip with its left edge at x, vertically centred on `centreY`; returns its rect.
QRectF drawChip(QPainter& painter, double x, double centreY, const QString& text,
                const QColor& colour, const ChipStyle& style = {});
// Chips left to right from x; stops (with "+N") before passing `right`. Returns the x after.
// `drawn`, when given, receives the text of every chip drawn ("+N" included).
double drawChipRow(QPainter& painter, double x, double centreY, double right,
                   const QStringList& texts, const QList<QColor>& colours,
                   const ChipStyle& style = {}, QStringList* drawn = nullptr);

} // namespace mpviz::gui
