#pragma once
// Offered when a program is Python 2 code: why it cannot run as it is (file and line), the
// changes lib2to3 would make, as a diff, and a button that runs the converted copy. The
// user's file is never modified.

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mpviz::gui {

class Python2Dialog : public QDialog {
    Q_OBJECT
  public:
    // `error` non-empty: lib2to3 could not convert it; the dialog says why and offers no run.
    Python2Dialog(const QString& problem, const QString& diff, const QString& error,
                  QWidget* parent = nullptr);

    QString diffText() const;
    QPushButton* runButton() const { return run_; }

  Q_SIGNALS:
    void runConvertedRequested();

  private:
    QPlainTextEdit* diff_;
    QPushButton* run_;
};

} // namespace mpviz::gui
