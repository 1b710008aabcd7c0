// What the window shows is true: every card and every process pill, at many instants of a
// run in progress and of the finished run, says what the trace says at that instant. The
// expected words are computed here from the raw events (replayed up to t), without the
// snapshot code the window uses, so a second copy of a fact in the window cannot hide.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/object_widget.hpp"
#include "gui/state/process_list_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/labels.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QElapsedTimer>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <string.h>

using namespace mpviz;
using trace::Event;
using trace::ObjectKind;
using trace::Op;
using trace::Phase;
using trace::TraceData;

namespace {

const QString kEllipsis = QStringLiteral("\u2026");

QString q(std::string_view s) {
    return render::toQString(s);
}

// `shown` is `full`, or `full` with parts elided: each "…" in `shown` stands for any text.
bool shownAs(const QString& shown, const QString& full) {
    if (shown == full) return true;
    const QStringList parts = shown.split(kEllipsis);
    if (parts.size() < 2) return false;
    if (!full.startsWith(parts.front()) || !full.endsWith(parts.back())) return false;
    qsizetype at = parts.front().size();
    for (qsizetype i = 1; i + 1 < parts.size(); ++i) {
        at = full.indexOf(parts[i], at);
        if (at < 0) return false;
        at += parts[i].size();
    }
    return at <= full.size() - parts.back().size();
}

// --- the trace's word, from the raw events ------------------------------------------------

struct ProcessTruth {
    enum class Doing { Running, Sleeping, Blocked } doing = Doing::Running;
    Op op = Op::Print;
    std::uint16_t object = trace::kNoObject;
    std::int64_t value = 0; // join: the child's pid
};

struct ObjectTruth {
    std::map<int, int> held;            // process → acquires minus releases
    std::optional<std::int64_t> number; // semaphore value, pipe bytes, Value
    bool flag = false;
    // The k-th get takes the k-th put (a getter may record its get before the putter
    // records its put): what is in flight is what was put beyond the gets.
    std::vector<std::string> put;
    std::size_t got = 0;
    std::vector<std::string> sentBy[2]; // pipe: by the sending end
    std::size_t receivedFrom[2] = {0, 0};
    std::deque<std::string> items;     // in flight at t, set after the replay
    std::deque<std::string> unread[2]; // in flight at t, set after the replay
    std::int64_t puts = 0, tasksDone = 0;
    std::map<int, std::string> running; // pool: worker → call
    std::map<std::int64_t, std::string> pending, calls;
    std::vector<std::string> results;
    std::set<int> ranTasks;
    std::set<int> startedPids; // pool: the workers it started
    int lastWriter = -1, lastReader = -1;
    std::map<int, std::int64_t> cells;
    // A Value's (or an Array element's) lost updates: a write by a process whose last read
    // of it came before the write it overwrites, by another process. Stamps count the events
    // replayed so far; a Value is element 0.
    struct LastWrite {
        std::size_t stamp = 0;
        std::int64_t value = 0;
        int writer = -1;
    };
    std::map<std::pair<int, int>, std::size_t> readStamp; // (process, element) → last read
    std::map<int, LastWrite> lastWrite;                   // element → its last write
    std::size_t lost = 0;
    QString lastLost; // "Process-2 wrote 4 over Process-1's 4", an Array's "in [1]: …"
};

struct Truth {
    const TraceData& d;
    std::int64_t t;
    std::vector<ProcessTruth> processes;
    std::vector<ObjectTruth> objects;
    std::size_t stamp = 0;

