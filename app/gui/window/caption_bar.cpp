#include "gui/window/caption_bar.hpp"

#include "gui/window/fonts.hpp"
#include "render/style.hpp"

#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace mpviz::gui {

CaptionBar::CaptionBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("captionBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    // Every line it saves is room for the lanes on a 720-line projector.
    layout->setContentsMargins(10, 4, 10, 4);
    layout->setSpacing(2);
    title_ = new QLabel(this);
    title_->setFont(boldFont(title_->font()));
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    narration_ = new QLabel(this);
    narration_->setObjectName(QStringLiteral("captionNarration"));
    narration_->setWordWrap(true);
    narration_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    scaleFonts();
    layout->addWidget(title_);
    layout->addWidget(explanation_);
    layout->addWidget(narration_);
}

void CaptionBar::scaleFonts() {
    // Relative to the bar's own font, so it grows with presentation mode's larger text.
    const QFont big = largerBoldFont(font(), 1.35);
    narration_->setFont(big);
    narration_->setMinimumHeight(QFontMetrics(big).height() * 2 + 4);
}

void CaptionBar::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange) scaleFonts();
}

namespace {
// The first sentence: in front of a class the caption leaves the room to the lanes, and the
// teacher says the rest (the whole text is the tooltip).
QString firstSentence(const QString& text) {
    static const QRegularExpression end(QStringLiteral("[.!?](\\s|$)|[\u3002\uff01\uff1f]"));
    const auto match = end.match(text);
    return match.hasMatch() ? text.left(match.capturedStart() + 1) : text;
}
} // namespace

void CaptionBar::setExplanation(const QString& title, const QString& explanation) {
    title_->setText(title);
    explanation_->setText(firstSentence(explanation));
    explanation_->setToolTip(explanation);
    title_->setToolTip(explanation);
}

void CaptionBar::setShort(bool isShort) {
    explanation_->setVisible(!isShort);
}

void CaptionBar::setNarration(const std::optional<Narration>& narration) {
    if (!narration) {
        narration_->setText(tr("Press Space to run the lesson."));
        narration_->setStyleSheet(QString());
        return;
    }
    narration_->setText(narration->text);
    using namespace render::okabe_ito;
    QColor colour;
    switch (narration->tone) {
    case Narration::Tone::Blocked:
        colour = QColor::fromRgb(kVermillion);
        break;
    case Narration::Tone::Deadlock:
        colour = QColor::fromRgb(kVermillion).darker(115);
        break;
    case Narration::Tone::Ended:
        colour = QColor::fromRgb(kBlue);
        break;
    case Narration::Tone::Info:
        break;
    }
    narration_->setStyleSheet(colour.isValid() ? QStringLiteral("color: %1;").arg(colour.name())
                                               : QString());
}

QString CaptionBar::narrationText() const {
    return narration_->text();
}

} // namespace mpviz::gui
