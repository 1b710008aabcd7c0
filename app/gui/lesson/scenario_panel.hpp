#pragma once
// The lesson picker: which scenario, what it is about ("what to watch for"), and its
// parameters.

#include <QWidget>

#include <map>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;

// Forward declarations: moc cannot parse the C++20 concepts scenario.hpp pulls in.
namespace mpviz::scenarios {
struct Parameter;
struct Scenario;
} // namespace mpviz::scenarios

namespace mpviz::gui {

class ParameterForm;

class ScenarioPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    const scenarios::Scenario* scenario() const { return scenario_; }
    bool setScenario(const std::string& id); // false for an unknown id
    std::map<std::string, std::string> parameters() const;
    void setParameters(const std::map<std::string, std::string>& values);
    ParameterForm* form() const { return form_; }
    QComboBox* picker() const { return picker_; }
    // While a run goes on, the lesson and its parameters stay as they were started.
    void setEditable(bool editable);

  Q_SIGNALS:
    void scenarioChanged(const QString& id);
    void parametersChanged();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void showScenario(int row);

    QComboBox* picker_;
    QLabel* title_;
    QLabel* explanation_;
    ParameterForm* form_;
    QPushButton* reset_;
    const scenarios::Scenario* scenario_ = nullptr;
};

} // namespace mpviz::gui
