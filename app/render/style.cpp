// Palettes and fonts. State and glyph colours are Okabe–Ito in both themes; only the
// neutrals (background, text, grid) and the arrow tones change with the theme.

#include "render/style.hpp"

#include <cmath>

namespace mpviz::render {

using namespace okabe_ito;
using trace::Op;

Palette paletteFor(Theme theme) {
    // Each neutral and arrow tone side by side: the light theme's, then the dark theme's.
    const auto byTheme = [light = theme == Theme::Light](QColor inLight, QColor inDark) {
        return light ? inLight : inDark;
    };
    const QColor purple = QColor::fromRgb(kReddishPurple);
    Palette p;
    p.running = QColor::fromRgb(kBluishGreen);
    p.sleeping = QColor::fromRgb(kSkyBlue);
    p.blocked = QColor::fromRgb(kVermillion);
    p.barText = QColor::fromRgb(kBlack); // ≥ 6:1 on all three state colours
    p.background = byTheme(QColor(0xff, 0xff, 0xff), QColor(0x1e, 0x1f, 0x22));
    p.text = byTheme(QColor(0x1a, 0x1a, 0x1a), QColor(0xe8, 0xe8, 0xe8));
    p.mutedText = byTheme(QColor(0x5f, 0x63, 0x68), QColor(0xa8, 0xa8, 0xa8));
    p.grid = byTheme(QColor(0xe4, 0xe4, 0xe4), QColor(0x34, 0x36, 0x3a));
    p.laneSeparator = byTheme(QColor(0xd0, 0xd0, 0xd0), QColor(0x44, 0x46, 0x4a));
    p.laneShade = byTheme(QColor(0xf7, 0xf7, 0xf7), QColor(0x25, 0x26, 0x2a));
    p.hatch = byTheme(QColor(0x7a, 0x33, 0x00), QColor(0x5a, 0x26, 0x00));
    p.exited = byTheme(QColor(0x8a, 0x8a, 0x8a), QColor(0x9a, 0x9a, 0x9a));
    p.itemArrow = byTheme(QColor::fromRgb(kBlue), QColor::fromRgb(kSkyBlue).lighter(115));
    p.wakeArrow = byTheme(purple.darker(130), purple);
    p.startArrow = byTheme(QColor(0x70, 0x70, 0x70), QColor(0xa0, 0xa0, 0xa0));
    p.exitArrow = p.startArrow;
    p.now = byTheme(purple.darker(130), purple);
    p.playhead = byTheme(QColor::fromRgb(kBlue), QColor::fromRgb(kSkyBlue));
    p.selection = QColor::fromRgb(kOrange);
    p.deadlock = byTheme(QColor(0x00, 0x00, 0x00), QColor(0xff, 0xff, 0xff));
    p.glyphOutline = byTheme(QColor(0x1a, 0x1a, 0x1a), QColor(0x10, 0x10, 0x10));
    return p;
}

QColor opColor(const Palette& palette, Op op) {
    switch (op) {
    case Op::Acquire:
    case Op::Release:
        return QColor::fromRgb(kBlue);
    case Op::Put:
    case Op::Get:
    case Op::Send:
    case Op::Recv:
    case Op::TaskDone:
    case Op::QueueJoin:
    case Op::Flush:
        return QColor::fromRgb(kOrange);
    case Op::Set:
    case Op::Clear:
    case Op::Wait:
        return QColor::fromRgb(kReddishPurple);
    case Op::Submit:
    case Op::TaskStart:
    case Op::TaskEnd:
        return QColor::fromRgb(kYellow);
    case Op::Read:
    case Op::Write:
        return QColor::fromRgb(kSkyBlue);
    case Op::Print:
        return palette.mutedText;
    default: // start, join, terminate, exit, sleep, deadlock: the process's own life
        return palette.text;
    }
}

QColor stateColor(const Palette& palette, trace::State state) {
    switch (state) {
    case trace::State::Running:
        return palette.running;
    case trace::State::Sleeping:
        return palette.sleeping;
    case trace::State::Blocked:
        return palette.blocked;
    case trace::State::Exited:
        return palette.exited;
    case trace::State::NotStarted:
        break;
    }
    return palette.background;
}

QColor holdColor(const Palette& palette, std::uint16_t object) {
    // Okabe–Ito's blue, purple and orange, then Paul Tol's indigo, wine, olive and teal:
    // running, sleeping and blocked keep their green, sky blue and vermillion to themselves.
    static constexpr QRgb hues[] = {kBlue,      kReddishPurple, kOrange,   0xff332288,
                                    0xff882255, 0xff999933,     0xff44aa99};
    constexpr int count = sizeof hues / sizeof hues[0];
    const QRgb hue = hues[object % count];
    const QColor c = QColor::fromRgb(hue);
    // On a dark background the deep ones would vanish.
    if (palette.background.lightness() < 128 &&
        (hue == kBlue || hue == 0xff332288 || hue == 0xff882255))
        return c.lighter(170);
    return c;
}

QColor textOn(const QColor& fill) {
    // Relative luminance (sRGB, WCAG): above about 0.18 black reads better than white.
    const auto linear = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * linear(fill.redF()) + 0.7152 * linear(fill.greenF()) +
                     0.0722 * linear(fill.blueF());
    return l > 0.18 ? QColor::fromRgb(kBlack) : QColor(Qt::white);
}

QFont Style::font(FontRole role) const {
    QFont f;
    f.setStyleHint(QFont::SansSerif);
    // No ligatures: "flush" copied out of a PDF or SVG must stay "flush", not "ﬂush".
    // (Skipping shaping also makes the many short labels cheaper to lay out.)
    f.setStyleStrategy(QFont::PreferNoShaping);
    double size = 13;
    switch (role) {
    case FontRole::Title:
        size = 18;
        f.setBold(true);
        break;
    case FontRole::Label:
        size = 13;
        break;
    case FontRole::Small:
    case FontRole::Bar:
        size = 11;
        break;
    }
    f.setPixelSize(std::max(1, static_cast<int>(size * fontScale + 0.5)));
    return f;
}

} // namespace mpviz::render