    Truth(const TraceData& trace, std::int64_t at) : d(trace), t(at) {
        processes.resize(d.processes().size());
        objects.resize(d.objects().size());
        const auto events = d.events();
        std::vector<std::uint32_t> order;
        for (std::uint32_t i = 0; i < events.size(); ++i)
            if (events[i].ts <= t) order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return trace::happensBefore(events[a], events[b]);
        });
        for (std::uint32_t i : order) {
            ++stamp;
            apply(events[i]);
        }
        const auto beyond = [](const std::vector<std::string>& sent, std::size_t taken) {
            return std::deque<std::string>(
                sent.begin() + std::ptrdiff_t(std::min(taken, sent.size())), sent.end());
        };
        for (auto& o : objects) {
            o.items = beyond(o.put, o.got);
            for (int end : {0, 1})
                o.unread[end] = beyond(o.sentBy[end], o.receivedFrom[end]);
        }
    }

    void apply(const Event& e) {
        auto& p = processes[e.process];
        if (e.phase == Phase::Blocked) {
            p = {ProcessTruth::Doing::Blocked, e.op, e.object, e.value};
        } else if (e.phase == Phase::Begin && e.op == Op::Sleep) {
            p = {ProcessTruth::Doing::Sleeping, e.op};
        } else if ((e.phase == Phase::Done || e.phase == Phase::Failed) &&
                   p.doing != ProcessTruth::Doing::Running && p.op == e.op) {
            p = {};
        }
        if (e.phase != Phase::Done || e.object >= objects.size()) return;
        auto& o = objects[e.object];
        const std::string text(d.text(e.text));
        const bool array = d.objects()[e.object].kind == ObjectKind::Array;
        switch (e.op) {
        case Op::Acquire:
            ++o.held[e.process];
            o.number = e.value;
            break;
        case Op::Release:
            --o.held[e.process];
            o.number = e.value;
            break;
        case Op::Set:
            o.flag = true;
            break;
        case Op::Clear:
            o.flag = false;
            break;
        case Op::Put:
            o.put.push_back(text);
            ++o.puts;
            break;
        case Op::Get:
            ++o.got;
            break;
        case Op::TaskDone:
            ++o.tasksDone;
            break;
        case Op::Send:
            o.sentBy[e.extra == 1].push_back(text);
            o.number = e.value;
            break;
        case Op::Recv: // received at end e: sent by the other end
            ++o.receivedFrom[e.extra != 1];
            o.number = e.value;
            break;
        case Op::Submit:
            o.pending[e.value] = o.calls[e.value] = text;
            break;
        case Op::Start:
            o.startedPids.insert(static_cast<int>(e.value));
            break;
        case Op::TaskStart:
            o.pending.erase(e.value);
            o.calls[e.value] = o.running[e.process] = text;
            o.ranTasks.insert(e.process);
            break;
        case Op::TaskEnd:
            o.running.erase(e.process);
            o.results.push_back(o.calls[e.value] + " \u2192 " + text);
            break;
        case Op::Read:
        case Op::Write: {
            const int element = array ? e.extra : 0;
            if (e.op == Op::Read) o.readStamp[{e.process, element}] = stamp;
            if (e.op == Op::Write) {
                const auto read = o.readStamp.find({e.process, element});
                auto& last = o.lastWrite[element];
                if (last.writer >= 0 && last.writer != e.process && read != o.readStamp.end() &&
                    read->second < last.stamp) {
                    ++o.lost;
                    o.lastLost = (array ? QStringLiteral("in [%1]: ").arg(element) : QString()) +
                                 name(e.process) + QStringLiteral(" wrote %1 over ").arg(e.value) +
                                 name(last.writer) + QStringLiteral("'s %1").arg(last.value);
                }
                last = {stamp, e.value, e.process};
            }
        }
            (e.op == Op::Write ? o.lastWriter : o.lastReader) = e.process;
            if (array)
                o.cells[e.extra] = e.value;
            else
                o.number = e.value;
            break;
        default:
            break;
        }
    }

    QString name(int process) const { return q(d.processes()[std::size_t(process)].name); }
    bool started(int process) const { return d.processes()[std::size_t(process)].startTs <= t; }
    bool ended(int process) const {
        const auto& end = d.processes()[std::size_t(process)].endTs;
        return end && *end <= t;
    }
    // Ended holding what it held, by its own death: not killed by mpviz after a deadlock.
    bool diedHolding(int process) const {
        const auto& end = d.processes()[std::size_t(process)].endTs;
        return ended(process) && !(d.deadlock() && *end >= d.deadlock()->ts);
    }

    QString pill(int process) const {
        const auto& info = d.processes()[std::size_t(process)];
        if (!started(process)) return QStringLiteral("not started yet");
        if (ended(process)) {
            if (!info.exitcode) return QStringLiteral("ended");
            if (*info.exitcode >= 0) return QStringLiteral("exited (%1)").arg(*info.exitcode);
            const char* abbrev = sigabbrev_np(-*info.exitcode);
            return QStringLiteral("killed (%1)")
                .arg(abbrev ? QStringLiteral("SIG") + QString::fromLatin1(abbrev)
                            : QStringLiteral("signal %1").arg(-*info.exitcode));
        }
        const auto& p = processes[std::size_t(process)];
        switch (p.doing) {
        case ProcessTruth::Doing::Running:
            return QStringLiteral("running");
        case ProcessTruth::Doing::Sleeping:
            return QStringLiteral("sleeping");
        case ProcessTruth::Doing::Blocked:
            break;
        }
        QString on;
        if (p.op == Op::Join) {
            const int child = d.processIndexByPid(static_cast<int>(p.value));
            if (child >= 0) on = name(child);
        } else if (p.object < d.objects().size()) {
            on = q(d.objects()[p.object].name);
        }
        return QStringLiteral("blocked: ") + q(trace::opName(p.op)) +
               (on.isEmpty() ? QString() : QLatin1Char(' ') + on);
    }

    // Processes blocked on `object` in one of `ops` (all ops when empty), by index.
    std::vector<int> blockedOn(std::uint16_t object, std::initializer_list<Op> ops = {}) const {
        std::vector<int> who;
        for (int p = 0; p < int(processes.size()); ++p) {
            const auto& s = processes[std::size_t(p)];
            if (!started(p) || ended(p) || s.doing != ProcessTruth::Doing::Blocked ||
                s.object != object)
                continue;
            if (ops.size() == 0 || std::find(ops.begin(), ops.end(), s.op) != ops.end())
                who.push_back(p);
        }
        return who;
    }
};

