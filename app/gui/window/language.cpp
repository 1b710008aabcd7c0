#include "gui/window/language.hpp"

#include "gui/window/settings_store.hpp"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace mpviz::gui {

namespace {
std::optional<Language> override_;
Language current_ = Language::English;
std::unique_ptr<QTranslator> own_, qt_;
LanguageSwitcher switcher_;

void remove(std::unique_ptr<QTranslator>& translator) {
    if (translator && QCoreApplication::instance())
        QCoreApplication::removeTranslator(translator.get());
    translator.reset();
}
} // namespace

std::optional<Language> parseLanguage(std::string_view code) {
    const auto is = [&](std::string_view lang) {
        return code == lang ||
               (code.size() > lang.size() && code.substr(0, lang.size()) == lang &&
                (code[lang.size()] == '_' || code[lang.size()] == '-' || code[lang.size()] == '.'));
    };
    if (is("en") || code == "C" || code == "POSIX") return Language::English;
    // Simplified Chinese only: zh, zh_CN, zh_SG, zh_Hans (not zh_TW, zh_HK).
    if (code == "zh" || is("zh_CN") || is("zh-CN") || is("zh_SG") || is("zh_Hans") || is("zh-Hans"))
        return Language::Chinese;
    return std::nullopt;
}

QString languageCode(Language language) {
    return language == Language::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

Language systemLanguage() {
    return QLocale::system().language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

void setLanguageOverride(std::optional<Language> language) {
    override_ = language;
}

std::optional<Language> languageOverride() {
    return override_;
}

namespace {
// The standard buttons mpviz's dialogs use, as Qt names them (QPlatformTheme, and GNOME's
// theme): in mpviz's own catalog, so they follow the language without qt6-translations-l10n.
[[maybe_unused]] constexpr const char* kStandardButtons[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"), QT_TRANSLATE_NOOP("QGnomeTheme", "OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),  QT_TRANSLATE_NOOP("QGnomeTheme", "&Close")};
} // namespace

void installTranslators(Language language) {
    remove(own_);
    remove(qt_);
    current_ = language;
    if (language == Language::English) return;
    auto own = std::make_unique<QTranslator>();
    if (own->load(QStringLiteral(":/i18n/mpviz_zh_CN.qm"))) {
        QCoreApplication::installTranslator(own.get());
        own_ = std::move(own);
    }
    // Qt's own words (file dialogs …), when the system has them; the standard buttons of
    // mpviz's dialogs are in mpviz's catalog as well (kStandardButtons), for systems without.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_zh_CN"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qt_ = std::move(qt);
    }
}

void setLanguageSwitcher(LanguageSwitcher switcher) {
    switcher_ = std::move(switcher);
}

Language currentLanguage() {
    return current_;
}

namespace {
// The comments of the lessons' listings (scenarios/*.cpp), for lupdate; a test checks that
// every comment of every listing is here.
[[maybe_unused]] constexpr const char* kListingComments[] = {
    QT_TRANSLATE_NOOP("listing", "read first: now the child can finish and exit"),
    QT_TRANSLATE_NOOP("listing", "this deadlocks: the child waits for a reader"),
    QT_TRANSLATE_NOOP("listing", "blocks until the flag is set"),
    QT_TRANSLATE_NOOP("listing", "so that the next wait() blocks again"),
    QT_TRANSLATE_NOOP("listing", "False when the timeout passes first"),
    QT_TRANSLATE_NOOP("listing", "wakes every waiter at once"),
    QT_TRANSLATE_NOOP("listing", "the value is dropped: exit code 0"),
    QT_TRANSLATE_NOOP("listing", "wait one second at most"),
    QT_TRANSLATE_NOOP("listing",
                      "the daemon is still asleep: it is terminated as the program ends"),
    QT_TRANSLATE_NOOP("listing",
                      "no join: the program still waits for its children before it ends"),
    QT_TRANSLATE_NOOP("listing", "everyone takes lock_a before lock_b"),
    QT_TRANSLATE_NOOP("listing",
                      "the opposite order: each may end up holding what the other wants"),
    QT_TRANSLATE_NOOP("listing", "blocks until a message is there"),
    QT_TRANSLATE_NOOP("listing", "duplex: both ends send and receive"),
    QT_TRANSLATE_NOOP("listing", "no more tasks"),
    QT_TRANSLATE_NOOP("listing", "wait until the workers finished them all and exited"),
    QT_TRANSLATE_NOOP("listing", "blocks while the queue is full"),
    QT_TRANSLATE_NOOP("listing", "blocks while the queue is empty"),
    QT_TRANSLATE_NOOP("listing", "poison pill: time to stop"),
    QT_TRANSLATE_NOOP("listing", "one pill per consumer"),
    QT_TRANSLATE_NOOP("listing", "until every item got its task_done()"),
    QT_TRANSLATE_NOOP("listing", "take a permit; blocks while none is left"),
    QT_TRANSLATE_NOOP("listing", "give the permit back"),
    QT_TRANSLATE_NOOP("listing", "wait for every worker before the program ends"),
    QT_TRANSLATE_NOOP("listing", "a read, then a write"),
    QT_TRANSLATE_NOOP("listing", "parameter: %1"),
};

// Where the comment of a line of Python starts (its '#'), or -1: a '#' in a string is not one.
qsizetype commentStart(const QString& line) {
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#')) {
            return i;
        }
    }
    return -1;
}
} // namespace

