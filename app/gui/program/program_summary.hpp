#pragma once
// What the lesson panel says about a Python program: the primitives it was seen to use,
// from the objects in its trace, and what of it mpviz cannot draw.

#include "trace/trace.hpp"

#include <QString>
#include <QStringList>

namespace mpviz::gui {

// "Lock 'lock', Queue 'q' (maxsize 3), Pool 'pool' (4 workers)", in the order the program
// made them; empty while it has made none.
QString primitivesUsed(const trace::TraceData& trace);

// The parts of multiprocessing the program's source uses that mpviz shows as processes
// only: "a Manager", "concurrent.futures". Empty when it uses none of them.
QStringList processesOnlyFeatures(const QString& source);

// The waits the program's source makes that mpviz does not see ("Condition", "Barrier"):
// a process waiting in one is drawn as running. Empty when it makes none.
QStringList unseenWaits(const QString& source);

} // namespace mpviz::gui