// --- what a card should show, row by row ----------------------------------------------------

struct ExpectedRow {
    QStringList texts;  // pieces, each possibly elided on screen
    bool chips = false; // texts[0] is a label, then `names` as chips (maybe cut with "+N")
    QStringList names;
    QString none; // shown instead of the chips when nobody
};

ExpectedRow textRow(QStringList texts) {
    ExpectedRow r;
    r.texts = std::move(texts);
    return r;
}

ExpectedRow chipRow(const Truth& truth, const QString& label, const std::vector<int>& who,
                    const QString& none) {
    ExpectedRow r{{label}, true, {}, none};
    for (int p : who)
        r.names << truth.name(p);
    return r;
}

// A queue item as a slot shows it: a Python repr loses its quotes.
QString slotText(const std::string& item) {
    QString s = q(item);
    if (s.size() >= 2 && s.front() == QLatin1Char('\'')) {
        const auto close = s.indexOf(QLatin1Char('\''), 1);
        if (close > 0) s = s.mid(1, close - 1) + s.mid(close + 1);
    }
    return s;
}

QStringList slotTexts(const std::deque<std::string>& items) {
    QStringList out;
    for (const auto& i : items)
        out << slotText(i);
    return out;
}

struct ExpectedCard {
    QString summary; // the header's right side; its left is "<Kind>  name"
    std::vector<ExpectedRow> rows;
};

