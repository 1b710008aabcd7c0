// Two languages: every entry of the Chinese catalog is translated, the window speaks the
// language chosen before it is built (menus, lesson texts, narration), View ▸ Language
// remembers a choice, exports follow --lang, and a bad --lang is refused.

#include "catch_qt.hpp"
#include "test_render_fixtures.hpp"
#include "window_options.hpp"

#include "engine/explain.hpp"
#include "engine/python_program.hpp"
#include "engine/run_outcome.hpp"
#include "gui/code/code_view.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/program/program_panel.hpp"
#include "gui/run/narrator.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/window/gui_app.hpp"
#include "gui/window/help_dialogs.hpp"
#include "gui/window/language.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/core_words.hpp"
#include "render/hit_test.hpp"
#include "render/labels.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
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

// Each line of `found` is one problem: the check fails naming them all.
void checkNoneFound(const QStringList& found) {
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

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

// The core files whose sentences the window translates (MPVIZ_TR_CORE_SOURCES in the top
// CMakeLists.txt), relative to the source folder.
QStringList coreSources() {
    return QStringLiteral(MPVIZ_TR_CORE_SOURCES).split(QLatin1Char(' '), Qt::SkipEmptyParts);
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
    checkNoneFound(problems);
}

TEST_CASE("The translation has every string of the sources: lupdate finds nothing new in "
          "them (language)",
          "[gui][language][process]") {
    // lupdate as update_translations runs it, on a copy: a string added or changed in app/,
    // scenarios/, core/engine/explain.cpp or python_program.cpp without its Chinese shows as
    // unfinished.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("mpviz_zh_CN.ts"));
    REQUIRE(QFile::copy(QStringLiteral(MPVIZ_TRANSLATIONS_DIR "/mpviz_zh_CN.ts"), copy));
    const QDir source(QStringLiteral(MPVIZ_SOURCE_DIR));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.setWorkingDirectory(source.path());
    QStringList arguments = {QStringLiteral("-no-obsolete"),
                             QStringLiteral("-locations"),
                             QStringLiteral("none"),
                             QStringLiteral("-tr-function-alias"),
                             QStringLiteral("QT_TRANSLATE_NOOP+=MPVIZ_TR_NOOP"),
                             QStringLiteral("-I"),
                             QStringLiteral("app"),
                             QStringLiteral("-I"),
                             QStringLiteral("core"),
                             QStringLiteral("-I"),
                             QStringLiteral("scenarios"),
                             QStringLiteral("-extensions"),
                             QStringLiteral("cpp"),
                             QStringLiteral("app/gui"),
                             QStringLiteral("app/render"),
                             QStringLiteral("scenarios")};
    arguments << coreSources() << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(MPVIZ_LUPDATE), arguments);
    REQUIRE(lupdate.waitForFinished(120000));
    const QString said = QString::fromUtf8(lupdate.readAll());
    INFO(said.toStdString());
    REQUIRE(lupdate.exitCode() == 0);
    CHECK(said.contains(QStringLiteral("(0 new ")));
    int messages = 0;
    const QStringList problems = translationProblems(copy, messages);
    checkNoneFound(problems);
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
        // Qt's standard buttons, from mpviz's own catalog (no qt6-translations-l10n needed).
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                 QDialogButtonBox::Close);
        CHECK(buttons.button(QDialogButtonBox::Ok)->text() == QStringLiteral("确定"));
        CHECK(buttons.button(QDialogButtonBox::Cancel)->text() == QStringLiteral("取消"));
        CHECK(buttons.button(QDialogButtonBox::Close)->text() == QStringLiteral("关闭"));
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

TEST_CASE("Why a process is blocked and the tooltip's words are in Chinese on the timeline "
          "(language)",
          "[gui][language]") {
    const trace::TraceData d = mpviz::test::smallTrace();
    const auto& events = d.events();
    const auto blockedGet = static_cast<std::uint32_t>(
        std::find_if(events.begin(), events.end(),
                     [](const trace::Event& e) {
                         return e.phase == trace::Phase::Blocked && e.op == trace::Op::Get;
                     }) -
        events.begin());
    REQUIRE(blockedGet < events.size());
    const int process = events[blockedGet].process;
    const std::int64_t at = events[blockedGet].ts;
    const auto* slice = d.sliceAt(process, at);
    REQUIRE(slice);
    const std::string english = "Process-2 is blocked: queue is empty";
    CHECK(engine::explainBlocked(d, process, at) == english);
    CHECK(render::describeSlice(d, process, *slice).contains(QString::fromStdString(english)));
    CHECK(render::describeEvent(d, blockedGet).startsWith(QStringLiteral("get queue (blocked)")));
    CHECK(render::describeEvent(d, blockedGet).contains(QStringLiteral("object: queue (queue)")));

    SpeakFor chinese(gui::Language::Chinese);
    const QString tooltip = render::describeSlice(d, process, *slice);
    INFO(tooltip.toStdString());
    CHECK(tooltip.startsWith(QStringLiteral("阻塞：get queue")));
    CHECK(tooltip.contains(QStringLiteral("Process-2 被阻塞：queue 是空的")));
    const QString event = render::describeEvent(d, blockedGet);
    INFO(event.toStdString());
    CHECK(event.startsWith(QStringLiteral("get queue（阻塞）")));
    CHECK(event.contains(QStringLiteral("queue（队列）")));
    // The command line's words stay English whatever the window speaks.
    CHECK(engine::explainBlocked(d, process, at) == english);
}

