#pragma once
// The one paint routine for the screen, PNG, SVG and PDF.
//
// What it draws, and how each meaning survives without colour:
//   running   full-height solid bar (bluish green)
//   sleeping  half-height bar (sky blue), "sleep 0.5 s" inside when it fits
//   blocked   full-height bar with diagonal hatching (vermillion), "acquire lock",
//             "join Process-1", "get queue" inside when it fits
//   end       a vertical cap and "exited (0)" / "killed (SIGTERM)" after the last slice
//   held      a band under the bar from acquire to release in the lock's or semaphore's
//             colour, its name inside when it fits; nested holds one row lower; a process
//             that died holding it: the band ends at its death, outlined dashed
//   glyphs    one shape per operation above the bar (see glyphs.hpp); too dense to tell
//             apart → a grey activity strip
//   arrows    item put→get / send→recv (solid), wake set→wait (dashed), start→child
//             (dotted), exit→join (dash-dot), each with an arrowhead
//   lost      a ring (vermillion) around a write to a Value that erased another process's
//             number its writer never read, a dotted line back to that write, "lost update"
//   counters  under the lanes, a thin track per Semaphore (permits free), Queue (items) and
//             Value: a step chart in the object's colour, its range in the gutter
//   now line, playhead, selected event ring; a detected deadlock outlines the blocked bars
//   of its cycle and closes the loop with labelled arrows.
//
// Level of detail: only what is in [t0, t1) is touched, found by binary search; slices
// narrower than a device pixel are merged per pixel column (dominant state, ties to
// blocked), runs of equal columns become one rectangle, rectangles are batched by colour.
// Glyphs closer than their own width fold into the activity strip by jumping ahead with a
// binary search. So the cost follows the visible pixels, not the number of events.

#include "render/layout.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"
#include "trace/trace.hpp"

#include <cstddef>

class QPainter;

namespace mpviz::render {

class Backdrop;

// How many primitives one paint issued (a rectangle in a batch counts as one, a text as
// one, a glyph as one …). Tests and the benchmark check the level-of-detail budget.
struct PaintStats {
    std::size_t rects = 0;
    std::size_t lines = 0;
    std::size_t glyphs = 0;
    std::size_t texts = 0;
    std::size_t arrows = 0;
    std::size_t total() const { return rects + lines + glyphs + texts + arrows; }
};

// Paints the timeline into `painter` at (0, 0), viewport.size large: background, header
// (title, legend, axis; fixed), then the lanes scrolled by viewport.scrollY and clipped
// below the header. The painter's state is restored on return.
PaintStats paint(QPainter& painter, const trace::TraceData& trace, const Viewport& viewport,
                 const Style& style);

// The same with a layout the caller keeps (LayoutCache): a repaint for hover, selection
// or a moving "now" line then costs no layout work. `layout` must come from the same
// trace, viewport range/width and style. A view that paints frame after frame passes its
// `backdrop` too: the unchanging background and lane shading are then one image copy.
PaintStats paint(QPainter& painter, const trace::TraceData& trace, const TimelineLayout& layout,
                 const Viewport& viewport, const Style& style, Backdrop* backdrop = nullptr);

} // namespace mpviz::render