ExpectedCard expectedCard(const Truth& truth, std::uint16_t object) {
    const auto& info = truth.d.objects()[object];
    const auto& o = truth.objects[object];
    std::vector<ExpectedRow> rows;
    QString summary;
    std::vector<int> holders, died;
    for (const auto& [p, count] : o.held)
        if (count > 0) holders.push_back(p);
    const auto cap = info.capacity;
    switch (info.kind) {
    case ObjectKind::Lock: {
        summary = holders.empty() ? QStringLiteral("free") : QStringLiteral("held");
        ExpectedRow held = textRow({QStringLiteral("free")});
        if (!holders.empty()) {
            held.texts = {QStringLiteral("held by")};
            for (int h : holders)
                held.texts << truth.name(h) + (truth.diedHolding(h)
                                                   ? QStringLiteral(" \u2014 owner died")
                                                   : QString());
        }
        rows = {held, chipRow(truth, QStringLiteral("waiting:"), truth.blockedOn(object),
                              QStringLiteral("nobody"))};
        break;
    }
    case ObjectKind::Semaphore: {
        summary = QStringLiteral("%1 of %2 permits free").arg(o.number.value_or(cap)).arg(cap);
        ExpectedRow slots;
        const auto slotCount =
            std::max<std::size_t>(std::size_t(std::max<std::int64_t>(cap, 1)), holders.size());
        for (std::size_t i = 0; i < slotCount; ++i)
            slots.texts << (i < holders.size() ? truth.name(holders[i]) : QStringLiteral("free"));
        rows = {slots, chipRow(truth, QStringLiteral("waiting:"), truth.blockedOn(object),
                               QStringLiteral("nobody"))};
        break;
    }
    case ObjectKind::Event:
        summary = o.flag ? QStringLiteral("flag set") : QStringLiteral("flag clear");
        rows = {textRow({o.flag ? QStringLiteral("set: wait() returns at once")
                                : QStringLiteral("not set: wait() blocks")}),
                chipRow(truth, QStringLiteral("waiting:"), truth.blockedOn(object),
                        QStringLiteral("nobody"))};
        break;
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue: {
        const auto n = o.items.size();
        summary = cap > 0  ? QStringLiteral("%1 of %2 items").arg(n).arg(cap)
                  : n == 1 ? QStringLiteral("1 item (no maxsize)")
                           : QStringLiteral("%1 items (no maxsize)").arg(n);
        if (info.kind == ObjectKind::JoinableQueue)
            summary += QStringLiteral(", %1 unfinished")
                           .arg(std::max<std::int64_t>(o.puts - o.tasksDone, 0));
        const auto putters = truth.blockedOn(object, {Op::Put, Op::Send});
        const auto flushing = truth.blockedOn(object, {Op::Flush});
        rows = {textRow(slotTexts(o.items))};
        if (!flushing.empty() && putters.empty()) {
            rows.push_back(chipRow(truth, QStringLiteral("cannot exit, data stuck in the pipe:"),
                                   flushing, {}));
        } else {
            auto all = putters;
            all.insert(all.end(), flushing.begin(), flushing.end());
            rows.push_back(chipRow(truth, QStringLiteral("blocked in put (full):"), all,
                                   QStringLiteral("nobody")));
        }
        rows.push_back(chipRow(truth, QStringLiteral("blocked in get (empty):"),
                               truth.blockedOn(object, {Op::Get, Op::Recv}),
                               QStringLiteral("nobody")));
        break;
    }
    case ObjectKind::Pipe: {
        summary = QStringLiteral("%1 + %2 messages unread")
                      .arg(o.unread[0].size())
                      .arg(o.unread[1].size());
        rows = {textRow({QStringLiteral("%1 of %2 bytes in the buffer")
                             .arg(o.number.value_or(0))
                             .arg(std::max<std::int64_t>(cap, 1))})};
        for (int end : {0, 1}) {
            ExpectedRow r =
                textRow({end == 0 ? QStringLiteral("\u2192") : QStringLiteral("\u2190")});
            r.texts << (o.unread[end].empty() ? QStringList{QStringLiteral("no message in flight")}
                                              : slotTexts(o.unread[end]));
            rows.push_back(r);
        }
        auto blocked = truth.blockedOn(object, {Op::Put, Op::Send});
        const auto readers = truth.blockedOn(object, {Op::Get, Op::Recv});
        blocked.insert(blocked.end(), readers.begin(), readers.end());
        rows.push_back(
            chipRow(truth, QStringLiteral("blocked:"), blocked, QStringLiteral("nobody")));
        break;
    }
    case ObjectKind::Pool: {
        std::set<int> workers = o.ranTasks;
        for (int p = 0; p < int(truth.d.processes().size()); ++p)
            if (truth.started(p) && o.startedPids.count(truth.d.processes()[std::size_t(p)].pid))
                workers.insert(p);
        int live = 0, gone = 0, busy = 0;
        for (int p : workers) {
            if (truth.ended(p)) {
                ++gone;
                continue;
            }
            ++live;
            const auto task = o.running.find(p);
            busy += task != o.running.end();
            rows.push_back(
                textRow({truth.name(p), task == o.running.end()
                                            ? QStringLiteral("idle")
                                            : QStringLiteral("runs ") + q(task->second)}));
        }
        for (int i = live; i < cap; ++i)
            rows.push_back(textRow({i < live + gone ? QStringLiteral("(worker exited)")
                                                    : QStringLiteral("(worker not started)")}));
        summary = QStringLiteral("%1 of %2 workers busy").arg(busy).arg(cap);
        QStringList pending;
        for (const auto& [id, call] : o.pending)
            pending << q(call);
        QString line = QStringLiteral("pending (%1): ").arg(pending.size()) +
                       QStringList(pending.mid(0, 4)).join(QStringLiteral(", "));
        if (pending.size() > 4) line += QStringLiteral(", \u2026");
        if (pending.empty()) line = QStringLiteral("pending: none");
        rows.push_back(textRow({line}));
        QStringList results;
        for (const auto& r : o.results)
            results << q(r);
        const auto from = std::max<qsizetype>(0, results.size() - 4);
        line = QStringLiteral("results (%1): ").arg(results.size());
        if (from > 0) line += QStringLiteral("\u2026, ");
        line += results.mid(from).join(QStringLiteral(", "));
        if (results.empty()) line = QStringLiteral("results: none");
        rows.push_back(textRow({line}));
        break;
    }
    case ObjectKind::Value:
    case ObjectKind::Array: {
        const bool array = info.kind == ObjectKind::Array;
        summary = array ? QStringLiteral("%1 numbers").arg(cap) : QStringLiteral("shared number");
        ExpectedRow first =
            textRow({!array && o.number ? QString::number(*o.number) : QStringLiteral("?")});
        if (array) {
            QStringList cells;
            for (int i = 0; i < cap; ++i)
                cells << (o.cells.count(i) ? QString::number(o.cells.at(i)) : QStringLiteral("?"));
            first.texts << QStringLiteral("[") + cells.join(QStringLiteral(", ")) +
                               QStringLiteral("]");
        } else if (o.lastWriter >= 0) {
            first.texts << QStringLiteral("written by") << truth.name(o.lastWriter);
        }
        rows.push_back(first);
        if (array && o.lastWriter >= 0)
            rows.push_back(chipRow(truth, QStringLiteral("last written by"), {o.lastWriter}, {}));
        else
            rows.push_back(
                chipRow(truth, QStringLiteral("last read by"),
                        o.lastReader >= 0 ? std::vector<int>{o.lastReader} : std::vector<int>{},
                        QStringLiteral("nobody yet")));
        // "lost update: …", an Array's "lost update in [1]: …"; more: "N lost updates, the
        // last: …" or "the last in [1]: …".
        const QString colon = array ? QStringLiteral(" ") : QStringLiteral(": ");
        if (o.lost == 1)
            rows.push_back(textRow({QStringLiteral("lost update") + colon + o.lastLost}));
        if (o.lost > 1)
            rows.push_back(textRow(
                {QStringLiteral("%1 lost updates, the last").arg(o.lost) + colon + o.lastLost}));
        break;
    }
    case ObjectKind::Count:
        break;
    }
    return {summary, rows};
}

