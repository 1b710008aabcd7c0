#include "engine/session.hpp"

#include "engine/cleanup.hpp"
#include "engine/event_sorter.hpp"
#include "engine/ingest.hpp"
#include "engine/janitor.hpp"
#include "engine/wait_for_graph.hpp"
#include "mp/runtime.hpp"
#include "mp/spawn.hpp"
#include "wire/protocol.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <future>
#include <random>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace mpviz::engine {

namespace asio = boost::asio;
using asio::local::stream_protocol;
using trace::Op;
using trace::Outcome;
using trace::Phase;

namespace {
constexpr auto kDeadlockTick = std::chrono::milliseconds(40);
constexpr int kDeadlockStableTicks = 3; // all blocked, nothing new, for ~120 ms
constexpr auto kDrainAfterMainExit = std::chrono::seconds(2);
constexpr auto kStepTick = std::chrono::milliseconds(3);
constexpr auto kStepSettle = std::chrono::milliseconds(15); // no event for this long: settled

std::string newSessionId() {
    std::random_device rd;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d_%06x", static_cast<int>(::getpid()), rd() & 0xffffff);
    return buf;
}
} // namespace

// One scenario process as the engine knows it.
struct ProcessRecord {
    int index = -1; // in the trace, once it said hello
    int pid = 0;
    std::string name;
    int parentIndex = -1;                     // who started it (from the Start event)
    std::uint32_t startText = trace::kNoText; // its name, as the Start event's text
    std::int64_t startedAt = 0;               // when its parent started it
    bool connected = false;
    bool ended = false;
    std::int64_t endTs = 0;
    std::optional<int> exitcode;
    std::optional<BlockedOn> blocked;
    bool sleeping = false;
    std::set<std::uint16_t> objects;
};

struct Session::Impl {
    SessionOptions options;
    std::string id = newSessionId();
    std::filesystem::path dir;
    std::shared_ptr<trace::SharedTrace> trace = std::make_shared<trace::SharedTrace>();

    asio::io_context io;
    std::optional<stream_protocol::acceptor> acceptor;
    std::optional<asio::posix::stream_descriptor> mainWatch;
    asio::steady_timer deadlockTimer{io};
    asio::steady_timer timeoutTimer{io};
    asio::steady_timer drainTimer{io};
    std::thread thread;

    mp::detail::SpawnedProcess main;
    mp::detail::SpawnedProcess janitor; // see janitor.hpp
    bool mainReaped = false;
    std::map<int, ProcessRecord> byPid;                  // every process we heard of
    std::map<std::uint16_t, std::map<int, int>> holders; // object → process index → count
    EventSorter sorter;
    asio::steady_timer sortTimer{io};
    std::uint64_t eventsSeen = 0;
    std::uint64_t eventsAtLastTick = 0;
    int stableTicks = 0;
    int openConnections = 0;

    // Step mode. `pending` and `grants` are read by other threads under `mutex`.
    std::atomic<bool> stepping{false};
    std::atomic<bool> replayingFlag{false}; // replaying(), for other threads
    std::optional<Scheduler> scheduler;
    std::optional<Scheduler> after; // options.afterSchedule, parsed
    int autoGrantsLeft = -1;
    std::vector<PendingIntent> pending;
    std::vector<std::string> grants;
    std::vector<int> grantedProcesses; // the same grants, by process index (io thread)
    std::uint64_t intentOrder = 0;
    std::vector<int> creationOrder;
    struct Connection;
    std::map<int, std::weak_ptr<Connection>> connections; // by process index
    std::chrono::steady_clock::time_point lastEvent = std::chrono::steady_clock::now();
    asio::steady_timer stepTimer{io};

    mutable std::mutex mutex; // guards outcome/finished, onChange, pending, grants
    std::condition_variable finishedCv;
    Outcome outcome = Outcome::Running;
    bool finished = false;
    std::function<void()> onChange;

    // --- setup ---
    void createDirectory() {
        dir = std::filesystem::temp_directory_path() / ("mpviz-" + id);
        if (::mkdir(dir.c_str(), 0700) != 0)
            throw std::runtime_error("cannot create session directory " + dir.string());
    }

    void listen() {
        acceptor.emplace(io, stream_protocol::endpoint((dir / "engine.sock").string()));
        accept();
    }

