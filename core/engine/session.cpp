#include "engine/session.hpp"

#include "engine/cleanup.hpp"
#include "engine/event_sorter.hpp"
#include "engine/ingest.hpp"
#include "engine/janitor.hpp"
#include "engine/process_table.hpp"
#include "engine/step_gate.hpp"
#include "engine/wait_for_graph.hpp"
#include "mp/args.hpp"
#include "mp/spawn.hpp"
#include "trace/clock.hpp"
#include "wire/protocol.hpp"
#include "wire/session_env.hpp"

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

std::string newSessionId() {
    std::random_device rd;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d_%06x", static_cast<int>(::getpid()), rd() & 0xffffff);
    return buf;
}
} // namespace

struct Session::Impl {
    explicit Impl(SessionOptions o)
        : options(std::move(o)),
          gate(options.step, options.schedule, options.afterSchedule, options.autoGrantLimit) {
        options.step = gate.stepping();
    }

    SessionOptions options;
    std::string id = newSessionId();
    const std::int64_t startedNs = trace::nowNs(); // before any process exists
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
    ProcessTable processes;
    EventSorter sorter;
    asio::steady_timer sortTimer{io};
    std::int64_t sortTimerDue = INT64_MAX; // when sortTimer fires; INT64_MAX: not armed
    std::uint64_t eventsSeen = 0;
    std::uint64_t eventsAtLastTick = 0;
    int stableTicks = 0;
    int openConnections = 0;

    struct Connection;
    std::map<int, std::weak_ptr<Connection>> connections; // by process index
    StepGate gate;
    asio::steady_timer stepTimer{io};

