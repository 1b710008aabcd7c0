#include "gui/program/program_check.hpp"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace mpviz::gui {

namespace {
std::filesystem::path shimOf(const std::filesystem::path& childExecutable) {
    return engine::pythonShimDirectory(childExecutable.parent_path());
}

QString fromPath(const std::filesystem::path& p) {
    return QString::fromStdString(p.string());
}

// The engine speaks to the command line ("run it with --convert-python2"); the window
// offers a button instead.
QString inWindowWords(QString message) {
    static const QRegularExpression cliAdvice(
        QStringLiteral("Run it with --convert-python2 to run a copy converted by lib2to3 \\(your "
                       "file is not changed\\)\\."));
    message.replace(cliAdvice, QStringLiteral("mpviz can run a copy converted by lib2to3; your "
                                              "file is not changed."));
    static const QRegularExpression fixAdvice(QStringLiteral(" Fix that line and run again\\."));
    message.replace(fixAdvice, QStringLiteral(" Fix that line, save, and press Run again."));
    return message;
}
} // namespace

std::optional<ProgramProblem> checkProgram(const engine::PythonProgram& program,
                                           const std::filesystem::path& childExecutable) {
    const auto problem = engine::checkPythonProgram(program, shimOf(childExecutable));
    if (!problem) return std::nullopt;
    ProgramProblem out;
    out.message = inWindowWords(QString::fromStdString(problem->message));
    out.python2 = problem->python2;
    // The sentence says "… line 14 …" when the problem is at a line of the file.
    static const QRegularExpression line(QStringLiteral("\\bline (\\d+)\\b"));
    if (const auto m = line.match(out.message); m.hasMatch()) out.line = m.captured(1).toInt();
    return out;
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
        out.error = QStringLiteral("lib2to3 failed: %1")
                        .arg(QString::fromUtf8(python.readAllStandardError()).trimmed());
        return out;
    }
    out.error = reply.value(QStringLiteral("error")).toString();
    out.converted = reply.value(QStringLiteral("converted")).toString();
    out.diff = reply.value(QStringLiteral("diff")).toString();
    return out;
}

} // namespace mpviz::gui
