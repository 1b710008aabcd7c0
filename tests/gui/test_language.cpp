// Two languages: every entry of the Chinese catalog is translated, the window speaks the
// language chosen before it is built (menus, lesson texts, narration), View ▸ Language
// remembers a choice, exports follow --lang, and a bad --lang is refused.

#include "catch_qt.hpp"
#include "test_render_fixtures.hpp"
#include "window_options.hpp"

#include "engine/explain.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/run/narrator.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/window/gui_app.hpp"
#include "gui/window/help_dialogs.hpp"
#include "gui/window/language.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/labels.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTextBrowser>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>
#include <filesystem>
#include <memory>

using namespace mpviz;

namespace {

// Puts the translators of `language` in place for one test case, English again after it.
struct SpeakFor {
    explicit SpeakFor(gui::Language language) { gui::installTranslators(language); }
    ~SpeakFor() { gui::installTranslators(gui::Language::English); }
};

QStringList menuTitles(gui::MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

QMenu* menuNamed(QWidget& w, const QString& objectName) {
    return w.findChild<QMenu*>(objectName);
}

bool hasHan(const QString& text) {
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

// The placeholders a translation must keep: %1…%9 and %n, each as often as the source.
QStringList placeholders(const QString& text) {
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%[1-9n]"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

QString mpvizProgram() {
    return QString::fromStdString((std::filesystem::path(MPVIZ_BIN_DIR) / "mpviz").string());
}

// What is wrong with the translations of a .ts file: unfinished or empty entries, lost
// placeholders or accelerators. `messages` counts its entries.
QStringList translationProblems(const QString& ts, int& messages) {
    QFile file(ts);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context, source;
    messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            ++messages;
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString where = context + QStringLiteral(": ") + source;
            QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty()) problems << type + QStringLiteral(" - ") + where;
            if (text.trimmed().isEmpty()) problems << QStringLiteral("empty - ") + where;
            // A lone placeholder would be repeated for %n forms; compare each one's set.
            if (placeholders(text) != placeholders(source) &&
                !(source.contains(QStringLiteral("%n")) && text.contains(QStringLiteral("%n"))))
                problems << QStringLiteral("placeholders differ - ") + where;
            // A menu's accelerator (&File) stays: 文件(&F).
            static const QRegularExpression accelerator(QStringLiteral("&[^&\\s]"));
            if (source.contains(accelerator) && !text.contains(accelerator))
                problems << QStringLiteral("no accelerator - ") + where;
        }
    }
    INFO(xml.errorString().toStdString() << " at line " << xml.lineNumber());
    REQUIRE_FALSE(xml.hasError());
    return problems;
}

} // namespace