// Compares one shown row with what it should show; the first difference, or empty.
QString rowDifference(const QStringList& shown, const ExpectedRow& want) {
    const auto says = [&]() -> QString {
        return QStringLiteral(" (shows [") + shown.join(QStringLiteral(" | ")) +
               QStringLiteral("], the trace says [") + want.texts.join(QStringLiteral(" | ")) +
               (want.chips ? QStringLiteral(" | ") + want.names.join(QStringLiteral(" | "))
                           : QString()) +
               QStringLiteral("])");
    };
    if (!want.chips) {
        // Slots that do not fit end in "+N" for the N items not shown.
        const bool cut = shown.size() < want.texts.size() && !shown.isEmpty() &&
                         shown.back().startsWith(QLatin1Char('+'));
        const auto compared = cut ? shown.size() - 1 : shown.size();
        if (!cut && shown.size() != want.texts.size())
            return QStringLiteral("pieces differ") + says();
        if (cut && shown.back() != QStringLiteral("+%1").arg(want.texts.size() - compared))
            return QStringLiteral("wrong count of items not shown") + says();
        for (qsizetype i = 0; i < compared; ++i)
            if (!shownAs(shown[i], want.texts[i])) return QStringLiteral("text differs") + says();
        return {};
    }
    if (shown.isEmpty() || shown.front() != want.texts.front())
        return QStringLiteral("label differs") + says();
    const QStringList chips = shown.mid(1);
    if (want.names.isEmpty()) {
        const QStringList none = want.none.isEmpty() ? QStringList{} : QStringList{want.none};
        return chips == none ? QString() : QStringLiteral("shows somebody") + says();
    }
    if (chips == want.names) return {};
    // Cut short: the chips that fit, then "+N" for the rest.
    if (chips.size() >= 2 && chips.back().startsWith(QLatin1Char('+')) &&
        chips.back() == QStringLiteral("+%1").arg(want.names.size() - (chips.size() - 1)) &&
        chips.mid(0, chips.size() - 1) == want.names.mid(0, chips.size() - 1))
        return {};
    return QStringLiteral("names differ") + says();
}

struct Tally {
    int instants = 0;
    int liveInstants = 0;
    int cards = 0;
    int pills = 0;
    int runs = 0;
    int acquiredOutOfOrder = 0;  // runs where a lock or semaphore went out of start order
    int connectedOutOfOrder = 0; // runs where a later-started sibling connected first

    void countRun(const TraceData& d) {
        ++runs;
        // Start order of Process-N is N; compare with the order of their acquires.
        int lastN = 0;
        bool acquired = false, connected = false;
        const auto number = [&](int p) {
            const auto& name = d.processes()[std::size_t(p)].name;
            return name.rfind("Process-", 0) == 0 ? std::atoi(name.c_str() + 8) : -1;
        };
        std::vector<std::uint32_t> order(d.events().size());
        for (std::uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const auto events = d.events();
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return trace::happensBefore(events[a], events[b]);
        });
        std::set<int> seen;
        for (std::uint32_t i : order) {
            const auto& e = events[i];
            if (e.op != Op::Acquire || e.phase != Phase::Done || !seen.insert(e.process).second)
                continue;
            const int n = number(e.process);
            if (n < 0) continue;
            acquired = acquired || n < lastN;
            lastN = std::max(lastN, n);
        }
        // Siblings are started in pid order; the trace numbers them as they connect.
        const auto procs = d.processes();
        for (std::size_t a = 0; a < procs.size(); ++a)
            for (std::size_t b = a + 1; b < procs.size(); ++b)
                connected =
                    connected || (procs[a].ppid == procs[b].ppid && procs[a].pid > procs[b].pid);
        acquiredOutOfOrder += acquired;
        connectedOutOfOrder += connected;
    }

    std::string summary() const {
        return std::to_string(runs) + " runs, " + std::to_string(instants) + " instants (" +
               std::to_string(liveInstants) + " live), " + std::to_string(cards) + " cards, " +
               std::to_string(pills) + " pills; " + std::to_string(acquiredOutOfOrder) +
               " runs acquired out of start order, " + std::to_string(connectedOutOfOrder) +
               " connected out of start order";
    }
};

