#pragma once
// The one shared state every view listens to (hotspot's FilterAndZoomStack): the visible
// time range, whether it follows the live "now", the replay playhead, and the selected
// event. Views never talk to each other; they change this object and react to its signals.
//
// Nested spans (invariants): extent (the whole run so far) ⊇ what can be shown;
// visible range [t0, t1) with t1 > t0; playhead and selection anywhere in the extent.

#include <QObject>

#include <cstdint>
#include <optional>

namespace mpviz::gui {

class ViewState : public QObject {
    Q_OBJECT
  public:
    explicit ViewState(QObject* parent = nullptr);

    // --- the trace's time span ---
    // The whole run so far: first event to max(last event, now). Called every frame.
    void setExtent(std::int64_t begin, std::int64_t end);
    std::int64_t extentBegin() const { return extentBegin_; }
    std::int64_t extentEnd() const { return extentEnd_; }

    // --- live ---
    // A live run's current time (frozen while paused); nullopt once the run ended or for a
    // replayed file. While following, the visible range moves with it.
    void setNow(std::optional<std::int64_t> now);
    std::optional<std::int64_t> now() const { return now_; }
    bool isLive() const { return now_.has_value(); }
    bool following() const { return following_; }
    void setFollowing(bool follow);
    // Step mode: the person aims at the waiting operations' chips on the lanes, so the axis
    // holds still. Following the whole run, the range grows only when "now" reaches its
    // right edge, and then to a few times the run's length, so that it seldom moves, and it
    // never shrinks back.
    void setSteadyAxis(bool steady) { steadyAxis_ = steady; }
    bool steadyAxis() const { return steadyAxis_; }

    // --- visible range ---
    std::int64_t t0() const { return t0_; }
    std::int64_t t1() const { return t1_; }
    std::int64_t span() const { return t1_ - t0_; }
    // Zoom by `factor` (> 1 zooms in) around `anchor` (default: "now" while following, the
    // centre otherwise). Following continues only if "now" stays in view.
    void zoom(double factor, std::optional<std::int64_t> anchor = std::nullopt);
    void pan(std::int64_t dt);
    void setRange(std::int64_t t0, std::int64_t t1); // a user choice: the span stays fixed
    // The whole run; in a live run, back to following the growing run.
    void fit();

    // --- replay and selection ---
    std::optional<std::int64_t> playhead() const { return playhead_; }
    void setPlayhead(std::optional<std::int64_t> t);
    std::optional<std::uint32_t> selected() const { return selected_; }
    void select(std::optional<std::uint32_t> event);

    // The instant the state view, code and log describe: the playhead, else "now", else the
    // end of the run.
    std::int64_t cursorTime() const;

    // A new trace (run started, file opened): whole extent, no playhead, no selection.
    void reset(std::int64_t begin, std::int64_t end, bool live);

    static constexpr std::int64_t kMinSpan = 10'000; // 10 µs: below this nothing is legible

  Q_SIGNALS:
    void rangeChanged();
    void followingChanged(bool following);
    void playheadChanged();
    void selectionChanged();
    // The cursor time may have moved (now advanced, playhead moved, run ended).
    void cursorChanged();

  private:
    void applyFollow();
    void setRangeInternal(std::int64_t t0, std::int64_t t1);
    void updateFollowAfterUserMove();
    std::pair<std::int64_t, std::int64_t> wholeRange() const;

    std::int64_t extentBegin_ = 0;
    std::int64_t extentEnd_ = 1'000'000'000;
    std::int64_t t0_ = 0;
    std::int64_t t1_ = 1'000'000'000;
    std::optional<std::int64_t> now_;
    bool following_ = false;
    // Until the user zooms or pans, the view shows the whole run (growing while live);
    // afterwards it keeps the user's span and, while following, slides with "now" at
    // `followFraction_` of the width.
    bool fixedSpan_ = false;
    bool steadyAxis_ = false;
    double followFraction_ = 0.9;
    std::optional<std::int64_t> playhead_;
    std::optional<std::uint32_t> selected_;
};

} // namespace mpviz::gui
