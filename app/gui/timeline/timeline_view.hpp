#pragma once
// The timeline widget: a thin shell over mpviz_render. It turns the shared ViewState into
// a render::Viewport, paints with render::paint, and turns mouse and keys into ViewState
// changes (zoom, pan, playhead, selection). Lanes scroll vertically; time scrolls with the
// horizontal bar, the wheel (Shift, or Ctrl to zoom) and dragging.

#include "render/backdrop.hpp"
#include "render/layout.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"
#include "trace/trace.hpp"

#include <QAbstractScrollArea>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace mpviz::gui {

class ViewState;

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
  public:
    explicit TimelineView(ViewState* state, QWidget* parent = nullptr);

    void setTrace(std::shared_ptr<const trace::SharedTrace> trace);
    void setRenderStyle(const render::Style& style);
    const render::Style& renderStyle() const { return style_; }
    // Dragging the playhead is allowed after a run and while paused, not while the view
    // follows a running scenario.
    void setPlayheadEnabled(bool enabled) { playheadEnabled_ = enabled; }
    // Step mode: the operations waiting for a grant, drawn ghosted at "now".
    void setPending(std::vector<render::PendingMark> pending);
    const std::vector<render::PendingMark>& pending() const { return pending_; }
    // Where the pending chip of `process` is on screen (tests click it), if drawn.
    std::optional<QRectF> pendingChipRect(int process) const;

    // The viewport as it would be painted now (the export of the visible range uses it).
    render::Viewport currentViewport() const;
    // Lane labels in display order, "Process-1 (1234)" (tests, the window's status).
    QStringList laneLabels() const;
    // The trace was rebuilt in place (logical time): nothing cached from it still holds.
    void invalidateLayout();
    // How many pixels the lanes lack to show without scrolling (0: they fit), as last painted.
    int heightShortOfLanes() const;
    // Paints now if the trace changed since the last paint, or `force`.
    void refresh(bool force = false);

    // Steps the selection to the previous/next event with a glyph (in time order).
    void stepEvent(int direction);

  Q_SIGNALS:
    // The user clicked an event (selection) or moved the playhead by hand.
    void eventActivated(std::uint32_t event);
    // The user clicked the ghosted chip of a process's pending operation: grant it.
    void pendingClicked(int process);
    // The lanes and tracks need another height (a lane, a row of held bands or a track came;
    // not when the view was resized): a window may make room for them
    // (heightShortOfLanes()). Emitted from a paint: connect queued.
    void neededHeightChanged();

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

  private:
    template <class F> void withLayout(F&& f) const;
    void updateScrollBars();
    void onHorizontalScroll(int value);
    std::int64_t timeAtX(double x) const;
    bool nearPlayhead(double x) const;
    void movePlayheadTo(double x);

    ViewState* state_;
    std::shared_ptr<const trace::SharedTrace> trace_;
    render::Style style_;
    mutable render::LayoutCache cache_;
    render::Backdrop backdrop_;
    double contentHeight_ = 0;
    double leastContentHeight_ = 0; // TimelineLayout::leastContentHeight at the last paint
    double headerHeight_ = 0;
    double gutterWidth_ = 0;
    std::uint64_t paintedVersion_ = 0;
    bool playheadEnabled_ = true;
    std::vector<render::PendingMark> pending_;
    bool updatingScrollBars_ = false;

    enum class Drag { None, Pan, Playhead };
    Drag drag_ = Drag::None;
    QPointF pressPos_;
    QPointF lastPos_;
    bool moved_ = false;
};

} // namespace mpviz::gui
