#include "gui/program/python2_dialog.hpp"

#include "render/style.hpp"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace mpviz::gui {

namespace {
// Added lines green, removed ones vermillion (the Okabe–Ito pair), hunk headers muted.
class DiffHighlighter : public QSyntaxHighlighter {
  public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

  protected:
    void highlightBlock(const QString& text) override {
        QTextCharFormat f;
        if (text.startsWith(QStringLiteral("+++")) || text.startsWith(QStringLiteral("---")) ||
            text.startsWith(QStringLiteral("@@")))
            f.setForeground(QColor(0x77, 0x77, 0x77));
        else if (text.startsWith(QLatin1Char('+')))
            f.setBackground(QColor::fromRgb(render::okabe_ito::kBluishGreen).lighter(170));
        else if (text.startsWith(QLatin1Char('-')))
            f.setBackground(QColor::fromRgb(render::okabe_ito::kVermillion).lighter(175));
        else
            return;
        if (f.hasProperty(QTextFormat::BackgroundBrush)) f.setForeground(QColor(0x1a, 0x1a, 0x1a));
        setFormat(0, static_cast<int>(text.size()), f);
    }
};
} // namespace

Python2Dialog::Python2Dialog(const QString& problem, const QString& diff, const QString& error,
                             QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("python2Dialog"));
    setWindowTitle(tr("Python 2 code"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(problem, this);
    what->setObjectName(QStringLiteral("python2Problem"));
    what->setWordWrap(true);
    what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(what);
    auto* intro =
        new QLabel(error.isEmpty() ? tr("lib2to3 would make these changes. mpviz runs a converted "
                                        "copy; your file stays as it is.")
                                   : tr("lib2to3 cannot convert it: %1").arg(error),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    diff_ = new QPlainTextEdit(this);
    diff_->setObjectName(QStringLiteral("python2Diff"));
    diff_->setReadOnly(true);
    diff_->setLineWrapMode(QPlainTextEdit::NoWrap);
    diff_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    diff_->setPlainText(diff);
    diff_->setVisible(error.isEmpty());
    new DiffHighlighter(diff_->document());
    layout->addWidget(diff_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    run_ = buttons->addButton(tr("Run the converted copy"), QDialogButtonBox::AcceptRole);
    run_->setObjectName(QStringLiteral("runConverted"));
    run_->setEnabled(error.isEmpty());
    run_->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        accept();
        Q_EMIT runConvertedRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto fm = diff_->fontMetrics();
    resize(fm.horizontalAdvance(QLatin1Char('x')) * 90, fm.height() * 30);
}

QString Python2Dialog::diffText() const {
    return diff_->toPlainText();
}

} // namespace mpviz::gui
