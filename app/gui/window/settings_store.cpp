#include "gui/window/settings_store.hpp"

#include <QSettings>

namespace mpviz::gui {

namespace {
QString key(const char* text) {
    return QString::fromLatin1(text);
}

// QSettings reads '/' in a key as a group: a path becomes one safe key instead.
QString programGroup(const QString& file) {
    return QStringLiteral("programs/") +
           QString::fromLatin1(file.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                      QByteArray::OmitTrailingEquals));
}
} // namespace

SettingsStore::SettingsStore(const QString& file)
    : settings_(file.isEmpty()
                    ? std::make_unique<QSettings>(QStringLiteral("mpviz"), QStringLiteral("mpviz"))
                    : std::make_unique<QSettings>(file, QSettings::IniFormat)) {}

SettingsStore::~SettingsStore() = default;

QByteArray SettingsStore::geometry() const {
    return settings_->value(key("window/geometry")).toByteArray();
}
void SettingsStore::setGeometry(const QByteArray& g) {
    settings_->setValue(key("window/geometry"), g);
}
QByteArray SettingsStore::windowState() const {
    return settings_->value(key("window/state")).toByteArray();
}
void SettingsStore::setWindowState(const QByteArray& s) {
    settings_->setValue(key("window/state"), s);
}

Theme SettingsStore::theme() const {
    return themeFromName(settings_->value(key("view/theme"), QStringLiteral("light")).toString());
}
void SettingsStore::setTheme(Theme theme) {
    settings_->setValue(key("view/theme"), themeName(theme));
}

bool SettingsStore::showHeldBands() const {
    return settings_->value(key("view/heldBands"), true).toBool();
}
void SettingsStore::setShowHeldBands(bool on) {
    settings_->setValue(key("view/heldBands"), on);
}

bool SettingsStore::showCounterCharts() const {
    return settings_->value(key("view/counterCharts"), true).toBool();
}
void SettingsStore::setShowCounterCharts(bool on) {
    settings_->setValue(key("view/counterCharts"), on);
}

QString SettingsStore::language() const {
    return settings_->value(key("view/language")).toString();
}
void SettingsStore::setLanguage(const QString& code) {
    settings_->setValue(key("view/language"), code);
}

double SettingsStore::speed() const {
    bool ok = false;
    const double v = settings_->value(key("run/speed"), 1.0).toDouble(&ok);
    return ok && v > 0 ? v : 1.0;
}
void SettingsStore::setSpeed(double speed) {
    settings_->setValue(key("run/speed"), speed);
}

QString SettingsStore::stepPolicy() const {
    return settings_->value(key("step/policy"), QStringLiteral("fifo")).toString();
}
void SettingsStore::setStepPolicy(const QString& policy) {
    settings_->setValue(key("step/policy"), policy);
}

QString SettingsStore::lastScenario() const {
    return settings_->value(key("run/scenario")).toString();
}
void SettingsStore::setLastScenario(const QString& id) {
    settings_->setValue(key("run/scenario"), id);
}

std::map<std::string, std::string> SettingsStore::group(const QString& name) const {
    std::map<std::string, std::string> out;
    settings_->beginGroup(name);
    for (const QString& entry : settings_->childKeys())
        out[entry.toStdString()] = settings_->value(entry).toString().toStdString();
    settings_->endGroup();
    return out;
}

void SettingsStore::setGroup(const QString& name,
                             const std::map<std::string, std::string>& values) {
    settings_->beginGroup(name);
    settings_->remove(QString());
    for (const auto& [entry, value] : values)
        settings_->setValue(QString::fromStdString(entry), QString::fromStdString(value));
    settings_->endGroup();
}

std::map<std::string, std::string> SettingsStore::parameters(const QString& scenario) const {
    return group(QStringLiteral("parameters/") + scenario);
}

void SettingsStore::setParameters(const QString& scenario,
                                  const std::map<std::string, std::string>& values) {
    setGroup(QStringLiteral("parameters/") + scenario, values);
}

QStringList SettingsStore::recentPrograms() const {
    return settings_->value(key("programs/recent")).toStringList();
}

void SettingsStore::addRecentProgram(const QString& file) {
    QStringList recent = recentPrograms();
    recent.removeAll(file);
    recent.prepend(file);
    while (recent.size() > kRecentPrograms)
        recent.removeLast();
    settings_->setValue(key("programs/recent"), recent);
}

void SettingsStore::clearRecentPrograms() {
    settings_->remove(key("programs/recent"));
}

std::map<std::string, std::string> SettingsStore::programSettings(const QString& file) const {
    return group(programGroup(file));
}

void SettingsStore::setProgramSettings(const QString& file,
                                       const std::map<std::string, std::string>& values) {
    setGroup(programGroup(file), values);
}

void SettingsStore::sync() {
    settings_->sync();
}

} // namespace mpviz::gui
