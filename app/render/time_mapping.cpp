// Time ↔ pixel mapping. Differences are taken in double: trace timestamps (monotonic ns,
// ~1e14) are exact below 2^53, and Slice::kOpen still maps far off to the right.

#include "render/time_mapping.hpp"

namespace mpviz::render {
using trace::saturatingNs;

TimeMapping::TimeMapping(std::int64_t t0, std::int64_t t1, double x0, double width)
    : t0_(t0), t1_(t1), x0_(x0), width_(width) {
    if (isValid()) pxPerNs_ = width_ / (static_cast<double>(t1_) - static_cast<double>(t0_));
}

double TimeMapping::nsPerPixel() const {
    if (!isValid()) return 0;
    return (static_cast<double>(t1_) - static_cast<double>(t0_)) / width_;
}

double TimeMapping::mapTimeToX(std::int64_t t) const {
    if (!isValid()) return x0_;
    return x0_ + (static_cast<double>(t) - static_cast<double>(t0_)) * pxPerNs_;
}

std::int64_t TimeMapping::mapXToTime(double x) const {
    if (!isValid()) return t0_;
    return saturatingNs(static_cast<double>(t0_) + (x - x0_) * nsPerPixel());
}

double TimeMapping::durationToWidth(std::int64_t ns) const {
    if (!isValid()) return 0;
    return static_cast<double>(ns) * pxPerNs_;
}

std::int64_t TimeMapping::widthToDuration(double px) const {
    return saturatingNs(px * nsPerPixel());
}

} // namespace mpviz::render
