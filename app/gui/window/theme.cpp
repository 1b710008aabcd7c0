#include "gui/window/theme.hpp"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace mpviz::gui {

namespace {
Theme g_theme = Theme::Light;

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x26, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x60, 0x60));
    p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    p.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xb2));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
} // namespace

void applyTheme(Theme theme) {
    g_theme = theme;
    if (auto* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                  : QApplication::style()->standardPalette());
}

Theme currentTheme() {
    return g_theme;
}

QString themeName(Theme theme) {
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme themeFromName(const QString& name) {
    return name == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

QColor processColor(int processIndex, Theme theme) {
    using namespace render::okabe_ito;
    // Black and yellow are left out: black is the text colour, yellow unreadable on white.
    // After Okabe–Ito's six, six of Paul Tol's "muted" colours that differ from them: twelve
    // before one repeats (a lesson with 8 workers has 9 processes).
    static constexpr QRgb hues[] = {kBlue,      kVermillion, kBluishGreen, kReddishPurple,
                                    kOrange,    kSkyBlue,    0xff332288,   0xff882255,
                                    0xffcc6677, 0xff999933,  0xffaa4499,   0xff44aa99};
    constexpr int count = sizeof hues / sizeof hues[0];
    const QRgb hue = hues[((processIndex % count) + count) % count];
    const QColor c = QColor::fromRgb(hue);
    if (theme == Theme::Dark) // the deep ones would vanish on a dark background
        return hue == 0xff332288 || hue == 0xff882255 ? c.lighter(190) : c.lighter(125);
    // On white, the lightest hues need darkening for text contrast.
    if (hue == kSkyBlue || hue == kOrange || hue == kBluishGreen || hue == 0xff999933 ||
        hue == 0xff44aa99)
        return c.darker(135);
    return c;
}

} // namespace mpviz::gui
