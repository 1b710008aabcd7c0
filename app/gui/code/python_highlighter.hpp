#pragma once
// Colours the scenario's Python listing (keywords, strings, comments, numbers) so it reads
// like the tutorial's code on a slide.

#include "gui/window/theme.hpp"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace mpviz::gui {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
  public:
    explicit PythonHighlighter(QTextDocument* document, Theme theme = Theme::Light);
    void setTheme(Theme theme);

  protected:
    void highlightBlock(const QString& text) override;

  private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> rules_;
};

} // namespace mpviz::gui
