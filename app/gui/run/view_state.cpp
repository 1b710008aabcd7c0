#include "gui/run/view_state.hpp"

#include <algorithm>
#include <cmath>

namespace mpviz::gui {

namespace {
// The smallest 1-2-5 span (ns) of at least `ns`, so a growing live view rescales its axis
// now and then instead of every frame.
std::int64_t niceSpan(std::int64_t ns) {
    std::int64_t step = 1'000'000'000; // never less than one second while following
    for (;;) {
        for (const std::int64_t m : {1, 2, 5})
            if (step * m >= ns) return step * m;
        step *= 10;
    }
}
} // namespace

ViewState::ViewState(QObject* parent) : QObject(parent) {}

std::pair<std::int64_t, std::int64_t> ViewState::wholeRange() const {
    const std::int64_t begin = extentBegin_;
    const std::int64_t end = std::max(extentEnd_, begin + 1);
    // As render::Viewport::whole: room after the end for exit marks and arrowheads.
    return {begin, end + std::max<std::int64_t>((end - begin) * 12 / 100, 1)};
}

void ViewState::setExtent(std::int64_t begin, std::int64_t end) {
    extentBegin_ = begin;
    extentEnd_ = std::max(end, begin);
    if (!fixedSpan_ && !following_) {
        const auto [a, b] = wholeRange();
        setRangeInternal(a, b);
    }
}

void ViewState::setNow(std::optional<std::int64_t> now) {
    const bool wasLive = now_.has_value();
    if (now == now_) return;
    now_ = now;
    if (now_) {
        extentEnd_ = std::max(extentEnd_, *now_);
        applyFollow();
    } else if (wasLive) {
        // The run ended: show all of it unless the user chose a range.
        setFollowing(false);
        if (!fixedSpan_) {
            const auto [a, b] = wholeRange();
            setRangeInternal(a, b);
        }
    }
    Q_EMIT cursorChanged();
}

void ViewState::setFollowing(bool follow) {
    follow = follow && now_.has_value();
    if (follow == following_) return;
    following_ = follow;
    if (following_) applyFollow();
    Q_EMIT followingChanged(following_);
}

void ViewState::applyFollow() {
    if (!following_ || !now_) return;
    const std::int64_t now = *now_;
    if (!fixedSpan_) {
        const std::int64_t elapsed = std::max<std::int64_t>(now - extentBegin_, 1);
        if (steadyAxis_) {
            // Room is left for the chips after "now"; only when that runs out does it grow.
            const bool fits = t0_ == extentBegin_ && now <= t0_ + span() * 9 / 10;
            if (!fits)
                setRangeInternal(extentBegin_,
                                 extentBegin_ + std::max(t0_ == extentBegin_ ? span() : 0,
                                                         niceSpan(elapsed * 3)));
            return;
        }
        setRangeInternal(extentBegin_,
                         extentBegin_ + niceSpan(static_cast<std::int64_t>(double(elapsed) * 1.1)));
        return;
    }
    const std::int64_t s = span();
    const auto t0 = now - static_cast<std::int64_t>(double(s) * followFraction_);
    setRangeInternal(t0, t0 + s);
}

void ViewState::setRangeInternal(std::int64_t t0, std::int64_t t1) {
    if (t1 - t0 < kMinSpan) {
        const std::int64_t mid = t0 / 2 + t1 / 2;
        t0 = mid - kMinSpan / 2;
        t1 = t0 + kMinSpan;
    }
    if (t0 == t0_ && t1 == t1_) return;
    t0_ = t0;
    t1_ = t1;
    Q_EMIT rangeChanged();
}

void ViewState::updateFollowAfterUserMove() {
    fixedSpan_ = true;
    if (!now_) return;
    const bool inView = *now_ >= t0_ && *now_ <= t1_;
    if (inView) followFraction_ = std::clamp(double(*now_ - t0_) / double(span()), 0.05, 0.95);
    if (inView != following_) {
        following_ = inView;
        Q_EMIT followingChanged(following_);
    }
}

void ViewState::zoom(double factor, std::optional<std::int64_t> anchor) {
    if (!(factor > 0)) return;
    std::int64_t a = anchor.value_or(t0_ / 2 + t1_ / 2);
    if (following_ && now_) a = *now_; // keep "now" where it is on screen
    const double newSpan = std::clamp(double(span()) / factor, double(kMinSpan), 1e15);
    const double before = double(a - t0_) / double(span());
    const auto t0 = a - static_cast<std::int64_t>(before * newSpan);
    setRangeInternal(t0, t0 + static_cast<std::int64_t>(newSpan));
    updateFollowAfterUserMove();
}

void ViewState::pan(std::int64_t dt) {
    const std::int64_t s = span();
    const auto [a, b] = wholeRange();
    // Keep at least half a screen of the run in view.
    std::int64_t t0 = std::clamp(t0_ + dt, a - s / 2, std::max(a - s / 2, b - s / 2));
    setRangeInternal(t0, t0 + s);
    updateFollowAfterUserMove();
}

void ViewState::setRange(std::int64_t t0, std::int64_t t1) {
    setRangeInternal(t0, std::max(t1, t0 + kMinSpan));
    updateFollowAfterUserMove();
}

void ViewState::fit() {
    fixedSpan_ = false;
    followFraction_ = 0.9;
    if (now_) {
        if (!following_) {
            following_ = true;
            Q_EMIT followingChanged(true);
        }
        applyFollow();
    } else {
        const auto [a, b] = wholeRange();
        setRangeInternal(a, b);
    }
}

void ViewState::setPlayhead(std::optional<std::int64_t> t) {
    if (t == playhead_) return;
    playhead_ = t;
    Q_EMIT playheadChanged();
    Q_EMIT cursorChanged();
}

void ViewState::select(std::optional<std::uint32_t> event) {
    if (event == selected_) return;
    selected_ = event;
    Q_EMIT selectionChanged();
}

std::int64_t ViewState::cursorTime() const {
    if (playhead_) return *playhead_;
    if (now_) return *now_;
    return extentEnd_;
}

void ViewState::reset(std::int64_t begin, std::int64_t end, bool live) {
    extentBegin_ = begin;
    extentEnd_ = std::max(end, begin);
    fixedSpan_ = false;
    followFraction_ = 0.9;
    now_.reset();
    const bool wasFollowing = following_;
    following_ = live;
    playhead_.reset();
    selected_.reset();
    if (live) {
        now_ = end;
        applyFollow();
    } else {
        const auto [a, b] = wholeRange();
        setRangeInternal(a, b);
    }
    if (wasFollowing != following_) Q_EMIT followingChanged(following_);
    Q_EMIT rangeChanged();
    Q_EMIT playheadChanged();
    Q_EMIT selectionChanged();
    Q_EMIT cursorChanged();
}

} // namespace mpviz::gui
