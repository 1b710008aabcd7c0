#include "gui/window/gui_app.hpp"

#include "engine/cleanup.hpp"
#include "engine/session.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/language.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "gui/window/termination_signals.hpp"
#include "render/export.hpp"
#include "render/time_mapping.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mpviz::gui {

namespace {

struct GuiOptions {
    std::string scenario;
    std::map<std::string, std::string> sets;
    std::optional<double> speed;
    std::optional<Theme> theme;
    bool presentation = false;
    std::string open;
    std::string program;     // a Python program to open instead of a lesson
    std::string programArgs; // its arguments (after --), as a shell would quote them
    std::string startMethod;
    std::string python; // the interpreter that runs the program; "" = as remembered
    bool autorun = false;
    std::string screenshot;
    std::optional<double> screenshotAt; // scenario seconds
    std::optional<double> playhead;     // scenario seconds
    bool select = false;                // select the event just before the playhead
    int width = 0, height = 0;
    std::optional<std::string> settings; // "none": defaults, not remembered
    // Step mode from the command line (demos, screenshots of stepping).
    bool step = false;
    std::string policy; // fifo, round-robin, random:SEED
    int autoSteps = -1; // press Step this many times, then take the screenshot
    bool logical = false;
};

constexpr const char* kUsage =
    "usage: mpviz [--scenario ID] [--lang zh_CN|en]   (the window)\n"
    "       mpviz PROGRAM.py [--python PATH] [--start-method fork|spawn|forkserver] "
    "[-- ARGS...]\n"
    "       mpviz list | run | export ...   (the command line; mpviz help)\n";

// The options that only switch something on, and those that take any text as it is.
const std::map<std::string_view, bool GuiOptions::*> kSwitches = {
    {"--presentation", &GuiOptions::presentation},
    {"--autorun", &GuiOptions::autorun},
    {"--select", &GuiOptions::select},
    {"--step", &GuiOptions::step},
    {"--logical-time", &GuiOptions::logical}};
const std::map<std::string_view, std::string GuiOptions::*> kTexts = {
    {"--open", &GuiOptions::open},
    {"--screenshot", &GuiOptions::screenshot},
    {"--python", &GuiOptions::python}};

bool parse(int argc, char** argv, GuiOptions& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 < argc) return std::string(argv[++i]);
            error = a + " needs a value";
            return std::nullopt;
        };
        auto number = [&]() -> std::optional<double> {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const double d = std::strtod(v->c_str(), &end);
            if (end == v->c_str() || *end) {
                error = a + " takes a number (got '" + *v + "')";
                return std::nullopt;
            }
            return d;
        };
        if (const auto on = kSwitches.find(a); on != kSwitches.end()) {
            o.*(on->second) = true;
        } else if (const auto text = kTexts.find(a); text != kTexts.end()) {
            auto v = value();
            if (!v) return false;
            o.*(text->second) = *v;
        } else if (a == "--scenario") {
            auto v = value();
            if (!v) return false;
            if (!scenarios::find(*v)) {
                error = "unknown scenario '" + *v + "'; choose one of:";
                for (const auto& s : scenarios::all())
                    error += " " + s.id;
                return false;
            }
            o.scenario = *v;
        } else if (a == "--set") {
            auto v = value();
            if (!v) return false;
            const auto eq = v->find('=');
            if (eq == std::string::npos || eq == 0) {
                error = "--set takes name=value (got '" + *v + "')";
                return false;
            }
            o.sets[v->substr(0, eq)] = v->substr(eq + 1);
        } else if (a == "--speed") {
            if (!(o.speed = number())) return false;
            if (!(*o.speed >= SpeedControl::kMin && *o.speed <= SpeedControl::kMax)) {
                // The slider's range, as SpeedControl says it.
                error = "--speed in the window takes " +
                        QString::number(SpeedControl::kMin).toStdString() + " to " +
                        QString::number(SpeedControl::kMax).toStdString() + " (got '" +
                        std::string(argv[i]) + "'); mpviz run takes any speed";
                return false;
            }
        } else if (a == "--theme") {
            auto v = value();
            if (!v) return false;
            if (*v != "light" && *v != "dark") {
                error = "--theme is light or dark (got '" + *v + "')";
                return false;
            }
            o.theme = *v == "dark" ? Theme::Dark : Theme::Light;
        } else if (a == "--screenshot-at") {
            if (!(o.screenshotAt = number())) return false;
        } else if (a == "--playhead") {
            if (!(o.playhead = number())) return false;
        } else if (a == "--size") {
            auto v = value();
            if (!v || std::sscanf(v->c_str(), "%dx%d", &o.width, &o.height) != 2) {
                error = "--size takes WIDTHxHEIGHT";
                return false;
            }
        } else if (a == "--policy") {
            auto v = value();
            if (!v) return false;
            const bool seeded = v->rfind("random:", 0) == 0 && v->size() > 7 && v->size() <= 25 &&
                                v->find_first_not_of("0123456789", 7) == std::string::npos;
            if (*v != "fifo" && *v != "round-robin" && !seeded) {
                error = "--policy is fifo, round-robin or random:SEED (got '" + *v + "')";
                return false;
            }
            o.policy = *v;
            o.step = true;
        } else if (a == "--auto-steps") {
            const auto n = number();
            if (!n || *n < 0) {
                if (n) error = "--auto-steps takes a count of 0 or more";
                return false;
            }
            o.autoSteps = static_cast<int>(*n);
            o.step = true;
        } else if (a == "--start-method") {
            auto v = value();
            if (!v) return false;
            if (*v != "fork" && *v != "spawn" && *v != "forkserver") {
                error = "--start-method takes fork, spawn or forkserver (got '" + *v + "')";
                return false;
            }
            o.startMethod = *v;
        } else if (a == "--" && !o.program.empty()) {
            for (++i; i < argc; ++i) {
                // Quoted for the program panel's line edit (QProcess::splitCommand: double
                // quotes group, three of them stand for one).
                std::string quoted = "\"";
                for (const char* c = argv[i]; *c; ++c)
                    quoted += *c == '"' ? std::string("\"\"\"") : std::string(1, *c);
                o.programArgs += (o.programArgs.empty() ? "" : " ") + quoted + "\"";
            }
        } else if (a.size() > 3 && a.compare(a.size() - 3, 3, ".py") == 0) {
            o.program = a; // `mpviz PROGRAM.py`: the window on the user's own program
        } else if (a == "--settings") {
            auto v = value();
            if (!v) return false;
            o.settings = *v;
        } else if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
            // Qt's own options (-platform offscreen, -style Fusion …): QApplication takes them.
            static const char* withValue[] = {"-platform", "-platformpluginpath", "-platformtheme",
                                              "-style",    "-stylesheet",         "-display",
                                              "-geometry", "-qwindowgeometry",    "-qwindowtitle",
                                              "-title"};
            for (const char* q : withValue)
                if (a == q && i + 1 < argc) ++i;
        } else if (a.size() > 5 && a.compare(a.size() - 5, 5, ".json") == 0) {
            o.open = a; // `mpviz run.json`, as the desktop file passes it
        } else {
            error = "unknown argument '" + a + "'";
            if (scenarios::find(a))
                error += " (to open it: mpviz --scenario " + a +
                         "; to run it "
                         "without a window: mpviz run " +
                         a + ")";
            return false;
        }
    }
    return true;
}

