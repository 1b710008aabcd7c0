#pragma once
// Export the timeline as an image for slides: PNG (1–4× scale), SVG or PDF, the visible
// range or the whole run.

#include <QDialog>
#include <QString>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;
class QCheckBox;
class QSpinBox;

namespace mpviz::gui {

struct ExportRequest {
    QString file;
    double scale = 1.0; // PNG only
    bool visibleRangeOnly = true;
    bool dark = false;
    double fontScale = 1.0;
};

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    ExportDialog(const ExportRequest& initial, QWidget* parent = nullptr);
    ExportRequest request() const;

  private:
    void formatChosen();
    void fileEdited();
    void browse();

    QLineEdit* file_;
    QComboBox* format_;
    QSpinBox* scale_;
    QRadioButton* visible_;
    QRadioButton* whole_;
    QCheckBox* dark_;
    QDoubleSpinBox* fontScale_;
};

} // namespace mpviz::gui