// Checks every card and pill of `w` against the trace `d` at the instant the views show.
// Step mode: what a process announced and waits for you to grant, as a person reads it
// from the engine's intent: the operation and its object or child ("acquire sem").
QString intentText(const TraceData& d, const engine::PendingIntent& p) {
    QString on;
    if (p.op == Op::Join || p.op == Op::Terminate) {
        const int child = d.processIndexByPid(static_cast<int>(p.value));
        if (child >= 0) on = q(d.processes()[std::size_t(child)].name);
    } else if (p.object < d.objects().size()) {
        on = q(d.objects()[p.object].name);
    }
    return q(trace::opName(p.op)) + (on.isEmpty() ? QString() : QLatin1Char(' ') + on);
}

void checkWindowAgainst(gui::MainWindow& w, const TraceData& d, bool live, Tally& tally,
                        const std::string& what,
                        const std::vector<engine::PendingIntent>& pending = {}) {
    auto* state = w.stateView();
    const std::int64_t t = state->shownInstant();
    const Truth truth(d, t);
    INFO(what << (live ? ", live" : ", replayed") << " at t = " << (t - d.firstTs()) << " ns");

    // Cards: one per object a lesson talks about (a Pool's own queues fold into it).
    std::set<QString> expectedCards;
    const auto objects = d.objects();
    for (std::uint16_t o = 0; o < objects.size(); ++o) {
        const bool internal = std::any_of(objects.begin(), objects.end(), [&](const auto& pool) {
            return pool.kind == ObjectKind::Pool && objects[o].name.rfind(pool.name + ".", 0) == 0;
        });
        if (!internal) expectedCards.insert(q(objects[o].name));
    }
    std::set<QString> shownCards;
    for (auto* card : state->objectWidgets()) {
        card->grab(); // paints it now, exactly as on screen
        const auto& rows = card->shownRows();
        REQUIRE_FALSE(rows.empty());
        REQUIRE(rows.front().size() >= 1);
        const QString title = rows.front().front();
        const QString name = title.mid(title.indexOf(QStringLiteral("  ")) + 2);
        shownCards.insert(name);
        const auto object = d.objectByName(name.toStdString());
        REQUIRE(object);
        const auto want = expectedCard(truth, *object);
        INFO("card " << name.toStdString());
        // The summary beside the title: elided on a narrow card, gone when there is no room.
        CHECK(rows.front().size() <= 2);
        if (rows.front().size() == 2) CHECK(shownAs(rows.front().back(), want.summary));
        REQUIRE(rows.size() == want.rows.size() + 1);
        for (std::size_t r = 0; r < want.rows.size(); ++r) {
            const QString difference = rowDifference(rows[r + 1], want.rows[r]);
            INFO("row " << r + 1);
            CHECK(difference.toStdString() == std::string());
        }
        ++tally.cards;
    }
    CHECK(shownCards == expectedCards);

    // Process pills: "Name (pid): what it does", one row per process.
    auto* list = state->processList();
    list->grab();
    std::map<QString, QString> expectedRows;
    for (int p = 0; p < int(d.processes().size()); ++p)
        expectedRows[truth.name(p)] =
            truth.name(p) + QStringLiteral(" (%1): ").arg(d.processes()[std::size_t(p)].pid) +
            truth.pill(p);
    // A process that announced its next operation waits for your grant, whatever it did last.
    for (const auto& intent : pending)
        if (intent.process >= 0 && !truth.ended(intent.process))
            expectedRows[truth.name(intent.process)] =
                truth.name(intent.process) +
                QStringLiteral(" (%1): ").arg(d.processes()[std::size_t(intent.process)].pid) +
                QStringLiteral("waits for your step: ") + intentText(d, intent);
    CHECK(list->shownRows().size() == qsizetype(expectedRows.size()));
    for (const QString& row : list->shownRows()) {
        const QString name = row.left(row.indexOf(QStringLiteral(" (")));
        const auto want = expectedRows.find(name);
        INFO("process row " << row.toStdString());
        REQUIRE(want != expectedRows.end());
        INFO("the trace says " << want->second.toStdString());
        CHECK(shownAs(row, want->second));
        ++tally.pills;
    }
    ++tally.instants;
    tally.liveInstants += live;
}

