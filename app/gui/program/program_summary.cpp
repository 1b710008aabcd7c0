#include "gui/program/program_summary.hpp"

#include "render/labels.hpp"

#include <QRegularExpression>

namespace mpviz::gui {

namespace {
QString sizeNote(const trace::ObjectInfo& o) {
    using trace::ObjectKind;
    switch (o.kind) {
    case ObjectKind::Semaphore:
        return QStringLiteral(" (value %1)").arg(o.capacity);
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue:
        // An unbounded queue reports 0.
        return o.capacity > 0 ? QStringLiteral(" (maxsize %1)").arg(o.capacity) : QString();
    case ObjectKind::Pool:
        return o.capacity == 1 ? QStringLiteral(" (1 worker)")
                               : QStringLiteral(" (%1 workers)").arg(o.capacity);
    case ObjectKind::Array:
        return QStringLiteral(" (%1 items)").arg(o.capacity);
    default:
        return {};
    }
}
} // namespace

QString primitivesUsed(const trace::TraceData& trace) {
    QStringList parts;
    for (const auto& o : trace.objects())
        parts << render::pythonClassName(o.kind) + QStringLiteral(" '") +
                     QString::fromStdString(o.name) + QLatin1Char('\'') + sizeNote(o);
    return parts.join(QStringLiteral(", "));
}

QStringList processesOnlyFeatures(const QString& source) {
    // Code, not comments: a line's text before any '#'. Strings are not told apart; a
    // program that only mentions a Manager in a string gets a note it did not need.
    static const QRegularExpression comment(QStringLiteral("#[^\\n]*"));
    QString code = source;
    code.remove(comment);
    static const QRegularExpression manager(
        QStringLiteral("\\b(Manager|SyncManager|BaseManager)\\s*\\(|multiprocessing\\.managers"));
    static const QRegularExpression futures(
        QStringLiteral("concurrent\\.futures|ProcessPoolExecutor|ThreadPoolExecutor"));
    QStringList found;
    if (manager.match(code).hasMatch()) found << QStringLiteral("a Manager");
    if (futures.match(code).hasMatch()) found << QStringLiteral("concurrent.futures");
    return found;
}

} // namespace mpviz::gui