TEST_CASE("Run N times says how a run ended in Chinese and the command line in English (language)",
          "[gui][language]") {
    const engine::RunOutcome deadlock = engine::runOutcome(mpviz::test::deadlockTrace());
    CHECK(deadlock.how == trace::Outcome::Deadlock);
    const engine::RunOutcome lost{trace::Outcome::Completed, "final value: 8 expected: 10"};
    CHECK(engine::outcomeText(deadlock) == "deadlock (MainProcess → Process-1)");
    CHECK(engine::outcomeText(lost) == "completed: final value: 8 expected: 10");
    SpeakFor chinese(gui::Language::Chinese);
    CHECK(engine::outcomeText(deadlock, render::coreTranslate()) ==
          "死锁（MainProcess → Process-1）");
    CHECK(engine::outcomeText(lost, render::coreTranslate()) ==
          "已完成：final value: 8 expected: 10");
    CHECK(engine::outcomeText(lost) == "completed: final value: 8 expected: 10");
}

TEST_CASE("A Python program that cannot run is told in Chinese in the window while the "
          "command line's words stay English (language)",
          "[gui][window][program][language][process]") {
    SpeakFor chinese(gui::Language::Chinese);
    QTemporaryDir dir;
    const auto write = [&](const char* name, const QByteArray& code) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(code);
        return f.fileName();
    };
    // Prose pasted into code: a full-width comma on line 2.
    const QString pasted = write("pasted.py", "import os\nprint('a'\xef\xbc\x8c 'b')\n");
    const QString old = write("oldstyle.py", "import os\nprint 'greetings'\n");
    const auto options = mpviz::testing::testWindowOptions(dir);
    gui::MainWindow w(options);
    w.show();

    const QString problem = w.openProgram(pasted);
    INFO(problem.toStdString());
    CHECK(problem.contains(QStringLiteral("pasted.py 第 2 行：第 10 列的字符“，”（U+FF0C "
                                          "FULLWIDTH COMMA）不能出现在字符串之外的 Python 代码中。"
                                          "请修改这一行，保存后再按“运行”。")));
    CHECK(problem.endsWith(QStringLiteral("\n    print('a'， 'b')")));
    CHECK(w.programPanel()->problemText() == problem);
    CHECK(w.codeView()->highlightedLine() == 2);

    const QString python2 = w.openProgram(old);
    INFO(python2.toStdString());
    CHECK(python2.contains(
        QStringLiteral("oldstyle.py：第 2 行是 Python 2 的 print 语句，这是 "
                       "Python 2 代码。mpviz 可以运行一份由 lib2to3 转换过的副本")));
    CHECK(w.codeView()->highlightedLine() == 2);

    w.programPanel()->interpreterEdit()->setText(dir.filePath(QStringLiteral("no-such-python")));
    Q_EMIT w.programPanel()->interpreterEdit()->editingFinished();
    const QString interpreter = w.programPanel()->problemText();
    INFO(interpreter.toStdString());
    CHECK(interpreter.startsWith(QStringLiteral("无法运行 Python 解释器 ")));
    CHECK(interpreter.contains(QStringLiteral("no-such-python")));
    CHECK(interpreter.contains(QStringLiteral("“Python”一栏")));

    // The engine's own words, as mpviz run prints them: English, with its options.
    engine::PythonProgram program;
    program.file = pasted.toStdString();
    const auto shim = engine::pythonShimDirectory(options.childExecutable.parent_path());
    const auto english = engine::checkPythonProgram(program, shim);
    REQUIRE(english);
    CHECK(engine::commandLineText(*english) ==
          pasted.toStdString() +
              " line 2: the character '\xef\xbc\x8c' (U+FF0C FULLWIDTH COMMA) at column 10 "
              "cannot be in Python code outside a string. Fix that line and run again.\n"
              "    print('a'\xef\xbc\x8c 'b')");
}

TEST_CASE("Every sentence in app/gui and app/render goes through translation (language)",
          "[gui][language]") {
    // A QStringLiteral or QLatin1String holding two English words in a row is something a
    // person reads: it belongs in tr() or QCoreApplication::translate(), unless listed here.
    const QStringList allowed = {// SVG metadata nobody sees on the image.
                                 QStringLiteral("mpviz timeline"),
                                 // View ▸ Language's confirmation, in both languages at once.
                                 QStringLiteral("mpviz will speak %1"),
                                 QStringLiteral("Restart now / "), QStringLiteral("Later / ")};
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
    checkNoneFound(found);
}