void setPlayheadSeconds(MainWindow& window, double seconds, bool select) {
    const auto trace = window.controller()->trace();
    if (!trace) return;
    render::ScenarioClock clock;
    trace->read([&](const trace::TraceData& d) { clock = render::ScenarioClock::of(d); });
    window.viewState()->setPlayhead(clock.toTs(seconds));
    if (select) window.timeline()->stepEvent(-1);
}

// Scenario seconds at the window's current instant.
double cursorSeconds(MainWindow& window) {
    const auto trace = window.controller()->trace();
    if (!trace) return 0;
    double s = 0;
    trace->read([&](const trace::TraceData& d) {
        s = d.processes().empty()
                ? 0
                : render::ScenarioClock::of(d).seconds(window.viewState()->cursorTime());
    });
    return s;
}

bool hasPlatform(int argc, char** argv) {
    if (std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || std::getenv("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "-platform") return true;
    return false;
}

// The window's own temporary files: Qt's private runtime directory when the environment
// names none (root in a container, CI, ssh: Qt would warn on every start and leave
// /tmp/runtime-<user> behind), and the throwaway settings of "--settings none". Made only
// when needed, removed when the window ends (closed, SIGTERM, SIGINT); after a SIGKILL the
// session's janitor or the next start removes it (engine::OwnTempDir).
class ScratchDir {
  public:
    const std::filesystem::path& path() {
        if (!dir_) dir_.emplace("window");
        return dir_->path();
    }
    // Gives Qt a runtime directory unless the environment has one; undone on destruction.
    void provideRuntimeDir() {
        if (std::getenv("XDG_RUNTIME_DIR")) return;
        ::setenv("XDG_RUNTIME_DIR", path().c_str(), 1);
        ownsRuntimeDir_ = true;
    }
    ~ScratchDir() {
        if (ownsRuntimeDir_) ::unsetenv("XDG_RUNTIME_DIR");
    }

  private:
    std::optional<engine::OwnTempDir> dir_;
    bool ownsRuntimeDir_ = false;
};

} // namespace

int runGui(int argc, char** argv, const std::filesystem::path& childExecutable) {
    // Bad usage is reported before Qt starts, so it works without a display too.
    GuiOptions o;
    std::string error;
    if (!parse(argc, argv, o, error)) {
        std::fprintf(stderr, "mpviz: %s\n%s", error.c_str(), kUsage);
        return cli::kUsage;
    }
    if (!hasPlatform(argc, argv)) {
        // Qt would abort with a message about plugins; say what is actually wrong.
        std::fprintf(stderr, "mpviz: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
                             "are unset).\nWithout a window: mpviz run SCENARIO (see mpviz help); "
                             "or start it under xvfb-run.\n");
        return cli::kFailure;
    }
    engine::removeStaleSessions(); // what windows and runs killed earlier left behind
    ScratchDir scratch;
    scratch.provideRuntimeDir();
    QApplication app(argc, argv); // takes Qt's own options (-platform …) out of argv
    QApplication::setApplicationName(QStringLiteral("mpviz"));
    QApplication::setOrganizationName(QStringLiteral("mpviz"));
    QApplication::setApplicationVersion(QStringLiteral(MPVIZ_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(MPVIZ_APP_ID));

    WindowOptions options;
    options.childExecutable = childExecutable;
    if (o.settings) {
        // "--settings none": defaults, remembered nowhere that outlives the window.
        options.restoreSettings = *o.settings != "none";
        options.settingsFile = QString::fromStdString(
            options.restoreSettings ? *o.settings : (scratch.path() / "settings.ini").string());
    }
    // The language: --lang, else what View ▸ Language remembered, else the locale. Set before
    // the window is built, as every word of it is translated then.
    Language language = systemLanguage();
    if (const auto chosen = languageOverride()) {
        language = *chosen;
    } else if (options.restoreSettings) {
        const QString remembered = SettingsStore(options.settingsFile).language();
        if (const auto l = parseLanguage(remembered.toStdString())) language = *l;
    }
    installTranslators(language);
    auto owner = std::make_unique<MainWindow>(options);
    MainWindow* win = owner.get(); // the window on screen: View ▸ Language replaces it
    // SIGTERM and SIGINT end the window as closing it does, as Ctrl+C ends `mpviz run`.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, [&](int) {
        win->close(); // stops the run and waits for its processes
        QCoreApplication::exit(cli::kStopped);
    });
    if (!o.scenario.empty()) win->selectScenario(QString::fromStdString(o.scenario));
    if (!o.program.empty()) {
        // A program that cannot run still opens: the window says why, and offers a converted
        // copy of Python 2 code.
        win->openProgram(QString::fromStdString(o.program));
        if (!o.programArgs.empty() || !o.startMethod.empty() || !o.python.empty())
            win->setProgramOptions(QString::fromStdString(o.programArgs),
                                   QString::fromStdString(o.startMethod),
                                   QString::fromStdString(o.python));
    }
    if (!o.sets.empty()) win->setParameters(o.sets);
    if (o.speed) win->setSpeedForThisStart(*o.speed);
    if (o.theme) win->setTheme(*o.theme);
    if (o.width > 0 && o.height > 0) {
        win->resize(o.width, o.height);
        win->show();
    } else {
        win->showForThisStart();
    }
    if (o.presentation) win->setPresentationMode(true);
    if (o.step) win->setStepMode(true);
    if (!o.policy.empty()) win->setStepPolicy(QString::fromStdString(o.policy));
    if (o.logical) win->stepActions().logicalTime->setChecked(true);
    if (!o.open.empty()) {
        if (const QString e = win->openTrace(QString::fromStdString(o.open)); !e.isEmpty()) {
            std::fprintf(stderr, "mpviz: cannot open %s: %s\n", o.open.c_str(),
                         e.toStdString().c_str());
            return cli::kUsage;
        }
        if (o.playhead) setPlayheadSeconds(*win, *o.playhead, o.select);
    }

    // Screenshots for the user guide: shoot once, then quit.
    bool shot = false;
    const auto shoot = [&] {
        if (shot || o.screenshot.empty()) return;
        shot = true;
        // Freeze the view at this instant (the run goes on) while the animations settle.
        // (Stepping needs no pause: nothing moves without a grant, and the chips stay.)
        if (win->controller()->isLive() && !win->controller()->stepMode())
            win->controller()->setPaused(true);
        QTimer::singleShot(400, win, [&] { // let the last animations settle
            win->grab().save(QString::fromStdString(o.screenshot));
            win->close();
        });
    };
    QObject::connect(win->controller(), &RunController::finished, win, [&] {
        if (o.playhead) setPlayheadSeconds(*win, *o.playhead, o.select);
        // Also with --screenshot-at: a run over before that instant will not move again.
        shoot();
    });
    // --auto-steps: one Step whenever an operation waits and things settled, then the shot.
    QTimer stepper;
    int stepsDone = 0;
    std::uint64_t seenVersion = 0;
    if (o.autoSteps >= 0) {
        QObject::connect(&stepper, &QTimer::timeout, win, [&] {
            auto* c = win->controller();
            if (!c->isLive()) return;
            const std::uint64_t version = c->traceVersion();
            if (version != seenVersion) { // still moving: wait for it to settle
                seenVersion = version;
                return;
            }
            if (stepsDone >= o.autoSteps) {
                stepper.stop();
                shoot();
                return;
            }
            if (c->pendingIntents().empty()) return;
            win->stepActions().step->trigger();
            ++stepsDone;
        });
        stepper.start(150);
    }
    QTimer poll;
    if (!o.screenshot.empty() && o.autoSteps < 0 &&
        (o.screenshotAt || !o.open.empty() || !o.autorun)) {
        QObject::connect(&poll, &QTimer::timeout, win, [&] {
            if (!o.screenshotAt || cursorSeconds(*win) >= *o.screenshotAt) shoot();
        });
        poll.start(o.screenshotAt ? 20 : 800);
    }
    if (o.autorun) QTimer::singleShot(200, win, [&] { win->actions().run->trigger(); });
    // View ▸ Language: the window's words are set as it is built, so a window built in the
    // new language takes the old one's place (deferred: the menu's action belongs to it).
    setLanguageSwitcher([&](Language language) {
        QTimer::singleShot(0, &app, [&, language] {
            stepper.stop(); // the command line's screenshot helpers served the first window
            poll.stop();
            owner = rebuildWindowIn(language, std::move(owner), options);
            win = owner.get();
        });
    });
    const int code = app.exec();
    setLanguageSwitcher({}); // it holds this function's locals
    return code;
}