QString lessonListing(const std::string& listing) {
    QStringList lines = QString::fromStdString(listing).split(QLatin1Char('\n'));
    if (currentLanguage() == Language::English) return lines.join(QLatin1Char('\n'));
    static const QString parameter = QStringLiteral("parameter: ");
    for (QString& line : lines) {
        const qsizetype at = commentStart(line);
        if (at < 0) continue;
        const QString comment = line.mid(at + 1).trimmed();
        const QString said =
            comment.startsWith(parameter)
                ? QCoreApplication::translate("listing", "parameter: %1")
                      .arg(comment.mid(parameter.size()))
                : QCoreApplication::translate("listing", comment.toUtf8().constData());
        line = line.left(at) + QStringLiteral("# ") + said;
    }
    return lines.join(QLatin1Char('\n'));
}

QString lessonText(const std::string& text, const char* context) {
    if (text.empty()) return {};
    return QCoreApplication::translate(context, text.c_str());
}

LanguageActions addLanguageMenu(QMenu* view, SettingsStore& settings, QMainWindow* window) {
    auto* menu = view->addMenu(QCoreApplication::translate("mpviz::gui::MainWindow", "&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    const auto choice = [&](Language language, const char* name, const QString& text) {
        auto* action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        action->setCheckable(true);
        action->setChecked(language == currentLanguage());
        action->setData(languageCode(language));
        group->addAction(action);
        return action;
    };
    const LanguageActions actions{
        choice(Language::English, "languageEnglish", QStringLiteral("English")),
        choice(Language::Chinese, "languageChinese", QStringLiteral("简体中文"))};
    QObject::connect(group, &QActionGroup::triggered, window, [&settings, window](QAction* a) {
        const QString code = a->data().toString();
        settings.setLanguage(code);
        settings.sync();
        const bool now = parseLanguage(code.toStdString()) == currentLanguage();
        if (now) return; // back to the language on screen: nothing to restart
        if (switcher_) {
            switcher_(*parseLanguage(code.toStdString())); // a new window, in that language
            return;
        }
        // Both languages: the person chose the one they read.
        const QString said =
            QStringLiteral("mpviz will speak %1 from its next start.\nmpviz 下次启动时将使用%2。")
                .arg(a->text(), a->text());
        window->statusBar()->showMessage(said.section(QLatin1Char('\n'), 0, 0), 10000);
        auto* box = new QMessageBox(QMessageBox::Information, QStringLiteral("mpviz"), said,
                                    QMessageBox::NoButton, window);
        box->setObjectName(QStringLiteral("languageRestartBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        auto* restart =
            box->addButton(QStringLiteral("Restart now / 立即重新启动"), QMessageBox::AcceptRole);
        box->addButton(QStringLiteral("Later / 稍后"), QMessageBox::RejectRole);
        QObject::connect(restart, &QPushButton::clicked, window, [window] {
            // The same arguments; a --lang among them was taken out by main().
            QStringList args = QCoreApplication::arguments();
            args.removeFirst();
            window->close(); // saves the settings and ends the run first
            QProcess::startDetached(QCoreApplication::applicationFilePath(), args);
            QCoreApplication::quit();
        });
        box->open(); // not modal to the run: the lesson goes on behind it
    });
    return actions;
}

} // namespace mpviz::gui
