#pragma once
// The words the timeline writes: lane labels, what a blocked bar waits in, how a process
// ended. Shared by the painter, the tooltips and the export, so they never disagree.

#include "render/time_mapping.hpp"
#include "trace/trace.hpp"

#include <QString>
#include <QStringList>

class QFontMetricsF;

#include <optional>
#include <string_view>

namespace mpviz::render {

// The trace's strings (names, items, printed lines) are UTF-8 views.
QString toQString(std::string_view text);

QString laneLabel(const trace::ProcessInfo& process); // "Process-1 (12487)"
QString signalName(int signal);                       // "SIGTERM"; unknown: "signal 40"
// "exited (0)", "exited (1)", "killed (SIGTERM)"; "ended" when the code is unknown;
// empty while the process is alive.
QString exitLabel(const trace::ProcessInfo& process);
QString exitLabel(std::optional<int> exitcode); // of a process that ended
// The same, longest first, with the shorter forms a crowded end mark may take:
// "killed (SIGKILL)", "killed".
QStringList exitLabelForms(std::optional<int> exitcode);
// Whom or what a blocked slice of `process` waits on: the joined child's name
// ("Process-1") or the object's ("sem"); empty when unknown.
QString blockedOn(const trace::TraceData& trace, int process, const trace::Slice& slice);
// An operation and what it is on: "acquire lock", "join Process-1", "put queue"; the peer
// process's name when there is one (-1: none), else the object's; the bare operation when
// neither is known. Bars, step-mode chips and deadlock edges all say it this way.
QString operationLabel(const trace::TraceData& trace, trace::Op op, std::uint16_t object,
                       int peer = -1);
// What a bar of `process` says: "acquire lock", "join Process-1", "get queue",
// "flush queue", "sleep 0.5 s"; empty for running.
QString sliceLabel(const trace::TraceData& trace, int process, const trace::Slice& slice,
                   const ScenarioClock& clock);
// The same in every form a bar may write, longest first: "acquire lock", "acquire";
// "sleep 0.5 s", "sleep". A narrow bar takes a shorter whole form, never a cut word.
QStringList sliceLabelForms(const trace::TraceData& trace, int process, const trace::Slice& slice,
                            const ScenarioClock& clock);
// The first of `forms` (longest first) no wider than `room`; empty when none is.
QString longestThatFits(const QStringList& forms, const QFontMetricsF& metrics, double room);
QString objectName(const trace::TraceData& trace, std::uint16_t object); // "" for none
// The multiprocessing class a kind of object is: "Lock", "JoinableQueue", "Value"…
QString pythonClassName(trace::ObjectKind kind);
// "queue — completed", "deadlock-on-join — deadlock" (the scenario id and outcome); a
// Python program by its file name: "workers.py — stopped".
// core's names of a state and an outcome ("blocked", "deadlock") in the current language.
QString stateText(trace::State state);
QString outcomeText(trace::Outcome outcome);
// …and of an event's phase ("blocked", "failed") and an object's kind ("semaphore").
QString phaseText(trace::Phase phase);
QString kindText(trace::ObjectKind kind);

QString defaultTitle(const trace::TraceData& trace);
// What one edge of a deadlock cycle waits in: "waits: acquire lock_b", "waits: join".
QString deadlockEdgeLabel(const trace::TraceData& trace, const trace::DeadlockEdge& edge);

} // namespace mpviz::render
