#pragma once
// In-between values for a card's animations: a number or a colour `t` of the way from a to b.

#include <QColor>

namespace mpviz::gui {

inline double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

inline QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(
        float(lerp(a.redF(), b.redF(), t)), float(lerp(a.greenF(), b.greenF(), t)),
        float(lerp(a.blueF(), b.blueF(), t)), float(lerp(a.alphaF(), b.alphaF(), t)));
}

} // namespace mpviz::gui
