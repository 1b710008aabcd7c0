#pragma once
// The language mpviz speaks: English (the source language) or Simplified Chinese, through
// Qt's translators. Chosen by `--lang`, else (the window only) what View ▸ Language
// remembered, else the system locale.

#include <QString>

#include <functional>

#include <optional>
#include <string_view>

namespace mpviz::gui {

enum class Language { English, Chinese };

// "en", "en_US", "zh", "zh_CN" … → the language; anything else → nothing.
std::optional<Language> parseLanguage(std::string_view code);
// "en" or "zh_CN": what --lang and the settings take.
QString languageCode(Language language);
// The locale's language: Chinese for zh*, English otherwise.
Language systemLanguage();

// `mpviz --lang`: taken out of argv by main() before anything else reads it.
void setLanguageOverride(std::optional<Language> language);
std::optional<Language> languageOverride();

// Installs the translators of `language` into the running application (mpviz's own,
// built in as :/i18n/mpviz_zh_CN.qm, and Qt's qtbase_zh_CN.qm when the system has it),
// replacing those installed before. English removes them.
void installTranslators(Language language);
// The language whose translators are installed.
Language currentLanguage();

// A lesson's Python listing with its comments in the current language; the code, and so
// every line number, stays as it is. (Comments of a person's own program are left alone:
// this is for the built-in lessons only.)
QString lessonListing(const std::string& listing);

// A lesson's or core's string marked MPVIZ_TR_NOOP, in the current language.
QString lessonText(const std::string& text, const char* context = "lesson");

} // namespace mpviz::gui

class QAction;
class QMainWindow;
class QMenu;

namespace mpviz::gui {

class SettingsStore;

// What View ▸ Language does besides remembering the choice: runGui() rebuilds the window
// in the chosen language (gui_app.cpp). Unset (tests building a window of their own): the
// menu says that the choice takes effect at the next start, and offers to restart.
using LanguageSwitcher = std::function<void(Language)>;
void setLanguageSwitcher(LanguageSwitcher switcher);

// View ▸ Language: English and 简体中文 (each named in its own words), the current one
// checked. Choosing the other remembers it in `settings` and switches (see above).
struct LanguageActions {
    QAction* english;
    QAction* chinese;
};
LanguageActions addLanguageMenu(QMenu* view, SettingsStore& settings, QMainWindow* window);

} // namespace mpviz::gui
