#include "gui/timeline/timeline_view.hpp"

#include "gui/run/view_state.hpp"
#include "render/glyphs.hpp"
#include "render/hit_test.hpp"
#include "render/painter.hpp"
#include "render/pending_chips.hpp"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mpviz::gui {

namespace {
constexpr int kScrollSteps = 10'000; // resolution of the horizontal (time) scroll bar
constexpr double kPlayheadGrab = 5;  // px either side of the playhead that grab it
} // namespace

TimelineView::TimelineView(ViewState* state, QWidget* parent)
    : QAbstractScrollArea(parent), state_(state) {
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    // paintEvent covers every pixel: Qt need not clear the viewport before each frame.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setCursor(Qt::OpenHandCursor);
    setMinimumSize(320, 160);
    setToolTip(tr("Timeline: one lane per process. Wheel scrolls, Ctrl+wheel zooms, drag "
                  "pans; click an event to select it; drag in the time axis to move the "
                  "playhead."));
    horizontalScrollBar()->setRange(0, 0);
    horizontalScrollBar()->setToolTip(tr("Scroll through time"));
    verticalScrollBar()->setToolTip(tr("Scroll through the process lanes"));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &TimelineView::onHorizontalScroll);
    const auto repaint = [this] {
        updateScrollBars();
        viewport()->update();
    };
    connect(state_, &ViewState::rangeChanged, this, repaint);
    connect(state_, &ViewState::playheadChanged, this, repaint);
    connect(state_, &ViewState::selectionChanged, this, repaint);
    connect(state_, &ViewState::cursorChanged, this, repaint);
    updateScrollBars();
}

void TimelineView::setTrace(std::shared_ptr<const trace::SharedTrace> trace) {
    trace_ = std::move(trace);
    cache_.invalidate();
    paintedVersion_ = 0;
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setRenderStyle(const render::Style& style) {
    style_ = style;
    cache_.invalidate();
    updateScrollBars();
    viewport()->update();
}

render::Viewport TimelineView::currentViewport() const {
    render::Viewport v;
    v.t0 = state_->t0();
    v.t1 = std::max(state_->t1(), v.t0 + 1);
    v.size = QSizeF(viewport()->size());
    v.scrollY = verticalScrollBar()->value();
    v.devicePixelRatio = devicePixelRatioF();
    v.now = state_->now();
    v.playhead = state_->playhead();
    v.selected = state_->selected();
    v.pending = pending_;
    return v;
}

void TimelineView::setPending(std::vector<render::PendingMark> pending) {
    const auto same = [](const render::PendingMark& a, const render::PendingMark& b) {
        return a.process == b.process && a.op == b.op && a.label == b.label;
    };
    if (std::equal(pending.begin(), pending.end(), pending_.begin(), pending_.end(), same)) return;
    pending_ = std::move(pending);
    viewport()->update();
}

std::optional<QRectF> TimelineView::pendingChipRect(int process) const {
    std::optional<QRectF> rect;
    withLayout([&](const trace::TraceData&, const render::TimelineLayout& layout,
                   const render::Viewport& v) {
        for (const auto& mark : v.pending)
            if (mark.process == process) rect = render::pendingChipRect(layout, v, style_, mark);
    });
    return rect;
}

template <class F> void TimelineView::withLayout(F&& f) const {
    if (!trace_) return;
    const render::Viewport v = currentViewport();
    trace_->read([&](const trace::TraceData& d) { f(d, cache_.get(d, v, style_), v); });
}

QStringList TimelineView::laneLabels() const {
    QStringList labels;
    withLayout([&](const trace::TraceData&, const render::TimelineLayout& layout,
                   const render::Viewport&) {
        for (const auto& lane : layout.lanes)
            labels << lane.label;
    });
    return labels;
}

void TimelineView::invalidateLayout() {
    cache_.clear();
    viewport()->update();
}

void TimelineView::refresh(bool force) {
    if (!trace_) return;
    if (force || trace_->version() != paintedVersion_) {
        updateScrollBars();
        // New events go on screen now, ahead of the other views' work for this frame.
        viewport()->repaint();
    }
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    if (!trace_) {
        p.fillRect(viewport()->rect(), style_.palette().background);
        p.setPen(style_.palette().mutedText);
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   tr("Press Run (Space) to start the lesson, or open a saved trace."));
        return;
    }
    paintedVersion_ = trace_->version();
    double contentHeight = 0;
    double leastContentHeight = 0;
    withLayout([&](const trace::TraceData& d, const render::TimelineLayout& layout,
                   const render::Viewport& v) {
        render::paint(p, d, layout, v, style_, &backdrop_);
        contentHeight = layout.contentHeight;
        leastContentHeight = layout.leastContentHeight;
        headerHeight_ = layout.headerHeight;
        gutterWidth_ = layout.gutterWidth;
    });
    if (contentHeight != contentHeight_) {
        contentHeight_ = contentHeight;
        updateScrollBars();
    }
    // Told for what came, even in the paint that follows a resize (lanes that came then
    // were left behind a scrollbar), never for the view's own size (a panel edge dragged).
    if (leastContentHeight != leastContentHeight_) {
        leastContentHeight_ = leastContentHeight;
        Q_EMIT neededHeightChanged();
    }
}

