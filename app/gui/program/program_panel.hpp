#pragma once
// The lesson panel when a Python program is open: which program (its file name; the path
// in the tooltip), the primitives it was seen to use, what mpviz does not draw of it, why
// it cannot run when it cannot, and how to run it (its arguments, the start method, a time
// limit, the Python that runs it). The toolbar's speed applies as for lessons.

#include "gui/program/program_check.hpp"

#include <QWidget>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mpviz::gui {

class ProgramPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ProgramPanel(QWidget* parent = nullptr);

    // A program was opened: its name, and a note when its source uses parts of
    // multiprocessing that mpviz shows as processes only.
    void showProgram(const QString& file, const QString& source);
    void setPrimitives(const QString& used); // empty: none seen yet
    void setProblem(const std::optional<ProgramProblem>& problem);
    void setConverted(bool converted); // runs a copy converted from Python 2

    // --- how it runs ---
    QString argumentsText() const;
    std::vector<std::string> arguments() const; // split as a shell would
    std::string startMethod() const;            // fork, spawn, forkserver; "" = its own
    std::string interpreter() const;            // the Python that runs it; "" = the default
    double timeLimit() const;                   // seconds; 0 = none
    // args, start_method, python, time_limit, as text: what settings_store remembers per program.
    std::map<std::string, std::string> settings() const;
    void setSettings(const std::map<std::string, std::string>& values); // missing: defaults
    void setEditable(bool editable);                                    // not while it runs

    // --- for tests and screenshots ---
    QString title() const;
    QString titleTooltip() const;
    QString primitivesText() const;
    QString notShownText() const;
    QString problemText() const; // empty when it can run
    QLineEdit* argumentsEdit() const { return args_; }
    QComboBox* startMethodBox() const { return method_; }
    QLineEdit* interpreterEdit() const { return python_; }
    QPushButton* convertButton() const { return convert_; }

  Q_SIGNALS:
    void settingsChanged();
    void interpreterChanged();  // the program must be checked again with the new one
    void conversionRequested(); // "Show the conversion…" of a Python 2 program
    void lessonsRequested();    // back to the built-in lessons

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QWidget* makeInterpreterRow(QWidget* parent);

    QLabel* title_;
    QLabel* where_;
    QLabel* primitives_;
    QLabel* notShownHeading_;
    QLabel* notShown_;
    QLabel* converted_;
    QWidget* problemBox_;
    QLabel* problem_;
    QPushButton* convert_;
    QLineEdit* args_;
    QComboBox* method_;
    QDoubleSpinBox* limit_;
    QLineEdit* python_;
    QString shownInterpreter_; // what the program was last checked with
};

} // namespace mpviz::gui
