#include "gui/code/python_highlighter.hpp"

namespace mpviz::gui {

PythonHighlighter::PythonHighlighter(QTextDocument* document, Theme theme)
    : QSyntaxHighlighter(document) {
    setTheme(theme);
}

void PythonHighlighter::setTheme(Theme theme) {
    const bool dark = theme == Theme::Dark;
    const auto format = [](QColor colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold) f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    const QColor keyword = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x00, 0x50, 0xa0);
    const QColor builtin = dark ? QColor(0xc5, 0x8a, 0xf9) : QColor(0x80, 0x30, 0x90);
    const QColor string = dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x1a, 0x7a, 0x1a);
    const QColor number = dark ? QColor(0xe6, 0xa0, 0x50) : QColor(0xa0, 0x50, 0x00);
    const QColor comment = dark ? QColor(0x90, 0x90, 0x90) : QColor(0x70, 0x70, 0x70);
    rules_.clear();
    rules_.push_back({QRegularExpression(QStringLiteral(
                          "\\b(and|as|assert|break|class|continue|def|del|elif|else|except|"
                          "finally|for|from|global|if|import|in|is|lambda|not|or|pass|raise|"
                          "return|try|while|with|yield|None|True|False)\\b")),
                      format(keyword, true)});
    rules_.push_back({QRegularExpression(QStringLiteral(
                          "\\b(print|range|len|str|int|sum|list|super|__name__)\\b")),
                      format(builtin)});
    rules_.push_back(
        {QRegularExpression(QStringLiteral("\\b[0-9]+(\\.[0-9]+)?\\b")), format(number)});
    rules_.push_back(
        {QRegularExpression(QStringLiteral("[rf]?\"[^\"]*\"|[rf]?'[^']*'")), format(string)});
    rules_.push_back(
        {QRegularExpression(QStringLiteral("#[^\\n]*")), format(comment, false, true)});
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString& text) {
    // Later rules win: a '#' inside a string is rare in the listings, a quote inside a
    // comment common ("# don't …"), so comments go last.
    for (const Rule& rule : rules_) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
}

} // namespace mpviz::gui