int TimelineView::heightShortOfLanes() const {
    return std::max(0, static_cast<int>(std::ceil(contentHeight_)) - viewport()->height());
}

void TimelineView::updateScrollBars() {
    updatingScrollBars_ = true;
    // Vertical: lanes below the fixed header.
    verticalScrollBar()->setRange(0, heightShortOfLanes());
    verticalScrollBar()->setPageStep(std::max(1, viewport()->height() - int(headerHeight_)));
    verticalScrollBar()->setSingleStep(20);
    // Horizontal: the visible range inside the whole run.
    const double extent0 = double(state_->extentBegin());
    const double extent1 = std::max(double(state_->extentEnd()), double(state_->t1()));
    const double total =
        std::max(extent1, double(state_->t1())) - std::min(extent0, double(state_->t0()));
    const double page = double(state_->span()) / std::max(total, 1.0);
    if (page >= 0.999) {
        horizontalScrollBar()->setRange(0, 0);
    } else {
        const int pageSteps = std::max(1, int(page * kScrollSteps));
        horizontalScrollBar()->setRange(0, kScrollSteps - pageSteps);
        horizontalScrollBar()->setPageStep(pageSteps);
        horizontalScrollBar()->setSingleStep(std::max(1, pageSteps / 10));
        const double start = std::min(extent0, double(state_->t0()));
        horizontalScrollBar()->setValue(int((double(state_->t0()) - start) / total * kScrollSteps));
    }
    updatingScrollBars_ = false;
}

void TimelineView::onHorizontalScroll(int value) {
    if (updatingScrollBars_) return;
    const double extent0 = std::min(double(state_->extentBegin()), double(state_->t0()));
    const double extent1 = std::max(double(state_->extentEnd()), double(state_->t1()));
    const auto t0 = static_cast<std::int64_t>(extent0 + (extent1 - extent0) * value / kScrollSteps);
    state_->setRange(t0, t0 + state_->span());
}

