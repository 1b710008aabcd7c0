#include "gui/state/process_list_widget.hpp"

#include "render/labels.hpp"
#include "render/style.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace mpviz::gui {

using trace::State;

ProcessListWidget::ProcessListWidget(QWidget* parent) : StateWidget(parent) {
    setObjectName(QStringLiteral("processList"));
    setToolTip(tr("What each process is doing at this instant"));
}

void ProcessListWidget::setProcesses(std::vector<ProcessSnapshot> processes) {
    if (processes == processes_) return; // a live run asks every frame
    const bool resized = processes.size() != processes_.size();
    processes_ = std::move(processes);
    QStringList said; // a screen reader hears every row in full
    for (const auto& proc : processes_)
        said << QString::fromStdString(proc.name) + QStringLiteral(": ") + stateText(proc);
    setAccessibleDescription(said.join(QLatin1Char('\n')));
    if (resized || heightForWidth(width()) != height()) updateGeometry();
    update();
}

QString ProcessListWidget::stateText(const ProcessSnapshot& p) {
    if (p.ended) return render::exitLabel(p.exitcode);
    // Waiting for a grant, it runs already, even when the instant shown (up to a refresh
    // behind) is before its first event.
    if (!p.waitingFor.empty())
        return tr("waits for your step: %1").arg(QString::fromStdString(p.waitingFor));
    if (!p.started) return tr("not started yet");
    switch (p.state) {
    case State::Running:
        return tr("running");
    case State::Sleeping:
        return tr("sleeping");
    case State::Blocked: {
        const QString what = render::toQString(trace::opName(p.op));
        const QString on = render::toQString(p.blockedOn);
        return tr("blocked: ") + what + (on.isEmpty() ? QString() : QLatin1Char(' ') + on);
    }
    case State::Exited:
        return tr("exited");
    case State::NotStarted:
        return tr("not started yet");
    }
    return {};
}

QString ProcessListWidget::nameOf(const ProcessSnapshot& p) {
    return QString::fromStdString(p.name) + QStringLiteral(" (") + QString::number(p.pid) +
           QLatin1Char(')');
}

namespace {
// The dot, then the name from here.
double nameLeft(const QFontMetricsF& fm) {
    return fm.height() * 0.6 + 8;
}
double pillWidth(const QFontMetricsF& fm, const QString& label) {
    return fm.horizontalAdvance(label) + fm.height();
}
} // namespace

bool ProcessListWidget::stacked(double width) const {
    const QFontMetricsF fm(font());
    double name = 0, pill = 0;
    for (const auto& proc : processes_) {
        name = std::max(name, fm.horizontalAdvance(nameOf(proc)));
        pill = std::max(pill, pillWidth(fm, stateText(proc)));
    }
    return nameLeft(fm) + name + 4 + pill + 4 > width;
}

int ProcessListWidget::heightForWidth(int width) const {
    const QFontMetricsF fm(font());
    const double row = fm.height() * 1.5;
    const auto lines = std::max<std::size_t>(processes_.size(), 1) * (stacked(width) ? 2 : 1);
    return int(std::ceil(row * static_cast<double>(lines) + 4));
}

void ProcessListWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(font());
    const double row = fm.height() * 1.5;
    const auto palette = render::paletteFor(theme());
    const QColor text = this->palette().color(QPalette::WindowText);
    const QColor muted = this->palette().color(QPalette::PlaceholderText);
    shownRows_.clear();
    elided_ = 0;
    if (processes_.empty()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("No process yet."));
        return;
    }
    const bool onTwoLines = stacked(width());
    double nameWidth = width() - nameLeft(fm) - 4;
    if (!onTwoLines) {
        nameWidth = 0;
        for (const auto& proc : processes_)
            nameWidth = std::max(nameWidth, fm.horizontalAdvance(nameOf(proc)));
    }
    double y = 2;
    for (const auto& proc : processes_) {
        const double d = fm.height() * 0.6;
        const QColor own = processColor(proc.index, theme());
        p.setPen(Qt::NoPen);
        p.setBrush(own);
        p.drawEllipse(QRectF(2, y + (row - d) / 2, d, d));
        p.setPen(proc.alive() ? text : muted);
        const QString name = nameOf(proc);
        const QString shownName = fm.elidedText(name, Qt::ElideRight, nameWidth);
        p.drawText(QRectF(nameLeft(fm), y, nameWidth, row), Qt::AlignVCenter | Qt::AlignLeft,
                   shownName);
        if (onTwoLines) y += row;

        // The pill: same shapes as the timeline (sleeping is half height, blocked hatched).
        const QString label = stateText(proc);
        const double x = nameLeft(fm) + (onTwoLines ? 0 : nameWidth + 4);
        const double w = std::min(width() - x - 4, pillWidth(fm, label));
        QRectF pill(x, y + row * 0.12, std::max(0.0, w), row * 0.76);
        const bool alive = proc.alive();
        // Waiting for a grant, drawn as the timeline's chip: ghosted, its outline dashed.
        const bool granting = alive && !proc.waitingFor.empty();
        QColor fill =
            alive && !granting ? render::stateColor(palette, proc.state) : QColor(Qt::transparent);
        if (alive && !granting && proc.state == State::Sleeping)
            pill.adjust(0, row * 0.12, 0, -row * 0.12);
        p.setPen(granting ? QPen(palette.now, 1.5, Qt::DashLine)
                 : alive  ? QPen(fill.darker(130), 1)
                          : QPen(muted, 1, Qt::DashLine));
        p.setBrush(fill);
        p.drawRoundedRect(pill, 4, 4);
        if (alive && !granting && proc.state == State::Blocked) {
            p.save();
            p.setClipRect(pill);
            p.setPen(QPen(palette.hatch, 1));
            for (double hx = pill.left() - pill.height(); hx < pill.right(); hx += 6)
                p.drawLine(QPointF(hx, pill.bottom()), QPointF(hx + pill.height(), pill.top()));
            p.restore();
        }
        const QString shown = fm.elidedText(label, Qt::ElideRight, pill.width() - 6);
        if (alive && !granting && proc.state == State::Blocked) {
            // Text on hatching needs a calm background, exactly as wide as the words.
            const double tw = fm.horizontalAdvance(shown);
            QColor calm = fill.lighter(150);
            calm.setAlphaF(0.85);
            p.fillRect(
                QRectF(pill.center().x() - tw / 2 - 2, pill.top() + 2, tw + 4, pill.height() - 4),
                calm);
        }
        p.setPen(granting ? text : alive ? palette.barText : muted);
        p.drawText(pill, Qt::AlignCenter, shown);
        shownRows_ << shownName + QStringLiteral(": ") + shown;
        elided_ += (shownName != name) + (shown != label);
        y += row;
    }
}

} // namespace mpviz::gui
