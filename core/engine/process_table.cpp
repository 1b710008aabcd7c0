#include "engine/process_table.hpp"

#include "mp/spawn.hpp"
#include "trace/clock.hpp"

#include <chrono>
#include <csignal>
#include <sys/wait.h>
#include <thread>

namespace mpviz::engine {

using trace::Op;
using trace::Phase;

void ProcessTable::addMain(int pid) {
    mainPid_ = pid;
    byPid_[pid].pid = pid;
}

void ProcessTable::mainReaped(std::optional<int> exitcode) {
    mainReaped_ = true;
    main().exitcode = exitcode;
}

ProcessRecord& ProcessTable::connected(int pid, int index, const std::string& name) {
    auto& rec = byPid_[pid];
    rec.pid = pid;
    rec.name = name;
    rec.index = index;
    rec.connected = true;
    return rec;
}

void ProcessTable::track(ProcessRecord& rec, const trace::Event& e) {
    switch (e.phase) {
    case Phase::Blocked: {
        rec.blocked = BlockedOn{e.op, e.object, static_cast<int>(e.value), trace::isTimedWait(e)};
        break;
    }
    case Phase::Begin:
        rec.sleeping = true;
        break;
    case Phase::Done:
    case Phase::Failed:
        rec.blocked.reset();
        rec.sleeping = false;
        break;
    case Phase::Intent:
        break;
    }
    if (const int change = trace::holdChange(e)) holders_[e.object][rec.index] += change;
    if (e.phase != Phase::Done) return;
    if (e.op == Op::Start) {
        auto& child = byPid_[static_cast<int>(e.value)];
        child.pid = static_cast<int>(e.value);
        child.parentIndex = rec.index;
        child.startedAt = e.ts;
        child.startText = e.text;
    }
    if (e.op == Op::Exit) rec.exitcode = static_cast<int>(e.value);
    if (e.op == Op::Join) byPid_[static_cast<int>(e.value)].exitcode = trace::joinedExitcode(e);
}

void ProcessTable::disconnected(ProcessRecord& rec, std::int64_t ts) {
    rec.connected = false;
    rec.ended = true;
    rec.endTs = ts;
    rec.blocked.reset();
}

LiveProcesses ProcessTable::liveProcesses() const {
    LiveProcesses live;
    for (const auto& [pid, rec] : byPid_) {
        if (rec.ended || (pid == mainPid_ && mainReaped_)) continue;
        if (!rec.connected) {
            if (::kill(pid, 0) == 0) live.starting = true; // about to say hello
            continue;
        }
        live.indexOfPid[pid] = rec.index;
        live.connected.push_back({rec.index, pid, rec.blocked, rec.sleeping, rec.objects});
    }
    return live;
}

void ProcessTable::killRemaining() const {
    for (const auto& [pid, rec] : byPid_)
        if (!rec.ended && pid > 0) ::kill(pid, SIGKILL);
}

// Their connection closes a moment before they become zombies, hence the short wait. The
// status is the only word on how they ended: their parent, which would have joined them,
// is gone.
void ProcessTable::reapOrphans() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    for (auto& [pid, rec] : byPid_) {
        if (pid == mainPid_ || pid <= 0) continue;
        for (;;) {
            int status = 0;
            const pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid && !rec.exitcode) rec.exitcode = mp::detail::pythonExitcode(status);
            if (r != 0 || std::chrono::steady_clock::now() > until) break; // reaped / not ours
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
}

// A child killed before it could say hello (terminate() right after start()) still
// belongs in the trace.
void ProcessTable::addNeverConnected(trace::TraceData& t) {
    for (auto& [pid, rec] : byPid_) {
        if (rec.index >= 0 || rec.startText == trace::kNoText || pid == mainPid_) continue;
        trace::ProcessInfo info;
        info.pid = pid;
        info.parent = rec.parentIndex;
        info.ppid = rec.parentIndex >= 0 ? t.processes()[rec.parentIndex].pid : 0;
        info.name = std::string(t.text(rec.startText));
        info.startTs = rec.startedAt;
        rec.index = t.addProcess(std::move(info));
        rec.ended = true;
        rec.endTs = rec.startedAt;
    }
}

void ProcessTable::recordEnds(trace::TraceData& t, bool killed) {
    addNeverConnected(t);
    for (auto& [pid, rec] : byPid_) {
        if (rec.index < 0) continue;
        if (!rec.exitcode && killed) rec.exitcode = -SIGKILL;
        t.setProcessEnd(rec.index, rec.ended ? rec.endTs : trace::nowNs(), rec.exitcode);
    }
}

} // namespace mpviz::engine
