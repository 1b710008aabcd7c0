#include "gui/state/state_view.hpp"

#include "gui/state/object_widget.hpp"
#include "gui/state/process_list_widget.hpp"

#include <QApplication>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace mpviz::gui {

namespace {
// Bold by markup, not by a font of its own, so it grows with the panel's font.
QLabel* sectionTitle(const QString& text, QWidget* parent) {
    return new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
}
} // namespace

StateView::StateView(QWidget* parent) : QScrollArea(parent) {
    setObjectName(QStringLiteral("stateView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    content_ = new QWidget(this);
    layout_ = new QVBoxLayout(content_);
    when_ = new QLabel(content_);
    when_->setObjectName(QStringLiteral("stateWhen"));
    when_->setToolTip(tr("The instant shown: live follows the run; after a run or while paused, "
                         "drag the playhead in the timeline's time axis"));
    layout_->addWidget(when_);
    layout_->addWidget(sectionTitle(tr("Processes"), content_));
    processes_ = new ProcessListWidget(content_);
    layout_->addWidget(processes_);
    objectsTitle_ = sectionTitle(tr("Shared objects"), content_);
    layout_->addWidget(objectsTitle_);
    layout_->addStretch(1);
    setWidget(content_);
    clear();
}

void StateView::clear() {
    for (auto* w : objects_)
        w->deleteLater();
    objects_.clear();
    processes_->setProcesses({});
    when_->setText(tr("Nothing has run yet."));
    objectsTitle_->setVisible(false);
}

void StateView::setTheme(Theme theme) {
    theme_ = theme;
    processes_->setTheme(theme);
    for (auto* w : objects_)
        w->setTheme(theme);
}

void StateView::setLeastTextPixels(int pixels) {
    if (pixels <= 0) {
        content_->setFont(QFont()); // the window's font again
        return;
    }
    // In points, as every part that scales its font (a Value's large number) expects.
    QFont f = QApplication::font();
    f.setPointSizeF(std::max(pixels, QFontInfo(f).pixelSize()) * 72.0 / logicalDpiY());
    content_->setFont(f);
}

int StateView::comfortableWidth() const {
    const auto margins = layout_->contentsMargins();
    return int(QFontMetricsF(content_->font()).height() * 22) + margins.left() + margins.right() +
           verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
}

void StateView::showSnapshot(const WorldSnapshot& world, const QString& when) {
    when_->setText(when);
    instant_ = world.t;
    std::vector<ProcessSnapshot> inLaneOrder;
    for (int p : world.laneOrder)
        inLaneOrder.push_back(world.processes[static_cast<std::size_t>(p)]);
    processes_->setProcesses(std::move(inLaneOrder));

    // One card per object, in the trace's order; objects only ever get added during a run.
    while (objects_.size() > world.objects.size()) {
        objects_.back()->deleteLater();
        objects_.pop_back();
    }
    while (objects_.size() < world.objects.size()) {
        auto* w = new ObjectWidget(content_);
        w->setTheme(theme_);
        w->setFlashPacedByFrames(flashesPaced_);
        layout_->insertWidget(layout_->count() - 1, w); // before the stretch
        objects_.push_back(w);
    }
    for (std::size_t i = 0; i < world.objects.size(); ++i) {
        objects_[i]->setObjectName(QStringLiteral("object_") +
                                   QString::fromStdString(world.objects[i].name));
        objects_[i]->setSnapshot(world.objects[i], world.processes);
    }
    objectsTitle_->setVisible(!objects_.empty());
}

void StateView::setFlashesPacedByFrames(bool paced) {
    flashesPaced_ = paced;
    for (auto* w : objects_)
        w->setFlashPacedByFrames(paced);
}

void StateView::advanceFlashes() {
    for (auto* w : objects_)
        w->advanceFlash();
}

ObjectWidget* StateView::objectWidget(const QString& name) const {
    for (auto* w : objects_)
        if (QString::fromStdString(w->snapshot().name) == name) return w;
    return nullptr;
}

} // namespace mpviz::gui
