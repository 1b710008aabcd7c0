#pragma once
// A scenario's parameters as a form built from their metadata: spin boxes for integers,
// double spin boxes for numbers, check boxes for flags; the ranges are the widgets' own
// limits, the help line is the tooltip.

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QFormLayout;

// Forward declarations: moc cannot parse the C++20 concepts scenario.hpp pulls in.
namespace mpviz::scenarios {
struct Parameter;
struct Scenario;
} // namespace mpviz::scenarios

namespace mpviz::gui {

class ParameterForm : public QWidget {
    Q_OBJECT
  public:
    explicit ParameterForm(QWidget* parent = nullptr);

    void setScenario(const scenarios::Scenario* scenario); // rebuilds, at the defaults
    // Every parameter as normalized text ("3", "2.5", "true"), as resolveParams gives.
    std::map<std::string, std::string> values() const;
    // Sets the parameters named in `values`; unknown names and unreadable values are ignored
    // and out-of-range numbers are clamped by the widgets.
    void setValues(const std::map<std::string, std::string>& values);
    void resetToDefaults();
    bool atDefaults() const;
    QWidget* editorFor(const std::string& name) const; // for tests and the fix button

  Q_SIGNALS:
    void valuesChanged();

  protected:
    // Space in a number field is the window's Space (Run, or Pause while running): a
    // number has no spaces, and a field that took one would go blank.
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void passSpaceOn(QWidget* numberField);
    // An integer's or a number's field: its range and default in the tooltip, each change
    // reported, Space passed on.
    template <typename SpinBox> SpinBox* numberField(SpinBox* spin, const QString& help);
    struct Row {
        const scenarios::Parameter* parameter;
        QWidget* editor;
    };
    QFormLayout* layout_;
    const scenarios::Scenario* scenario_ = nullptr;
    std::vector<Row> rows_;
};

} // namespace mpviz::gui
