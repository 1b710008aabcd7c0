#pragma once
// The part of a timeline frame that stays put while a live run grows: the background, the
// lanes' shading, separators and grid, and their labels in the gutter. A view keeps it as
// an image and paints it with one copy per frame instead of drawing it anew.

#include "render/layout.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"

#include <QImage>
#include <QString>

#include <functional>
#include <vector>

class QPainter;

namespace mpviz::render {

class Backdrop {
  public:
    // The image for this frame, drawn by `draw` (at the frame's device pixel ratio) when
    // anything it shows changed since the last one.
    const QImage& get(const TimelineLayout& layout, const Viewport& viewport, const Style& style,
                      const std::function<void(QPainter&)>& draw);

  private:
    struct Lane {
        double top = 0, height = 0, barTop = 0, barHeight = 0;
        int depth = 0;
        QString label;
        bool operator==(const Lane&) const = default;
    };
    struct Key {
        double width = 0, height = 0, dpr = 0, scrollY = 0;
        double layoutWidth = 0, gutterWidth = 0, headerHeight = 0;
        Theme theme = Theme::Light;
        double fontScale = 0;
        bool valid = false; // the layout's time mapping
        std::vector<Lane> lanes;
        std::vector<double> ticks;
        bool operator==(const Key&) const = default;
    };
    Key key_;
    QImage image_;
};

} // namespace mpviz::render
