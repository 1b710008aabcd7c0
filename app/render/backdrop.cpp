#include "render/backdrop.hpp"

#include <QPainter>

#include <cmath>

namespace mpviz::render {

const QImage& Backdrop::get(const TimelineLayout& layout, const Viewport& viewport,
                            const Style& style, const std::function<void(QPainter&)>& draw) {
    const double dpr = viewport.devicePixelRatio > 0 ? viewport.devicePixelRatio : 1.0;
    Key key{viewport.size.width(),
            viewport.size.height(),
            dpr,
            viewport.scrollY,
            layout.width,
            layout.gutterWidth,
            layout.headerHeight,
            style.theme,
            style.fontScale,
            layout.mapping.isValid(),
            {},
            {}};
    key.lanes.reserve(layout.lanes.size());
    for (const auto& lane : layout.lanes)
        key.lanes.push_back(
            {lane.top, lane.height, lane.barTop, lane.barHeight, lane.depth, lane.label});
    key.ticks.reserve(layout.ticks.size());
    for (const auto& tick : layout.ticks)
        key.ticks.push_back(tick.x);
    if (!image_.isNull() && key == key_) return image_;
    const QSize pixels(static_cast<int>(std::ceil(viewport.size.width() * dpr)),
                       static_cast<int>(std::ceil(viewport.size.height() * dpr)));
    if (image_.size() != pixels)
        image_ = QImage(pixels, QImage::Format_RGB32); // opaque: a plain copy
    image_.setDevicePixelRatio(dpr);
    {
        QPainter p(&image_);
        draw(p);
    }
    key_ = std::move(key);
    return image_;
}

} // namespace mpviz::render