// Checks the window against the live trace when its views show exactly the trace's current
// version (no event arrived since they were refreshed). Returns whether it checked.
bool checkIfSettled(gui::MainWindow& w, Tally& tally, const std::string& what) {
    const auto trace = w.controller()->trace();
    const auto before = trace->version();
    if (w.shownTraceVersion() != before) return false;
    // Who waits for a grant changes without an event: the pills must have caught up too.
    const auto pending = w.controller()->pendingIntents();
    if (w.shownWaiting() != w.stepController()->waitingOperations()) return false;
    TraceData copy = trace->read([](const TraceData& d) { return d; });
    // Nothing was written between the refresh and the copy: the copy is what they show.
    if (trace->version() != before || w.controller()->pendingIntents().size() != pending.size())
        return false;
    checkWindowAgainst(w, copy, true, tally, what, pending);
    return true;
}

// After the run: the playhead at many instants, among them right at and just before the
// events that change an object (where an off-by-one or a stale copy would show).
void checkReplayed(gui::MainWindow& w, Tally& tally, const std::string& what, std::mt19937& rng) {
    const auto trace = w.controller()->trace();
    std::vector<std::int64_t> instants;
    trace->read([&](const TraceData& d) {
        const auto first = d.firstTs(), last = d.lastTs();
        for (int i = 0; i <= 24; ++i)
            instants.push_back(first + (last - first) * i / 24);
        std::vector<std::int64_t> changes;
        for (const auto& e : d.events())
            if (e.phase == Phase::Done && e.object != trace::kNoObject) changes.push_back(e.ts);
        std::shuffle(changes.begin(), changes.end(), rng);
        changes.resize(std::min<std::size_t>(changes.size(), 12));
        for (auto ts : changes) {
            instants.push_back(ts);
            instants.push_back(ts - 1);
        }
    });
    for (auto t : instants) {
        w.viewState()->setPlayhead(t);
        REQUIRE(
            mpviz::testing::waitUntil([&] { return w.stateView()->shownInstant() == t; }, 2000));
        trace->read([&](const TraceData& d) { checkWindowAgainst(w, d, false, tally, what); });
    }
    trace->read([&](const TraceData& d) { tally.countRun(d); });
}

struct Lesson {
    const scenarios::Scenario* scenario;
    std::map<std::string, std::string> params;
    std::string label;
};

// Every lesson at its defaults, and "crowded": integer parameters (workers, consumers,
// messages …) at 8 or their maximum, flags flipped, so processes start, block and acquire
// in whatever order the OS picks.
std::vector<Lesson> everyLessonTwice() {
    std::vector<Lesson> out;
    for (const auto& s : scenarios::all()) {
        std::string error;
        const auto defaults = scenarios::resolveParams(s, {}, error);
        REQUIRE(defaults);
        out.push_back({&s, defaults->values(), s.id + " at defaults"});
        auto crowded = defaults->values();
        for (const auto& p : s.parameters) {
            // Not `permits`: eight permits for eight workers would block nobody.
            if (p.kind == scenarios::Parameter::Kind::Integer && p.name != "bytes" &&
                p.name != "permits")
                crowded[p.name] = std::to_string(std::int64_t(std::min(p.maximum, 8.0)));
            if (p.kind == scenarios::Parameter::Kind::Flag)
                crowded[p.name] = p.defaultValue != 0 ? "false" : "true";
        }
        std::string label = s.id;
        for (const auto& [k, v] : crowded)
            if (defaults->values().at(k) != v) label += " " + k + "=" + v;
        out.push_back({&s, crowded, label});
    }
    return out;
}

void startLesson(gui::MainWindow& w, const Lesson& lesson) {
    REQUIRE(w.selectScenario(QString::fromStdString(lesson.scenario->id)));
    w.setParameters(lesson.params);
}

// Runs `lesson` in step mode under `policy`, pressing Step whenever the waiting operations
// settled (several wait at once, so the policy really chooses); in between, the live views
// must say what the trace says. Returns the steps pressed and the live checks made.
std::pair<int, int> stepThrough(gui::MainWindow& w, const Lesson& lesson, const std::string& policy,
                                Tally& tally, const std::string& label) {
    startLesson(w, lesson);
    w.setStepMode(true);
    REQUIRE(w.setStepPolicy(QString::fromStdString(policy)));
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    int steps = 0, live = 0;
    mpviz::testing::QuietPolls quiet;
    const bool ended = mpviz::testing::waitUntil(
        [&] {
            auto* c = w.controller();
            if (!c->isLive()) return true;
            if (quiet.after(*c) < 3 || c->pendingIntents().empty()) return false;
            if (checkIfSettled(w, tally, label)) ++live;
            w.stepActions().step->trigger();
            ++steps;
            quiet.restart();
            return false;
        },
        60000);
    REQUIRE(ended);
    QCoreApplication::processEvents();
    return {steps, live};
}

} // namespace

