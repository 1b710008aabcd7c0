#pragma once
// Presentation mode's caption: the lesson's "what to watch for" and, in large type, the
// latest notable thing that happened, in plain words.

#include "gui/run/narrator.hpp"

#include <QFrame>

class QLabel;

namespace mpviz::gui {

class CaptionBar : public QFrame {
    Q_OBJECT
  public:
    explicit CaptionBar(QWidget* parent = nullptr);

    void setExplanation(const QString& title, const QString& explanation);
    void setNarration(const std::optional<Narration>& narration);
    // On a short screen (a 720-line projector) the lesson text's sentence makes way for the
    // lanes; the title keeps it as its tooltip.
    void setShort(bool isShort);
    QString narrationText() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void scaleFonts();

    QLabel* title_;
    QLabel* explanation_;
    QLabel* narration_;
};

} // namespace mpviz::gui