    mutable std::mutex mutex; // guards outcome/finished, onChange
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
        mp::Params params(options.params);
        const auto monoNs = trace::nowNs();
        return {std::string(wire::kEnvSocket) + "=" + (dir / "engine.sock").string(),
                std::string(wire::kEnvSession) + "=" + id,
                std::string(wire::kEnvDir) + "=" + dir.string(),
                std::string(wire::kEnvSpeed) + "=" + std::to_string(options.speed),
                std::string(wire::kEnvParams) + "=" + params.encode(),
                std::string(wire::kEnvChild) + "=" + options.childExecutable.string(),
                std::string(wire::kEnvScenario) + "=" + options.scenario,
                std::string(wire::kEnvClock) + "=" + std::to_string(std::time(nullptr)) + ":" +
                    std::to_string(monoNs)};
    }

    // Runs on the engine thread: PR_SET_PDEATHSIG ties MainProcess to the thread that
    // spawned it, and this thread lives exactly as long as the session.
    void spawnMain() {
        mp::detail::SpawnRequest request;
        if (options.python) {
            request = pythonMainRequest(*options.python,
                                        pythonShimDirectory(options.childExecutable.parent_path()),
                                        dir, childEnvironment());
        } else {
            request.executable = options.childExecutable;
            request.args = {"--scenario", options.scenario, "--role", "main"};
            request.extraEnvironment = childEnvironment();
        }
        request.extraEnvironment.push_back(std::string(wire::kEnvStep) + "=" +
                                           (gate.stepping() ? "1" : "0"));
        request.ownProcessGroup = true;
        request.silenceStdout = !options.echoStdout;
        main = mp::detail::SpawnedProcess::spawn(request);
        processes.addMain(main.pid());
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
            : session(s), socket(std::move(sock)), ingester(s.startedNs),
              source(s.sorter.addSource()) {}

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

        // Records whole frames into the trace; false on a protocol error. Tells the
        // listeners only when the trace has something new to show: events the sorter
        // still holds are news when it releases them.
        bool ingest() {
            bool ok = true;
            bool shown = false;
            session.trace->write([&](trace::TraceData& t) {
                const auto before = shownSize(t);
                try {
                    const auto now = trace::nowNs();
                    ingester.ingest(pending, t, *this, now);
                    session.releaseSorted(t, now);
                } catch (const wire::ProtocolError& e) {
                    std::fprintf(stderr, "mpviz: dropping a scenario process: %s\n", e.what());
                    ok = false;
                }
                shown = shownSize(t) != before;
            });
            session.armSortRelease();
            if (shown || !ok) session.changed();
            return ok;
        }
        static std::size_t shownSize(const trace::TraceData& t) {
            return t.events().size() + t.processes().size() + t.objects().size();
        }

        void onHello(int pid, int index, const std::string& name) override {
            // Both runtimes' flushers send the first event at once and then gather 1 ms.
            session.sorter.setWindow(source, EventSorter::kPromptWindowNs);
            record = &session.processes.connected(pid, index, name);
            session.connections[index] = weak_from_this();
            session.gate.processAppeared(index);
            send([&](wire::Encoder& enc) { enc.mode(session.gate.stepping()); });
        }

        template <class Write> void send(Write write) {
            std::vector<char> bytes;
            wire::Encoder enc(bytes);
            write(enc);
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(bytes), ec); // tiny; the child always reads
        }
        void onObject(std::uint16_t index) override { session.processes.declared(*record, index); }
        void onEvent(const trace::Event& e, const trace::SourceSpot& at) override {
            session.sorter.push(source, e, at);
            session.track(*record, e, at);
        }

        void closed() {
            session.sorter.closeSource(source);
            if (record) {
                session.gate.forgetProcess(record->index);
                session.processes.disconnected(*record, trace::nowNs());
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

    void track(ProcessRecord& rec, const trace::Event& e, const trace::SourceSpot& at) {
        ++eventsSeen;
        gate.noteActivity();
        processes.track(rec, e);
        if (e.phase == Phase::Intent && gate.stepping()) {
            PendingIntent p;
            p.process = rec.index;
            p.thread = at.thread;
            p.name = rec.name;
            p.op = e.op;
            p.object = e.object;
            p.value = e.value;
            p.ts = e.ts;
            gate.addIntent(std::move(p));
        }
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
        const auto watermark = now == INT64_MAX ? now : sorter.watermark(now);
        sorter.release(watermark, [&](const trace::Event& e, const trace::SourceSpot& at) {
            t.append(e, at);
        });
    }

    // Quiet children send nothing, so held events are also released by the clock: once the
    // oldest may go, and the events a process stamped right after it with it (one frame
    // shows them together instead of two frames a frame apart).
    void armSortRelease() {
        constexpr std::int64_t kGatherNs = 1'000'000;
        const auto held = sorter.nextReleaseAt();
        const auto due = held == INT64_MAX ? held : held + kGatherNs;
        if (due >= sortTimerDue) return; // armed for then or sooner (or nothing is held)
        sortTimerDue = due;
        sortTimer.expires_after(
            std::chrono::nanoseconds(std::max<std::int64_t>(0, due - trace::nowNs())));
        sortTimer.async_wait([this](boost::system::error_code ec) {
            if (ec) return; // cancelled, or armed anew for an earlier time
            sortTimerDue = INT64_MAX;
            bool released = false;
            trace->write([&](trace::TraceData& t) {
                const auto before = t.events().size();
                releaseSorted(t, trace::nowNs());
                released = t.events().size() != before;
            });
            if (released) changed(); // a newcomer may have widened the wait meanwhile
            armSortRelease();
        });
    }

    // --- step mode ---
    void deliver(const std::optional<PendingIntent>& granted) {
        if (!granted) return;
        if (auto it = connections.find(granted->process); it != connections.end())
            if (auto c = it->second.lock())
                c->send([&](wire::Encoder& enc) { enc.grant(granted->thread); });
        changed();
    }

    void setStepping(bool on) {
        if (!gate.setStepping(on)) return; // a mode message releases waiting processes
        for (auto& [index, weak] : connections)
            if (auto c = weak.lock()) c->send([on](wire::Encoder& enc) { enc.mode(on); });
        changed();
    }

    void scheduleAutoStep() {
        stepTimer.expires_after(kStepTick);
        stepTimer.async_wait([this](boost::system::error_code ec) {
            if (ec || outcome != Outcome::Running) return;
            if (gate.stepping()) deliver(gate.autoGrant(processes.liveProcesses()));
            scheduleAutoStep();
        });
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
        const auto live = processes.liveProcesses();
        bool allStuck = !live.starting;
        for (const auto& p : live.connected)
            if (!p.blocked || p.blocked->timed || p.sleeping) allStuck = false;
        const bool quiet = eventsSeen == eventsAtLastTick;
        eventsAtLastTick = eventsSeen;
        if (live.connected.empty() || !allStuck || !quiet || wakeUpUnderway(live.connected)) {
            stableTicks = 0;
            return;
        }
        if (++stableTicks < kDeadlockStableTicks) return;

        trace::DeadlockReport report;
        report.ts = trace::nowNs();
        report.edges = waitForEdges(live.connected, processes.holders(), live.indexOfPid);
        report.cycle = findCycle(report.edges);
        if (report.cycle.empty())
            for (const auto& p : live.connected)
                report.cycle.push_back(p.index); // stuck, no cycle
        trace->write([&](trace::TraceData& t) { t.setDeadlock(report); });
        end(Outcome::Deadlock);
    }

    void reapMain() {
        main.wait(-1);
        processes.mainReaped(main.exitcode());
        const auto& rec = processes.main();
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
        processes.killRemaining(); // a child that escaped the group
    }

    void maybeFinish() {
        if (finished || !processes.mainIsReaped() || openConnections > 0) return;
        if (outcome == Outcome::Running) outcome = Outcome::Completed;
        deadlockTimer.cancel();
        stepTimer.cancel();
        sortTimer.cancel();
        timeoutTimer.cancel();
        drainTimer.cancel();
        if (acceptor) acceptor->close();
        const bool killed = outcome != Outcome::Completed;
        // Scenario processes whose parent died were re-parented to us: reap them, or they
        // linger as zombies (and learn how they ended, before the trace records it).
        processes.reapOrphans();
        trace->write([&](trace::TraceData& t) {
            releaseSorted(t, INT64_MAX);
            processes.recordEnds(t, killed);
            t.setOutcome(outcome);
        });
        if (options.python) endPythonHelpers(main.pid());
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

Session::Session(SessionOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
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
    return impl_->gate.stepping();
}

bool Session::replaying() const {
    return impl_->gate.replaying();
}

void Session::grant(int processIndex) {
    asio::post(impl_->io,
               [this, processIndex] { impl_->deliver(impl_->gate.grantProcess(processIndex)); });
}

void Session::step() {
    asio::post(impl_->io, [this] { impl_->deliver(impl_->gate.step()); });
}

void Session::setSchedule(const std::string& schedule) {
    std::string error;
    auto parsed = Scheduler::parse(schedule, error);
    if (!parsed) throw std::invalid_argument(error);
    asio::post(impl_->io,
               [this, s = std::move(*parsed)]() mutable { impl_->gate.setSchedule(std::move(s)); });
}

std::vector<PendingIntent> Session::pendingIntents() const {
    return impl_->gate.pendingIntents();
}

std::vector<std::string> Session::grantLog() const {
    return impl_->gate.grantLog();
}

const SessionOptions& Session::options() const {
    return impl_->options;
}
std::string Session::sessionId() const {
    return impl_->id;
}

} // namespace mpviz::engine