    void accept() {
        acceptor->async_accept([this](boost::system::error_code ec, stream_protocol::socket s) {
            if (ec) return;
            ++openConnections;
            auto conn = std::make_shared<Connection>(*this, std::move(s));
            conn->read();
            accept();
        });
    }

    std::vector<std::string> childEnvironment() const {
        namespace d = mp::detail;
        mp::Params params(options.params);
        timespec mono{};
        clock_gettime(CLOCK_MONOTONIC, &mono);
        const auto monoNs = std::int64_t(mono.tv_sec) * 1'000'000'000 + mono.tv_nsec;
        return {std::string(d::kEnvSocket) + "=" + (dir / "engine.sock").string(),
                std::string(d::kEnvSession) + "=" + id,
                std::string(d::kEnvDir) + "=" + dir.string(),
                std::string(d::kEnvSpeed) + "=" + std::to_string(options.speed),
                std::string(d::kEnvParams) + "=" + params.encode(),
                std::string(d::kEnvChild) + "=" + options.childExecutable.string(),
                std::string(d::kEnvScenario) + "=" + options.scenario,
                std::string(d::kEnvClock) + "=" + std::to_string(std::time(nullptr)) + ":" +
                    std::to_string(monoNs)};
    }

    // Runs on the engine thread: PR_SET_PDEATHSIG ties MainProcess to the thread that
    // spawned it, and this thread lives exactly as long as the session.
    void spawnMain() {
        mp::detail::SpawnRequest request;
        request.executable = options.childExecutable;
        request.args = {"--scenario", options.scenario, "--role", "main"};
        request.extraEnvironment = childEnvironment();
        request.extraEnvironment.push_back(std::string(mp::detail::kEnvStep) + "=" +
                                           (stepping.load() ? "1" : "0"));
        request.ownProcessGroup = true;
        request.silenceStdout = !options.echoStdout;
        main = mp::detail::SpawnedProcess::spawn(request);
        byPid[main.pid()].pid = main.pid();
        spawnJanitor();
        mainWatch.emplace(io, ::dup(main.pidfd()));
        mainWatch->async_wait(asio::posix::stream_descriptor::wait_read,
                              [this](boost::system::error_code) { reapMain(); });
        if (options.timeout > 0) {
            timeoutTimer.expires_after(std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::duration<double>(options.timeout)));
            timeoutTimer.async_wait([this](boost::system::error_code ec) {
                if (!ec) end(Outcome::Timeout);
            });
        }
        scheduleDeadlockCheck();
        scheduleAutoStep();
        scheduleSortRelease();
    }

    // Cleans up after us if this whole process dies mid-run (janitor.hpp). Not having one
    // is no reason to refuse the run: the next start removes stale sessions too.
    void spawnJanitor() {
        mp::detail::SpawnRequest request;
        request.executable = options.childExecutable;
        request.args = janitorArguments(::getpid(), id, dir, main.pid());
        request.ownProcessGroup = true; // out of the scenario's group, and the terminal's
        request.dieWithParent = false;
        request.silenceStdout = true;
        try {
            janitor = mp::detail::SpawnedProcess::spawn(request);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "mpviz: no janitor for this run: %s\n", e.what());
        }
    }

    void stopJanitor() {
        if (janitor.pid() <= 0) return;
        janitor.signal(SIGKILL);
        janitor.wait();
    }

    // --- reading children ---
    struct Connection : std::enable_shared_from_this<Connection>, ConnectionIngest::Listener {
        Impl& session;
        stream_protocol::socket socket;
        std::string pending;
        std::array<char, 64 * 1024> chunk{};
        ConnectionIngest ingester;
        ProcessRecord* record = nullptr;
        std::size_t source;

        Connection(Impl& s, stream_protocol::socket sock)
            : session(s), socket(std::move(sock)), source(s.sorter.addSource()) {}

        void read() {
            socket.async_read_some(
                asio::buffer(chunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                    if (!ec) {
                        self->pending.append(self->chunk.data(), n);
                        if (self->ingest()) return self->read();
                    }
                    self->closed();
                });
        }

        // Records whole frames into the trace; false on a protocol error.
        bool ingest() {
            bool ok = true;
            session.trace->write([&](trace::TraceData& t) {
                try {
                    const auto now = mp::detail::monotonicNs();
                    ingester.ingest(pending, t, *this, now);
                    session.releaseSorted(t, now);
                } catch (const wire::ProtocolError& e) {
                    std::fprintf(stderr, "mpviz: dropping a scenario process: %s\n", e.what());
                    ok = false;
                }
            });
            session.changed();
            return ok;
        }

        void onHello(int pid, int index, const std::string& name) override {
            record = &session.byPid[pid];
            record->pid = pid;
            record->name = name;
            record->index = index;
            record->connected = true;
            session.connections[index] = weak_from_this();
            session.creationOrder.push_back(index);
            send([&](wire::Encoder& enc) { enc.mode(session.stepping.load()); });
        }

        template <class Write> void send(Write write) {
            std::vector<char> bytes;
            wire::Encoder enc(bytes);
            write(enc);
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(bytes), ec); // tiny; the child always reads
        }
        void onObject(std::uint16_t index) override { record->objects.insert(index); }
        void onEvent(const trace::Event& e) override {
            session.sorter.push(source, e);
            session.track(*record, e);
        }

        void closed() {
            if (record) {
                session.forgetPending(record->index);
                record->connected = false;
                record->ended = true;
                record->endTs = mp::detail::monotonicNs();
                record->blocked.reset();
                const auto rec = *record;
                session.trace->write([&](trace::TraceData& t) {
                    session.releaseSorted(t, INT64_MAX); // its last events before its end
                    t.setProcessEnd(rec.index, rec.endTs, rec.exitcode);
                });
            }
            --session.openConnections;
            session.changed();
            session.maybeFinish();
        }
    };

    // Keeps what deadlock detection needs: who is blocked on what, who holds what.
    void track(ProcessRecord& rec, const trace::Event& e) {
        ++eventsSeen;
        lastEvent = std::chrono::steady_clock::now();
        switch (e.phase) {
        case Phase::Blocked: {
            BlockedOn b{e.op, e.object, static_cast<int>(e.value), false};
            const bool extraIsEnd = e.op == Op::Send || e.op == Op::Recv;
            b.timed = !extraIsEnd && e.extra != 0;
            rec.blocked = b;
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
            if (stepping) addPending(rec, e);
            break;
        }
        if (e.phase != Phase::Done) return;
        if (e.op == Op::Acquire) ++holders[e.object][rec.index];
        if (e.op == Op::Release) --holders[e.object][rec.index];
        if (e.op == Op::Start) {
            auto& child = byPid[static_cast<int>(e.value)];
            child.pid = static_cast<int>(e.value);
            child.parentIndex = rec.index;
            child.startedAt = e.ts;
            child.startText = e.text;
        }
        if (e.op == Op::Exit) rec.exitcode = static_cast<int>(e.value);
        if (e.op == Op::Join) byPid[static_cast<int>(e.value)].exitcode = e.extra;
    }

    void changed() {
        std::function<void()> callback;
        {
            std::lock_guard lock(mutex);
            callback = onChange;
        }
        if (callback) callback();
    }

    // Appends the held events old enough that no child can still send an earlier one.
    void releaseSorted(trace::TraceData& t, std::int64_t now) {
        const auto watermark = now == INT64_MAX ? now : now - EventSorter::kWindowNs;
        sorter.release(watermark, [&](const trace::Event& e) { t.append(e); });
    }

    // Quiet children send nothing, so held events are also released by the clock.
    void scheduleSortRelease() {
        sortTimer.expires_after(std::chrono::milliseconds(5));
        sortTimer.async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            if (!sorter.empty()) {
                trace->write(
                    [&](trace::TraceData& t) { releaseSorted(t, mp::detail::monotonicNs()); });
                changed();
            }
            scheduleSortRelease();
        });
    }

    // --- step mode ---
    void addPending(const ProcessRecord& rec, const trace::Event& e) {
        PendingIntent p;
        p.process = rec.index;
        p.op = e.op;
        p.object = e.object;
        p.value = e.value;
        p.ts = e.ts;
        p.order = ++intentOrder;
        p.name = rec.name;
        std::lock_guard lock(mutex);
        pending.push_back(std::move(p));
    }

    void forgetPending(int process) {
        std::lock_guard lock(mutex);
        std::erase_if(pending, [&](const PendingIntent& p) { return p.process == process; });
    }

    // `by`: the scheduler that chose it; every other one hears of the grant, so a person's
    // click counts as a turn in round-robin, and the policy taking over after a replay
    // continues as if it had made the replayed choices itself.
    void grantAt(std::size_t i, const Scheduler* by = nullptr) {
        PendingIntent chosen;
        {
            std::lock_guard lock(mutex);
            if (i >= pending.size()) return;
            chosen = pending[i];
            pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
            grants.push_back(chosen.name);
            grantedProcesses.push_back(chosen.process);
        }
        if (scheduler && &*scheduler != by) scheduler->observe(chosen.process);
        if (after && replaying()) after->observe(chosen.process);
        if (auto it = connections.find(chosen.process); it != connections.end())
            if (auto c = it->second.lock()) c->send([](wire::Encoder& enc) { enc.grant(); });
        lastEvent = std::chrono::steady_clock::now();
        changed();
    }

    void grantProcess(int process) {
        std::optional<std::size_t> at;
        {
            std::lock_guard lock(mutex);
            for (std::size_t i = 0; i < pending.size(); ++i)
                if (pending[i].process == process && (!at || pending[i].order < pending[*at].order))
                    at = i;
        }
        if (at) grantAt(*at);
    }

    void grantBySchedule(Scheduler& s) {
        std::vector<PendingIntent> snapshot;
        {
            std::lock_guard lock(mutex);
            snapshot = pending;
        }
        if (!snapshot.empty()) grantAt(s.choose(snapshot, creationOrder), &s);
    }

    // A replay (options.afterSchedule with a limited schedule) grants recorded steps by
    // itself; nothing else may grant meanwhile, or the recorded order would be lost.
    bool replaying() const { return replayingFlag; }
    void endReplay() {
        if (!replayingFlag) return;
        autoGrantsLeft = 0;
        if (after) scheduler = after; // it observed every replayed grant
        replayingFlag = false;
    }

    // A schedule chosen mid-run continues as if it had made every grant so far: the same
    // history then always leads to the same next choice, replayed or not.
    Scheduler observedAll(Scheduler s) const {
        for (int p : grantedProcesses)
            s.observe(p);
        return s;
    }

    void setStepping(bool on) {
        if (on == stepping.load()) return; // a mode message releases waiting processes
        stepping = on;
        if (!on) {
            std::lock_guard lock(mutex);
            pending.clear(); // run mode releases them in the children
        }
        if (!on) endReplay(); // what was replayed stands; the rest runs freely
        for (auto& [index, weak] : connections)
            if (auto c = weak.lock()) c->send([on](wire::Encoder& enc) { enc.mode(on); });
        changed();
    }

    // With a schedule, grant once everything has settled: each live process waits for a
    // grant or is blocked, and no event arrived for a moment (a woken process has had time
    // to report). That is what makes the same schedule give the same interleaving.
    void scheduleAutoStep() {
        stepTimer.expires_after(kStepTick);
        stepTimer.async_wait([this](boost::system::error_code ec) {
            if (ec || outcome != Outcome::Running) return;
            if (stepping && scheduler && autoGrantsLeft != 0 && settled()) {
                grantBySchedule(*scheduler);
                if (autoGrantsLeft > 0 && --autoGrantsLeft == 0) endReplay();
            }
            scheduleAutoStep();
        });
    }

    bool settled() const {
        if (std::chrono::steady_clock::now() - lastEvent < kStepSettle) return false;
        std::set<int> waiting;
        {
            std::lock_guard lock(mutex);
            if (pending.empty()) return false;
            for (const auto& p : pending)
                waiting.insert(p.process);
        }
        for (const auto& [pid, rec] : byPid) {
            if (rec.ended || (pid == main.pid() && mainReaped)) continue;
            if (!rec.connected) {
                if (::kill(pid, 0) == 0) return false; // about to say hello
                continue;
            }
            if (!waiting.count(rec.index) && !rec.blocked) return false; // still running
        }
        return true;
    }

    // --- watching ---
    void scheduleDeadlockCheck() {
        deadlockTimer.expires_after(kDeadlockTick);
        deadlockTimer.async_wait([this](boost::system::error_code ec) {
            if (ec || outcome != Outcome::Running) return;
            checkDeadlock();
            scheduleDeadlockCheck();
        });
    }

    // Deadlock: every live process blocked with no timeout, nothing new arriving for a few
    // ticks (so no wake-up is still in flight), and nobody asleep who could wake them.
    void checkDeadlock() {
        std::vector<LiveProcess> live;
        std::map<int, int> indexOfPid;
        bool allStuck = true;
        for (auto& [pid, rec] : byPid) {
            if (rec.ended || (pid == main.pid() && mainReaped)) continue;
            if (!rec.connected) {
                if (::kill(pid, 0) == 0) allStuck = false; // started, not connected yet
                continue;
            }
            indexOfPid[pid] = rec.index;
            live.push_back({rec.index, pid, rec.blocked, rec.sleeping, rec.objects});
            if (!rec.blocked || rec.blocked->timed || rec.sleeping) allStuck = false;
        }
        const bool quiet = eventsSeen == eventsAtLastTick;
        eventsAtLastTick = eventsSeen;
        if (live.empty() || !allStuck || !quiet || transferUnderway(live)) {
            stableTicks = 0;
            return;
        }
        if (++stableTicks < kDeadlockStableTicks) return;

        trace::DeadlockReport report;
        report.ts = mp::detail::monotonicNs();
        report.edges = waitForEdges(live, holders, indexOfPid);
        report.cycle = findCycle(report.edges);
        if (report.cycle.empty())
            for (const auto& p : live)
                report.cycle.push_back(p.index); // stuck, no cycle
        trace->write([&](trace::TraceData& t) { t.setDeadlock(report); });
        end(Outcome::Deadlock);
    }

    void reapMain() {
        main.wait(-1);
        mainReaped = true;
        auto& rec = byPid[main.pid()];
        rec.exitcode = main.exitcode();
        if (rec.ended && rec.index >= 0) {
            trace->write(
                [&](trace::TraceData& t) { t.setProcessEnd(rec.index, rec.endTs, rec.exitcode); });
        }
        if (outcome == Outcome::Running) {
            // Its children die with it; give their connections a moment to close.
            drainTimer.expires_after(kDrainAfterMainExit);
            drainTimer.async_wait([this](boost::system::error_code ec) {
                if (!ec) end(Outcome::Completed);
            });
        }
        maybeFinish();
    }

    // --- ending ---
    void end(Outcome why) {
        if (outcome == Outcome::Running) outcome = why;
        killGroup();
        maybeFinish();
    }

    void killGroup() {
        if (main.pid() > 0) ::killpg(main.pid(), SIGKILL);
        for (auto& [pid, rec] : byPid)
            if (!rec.ended) ::kill(pid, SIGKILL); // a child that escaped the group
    }

    // Scenario processes whose parent died were re-parented to us (we are a child
    // subreaper): reap them, or they linger as zombies. Their connection closes a moment
    // before they become zombies, hence the short wait.
    void reapOrphans() {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
        for (auto& [pid, rec] : byPid) {
            if (pid == main.pid() || pid <= 0) continue;
            for (;;) {
                const pid_t r = ::waitpid(pid, nullptr, WNOHANG);
                if (r != 0 || std::chrono::steady_clock::now() > until) break; // reaped / not ours
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        }
    }

    // A child killed before it could say hello (terminate() right after start()) still
    // belongs in the trace: its parent started it, and joined it.
    void addNeverConnected(trace::TraceData& t) {
        for (auto& [pid, rec] : byPid) {
            if (rec.index >= 0 || rec.startText == trace::kNoText || pid == main.pid()) continue;
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

    void maybeFinish() {
        if (finished || !mainReaped || openConnections > 0) return;
        if (outcome == Outcome::Running) outcome = Outcome::Completed;
        deadlockTimer.cancel();
        stepTimer.cancel();
        sortTimer.cancel();
        timeoutTimer.cancel();
        drainTimer.cancel();
        if (acceptor) acceptor->close();
        const bool killed = outcome != Outcome::Completed;
        trace->write([&](trace::TraceData& t) {
            releaseSorted(t, INT64_MAX);
            addNeverConnected(t);
            for (auto& [pid, rec] : byPid) {
                if (rec.index < 0) continue;
                if (!rec.exitcode && killed) rec.exitcode = -SIGKILL;
                t.setProcessEnd(rec.index, rec.ended ? rec.endTs : mp::detail::monotonicNs(),
                                rec.exitcode);
            }
            t.setOutcome(outcome);
        });
        reapOrphans();
        removeSessionFiles(id, dir);
        stopJanitor();
        {
            std::lock_guard lock(mutex);
            finished = true;
        }
        finishedCv.notify_all();
        changed();
        io.stop();
    }
};

Session::Session(SessionOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    auto& o = impl_->options;
    if (!o.schedule.empty()) {
        std::string error;
        impl_->scheduler = Scheduler::parse(o.schedule, error);
        if (!impl_->scheduler) throw std::invalid_argument(error);
        o.step = true;
    }
    if (!o.afterSchedule.empty()) {
        std::string error;
        impl_->after = Scheduler::parse(o.afterSchedule, error);
        if (!impl_->after) throw std::invalid_argument(error);
        if (!impl_->scheduler) o.autoGrantLimit = 0; // nothing to replay: a person steps
        if (o.autoGrantLimit == 0) impl_->scheduler = impl_->after;
        impl_->replayingFlag = o.autoGrantLimit > 0;
    }
    impl_->stepping = o.step;
    impl_->autoGrantsLeft = o.autoGrantLimit;
    impl_->trace->write([&](trace::TraceData& t) {
        t.scenario = impl_->options.scenario;
        t.params = impl_->options.params;
        t.speed = impl_->options.speed;
    });
}

Session::~Session() {
    if (impl_->thread.joinable()) {
        stop();
        impl_->thread.join();
    }
}

void Session::start() {
    // Orphaned scenario processes come to us rather than to an init that may never reap.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    removeStaleSessions();
    impl_->createDirectory();
    impl_->listen();
    std::promise<void> started;
    auto result = started.get_future();
    impl_->thread = std::thread([this, &started] {
        try {
            impl_->spawnMain();
            started.set_value();
        } catch (...) {
            started.set_exception(std::current_exception());
            removeSessionFiles(impl_->id, impl_->dir);
            impl_->stopJanitor();
            std::lock_guard lock(impl_->mutex);
            impl_->finished = true;
            impl_->outcome = Outcome::Stopped;
            return;
        }
        impl_->io.run();
    });
    try {
        result.get();
    } catch (...) {
        impl_->thread.join();
        throw;
    }
}

void Session::stop() {
    asio::post(impl_->io, [this] { impl_->end(Outcome::Stopped); });
}

Outcome Session::wait() {
    std::unique_lock lock(impl_->mutex);
    impl_->finishedCv.wait(lock, [&] { return impl_->finished; });
    return impl_->outcome;
}

bool Session::wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    return impl_->finishedCv.wait_for(lock, timeout, [&] { return impl_->finished; });
}

bool Session::finished() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->finished;
}

