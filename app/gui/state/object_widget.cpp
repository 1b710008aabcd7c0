#include "gui/state/object_widget.hpp"

#include "gui/state/cards/card.hpp"
#include "gui/state/cards/card_canvas.hpp"
#include "render/labels.hpp"
#include "render/style.hpp"

#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mpviz::gui {

ObjectWidget::ObjectWidget(QWidget* parent) : StateWidget(parent), card_(makeCard(now_.kind)) {
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setDuration(350);
    animation_.setEasingCurve(QEasingCurve::OutCubic);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        progress_ = v.toDouble();
        if (!pacedByFrames_) update();
    });
}

void ObjectWidget::setFlashPacedByFrames(bool paced) {
    if (paced == pacedByFrames_) return;
    pacedByFrames_ = paced;
    if (!paced) advanceFlash(); // the animation's own clock takes over from here
}

void ObjectWidget::advanceFlash() {
    if (progress_ != paintedProgress_) update();
}

ObjectWidget::~ObjectWidget() = default;

void ObjectWidget::setSnapshot(const ObjectSnapshot& snapshot,
                               const std::vector<ProcessSnapshot>& processes) {
    // Every field counts: a pool's worker that just started changes no counter.
    const bool changed = !hasSnapshot_ || !(now_ == snapshot);
    // Names and colours of holders and waiters come from here.
    const bool processesChanged = processes_ != processes;
    // A live run asks every frame: a card that shows the same costs nothing.
    if (!changed && !processesChanged) return;
    const int oldRows = hasSnapshot_ ? cardRows() : -1;
    if (processesChanged) processes_ = processes;
    if (changed) {
        if (snapshot.kind != now_.kind) card_ = makeCard(snapshot.kind);
        before_ = hasSnapshot_ ? now_ : snapshot;
        now_ = snapshot;
        maxItems_ = std::max(maxItems_, now_.items.size() + now_.itemsBack.size());
        maxHolders_ = std::max(maxHolders_, now_.holders.size());
        if (animated_ && hasSnapshot_) {
            animation_.stop();
            progress_ = 0;
            animation_.start();
        } else {
            progress_ = 1;
        }
        hasSnapshot_ = true;
    }
    if (cardRows() != oldRows || heightForWidth(width()) != height()) updateGeometry();
    update();
}

int ObjectWidget::cardRows() const {
    return card_ ? card_->rows(now_) : 1;
}

CardState ObjectWidget::cardState() const {
    return CardState{now_, before_, progress_, processes_, theme()};
}

QString ObjectWidget::title() const {
    return render::pythonClassName(now_.kind) + QStringLiteral("  ") +
           QString::fromStdString(now_.name);
}

QString ObjectWidget::summary() const {
    return card_ ? card_->summary(now_) : QString();
}

int ObjectWidget::heightForWidth(int width) const {
    const QFontMetricsF fm(font());
    const double row = fm.height() * 1.6;
    const int titleLines =
        hasSnapshot_ && !CardCanvas::summaryFitsBeside(font(), width, title(), summary()) ? 2 : 1;
    return int(std::ceil(row * (cardRows() + titleLines) + fm.height()));
}

bool ObjectWidget::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        QToolTip::showText(static_cast<QHelpEvent*>(e)->globalPos(),
                           card_ ? card_->tooltip(cardState()) : QString(), this);
        return true;
    }
    return QWidget::event(e);
}

void ObjectWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(frame, 6, 6);
    paintedProgress_ = progress_;
    if (progress_ < 1.0) {
        // A brief flash: something just happened to this object.
        QColor flash = QColor::fromRgb(render::okabe_ito::kOrange);
        flash.setAlphaF(0.22 * (1.0 - progress_));
        p.setBrush(flash);
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(frame, 6, 6);
    }
    if (!hasSnapshot_) return;
    shownRows_.clear();
    CardCanvas canvas(p, *this, theme(), shownRows_);
    canvas.y = canvas.pad / 2;
    if (card_ && card_->held()) {
        // The colour its held bands have on the timeline, down the card's left edge.
        const double inset = 6;
        p.fillRect(QRectF(frame.left() + 1.5, frame.top() + inset, 4, frame.height() - 2 * inset),
                   render::holdColor(render::paletteFor(theme()), now_.object));
    }
    canvas.titleRow(title(), summary());
    if (card_) card_->paint(canvas, cardState());
    clipped_ = canvas.clipped;
}

} // namespace mpviz::gui
