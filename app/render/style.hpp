#pragma once
// How the timeline looks: theme, colours, fonts, sizes. Colours follow the Okabe–Ito
// palette (distinguishable with every common colour-vision deficiency) and every meaning
// colour carries is also carried by a shape, a pattern or text (see painter.hpp).

#include "trace/event.hpp"
#include "trace/trace.hpp"

#include <QColor>
#include <QFont>

#include <cstdint>

namespace mpviz::render {

// Okabe & Ito (2008), "Color Universal Design".
namespace okabe_ito {
inline constexpr QRgb kBlack = 0xff000000;
inline constexpr QRgb kOrange = 0xffe69f00;
inline constexpr QRgb kSkyBlue = 0xff56b4e9;
inline constexpr QRgb kBluishGreen = 0xff009e73;
inline constexpr QRgb kYellow = 0xfff0e442;
inline constexpr QRgb kBlue = 0xff0072b2;
inline constexpr QRgb kVermillion = 0xffd55e00;
inline constexpr QRgb kReddishPurple = 0xffcc79a7;
} // namespace okabe_ito

enum class Theme : std::uint8_t { Light, Dark };

struct Palette {
    QColor background, text, mutedText, grid, laneSeparator, laneShade;
    QColor running, sleeping, blocked, hatch, exited; // state bars; hatch marks blocked
    QColor barText;                                   // text written inside bars
    QColor itemArrow, wakeArrow, startArrow, exitArrow;
    QColor now, playhead, selection, deadlock;
    QColor glyphOutline;
};

Palette paletteFor(Theme theme);
QColor opColor(const Palette& palette, trace::Op op); // glyph fill, by family of operation
QColor stateColor(const Palette& palette, trace::State state);
// A Lock's or Semaphore's own colour (by its index in the trace): its held band on the lanes
// and the edge of its card, in hues none of the state bars use.
QColor holdColor(const Palette& palette, std::uint16_t object);
// Black or white, whichever reads on `fill`.
QColor textOn(const QColor& fill);

enum class FontRole : std::uint8_t { Title, Label, Small, Bar };

struct Style {
    Theme theme = Theme::Light;
    double fontScale = 1.0; // presentation mode: 1.5–2.5; every size scales with it
    bool showTitle = true;  // the window may show the title in its own chrome
    bool showLegend = true;
    bool showArrows = true;
    bool showHolds = true;    // held locks and permits as bands under each lane's bar
    bool showCounters = true; // permits free, queue lengths, values: step charts under the lanes
    // The least a lane gets when many share the height (logical px, scaled): presentation
    // mode lets its larger lanes come closer so every one of them stays on screen.
    double smallestLane = 40;
    // The most a lane grows to when few share the height: lanes a room can read from the
    // back. Equal to smallestLane, every lane keeps one height whatever the space.
    double largestLane = 72;
    // The legend gives way when the lanes would not all fit otherwise (presentation mode:
    // every process on screen matters more than the key to the symbols).
    bool legendOnlyIfRoom = false;

    Palette palette() const { return paletteFor(theme); }
    QFont font(FontRole role) const; // pixel-sized, so screen, PNG, SVG and PDF agree
    double px(double logical) const { return logical * fontScale; } // a scaled length
};

} // namespace mpviz::render