Outcome Session::outcome() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->finished ? impl_->outcome : Outcome::Running;
}

std::shared_ptr<trace::SharedTrace> Session::trace() const {
    return impl_->trace;
}

void Session::setOnChange(std::function<void()> callback) {
    std::lock_guard lock(impl_->mutex);
    impl_->onChange = std::move(callback);
}

void Session::setStepMode(bool step) {
    asio::post(impl_->io, [this, step] { impl_->setStepping(step); });
}

bool Session::stepMode() const {
    return impl_->stepping;
}

bool Session::replaying() const {
    return impl_->replayingFlag;
}

void Session::grant(int processIndex) {
    asio::post(impl_->io, [this, processIndex] {
        if (!impl_->replaying()) impl_->grantProcess(processIndex);
    });
}

void Session::step() {
    asio::post(impl_->io, [this] {
        if (impl_->replaying()) return; // the replay grants by itself until it is done
        if (impl_->scheduler) return impl_->grantBySchedule(*impl_->scheduler);
        auto fifo = Scheduler::fifo();
        impl_->grantBySchedule(fifo);
    });
}

void Session::setSchedule(const std::string& schedule) {
    std::string error;
    auto parsed = Scheduler::parse(schedule, error);
    if (!parsed) throw std::invalid_argument(error);
    asio::post(impl_->io, [this, s = std::move(*parsed)]() mutable {
        // A replay still granting its recorded steps keeps them; the new choice follows.
        if (impl_->replaying())
            impl_->after = impl_->observedAll(std::move(s));
        else
            impl_->scheduler = impl_->observedAll(std::move(s));
    });
}

std::vector<PendingIntent> Session::pendingIntents() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->pending;
}

std::vector<std::string> Session::grantLog() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->grants;
}

const SessionOptions& Session::options() const {
    return impl_->options;
}
std::string Session::sessionId() const {
    return impl_->id;
}

} // namespace mpviz::engine
