#include "engine/session.hpp"

#include "engine/cleanup.hpp"
#include "engine/wait_for_graph.hpp"
#include "mp/runtime.hpp"
#include "mp/spawn.hpp"
#include "wire/protocol.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <condition_variable>
#include <csignal>
#include <ctime>
#include <future>
#include <random>
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
constexpr int kDeadlockStableTicks = 3;          // all blocked, nothing new, for ~120 ms
constexpr auto kDrainAfterMainExit = std::chrono::seconds(2);

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
    bool mainReaped = false;
    std::map<int, ProcessRecord> byPid;        // every process we heard of
    std::map<std::uint16_t, std::map<int, int>> holders; // object → process index → count
    std::uint64_t eventsSeen = 0;
    std::uint64_t eventsAtLastTick = 0;
    int stableTicks = 0;
    int openConnections = 0;

    mutable std::mutex mutex; // guards outcome/finished and onChange
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
        request.ownProcessGroup = true;
        request.silenceStdout = !options.echoStdout;
        main = mp::detail::SpawnedProcess::spawn(request);
        byPid[main.pid()].pid = main.pid();
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
    }

    // --- reading children ---
    struct Connection : std::enable_shared_from_this<Connection> {
        Impl& session;
        stream_protocol::socket socket;
        std::string pending;
        std::array<char, 64 * 1024> chunk{};
        ProcessRecord* record = nullptr;
        std::vector<std::uint16_t> objectIds; // local id → trace object index

        Connection(Impl& s, stream_protocol::socket sock) : session(s), socket(std::move(sock)) {}

        void read() {
            socket.async_read_some(asio::buffer(chunk),
                                   [self = shared_from_this()](boost::system::error_code ec,
                                                               std::size_t n) {
                                       if (!ec) {
                                           self->pending.append(self->chunk.data(), n);
                                           if (self->ingest()) return self->read();
                                       }
                                       self->closed();
                                   });
        }

        // Decodes whole frames into the trace; false on a protocol error.
        bool ingest() {
            bool ok = true;
            session.trace->write([&](trace::TraceData& t) {
                Decoder decoder{*this, t};
                try {
                    pending.erase(0, wire::decode(pending, decoder));
                } catch (const wire::ProtocolError& e) {
                    std::fprintf(stderr, "mpviz: dropping a scenario process: %s\n", e.what());
                    ok = false;
                }
            });
            session.changed();
            return ok;
        }

        void closed() {
            if (record) {
                record->connected = false;
                record->ended = true;
                record->endTs = mp::detail::monotonicNs();
                record->blocked.reset();
                const auto rec = *record;
                session.trace->write([&](trace::TraceData& t) {
                    t.setProcessEnd(rec.index, rec.endTs, rec.exitcode);
                });
            }
            --session.openConnections;
            session.changed();
            session.maybeFinish();
        }

        struct Decoder {
            Connection& c;
            trace::TraceData& t;
            void onHello(const wire::Hello& h) {
                auto& rec = c.session.byPid[h.pid];
                rec.pid = h.pid;
                rec.connected = true;
                trace::ProcessInfo info;
                info.pid = h.pid;
                info.ppid = h.ppid;
                info.parent = t.processIndexByPid(h.ppid);
                info.name = std::string(h.name);
                info.daemon = h.daemon;
                info.startTs = mp::detail::monotonicNs();
                rec.index = t.addProcess(std::move(info));
                c.record = &rec;
            }
            void onObject(const wire::ObjectDecl& o) {
                if (o.id >= c.objectIds.size()) c.objectIds.resize(o.id + 1, trace::kNoObject);
                const auto index = t.findOrAddObject(o.name, o.kind, o.capacity);
                c.objectIds[o.id] = index;
                if (c.record) c.record->objects.insert(index);
            }
            void onEvent(const wire::EventRecord& r) {
                if (!c.record) throw wire::ProtocolError("event before hello");
                trace::Event e;
                e.ts = r.ts;
                e.value = r.value;
                e.extra = r.extra;
                e.op = r.op;
                e.phase = r.phase;
                e.process = static_cast<std::uint16_t>(c.record->index);
                if (r.object != trace::kNoObject) {
                    if (r.object >= c.objectIds.size() || c.objectIds[r.object] == trace::kNoObject)
                        throw wire::ProtocolError("event names an undeclared object");
                    e.object = c.objectIds[r.object];
                }
                if (!r.text.empty()) e.text = t.intern(r.text);
                t.append(e);
                c.session.track(*c.record, e);
            }
            void onGrant() {}
            void onMode(bool) {}
        };
    };

    // Keeps what deadlock detection needs: who is blocked on what, who holds what.
    void track(ProcessRecord& rec, const trace::Event& e) {
        ++eventsSeen;
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
            break;
        }
        if (e.phase != Phase::Done) return;
        if (e.op == Op::Acquire) ++holders[e.object][rec.index];
        if (e.op == Op::Release) --holders[e.object][rec.index];
        if (e.op == Op::Start) byPid[static_cast<int>(e.value)].pid = static_cast<int>(e.value);
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
        if (live.empty() || !allStuck || !quiet) {
            stableTicks = 0;
            return;
        }
        if (++stableTicks < kDeadlockStableTicks) return;

        trace::DeadlockReport report;
        report.ts = mp::detail::monotonicNs();
        report.edges = waitForEdges(live, holders, indexOfPid);
        report.cycle = findCycle(report.edges);
        if (report.cycle.empty())
            for (const auto& p : live) report.cycle.push_back(p.index); // stuck, no cycle
        trace->write([&](trace::TraceData& t) { t.setDeadlock(report); });
        end(Outcome::Deadlock);
    }

    void reapMain() {
        main.wait(-1);
        mainReaped = true;
        auto& rec = byPid[main.pid()];
        rec.exitcode = main.exitcode();
        if (rec.ended && rec.index >= 0) {
            trace->write([&](trace::TraceData& t) { t.setProcessEnd(rec.index, rec.endTs, rec.exitcode); });
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

    void maybeFinish() {
        if (finished || !mainReaped || openConnections > 0) return;
        if (outcome == Outcome::Running) outcome = Outcome::Completed;
        deadlockTimer.cancel();
        timeoutTimer.cancel();
        drainTimer.cancel();
        if (acceptor) acceptor->close();
        const bool killed = outcome != Outcome::Completed;
        trace->write([&](trace::TraceData& t) {
            for (auto& [pid, rec] : byPid) {
                if (rec.index < 0) continue;
                if (!rec.exitcode && killed) rec.exitcode = -SIGKILL;
                t.setProcessEnd(rec.index, rec.ended ? rec.endTs : mp::detail::monotonicNs(),
                                rec.exitcode);
            }
            t.setOutcome(outcome);
        });
        removeSessionFiles(id, dir);
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

std::shared_ptr<trace::SharedTrace> Session::trace() const { return impl_->trace; }

void Session::setOnChange(std::function<void()> callback) {
    std::lock_guard lock(impl_->mutex);
    impl_->onChange = std::move(callback);
}

const SessionOptions& Session::options() const { return impl_->options; }
std::string Session::sessionId() const { return impl_->id; }

} // namespace mpviz::engine
