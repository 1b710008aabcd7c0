#include "gui/window/deadlock_banner.hpp"

#include "gui/run/narrator.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace mpviz::gui {

DeadlockBanner::DeadlockBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("deadlockBanner"));
    setFrameShape(QFrame::StyledPanel);
    // Vermillion on a light tint reads in both themes; the icon-like prefix and the words
    // carry the meaning without the colour.
    setStyleSheet(
        QStringLiteral("#deadlockBanner { background: #fbe3d4; border: 2px solid #d55e00; "
                       "border-radius: 4px; } #deadlockBanner QLabel { color: #3a1a00; }"));
    auto* layout = new QHBoxLayout(this);
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    layout->addWidget(text_, 1);
    fix_ = new QPushButton(tr("Show the fixed version"), this);
    fix_->setObjectName(QStringLiteral("showFixedVersion"));
    layout->addWidget(fix_);
    auto* close = new QPushButton(tr("Dismiss"), this);
    close->setToolTip(tr("Hide this message (the timeline keeps showing the deadlock)"));
    layout->addWidget(close);
    connect(fix_, &QPushButton::clicked, this, &DeadlockBanner::fixRequested);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void DeadlockBanner::showText() {
    const QString head =
        QStringLiteral("<b>\u26a0 ") + tr("Deadlock detected.") + QStringLiteral("</b> ");
    const QString done = tr("mpviz stopped and cleaned up every process of the run for you.");
    text_->setText(
        compact_ ? QString(head + done)
                 : QString(head + explanation_.toHtmlEscaped() + QStringLiteral("<br>") + done));
}

void DeadlockBanner::setCompact(bool compact) {
    compact_ = compact;
    showText();
}

void DeadlockBanner::showDeadlock(const QString& explanation, const QString& fixParameter) {
    explanation_ = explanation;
    // The heading already says it.
    if (explanation_.startsWith(deadlockPrefix()))
        explanation_ = explanation_.mid(deadlockPrefix().size());
    showText();
    fix_->setVisible(!fixParameter.isEmpty());
    fix_->setToolTip(tr("Run the lesson again with %1=true").arg(fixParameter));
    show();
}

QString DeadlockBanner::text() const {
    return text_->text();
}

} // namespace mpviz::gui