TEST_CASE("Every card and process pill says what the trace says for every lesson, live and "
          "replayed",
          "[gui][truth][process]") {
    mpviz::testing::TestWindow w(QSize(1600, 1000));
    w.speedControl()->setQuickLook(true);
    std::mt19937 rng(7);
    Tally tally;
    for (const auto& lesson : everyLessonTwice()) {
        startLesson(w, lesson);
        w.actions().run->trigger();
        REQUIRE(w.controller()->isLive());
        // Look right after each refresh (a busy run writes to the trace every few ms, and
        // only a look before the next write sees exactly what the views were drawn from).
        int live = 0;
        QElapsedTimer running, sinceCheck;
        running.start();
        sinceCheck.start();
        while (w.controller()->isLive() && running.elapsed() < 30000) {
            QCoreApplication::processEvents();
            // Until the first look, every round tries: a quick lesson (deadlock-on-join
            // fixed, at quick look) can end within a few busy 20 ms periods.
            if (live == 0 || sinceCheck.elapsed() >= 20) {
                w.refreshViews(); // what the next frame would show, drawn now
                if (checkIfSettled(w, tally, lesson.label)) {
                    ++live;
                    sinceCheck.restart();
                }
            }
            QThread::usleep(300);
        }
        REQUIRE_FALSE(w.controller()->isLive());
        QCoreApplication::processEvents();
        INFO(lesson.label);
        CHECK(live >= 1);
        checkReplayed(w, tally, lesson.label, rng);
    }
    WARN(tally.summary());
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}

TEST_CASE("Every card and process pill says what the trace says over 20 random step schedules",
          "[gui][truth][step][process]") {
    mpviz::testing::TestWindow w(QSize(1600, 1000));
    w.speedControl()->setQuickLook(true);
    std::mt19937 rng(11);
    Tally tally;
    const auto lessons = everyLessonTwice();
    for (int run = 0; run < 20; ++run) {
        const auto& lesson = lessons[std::size_t(run) % lessons.size()];
        const std::string seed = "random:" + std::to_string(1000 + run);
        const std::string label = lesson.label + ", step mode " + seed;
        const auto [steps, live] = stepThrough(w, lesson, seed, tally, label);
        INFO(label << " after " << steps << " steps");
        CHECK(steps > 0);
        CHECK(live >= 1);
        checkReplayed(w, tally, label, rng);
    }
    WARN(tally.summary());
    CHECK(tally.acquiredOutOfOrder > 0); // the schedules did shuffle who holds what
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}

TEST_CASE("The Value card names the update a stepped run without a lock lost as the trace has it",
          "[gui][truth][step][process]") {
    mpviz::testing::TestWindow w(QSize(1600, 1000));
    w.speedControl()->setQuickLook(true);
    const auto* lesson = scenarios::find("shared-value");
    REQUIRE(lesson);
    std::string error;
    const auto params = scenarios::resolveParams(
        *lesson, {{"use_lock", "false"}, {"workers", "2"}, {"increments", "3"}}, error);
    REQUIRE(params);
    // Round-robin grants each worker its read before either writes: every pair of
    // increments loses one.
    const std::string label = "shared-value use_lock=false, step mode round-robin";
    Tally tally;
    stepThrough(w, {lesson, params->values(), label}, "round-robin", tally, label);
    std::mt19937 rng(3);
    checkReplayed(w, tally, label, rng);

    const auto trace = w.controller()->trace();
    trace->read([&](const TraceData& d) {
        const auto v = d.objectByName("v");
        REQUIRE(v);
        const auto samples = d.counter(*v);
        REQUIRE_FALSE(samples.empty());
        // Each lost update erased one increment: what is missing from 6 is what was lost.
        CHECK(d.lostUpdates(*v).size() == std::size_t(6 - samples.back().value));
        CHECK_FALSE(d.lostUpdates(*v).empty());
        w.viewState()->setPlayhead(d.lastTs());
    });
    REQUIRE(mpviz::testing::waitUntil(
        [&] {
            return w.stateView()->shownInstant() ==
                   trace->read([](const TraceData& d) { return d.lastTs(); });
        },
        2000));
    bool named = false;
    for (auto* card : w.stateView()->objectWidgets()) {
        card->grab();
        for (const auto& row : card->shownRows())
            for (const auto& text : row)
                named = named || text.contains(QStringLiteral("lost update"));
    }
    CHECK(named);
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}
