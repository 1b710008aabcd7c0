#pragma once
// Every line the scenario's processes printed, in time order across processes, fed
// incrementally from the live trace. Rows after the instant shown (the playhead) are
// greyed: in a replay they have not been printed yet.

#include "gui/window/theme.hpp"
#include "render/time_mapping.hpp"
#include "trace/trace.hpp"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace mpviz::gui {

class LogModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Time, Process, Text, ColumnCount };
    enum Role { EventRole = Qt::UserRole + 1, ProcessRole, TimestampRole };

    explicit LogModel(QObject* parent = nullptr);

    void clear();
    // Adds the lines printed since the last call (arrival order differs from time order
    // across processes: late ones are inserted where they belong).
    void update(const trace::TraceData& trace);
    void setCursorTime(std::optional<std::int64_t> t); // rows after it are greyed
    void setTheme(Theme theme);

    // The row of the last line printed at or before `t` (or -1).
    int rowAtOrBefore(std::int64_t t) const;
    int rowOfEvent(std::uint32_t event) const;
    QStringList processNames() const { return processNames_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  Q_SIGNALS:
    void processesChanged();

  private:
    struct Line {
        std::int64_t ts = 0;
        std::uint32_t seq = 0;
        std::uint32_t event = 0;
        int process = 0;
        QString text;
    };
    std::vector<Line> lines_;
    QStringList processNames_;
    const trace::TraceData* source_ = nullptr;
    std::size_t scanned_ = 0;
    render::ScenarioClock clock_;
    std::optional<std::int64_t> cursor_;
    Theme theme_ = Theme::Light;
};

// Hides the lines of the processes the user unticked.
class LogFilter : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setHidden(std::set<int> processes);
    const std::set<int>& hidden() const { return hidden_; }

  protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

  private:
    std::set<int> hidden_;
};

} // namespace mpviz::gui
