#include "gui/run/outcome_chart.hpp"

#include "render/core_words.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace mpviz::gui {

namespace {
constexpr int kMargin = 8;

// The outcome as the command line says it, in the window's language.
QString shownOutcome(const engine::RunOutcome& outcome) {
    return QString::fromStdString(engine::outcomeText(outcome, render::coreTranslate()));
}
constexpr int kCountWidthChars = 5; // "200 ×"
} // namespace

OutcomeChart::OutcomeChart(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void OutcomeChart::setOutcomes(std::vector<engine::OutcomeGroup> groups, int runs, bool seeded) {
    groups_ = std::move(groups);
    runs_ = runs;
    seeded_ = seeded;
    hovered_ = -1;
    updateGeometry();
    update();
}

int OutcomeChart::rowHeight() const {
    return fontMetrics().height() * 2 + kMargin + 4; // the bar line, then the runs line
}

QRect OutcomeChart::rowRect(int row) const {
    return {0, kMargin + row * rowHeight(), width(), rowHeight()};
}

int OutcomeChart::rowAt(QPoint p) const {
    for (int row = 0; row < static_cast<int>(groups_.size()); ++row)
        if (rowRect(row).contains(p)) return row;
    return -1;
}

QSize OutcomeChart::sizeHint() const {
    const int rows = std::max<int>(1, static_cast<int>(groups_.size()));
    return {fontMetrics().averageCharWidth() * 70, kMargin * 2 + rows * rowHeight()};
}

QSize OutcomeChart::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 40, kMargin * 2 + rowHeight()};
}

QString OutcomeChart::runsText(const engine::OutcomeGroup& g) const {
    QStringList runs;
    for (int r : g.runs)
        runs << QString::number(r);
    return (seeded_ ? tr("seeds %1") : tr("runs %1")).arg(runs.join(QStringLiteral(", ")));
}

void OutcomeChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    if (groups_.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("No run yet. The outcomes appear here as the runs end, most frequent "
                      "first; click one to open that run in the timeline."));
        return;
    }
    const int countWidth = fm.horizontalAdvance(QLatin1Char('0')) * kCountWidthChars;
    const int barLeft = kMargin + countWidth;
    const int barSpace = std::max(40, width() / 3);
    const std::size_t most = groups_.front().runs.size();
    for (int row = 0; row < static_cast<int>(groups_.size()); ++row) {
        const auto& g = groups_[static_cast<std::size_t>(row)];
        const QRect r = rowRect(row);
        if (row == hovered_) p.fillRect(r, pal.color(QPalette::Highlight).lighter(185));
        const int line = r.top() + 2;
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(kMargin, line, countWidth - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(g.runs.size()));
        const int bar = std::max(
            3, static_cast<int>(barSpace * static_cast<double>(g.runs.size()) / double(most)));
        // Completed runs in the accent colour; deadlocks and timeouts in a warning red.
        const bool ended = g.outcome.how == trace::Outcome::Completed;
        p.fillRect(QRect(barLeft, line + 2, bar, fm.height() - 4),
                   ended ? pal.color(QPalette::Highlight) : QColor(0xD5, 0x5E, 0x00));
        const QString outcome = shownOutcome(g.outcome);
        const int textLeft = barLeft + barSpace + kMargin;
        p.drawText(QRect(textLeft, line, width() - textLeft - kMargin, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(outcome, Qt::ElideRight, width() - textLeft - kMargin));
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString runs = runsText(g);
        p.drawText(QRect(barLeft, line + fm.height(), width() - barLeft - kMargin, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(runs, Qt::ElideRight, width() - barLeft - kMargin));
    }
}

void OutcomeChart::mouseMoveEvent(QMouseEvent* event) {
    const int row = rowAt(event->position().toPoint());
    if (row != hovered_) {
        hovered_ = row;
        update();
    }
    if (row < 0) {
        setToolTip({});
        setCursor(Qt::ArrowCursor);
        return;
    }
    const auto& g = groups_[static_cast<std::size_t>(row)];
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("%1 of %2 runs: %3\n%4\nClick to open run %5 in the timeline")
                   .arg(g.runs.size())
                   .arg(runs_)
                   .arg(shownOutcome(g.outcome), runsText(g))
                   .arg(g.runs.front()));
}

void OutcomeChart::mousePressEvent(QMouseEvent* event) {
    const int row = rowAt(event->position().toPoint());
    if (row >= 0 && event->button() == Qt::LeftButton)
        Q_EMIT runChosen(groups_[static_cast<std::size_t>(row)].runs.front());
}

void OutcomeChart::leaveEvent(QEvent*) {
    hovered_ = -1;
    update();
}

} // namespace mpviz::gui
