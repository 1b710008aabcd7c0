#include "gui/program/program_check.hpp"

#include "render/core_words.hpp"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

namespace mpviz::gui {

namespace {
std::filesystem::path shimOf(const std::filesystem::path& childExecutable) {
    return engine::pythonShimDirectory(childExecutable.parent_path());
}

QString fromPath(const std::filesystem::path& p) {
    return QString::fromStdString(p.string());
}

// What to do about a problem in the window's terms (a field to fill in, a button, a menu),
// where the command line names its options; %1 is the engine's sentence.
const char* windowAdvice(engine::PythonProblem::Remedy remedy) {
    using Remedy = engine::PythonProblem::Remedy;
    switch (remedy) {
    case Remedy::OtherFile:
        return QT_TRANSLATE_NOOP("ProgramCheck",
                                 "%1. Open a program that exists (File ▸ Open Python program…).");
    case Remedy::OtherInterpreter:
        return QT_TRANSLATE_NOOP(
            "ProgramCheck",
            "%1. Install python3, or choose another interpreter in the Python field.");
    case Remedy::ReinstallShim:
        return QT_TRANSLATE_NOOP("ProgramCheck", "%1. Reinstall mpviz.");
    case Remedy::FixLine:
        return QT_TRANSLATE_NOOP("ProgramCheck", "%1. Fix that line, save, and press Run again.");
    case Remedy::ConvertPython2:
        break;
    }
    return QT_TRANSLATE_NOOP(
        "ProgramCheck", "%1. mpviz can run a copy converted by lib2to3; your file is not changed.");
}

// The engine's sentence (in the window's language), the advice, and the line it is about.
QString inWindowWords(const engine::PythonProblem& problem) {
    QString text = QCoreApplication::translate("ProgramCheck", windowAdvice(problem.remedy))
                       .arg(QString::fromStdString(problem.message));
    if (!problem.text.empty())
        text += QStringLiteral("\n    ") + QString::fromStdString(problem.text);
    return text;
}
} // namespace

std::optional<ProgramProblem> checkProgram(const engine::PythonProgram& program,
                                           const std::filesystem::path& childExecutable) {
    const auto problem =
        engine::checkPythonProgram(program, shimOf(childExecutable), render::coreTranslate());
    if (!problem) return std::nullopt;
    return ProgramProblem{inWindowWords(*problem), problem->line, problem->python2()};
}

Python2Conversion previewPython2Conversion(const engine::PythonProgram& program,
                                           const std::filesystem::path& childExecutable) {
    Python2Conversion out;
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString previous = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               fromPath(shimOf(childExecutable)) +
                   (previous.isEmpty() ? QString() : QLatin1Char(':') + previous));
    env.remove(QStringLiteral("MPVIZ_SOCKET")); // a preview reports to no session
    python.setProcessEnvironment(env);
    const auto interpreter =
        program.interpreter.empty() ? engine::defaultPythonInterpreter() : program.interpreter;
    python.start(fromPath(interpreter), {QStringLiteral("-m"), QStringLiteral("mpviz_shim.convert"),
                                         fromPath(program.file)});
    if (!python.waitForFinished(30000)) {
        python.kill();
        python.waitForFinished();
        out.error = QCoreApplication::translate("ProgramCheck", "lib2to3 did not answer: %1")
                        .arg(python.errorString());
        return out;
    }
    const auto reply = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (reply.isEmpty()) {
        out.error = QCoreApplication::translate("ProgramCheck", "lib2to3 failed: %1")
                        .arg(QString::fromUtf8(python.readAllStandardError()).trimmed());
        return out;
    }
    out.error = reply.value(QStringLiteral("error")).toString();
    out.converted = reply.value(QStringLiteral("converted")).toString();
    out.diff = reply.value(QStringLiteral("diff")).toString();
    return out;
}

} // namespace mpviz::gui
