#pragma once
// A row of item boxes, oldest at the left (the next one out), sliding as items come and go:
// a Queue's items, each direction of a Pipe.

#include <cstdint>
#include <string>
#include <vector>

namespace mpviz::gui {

class CardCanvas;

// `capacity` 0: unbounded, as many boxes as items (at least six). `progress` 0 → 1 slides an
// item just put in from the right, or everything one box left when the front one was taken.
void drawItemSlots(CardCanvas& canvas, const std::vector<std::string>& items, std::int64_t capacity,
                   const std::vector<std::string>& itemsBefore, double progress);

} // namespace mpviz::gui
