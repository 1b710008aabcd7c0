#include "gui/code/code_view.hpp"

#include "gui/code/python_highlighter.hpp"
#include "render/style.hpp"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace mpviz::gui {

class CodeView::Margin : public QWidget {
  public:
    explicit Margin(CodeView* view) : QWidget(view), view_(view) {}
    QSize sizeHint() const override { return QSize(view_->marginWidth(), 0); }

  protected:
    void paintEvent(QPaintEvent* event) override { view_->paintMargin(event); }

  private:
    CodeView* view_;
};

CodeView::CodeView(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("codeView"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setToolTip(tr("The lesson's Python program. The selected event's line is highlighted; "
                  "dots in the margin show where each process is."));
    margin_ = new Margin(this);
    highlighter_ = new PythonHighlighter(document());
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(marginWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            margin_->scroll(0, dy);
        else
            margin_->update(0, rect.y(), margin_->width(), rect.height());
    });
    setViewportMargins(marginWidth(), 0, 0, 0);
}

void CodeView::setListing(const QString& python) {
    setPlainText(python);
    highlighted_ = 0;
    markers_.clear();
    updateSelections();
}

int CodeView::marginWidth() const {
    const int digits = QString::number(std::max(1, blockCount())).size();
    const auto& fm = fontMetrics();
    // Numbers, then room for the process dots.
    return 8 + fm.horizontalAdvance(QLatin1Char('9')) * digits + fm.height() * 2;
}

void CodeView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    margin_->setGeometry(QRect(cr.left(), cr.top(), marginWidth(), cr.height()));
}

void CodeView::setHighlightedLine(int line) {
    highlighted_ = line;
    updateSelections();
    if (line > 0) {
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextCursor c(block);
            setTextCursor(c);
            centerCursor();
        }
    }
}

void CodeView::setMarkers(std::vector<Marker> markers) {
    const auto key = [](const Marker& m) {
        return std::make_tuple(m.line, m.colour.rgba(), m.process);
    };
    const bool same =
        markers.size() == markers_.size() &&
        std::equal(markers.begin(), markers.end(), markers_.begin(),
                   [&](const Marker& a, const Marker& b) { return key(a) == key(b); });
    if (same) return;
    markers_ = std::move(markers);
    updateSelections();
    margin_->update();
}

void CodeView::setTextScale(double scale) {
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(f.pointSizeF() * scale);
    setFont(f);
    setViewportMargins(marginWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    margin_->setGeometry(QRect(cr.left(), cr.top(), marginWidth(), cr.height()));
}

void CodeView::setTheme(Theme theme) {
    theme_ = theme;
    highlighter_->setTheme(theme);
    updateSelections();
}

void CodeView::updateSelections() {
    QList<QTextEdit::ExtraSelection> selections;
    // Lines where processes are: a faint tint of the first such process's colour.
    for (const Marker& m : markers_) {
        if (m.line <= 0 || m.line == highlighted_) continue;
        QTextEdit::ExtraSelection s;
        QColor tint = m.colour;
        tint.setAlphaF(theme_ == Theme::Dark ? 0.18 : 0.10);
        s.format.setBackground(tint);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(m.line - 1));
        selections << s;
    }
    if (highlighted_ > 0) {
        QTextEdit::ExtraSelection s;
        QColor strong = QColor::fromRgb(render::okabe_ito::kOrange);
        strong.setAlphaF(theme_ == Theme::Dark ? 0.45 : 0.35);
        s.format.setBackground(strong);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(highlighted_ - 1));
        selections << s;
    }
    setExtraSelections(selections);
}

void CodeView::paintMargin(QPaintEvent* event) {
    QPainter p(margin_);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    p.setRenderHint(QPainter::Antialiasing);
    const auto& fm = fontMetrics();
    const int dotsWidth = fm.height() * 2;
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = number + 1;
            p.setPen(line == highlighted_ ? palette().color(QPalette::WindowText)
                                          : palette().color(QPalette::PlaceholderText));
            p.drawText(0, top, margin_->width() - dotsWidth - 4, fm.height(), Qt::AlignRight,
                       QString::number(line));
            // One dot per process at this line, side by side.
            double x = margin_->width() - dotsWidth + 2;
            const double d = fm.height() * 0.45;
            for (const Marker& m : markers_) {
                if (m.line != line) continue;
                p.setPen(Qt::NoPen);
                p.setBrush(m.colour);
                p.drawEllipse(QRectF(x, top + (fm.height() - d) / 2, d, d));
                x += d * 0.7;
                if (x > margin_->width() - d) break;
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

bool CodeView::markerTooltip(const QPoint& viewportPos, const QPoint& globalPos) {
    const int line = cursorForPosition(QPoint(0, viewportPos.y())).blockNumber() + 1;
    QStringList who;
    for (const Marker& m : markers_)
        if (m.line == line) who << m.process;
    if (who.isEmpty()) return false;
    QToolTip::showText(globalPos, tr("Here now: ") + who.join(QStringLiteral(", ")), this);
    return true;
}

bool CodeView::event(QEvent* e) {
    // Tooltips over the margin (where the dots are) arrive here.
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (markerTooltip(help->pos() - viewport()->pos(), help->globalPos())) return true;
    }
    return QPlainTextEdit::event(e);
}

bool CodeView::viewportEvent(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (markerTooltip(help->pos(), help->globalPos())) return true;
    }
    return QPlainTextEdit::viewportEvent(e);
}

} // namespace mpviz::gui