TEST_CASE("core's names of states and outcomes and phases and kinds reach the window only "
          "translated (language)",
          "[gui][language]") {
    // trace::stateName() and the like are English; labels.cpp (stateText(), phaseText() …)
    // is the one place that turns them into words on screen.
    static const QRegularExpression shown(QStringLiteral(
        R"re((?:toQString|QString::from\w+|QLatin1String)\(\s*(?:trace::)?(?:stateName|outcomeName|phaseName|objectKindName)\()re"));
    const QDir app(QStringLiteral(MPVIZ_SOURCE_DIR "/app"));
    QStringList found;
    for (const QString& folder : {QStringLiteral("gui"), QStringLiteral("render")}) {
        QDirIterator it(app.filePath(folder), {QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            if (f.fileName().endsWith(QStringLiteral("render/labels.cpp"))) continue;
            int line = 0;
            for (const QByteArray& bytes : f.readAll().split('\n')) {
                ++line;
                if (QString::fromUtf8(bytes).contains(shown))
                    found << app.relativeFilePath(f.fileName()) + QLatin1Char(':') +
                                 QString::number(line);
            }
        }
    }
    checkNoneFound(found);
}

TEST_CASE("Every sentence core/ says to the window is marked for translation (language)",
          "[gui][language]") {
    // In the core files lupdate reads, a string literal holding two English words is a
    // sentence: it is marked MPVIZ_TR_NOOP, unless it is the command line's own advice
    // (commandLineText) or code, listed here.
    const QStringList allowed = {
        // commandLineText: mpviz run's options, English by design.
        QStringLiteral(" (give the path of a .py file)"), QStringLiteral("; install python3 or"),
        QStringLiteral("; reinstall mpviz"), QStringLiteral(". Fix that line"),
        QStringLiteral(". Run it with --convert-python2"), QStringLiteral("is not changed)."),
        // Python code run by the engine.
        QStringLiteral("import sys;"),
        // Conversion failing after the window's own preview succeeded (it shows lib2to3's).
        QStringLiteral("could not convert "), QStringLiteral(" from Python 2")};
    // A marked sentence, possibly split over lines: MPVIZ_TR_NOOP("context", "…" "…").
    static const QRegularExpression marked(
        QStringLiteral(R"re(MPVIZ_TR_NOOP\(\s*"[^"]*"\s*,(?:\s*"(?:[^"\\]|\\.)*")+\s*\))re"));
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,} [A-Za-z]{2,}"));
    QStringList found;
    const QStringList files = coreSources();
    CHECK(files.size() >= 3);
    for (const QString& file : files) {
        QFile f(QStringLiteral(MPVIZ_SOURCE_DIR "/") + file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        // Take the marked sentences out, keeping the line count.
        for (auto m = marked.match(text); m.hasMatch(); m = marked.match(text)) {
            const QString newlines(m.captured().count(QLatin1Char('\n')), QLatin1Char('\n'));
            text.replace(m.capturedStart(), m.capturedLength(), newlines);
        }
        int line = 0;
        for (const QString& code : text.split(QLatin1Char('\n'))) {
            ++line;
            // The literals of the line, up to a comment.
            QString literal;
            bool inString = false;
            for (qsizetype i = 0; i < code.size(); ++i) {
                const QChar c = code[i];
                if (!inString && c == QLatin1Char('/') && code.mid(i, 2) == QStringLiteral("//"))
                    break;
                if (inString && c == QLatin1Char('\\')) {
                    literal += code.mid(i, 2);
                    ++i;
                } else if (c == QLatin1Char('"') &&
                           (inString || code.mid(i - 1, 1) != QStringLiteral("'"))) {
                    if (inString && literal.contains(words) &&
                        std::none_of(allowed.begin(), allowed.end(),
                                     [&](const QString& a) { return literal.startsWith(a); }))
                        found << file + QLatin1Char(':') + QString::number(line) +
                                     QStringLiteral(": ") + literal;
                    inString = !inString;
                    literal.clear();
                } else if (inString) {
                    literal += c;
                }
            }
        }
    }
    checkNoneFound(found);
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
    auto* zh = w->actions().languageChinese;
    auto* en = w->actions().languageEnglish;
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

    auto* zh = w->actions().languageChinese;
    auto* en = w->actions().languageEnglish;
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
    auto* zh = next->actions().languageChinese;
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

TEST_CASE("mpviz --speed the window cannot show is refused with a sentence and exit code 2",
          "[gui][process]") {
    for (const char* speed : {"50", "0", "-1"}) {
        INFO(speed);
        QProcess p; // not quietly clamped: the screen always shows the speed a run uses
        p.start(mpvizProgram(), {QStringLiteral("--speed"), QString::fromLatin1(speed)});
        REQUIRE(p.waitForFinished(30000));
        CHECK(p.exitCode() == 2);
        CHECK(QString::fromUtf8(p.readAllStandardError())
                  .contains(QStringLiteral("--speed in the window takes 0.1 to 20 (got '%1')")
                                .arg(QString::fromLatin1(speed))));
    }
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