void TimelineView::scrollContentsBy(int, int) {
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

std::int64_t TimelineView::timeAtX(double x) const {
    std::int64_t t = state_->t0();
    withLayout([&](const trace::TraceData&, const render::TimelineLayout& layout,
                   const render::Viewport&) { t = layout.mapping.mapXToTime(x); });
    return t;
}

bool TimelineView::nearPlayhead(double x) const {
    if (!state_->playhead()) return false;
    bool near = false;
    withLayout([&](const trace::TraceData&, const render::TimelineLayout& layout,
                   const render::Viewport&) {
        near = std::abs(layout.mapping.mapTimeToX(*state_->playhead()) - x) <= kPlayheadGrab;
    });
    return near;
}

void TimelineView::movePlayheadTo(double x) {
    const std::int64_t t =
        std::clamp(timeAtX(std::max(x, gutterWidth_)), state_->extentBegin(), state_->extentEnd());
    state_->setPlayhead(t);
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = angle.y() / 120.0;
        state_->zoom(std::pow(1.25, steps), timeAtX(event->position().x()));
        event->accept();
        return;
    }
    const bool lanesOverflow = verticalScrollBar()->maximum() > 0;
    int dx = angle.x();
    if ((event->modifiers() & Qt::ShiftModifier) || (!lanesOverflow && dx == 0)) dx = angle.y();
    if (dx != 0) {
        state_->pan(static_cast<std::int64_t>(-dx / 120.0 * 0.1 * double(state_->span())));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    pressPos_ = lastPos_ = event->position();
    moved_ = false;
    const bool inHeader = event->position().y() < headerHeight_;
    if (playheadEnabled_ && (inHeader || nearPlayhead(event->position().x()))) {
        drag_ = Drag::Playhead;
        movePlayheadTo(event->position().x());
        viewport()->setCursor(Qt::SizeHorCursor);
    } else {
        drag_ = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (drag_ == Drag::None) {
        const bool grab = playheadEnabled_ && (pos.y() < headerHeight_ || nearPlayhead(pos.x()));
        viewport()->setCursor(grab ? Qt::SizeHorCursor : Qt::OpenHandCursor);
        return;
    }
    if ((pos - pressPos_).manhattanLength() > 3) moved_ = true;
    if (drag_ == Drag::Playhead) {
        movePlayheadTo(pos.x());
    } else if (moved_) {
        const double dx = pos.x() - lastPos_.x();
        const double nsPerPx =
            double(state_->span()) / std::max(1.0, viewport()->width() - gutterWidth_);
        if (dx != 0) state_->pan(static_cast<std::int64_t>(-dx * nsPerPx));
        const double dy = pos.y() - lastPos_.y();
        if (dy != 0) verticalScrollBar()->setValue(verticalScrollBar()->value() - int(dy));
    }
    lastPos_ = pos;
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mouseReleaseEvent(event);
    const Drag was = drag_;
    drag_ = Drag::None;
    viewport()->setCursor(Qt::OpenHandCursor);
    if (was == Drag::Pan && !moved_) {
        // A click: grant the pending operation under the mouse, else select the event
        // under it, or clear the selection.
        std::optional<int> pendingHit;
        std::optional<std::uint32_t> hit;
        withLayout([&](const trace::TraceData& d, const render::TimelineLayout& layout,
                       const render::Viewport& v) {
            pendingHit = render::pendingAt(layout, v, style_, event->position());
            if (!pendingHit) hit = render::eventAt(d, layout, v, event->position());
        });
        if (pendingHit) {
            Q_EMIT pendingClicked(*pendingHit);
            event->accept();
            return;
        }
        state_->select(hit);
        if (hit) Q_EMIT eventActivated(*hit);
    }
    event->accept();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    // Double-click zooms in on the spot (Shift: out), as in most timeline tools.
    const double factor = (event->modifiers() & Qt::ShiftModifier) ? 0.5 : 2.0;
    if (event->position().x() > gutterWidth_) state_->zoom(factor, timeAtX(event->position().x()));
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    const std::int64_t tenth = state_->span() / 10;
    switch (event->key()) {
    case Qt::Key_Left:
        if (event->modifiers() & Qt::AltModifier)
            stepEvent(-1);
        else
            state_->pan(-tenth);
        break;
    case Qt::Key_Right:
        if (event->modifiers() & Qt::AltModifier)
            stepEvent(+1);
        else
            state_->pan(tenth);
        break;
    case Qt::Key_Up:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        state_->zoom(1.25);
        break;
    case Qt::Key_Minus:
        state_->zoom(0.8);
        break;
    case Qt::Key_Home:
        state_->setRange(state_->extentBegin(), state_->extentBegin() + state_->span());
        break;
    default:
        return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        QString text;
        withLayout([&](const trace::TraceData& d, const render::TimelineLayout& layout,
                       const render::Viewport& v) {
            if (const auto p = render::pendingAt(layout, v, style_, help->pos())) {
                for (const auto& mark : v.pending)
                    if (mark.process == *p && static_cast<std::size_t>(*p) < d.processes().size())
                        text = tr("%1 waits for your permission to %2.\nClick to let it go ahead "
                                  "(\u2192 grants by the chosen policy).")
                                   .arg(QString::fromStdString(
                                            d.processes()[static_cast<std::size_t>(*p)].name),
                                        mark.label);
                return;
            }
            text = render::tooltipAt(d, layout, v, help->pos());
        });
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::stepEvent(int direction) {
    if (!trace_) return;
    std::optional<std::uint32_t> found;
    trace_->read([&](const trace::TraceData& d) {
        const auto events = d.events();
        // From the selected event, else from the cursor time.
        std::int64_t refTs = state_->cursorTime();
        std::int64_t refSeq = direction > 0 ? INT64_MAX : -1;
        if (auto sel = state_->selected(); sel && *sel < events.size()) {
            refTs = events[*sel].ts;
            refSeq = events[*sel].seq;
        }
        const auto after = [&](const trace::Event& e) {
            return e.ts != refTs ? e.ts > refTs : std::int64_t(e.seq) > refSeq;
        };
        const auto earlier = [&](std::uint32_t a, std::uint32_t b) {
            return trace::happensBefore(events[a], events[b]);
        };
        for (int p = 0; p < static_cast<int>(d.processes().size()); ++p) {
            const auto list = d.processEvents(p);
            auto it = std::partition_point(list.begin(), list.end(),
                                           [&](std::uint32_t i) { return !after(events[i]); });
            if (direction > 0) {
                for (int n = 0; it != list.end() && n < 10'000; ++it, ++n)
                    if (render::hasGlyph(events[*it])) {
                        if (!found || earlier(*it, *found)) found = *it;
                        break;
                    }
            } else {
                auto back = it;
                // Skip the reference event itself (it is not "after", so it sits before `it`).
                for (int n = 0; back != list.begin() && n < 10'000; ++n) {
                    --back;
                    const auto& e = events[*back];
                    if (e.ts == refTs && std::int64_t(e.seq) >= refSeq) continue;
                    if (render::hasGlyph(e)) {
                        if (!found || earlier(*found, *back)) found = *back;
                        break;
                    }
                }
            }
        }
    });
    if (!found) return;
    state_->select(*found);
    Q_EMIT eventActivated(*found);
}

} // namespace mpviz::gui