TEST_CASE("Every translation of mpviz_zh_CN.ts is finished and keeps its placeholders",
          "[gui][language]") {
    int messages = 0;
    const QStringList problems =
        translationProblems(QStringLiteral(MPVIZ_TRANSLATIONS_DIR "/mpviz_zh_CN.ts"), messages);
    CHECK(messages > 400);
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("The translation has every string of the sources: lupdate finds nothing new in "
          "them (language)",
          "[gui][language][process]") {
    // lupdate as update_translations runs it, on a copy: a string added or changed in app/,
    // scenarios/ or core/engine/explain.cpp without its Chinese shows as unfinished.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("mpviz_zh_CN.ts"));
    REQUIRE(QFile::copy(QStringLiteral(MPVIZ_TRANSLATIONS_DIR "/mpviz_zh_CN.ts"), copy));
    const QDir source(QStringLiteral(MPVIZ_SOURCE_DIR));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.setWorkingDirectory(source.path());
    lupdate.start(QStringLiteral(MPVIZ_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-tr-function-alias"),
                   QStringLiteral("QT_TRANSLATE_NOOP+=MPVIZ_TR_NOOP"), QStringLiteral("-I"),
                   QStringLiteral("app"), QStringLiteral("-I"), QStringLiteral("core"),
                   QStringLiteral("-I"), QStringLiteral("scenarios"), QStringLiteral("-extensions"),
                   QStringLiteral("cpp"), QStringLiteral("app/gui"), QStringLiteral("app/render"),
                   QStringLiteral("scenarios"), QStringLiteral("core/engine/explain.cpp"),
                   QStringLiteral("-ts"), copy});
    REQUIRE(lupdate.waitForFinished(120000));
    const QString said = QString::fromUtf8(lupdate.readAll());
    INFO(said.toStdString());
    REQUIRE(lupdate.exitCode() == 0);
    CHECK(said.contains(QStringLiteral("(0 new ")));
    int messages = 0;
    const QStringList problems = translationProblems(copy, messages);
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("The Chinese catalog is built in, and English takes it away again (language)",
          "[gui][language]") {
    {
        SpeakFor chinese(gui::Language::Chinese);
        CHECK(gui::currentLanguage() == gui::Language::Chinese);
        CHECK(QCoreApplication::translate("mpviz::gui::MainWindow", "&File") ==
              QStringLiteral("文件(&F)"));
        // A lesson's words, marked in the Qt-free scenarios/ and translated by the window.
        const auto* lock = scenarios::find("lock");
        REQUIRE(lock);
        CHECK(gui::lessonText(lock->title) == QStringLiteral("锁 Lock：一次只有一个写入者"));
        for (const auto& p : lock->parameters)
            CHECK(hasHan(gui::lessonText(p.help)));
        // The painter's words, as exports show them.
        CHECK(render::exitLabel(std::optional<int>(0)) == QStringLiteral("已退出（0）"));
        CHECK(render::stateText(trace::State::Blocked) == QStringLiteral("阻塞"));
        CHECK(gui::deadlockPrefix() == QStringLiteral("死锁："));
    }
    CHECK(gui::currentLanguage() == gui::Language::English);
    CHECK(QCoreApplication::translate("mpviz::gui::MainWindow", "&File") ==
          QStringLiteral("&File"));
    CHECK(render::exitLabel(std::optional<int>(0)) == QStringLiteral("exited (0)"));
}

TEST_CASE("The deadlock's explanation is translated, the command line's stays English (language)",
          "[gui][language]") {
    const trace::TraceData d = mpviz::test::deadlockTrace();
    const QString english = gui::explainDeadlock(d);
    CHECK(english == QStringLiteral("Deadlock: MainProcess waits in join for Process-1; Process-1 "
                                    "cannot exit until its queued bytes are read, and only "
                                    "MainProcess would read them."));
    SpeakFor chinese(gui::Language::Chinese);
    CHECK(gui::explainDeadlock(d) ==
          QStringLiteral("死锁：MainProcess 在 join 中等待 Process-1；Process-1 "
                         "要等它放入队列的字节被读走才能退出，而只有 MainProcess 会读取它们。"));
    CHECK(QString::fromStdString(engine::explainDeadlock(d)) == english.mid(10));
}

TEST_CASE("Every sentence in app/gui and app/render goes through translation (language)",
          "[gui][language]") {
    // A QStringLiteral or QLatin1String holding two English words in a row is something a
    // person reads: it belongs in tr() or QCoreApplication::translate(), unless listed here.
    const QStringList allowed = {
        // The engine's English message about a Python program, adapted to the window.
        QStringLiteral("Run it with --convert-python2"),
        QStringLiteral("mpviz can run a copy converted"), QStringLiteral(" Fix that line"),
        // SVG metadata nobody sees on the image.
        QStringLiteral("mpviz timeline"),
        // View ▸ Language's confirmation, in both languages at once.
        QStringLiteral("mpviz will speak %1"), QStringLiteral("Restart now / "),
        QStringLiteral("Later / ")};
    static const QRegularExpression literal(
        QStringLiteral(R"re((?:QStringLiteral|QLatin1String)\(\s*"((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,} [A-Za-z]{2,}"));
    const QDir app(QStringLiteral(MPVIZ_TRANSLATIONS_DIR "/../../app"));
    QStringList found;
    int files = 0;
    for (const QString& folder : {QStringLiteral("gui"), QStringLiteral("render")}) {
        QDirIterator it(app.filePath(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.hpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            ++files;
            int line = 0;
            for (const QByteArray& bytes : f.readAll().split('\n')) {
                ++line;
                const QString text = QString::fromUtf8(bytes);
                for (auto m = literal.globalMatch(text); m.hasNext();) {
                    const QString s = m.next().captured(1);
                    // Style sheets ("#deadlockBanner { … }") are not words.
                    if (!s.contains(words) || s.contains(QLatin1Char('{'))) continue;
                    if (std::any_of(allowed.begin(), allowed.end(),
                                    [&](const QString& a) { return s.startsWith(a); }))
                        continue;
                    found << app.relativeFilePath(f.fileName()) + QLatin1Char(':') +
                                 QString::number(line) + QStringLiteral(": ") + s;
                }
            }
        }
    }
    CHECK(files > 50);
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("Every comment of every lesson's listing is translated, the code is not (language)",
          "[gui][language]") {
    SpeakFor chinese(gui::Language::Chinese);
    for (const auto& lesson : scenarios::all()) {
        INFO(lesson.id);
        const QStringList english = QString::fromStdString(lesson.listing).split(QLatin1Char('\n'));
        const QStringList chinese = gui::lessonListing(lesson.listing).split(QLatin1Char('\n'));
        REQUIRE(chinese.size() == english.size()); // the code panel's lines stay where they are
        for (qsizetype i = 0; i < english.size(); ++i) {
            INFO(english[i].toStdString());
            const qsizetype hash = english[i].indexOf(QStringLiteral("  # "));
            const bool comment = hash >= 0 || english[i].trimmed().startsWith(QLatin1Char('#'));
            if (!comment) {
                CHECK(chinese[i] == english[i]);
                continue;
            }
            const qsizetype code = std::max<qsizetype>(0, hash);
            CHECK(chinese[i].left(code) == english[i].left(code));
            CHECK(hasHan(chinese[i]));
        }
    }
}

TEST_CASE("Language codes: --lang and the settings take zh_CN and en", "[gui][language]") {
    CHECK(gui::parseLanguage("zh_CN") == gui::Language::Chinese);
    CHECK(gui::parseLanguage("zh_CN.UTF-8") == gui::Language::Chinese);
    CHECK(gui::parseLanguage("zh") == gui::Language::Chinese);
    CHECK(gui::parseLanguage("en") == gui::Language::English);
    CHECK(gui::parseLanguage("en_US.UTF-8") == gui::Language::English);
    CHECK_FALSE(gui::parseLanguage("xx"));
    CHECK_FALSE(gui::parseLanguage("zh_TW")); // traditional Chinese: not offered
    CHECK_FALSE(gui::parseLanguage(""));
    CHECK(gui::languageCode(gui::Language::Chinese) == QStringLiteral("zh_CN"));
    CHECK(gui::languageCode(gui::Language::English) == QStringLiteral("en"));
}

TEST_CASE("A window started in Chinese has Chinese menus, lesson and status (language)",
          "[gui][window][language]") {
    SpeakFor chinese(gui::Language::Chinese);
    QTemporaryDir dir;
    auto w = std::make_unique<gui::MainWindow>(mpviz::testing::testWindowOptions(dir));
    w->resize(1280, 800);
    w->show();
    REQUIRE(w->selectScenario(QStringLiteral("lock")));
    const QStringList titles = menuTitles(*w);
    INFO(titles.join(QLatin1Char(' ')).toStdString());
    CHECK(titles.contains(QStringLiteral("文件(&F)")));
    CHECK(titles.contains(QStringLiteral("运行(&R)")));
    CHECK(titles.contains(QStringLiteral("视图(&V)")));
    CHECK(titles.contains(QStringLiteral("帮助(&H)")));
    const auto* title = w->findChild<QLabel*>(QStringLiteral("scenarioTitle"));
    REQUIRE(title);
    CHECK(title->text() == QStringLiteral("锁 Lock：一次只有一个写入者"));
    const auto* explanation = w->findChild<QLabel*>(QStringLiteral("scenarioExplanation"));
    REQUIRE(explanation);
    CHECK(hasHan(explanation->text()));
    CHECK(w->windowTitle().contains(QStringLiteral("一次只有一个写入者")));
    CHECK(hasHan(w->statusText()));
    // View ▸ Language names both languages in their own words, Chinese checked.
    QMenu* language = menuNamed(*w, QStringLiteral("languageMenu"));
    REQUIRE(language);
    CHECK(language->title() == QStringLiteral("语言(&L)"));
    auto* zh = w->findChild<QAction*>(QStringLiteral("languageChinese"));
    auto* en = w->findChild<QAction*>(QStringLiteral("languageEnglish"));
    REQUIRE(zh);
    REQUIRE(en);
    CHECK(zh->isChecked());
    CHECK_FALSE(en->isChecked());
    CHECK(zh->text() == QStringLiteral("简体中文"));
    CHECK(en->text() == QStringLiteral("English"));
    // The screenshot the user guide shows is of such a window: it is not empty.
    CHECK_FALSE(w->grab().isNull());
}

TEST_CASE("Back in English: View ▸ Language remembers Chinese for the next start (language)",
          "[gui][window][language]") {
    gui::installTranslators(gui::Language::English);
    QTemporaryDir dir;
    auto options = mpviz::testing::testWindowOptions(dir);
    auto w = std::make_unique<gui::MainWindow>(options);
    w->show();
    REQUIRE(w->selectScenario(QStringLiteral("lock")));
    const QStringList titles = menuTitles(*w);
    CHECK(titles.contains(QStringLiteral("&File")));
    CHECK(titles.contains(QStringLiteral("&View")));
    const auto* title = w->findChild<QLabel*>(QStringLiteral("scenarioTitle"));
    REQUIRE(title);
    CHECK(title->text() == QStringLiteral("Lock: one writer at a time"));
    CHECK_FALSE(hasHan(w->statusText()));
    CHECK_FALSE(w->grab().isNull()); // the English screenshot

    auto* zh = w->findChild<QAction*>(QStringLiteral("languageChinese"));
    auto* en = w->findChild<QAction*>(QStringLiteral("languageEnglish"));
    REQUIRE(zh);
    REQUIRE(en);
    CHECK(en->isChecked());
    zh->trigger();
    CHECK(zh->isChecked());
    CHECK_FALSE(en->isChecked());
    // Remembered, and said so (in both languages) without blocking the window.
    CHECK(QSettings(options.settingsFile, QSettings::IniFormat)
              .value(QStringLiteral("view/language"))
              .toString() == QStringLiteral("zh_CN"));
    auto* box = w->findChild<QMessageBox*>(QStringLiteral("languageRestartBox"));
    REQUIRE(box);
    CHECK(box->text().contains(QStringLiteral("简体中文")));
    box->reject();
    // The words on screen stay as they were until the next start.
    CHECK(gui::currentLanguage() == gui::Language::English);
    CHECK(menuTitles(*w).contains(QStringLiteral("&File")));
    // Choosing English again is remembered as well, and needs no restart.
    en->trigger();
    CHECK(QSettings(options.settingsFile, QSettings::IniFormat)
              .value(QStringLiteral("view/language"))
              .toString() == QStringLiteral("en"));
}

TEST_CASE("View ▸ Language switches at once: the window is rebuilt in Chinese with its lesson "
          "and run (language)",
          "[gui][window][language][process]") {
    SpeakFor english(gui::Language::English);
    QTemporaryDir dir;
    const auto options = mpviz::testing::testWindowOptions(dir);
    auto w = std::make_unique<gui::MainWindow>(options);
    w->show();
    REQUIRE(w->selectScenario(QStringLiteral("lock")));
    w->setParameters({{"workers", "1"}});
    w->speedControl()->setSpeed(4);
    w->actions().run->trigger();
    REQUIRE(mpviz::testing::waitUntil(
        [&] { return w->controller()->hasTrace() && !w->controller()->isLive(); }, 30000));

    // In the application's event loop, as View ▸ Language does it: closing the old window
    // must not end the application.
    std::unique_ptr<gui::MainWindow> next;
    QTimer::singleShot(
        0, [&] { next = gui::rebuildWindowIn(gui::Language::Chinese, std::move(w), options); });
    QTimer::singleShot(1500, [] { QCoreApplication::exit(42); });
    CHECK(QCoreApplication::exec() == 42);
    REQUIRE(next);
    CHECK(next->isVisible());
    CHECK(gui::currentLanguage() == gui::Language::Chinese);
    CHECK(menuTitles(*next).contains(QStringLiteral("文件(&F)")));
    REQUIRE(next->scenarioPanel()->scenario());
    CHECK(next->scenarioPanel()->scenario()->id == "lock");
    CHECK(next->scenarioPanel()->parameters().at("workers") == "1");
    // The run is still there to look at, replayed from the trace the old window saved.
    REQUIRE(next->controller()->hasTrace());
    int processes = 0;
    next->controller()->trace()->read(
        [&](const trace::TraceData& d) { processes = static_cast<int>(d.processes().size()); });
    CHECK(processes == 2);
    auto* zh = next->findChild<QAction*>(QStringLiteral("languageChinese"));
    REQUIRE(zh);
    CHECK(zh->isChecked());
    next->close();
}

TEST_CASE("mpviz --lang xx is refused with a sentence and exit code 2 (language)",
          "[gui][language][process]") {
    QProcess p;
    p.start(mpvizProgram(), {QStringLiteral("--lang"), QStringLiteral("xx")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitStatus() == QProcess::NormalExit);
    CHECK(p.exitCode() == 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    CHECK(err.contains(QStringLiteral("--lang takes zh_CN")));
    CHECK(err.contains(QStringLiteral("'xx'")));

    QProcess joined; // --lang=VALUE is the same option
    joined.start(mpvizProgram(), {QStringLiteral("--lang=zh_TW")});
    REQUIRE(joined.waitForFinished(30000));
    CHECK(joined.exitCode() == 2);
    CHECK(QString::fromUtf8(joined.readAllStandardError()).contains(QStringLiteral("'zh_TW'")));

    QProcess missing;
    missing.start(mpvizProgram(), {QStringLiteral("list"), QStringLiteral("--lang")});
    REQUIRE(missing.waitForFinished(30000));
    CHECK(missing.exitCode() == 2);
}

TEST_CASE("mpviz run --export --lang zh_CN draws the timeline's words in Chinese (language)",
          "[gui][language][process][export]") {
    QTemporaryDir dir;
    const auto exportIn = [&](const QString& lang) {
        const QString svg = dir.filePath(lang + QStringLiteral(".svg"));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(mpvizProgram(), {QStringLiteral("run"), QStringLiteral("lock"),
                                 QStringLiteral("--speed"), QStringLiteral("20"),
                                 QStringLiteral("--export"), svg, QStringLiteral("--lang"), lang});
        REQUIRE(p.waitForFinished(120000));
        INFO(p.readAll().toStdString());
        REQUIRE(p.exitCode() == 0);
        QFile f(svg);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QString::fromUtf8(f.readAll());
    };
    const QString zh = exportIn(QStringLiteral("zh_CN"));
    CHECK(zh.contains(QStringLiteral("运行中"))); // the legend: running
    CHECK(zh.contains(QStringLiteral("已完成"))); // the title: completed
    const QString en = exportIn(QStringLiteral("en"));
    CHECK(en.contains(QStringLiteral("running")));
    CHECK_FALSE(en.contains(QStringLiteral("运行中")));
}

TEST_CASE("Help ▸ User guide is in Chinese when the window speaks Chinese, with its images "
          "(language)",
          "[gui][language]") {
    QTemporaryDir dir;
    {
        SpeakFor chinese(gui::Language::Chinese);
        gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
        w.actions().userGuide->trigger();
        auto* guide = w.findChild<gui::UserGuideDialog*>();
        REQUIRE(guide);
        const QString text = guide->browser()->toPlainText();
        CHECK(hasHan(text));
        CHECK(text.contains(QStringLiteral("mpviz run shared-value"))); // commands stay as typed
        CHECK_FALSE(text.contains(QStringLiteral("Your own programs")));
        CHECK_FALSE(guide->browser()
                        ->loadResource(QTextDocument::ImageResource,
                                       QUrl(QStringLiteral("images/semaphore.png")))
                        .isNull());
        guide->close();
    }
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    w.actions().userGuide->trigger();
    auto* guide = w.findChild<gui::UserGuideDialog*>();
    REQUIRE(guide);
    CHECK(guide->browser()->toPlainText().contains(QStringLiteral("Your own programs")));
}
