#pragma once
// The log panel: what each process printed, coloured by process, in time order, with a
// per-process filter. Clicking a line selects its print event everywhere.

#include "gui/log/log_model.hpp"

#include <QWidget>

#include <cstdint>
#include <optional>

class QTableView;
class QToolButton;
class QMenu;

namespace mpviz::gui {

class LogView : public QWidget {
    Q_OBJECT
  public:
    explicit LogView(QWidget* parent = nullptr);

    LogModel* model() const { return model_; }
    LogFilter* filter() const { return filter_; }
    QTableView* table() const { return table_; }

    void clear();
    void updateFrom(const trace::TraceData& trace, bool followEnd);
    // Shows the instant `t`: greys later lines and scrolls to the last line printed by then.
    void showTime(std::optional<std::int64_t> t);
    // Selects the line of `event` if it is a print, else the last line before `ts`.
    void selectEvent(std::uint32_t event, std::int64_t ts);
    void setProcessVisible(int process, bool visible);
    void setTheme(Theme theme);

  Q_SIGNALS:
    void eventActivated(std::uint32_t event);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void rebuildFilterMenu();
    // Column widths and the line height from the font and the process names.
    void fitColumns();
    void scrollToSourceRow(int row, bool select);

    LogModel* model_;
    LogFilter* filter_;
    QTableView* table_;
    QToolButton* filterButton_;
    QMenu* filterMenu_;
    bool selecting_ = false;
};

} // namespace mpviz::gui
