#include "gui/log/log_model.hpp"

#include "render/labels.hpp"
#include "render/time_axis.hpp"

#include <QBrush>

#include <algorithm>

namespace mpviz::gui {

using trace::Op;
using trace::Phase;

LogModel::LogModel(QObject* parent) : QAbstractTableModel(parent) {}

void LogModel::clear() {
    beginResetModel();
    lines_.clear();
    processNames_.clear();
    source_ = nullptr;
    scanned_ = 0;
    cursor_.reset();
    endResetModel();
    Q_EMIT processesChanged();
}

void LogModel::update(const trace::TraceData& d) {
    const auto events = d.events();
    if (source_ != &d || events.size() < scanned_) {
        clear();
        source_ = &d;
    }
    clock_ = render::ScenarioClock::of(d);
    if (static_cast<std::size_t>(processNames_.size()) != d.processes().size()) {
        processNames_.clear();
        for (const auto& p : d.processes())
            processNames_ << QString::fromStdString(p.name);
        Q_EMIT processesChanged();
    }
    std::vector<Line> fresh;
    for (; scanned_ < events.size(); ++scanned_) {
        const auto& e = events[scanned_];
        if (e.op != Op::Print || e.phase != Phase::Done) continue;
        const auto text = d.text(e.text);
        fresh.push_back({e.ts, e.seq, static_cast<std::uint32_t>(scanned_), e.process,
                         render::toQString(text)});
    }
    if (fresh.empty()) return;
    const auto before = [](const Line& a, const Line& b) {
        return a.ts != b.ts ? a.ts < b.ts : a.seq < b.seq;
    };
    std::sort(fresh.begin(), fresh.end(), before);
    if (lines_.empty() || !before(fresh.front(), lines_.back())) {
        // The usual case: everything new comes after what is shown.
        const int first = static_cast<int>(lines_.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        lines_.insert(lines_.end(), fresh.begin(), fresh.end());
        endInsertRows();
        return;
    }
    for (auto& line : fresh) {
        const auto at = std::upper_bound(lines_.begin(), lines_.end(), line, before);
        const int row = static_cast<int>(at - lines_.begin());
        beginInsertRows({}, row, row);
        lines_.insert(at, std::move(line));
        endInsertRows();
    }
}

void LogModel::setCursorTime(std::optional<std::int64_t> t) {
    if (t == cursor_) return;
    cursor_ = t;
    if (!lines_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
}

void LogModel::setTheme(Theme theme) {
    theme_ = theme;
    if (!lines_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
}

int LogModel::rowAtOrBefore(std::int64_t t) const {
    const auto at = std::partition_point(lines_.begin(), lines_.end(),
                                         [t](const Line& l) { return l.ts <= t; });
    return static_cast<int>(at - lines_.begin()) - 1;
}

int LogModel::rowOfEvent(std::uint32_t event) const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
        if (lines_[i].event == event) return static_cast<int>(i);
    return -1;
}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(lines_.size());
}

int LogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Line& line = lines_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return render::formatInstant(clock_, line.ts);
        case Process:
            return processNames_.value(line.process);
        case Text:
            return line.text;
        }
        break;
    case Qt::ForegroundRole: {
        QColor c = processColor(line.process, theme_);
        if (cursor_ && line.ts > *cursor_) c.setAlphaF(0.35); // not printed yet at the playhead
        if (index.column() == Time && !(cursor_ && line.ts > *cursor_)) return {};
        return QBrush(c);
    }
    case Qt::ToolTipRole:
        return tr("%1 printed at %2:\n%3")
            .arg(processNames_.value(line.process), render::formatInstant(clock_, line.ts),
                 line.text);
    case EventRole:
        return QVariant::fromValue(line.event);
    case ProcessRole:
        return line.process;
    case TimestampRole:
        return QVariant::fromValue(static_cast<qlonglong>(line.ts));
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Process:
        return tr("Process");
    case Text:
        return tr("Printed");
    }
    return {};
}

void LogFilter::setHidden(std::set<int> processes) {
    hidden_ = std::move(processes);
    invalidateFilter();
}

bool LogFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    return hidden_.count(sourceModel()->data(i, LogModel::ProcessRole).toInt()) == 0;
}

} // namespace mpviz::gui
