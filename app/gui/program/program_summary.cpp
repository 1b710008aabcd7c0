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

namespace {
// Code, not comments: a line's text before any '#'. Strings are not told apart; a program
// that only mentions a Manager in a string gets a note it did not need.
QString withoutComments(const QString& source) {
    static const QRegularExpression comment(QStringLiteral("#[^\\n]*"));
    QString code = source;
    return code.remove(comment);
}
} // namespace

QStringList processesOnlyFeatures(const QString& source) {
    const QString code = withoutComments(source);
    static const QRegularExpression manager(
        QStringLiteral("\\b(Manager|SyncManager|BaseManager)\\s*\\(|multiprocessing\\.managers"));
    static const QRegularExpression futures(
        QStringLiteral("concurrent\\.futures|ProcessPoolExecutor|ThreadPoolExecutor"));
    QStringList found;
    if (manager.match(code).hasMatch()) found << QStringLiteral("a Manager");
    if (futures.match(code).hasMatch()) found << QStringLiteral("concurrent.futures");
    return found;
}

QStringList unseenWaits(const QString& source) {
    // A Condition and a Barrier are built of multiprocessing's own locks and semaphores,
    // which report nothing: the wait inside is invisible.
    const QString code = withoutComments(source);
    QStringList found;
    for (const auto* name : {"Condition", "Barrier"})
        if (QRegularExpression(QStringLiteral("\\b%1\\s*\\(").arg(QLatin1String(name)))
                .match(code)
                .hasMatch())
            found << QLatin1String(name);
    return found;
}

} // namespace mpviz::gui
