#pragma once
// What mpviz remembers between sessions (QSettings): window geometry and dock layout,
// theme, speed, the step policy, the last lesson and each lesson's parameters, the Python
// programs opened lately and how each one was run.

#include "gui/window/theme.hpp"

#include <QByteArray>
#include <QString>

#include <QStringList>

#include <map>
#include <memory>
#include <string>

class QSettings;

namespace mpviz::gui {

class SettingsStore {
  public:
    // `file` empty: the user's own settings; otherwise an INI file (tests, screenshots).
    explicit SettingsStore(const QString& file = {});
    ~SettingsStore();

    QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    Theme theme() const;
    void setTheme(Theme theme);
    // View ▸ Held locks and permits, View ▸ Counter charts: shown when never set.
    bool showHeldBands() const;
    void setShowHeldBands(bool on);
    bool showCounterCharts() const;
    void setShowCounterCharts(bool on);
    // View ▸ Language: "en", "zh_CN", or empty when never chosen (the locale decides).
    QString language() const;
    void setLanguage(const QString& code);
    double speed() const; // 1 when never set
    void setSpeed(double speed);
    QString stepPolicy() const; // "fifo" when never set
    void setStepPolicy(const QString& policy);
    QString lastScenario() const;
    void setLastScenario(const QString& id);
    std::map<std::string, std::string> parameters(const QString& scenario) const;
    void setParameters(const QString& scenario, const std::map<std::string, std::string>& values);
    // Most recent first, absolute paths, at most kRecentPrograms.
    QStringList recentPrograms() const;
    void addRecentProgram(const QString& file);
    void clearRecentPrograms();
    static constexpr int kRecentPrograms = 8;
    // How a program was last run (its arguments, start method, speed, time limit), by path.
    std::map<std::string, std::string> programSettings(const QString& file) const;
    void setProgramSettings(const QString& file, const std::map<std::string, std::string>& values);
    void sync();

  private:
    std::map<std::string, std::string> group(const QString& name) const;
    void setGroup(const QString& name, const std::map<std::string, std::string>& values);

    std::unique_ptr<QSettings> settings_;
};

} // namespace mpviz::gui
