#pragma once
// The emphasis the panels and bars give their titles and headings, always derived from the
// widget's own font so that it grows with presentation mode's larger text.

#include <QFont>

namespace mpviz::gui {

inline QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
}

inline QFont largerBoldFont(QFont font, double scale) {
    font.setPointSizeF(font.pointSizeF() * scale);
    return boldFont(font);
}

// A side panel's title (the lesson's, the program's): a fifth larger than the panel's text.
inline QFont panelTitleFont(const QFont& panel) {
    return largerBoldFont(panel, 1.2);
}

} // namespace mpviz::gui
