#pragma once
// The outcomes of "Run N times" as bars: one row per outcome, its count, what it was and
// which runs (seeds) gave it. Clicking a row asks to open its first run.

#include "engine/run_outcome.hpp"

#include <QWidget>

#include <vector>

namespace mpviz::gui {

class OutcomeChart : public QWidget {
    Q_OBJECT
  public:
    explicit OutcomeChart(QWidget* parent = nullptr);
    void setOutcomes(std::vector<engine::OutcomeGroup> groups, int runs, bool seeded);
    int rowAt(QPoint p) const; // -1: none
    QRect rowRect(int row) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  Q_SIGNALS:
    void runChosen(int run); // 1-based

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    QString runsText(const engine::OutcomeGroup& g) const;
    int rowHeight() const;

    std::vector<engine::OutcomeGroup> groups_;
    int runs_ = 0;
    bool seeded_ = false;
    int hovered_ = -1;
};

} // namespace mpviz::gui