std::unique_ptr<MainWindow> rebuildWindowIn(Language language, std::unique_ptr<MainWindow> old,
                                            WindowOptions options) {
    const bool presenting = old->presentationMode();
    const bool program = old->programOpen();
    // Closing the only window would end the application: a new one comes at once.
    const bool quitOnClose = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false);
    old->close(); // saves the settings, stops the run and waits for its processes
    QTemporaryDir scratch;
    QString trace;
    if (!program && old->controller()->hasTrace() && scratch.isValid()) {
        trace = scratch.filePath(QStringLiteral("run.json"));
        if (!old->saveTrace(trace).isEmpty()) trace.clear();
    }
    SettingsStore settings(options.settingsFile);
    const QStringList recent = settings.recentPrograms();
    old.reset();
    installTranslators(language);
    options.restoreSettings = true; // what the old window just saved, also with --settings none
    auto next = std::make_unique<MainWindow>(options);
    if (program && !recent.isEmpty()) next->openProgram(recent.front());
    if (!trace.isEmpty()) next->openTrace(trace);
    next->showForThisStart();
    if (presenting) next->setPresentationMode(true);
    QGuiApplication::setQuitOnLastWindowClosed(quitOnClose);
    return next;
}

cli::Exporter offscreenExporter() {
    return [](const trace::TraceData& trace, const std::filesystem::path& file) -> std::string {
        ScratchDir scratch; // declared first: it outlives the application below
        std::unique_ptr<QGuiApplication> app;
        if (!QCoreApplication::instance()) {
            // The command line must work over ssh and in CI: no window is shown, so the
            // offscreen platform serves whether or not a display exists.
            if (!std::getenv("QT_QPA_PLATFORM")) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
            scratch.provideRuntimeDir();
            static int argc = 1;
            static char name[] = "mpviz";
            static char* argv[] = {name, nullptr};
            app = std::make_unique<QGuiApplication>(argc, argv);
            // The image speaks the chosen language: --lang, else the locale.
            installTranslators(languageOverride().value_or(systemLanguage()));
        }
        return render::exportTimeline(trace, file);
    };
}

} // namespace mpviz::gui
