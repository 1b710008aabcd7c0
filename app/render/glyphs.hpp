#pragma once
// The shape of each operation glyph. Shapes, not only colours, tell operations apart:
//   acquire ■ filled square        release □ hollow square
//   put     ▲ filled triangle up    get     ▼ filled triangle down
//   send    ▶ filled triangle right recv    ◀ filled triangle left
//   set     ● filled circle         clear   ○ hollow circle      wait ◐ half circle
//   start   ✚ plus                  join    ⊓ bracket            terminate ✕ cross
//   print   ≡ three lines           exit    ┃ bar
//   submit  ⬟ pentagon (hollow)     task_start [ bracket         task_end ] bracket
//   read    ◇ hollow diamond        write   ◆ filled diamond
//   task_done ✓ check               queue_join ⊓ bracket (like join)
// A failed operation (timed out, would block) is drawn hollow with a slash.

#include "render/style.hpp"
#include "trace/event.hpp"
#include "trace/trace.hpp"

#include <QPointF>

class QPainter;

namespace mpviz::render {

// Whether an event gets a glyph: the Done (or Failed) instant of an operation a lesson
// talks about. Intents, blocked starts, sleeps and exits show as bars and marks instead.
bool hasGlyph(const trace::Event& event);

// Draws the glyph of `op` centred on `centre`, `size` px across. Sets pen and brush.
void drawGlyph(QPainter& painter, trace::Op op, QPointF centre, double size, const Palette& palette,
               bool failed = false);

} // namespace mpviz::render
