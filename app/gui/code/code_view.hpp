#pragma once
// The scenario's Python listing with line numbers. The line of the selected event is
// highlighted; a coloured dot in the margin shows the line each process last executed at
// the instant shown.

#include "gui/window/theme.hpp"

#include <QColor>
#include <QPlainTextEdit>

#include <vector>

namespace mpviz::gui {

class PythonHighlighter;

class CodeView : public QPlainTextEdit {
    Q_OBJECT
  public:
    explicit CodeView(QWidget* parent = nullptr);

    void setListing(const QString& python);
    // 1-based; 0 clears. Scrolls the line into view.
    void setHighlightedLine(int line);
    int highlightedLine() const { return highlighted_; }
    struct Marker {
        int line = 0;
        QColor colour;
        QString process;
    };
    void setMarkers(std::vector<Marker> markers);
    const std::vector<Marker>& markers() const { return markers_; }
    void setTheme(Theme theme);
    // The listing keeps its fixed-width font; presentation mode scales it.
    void setTextScale(double scale);

  protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

  private:
    class Margin;
    friend class Margin;
    int marginWidth() const;
    void paintMargin(QPaintEvent* event);
    void updateSelections();
    bool markerTooltip(const QPoint& viewportPos, const QPoint& globalPos);

    Margin* margin_;
    PythonHighlighter* highlighter_;
    int highlighted_ = 0;
    std::vector<Marker> markers_;
    Theme theme_ = Theme::Light;
};

} // namespace mpviz::gui
