#pragma once
// Shared by the GUI tests: Catch2 prints QStrings as text, and small helpers to wait for
// the event loop and to look for scenario processes in /proc.

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& s) { return s.toStdString(); }
};
} // namespace Catch

namespace mpviz::testing {

// Runs the event loop until `done()` or `timeoutMs`; returns done().
template <class F> bool waitUntil(F&& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return done();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

// Runs the event loop for `ms` milliseconds, calling `each()` after every pass.
template <class F> void spin(int ms, F&& each) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        each();
        QThread::msleep(2);
    }
}

inline std::filesystem::path childExecutable() {
    return std::filesystem::path(MPVIZ_BIN_DIR) / "mpviz-child";
}

// /proc/<pid> exists and is not a zombie (a zombie holds no resources and is being reaped).
inline bool processRunning(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return false;
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

// Live (not zombie) children of this test program whose command starts with `command`
// (every child for ""): the engine adopts every orphan of a run (it is a subreaper), so
// anything a run left behind shows up here.
inline std::set<int> ourLiveChildren(const std::string& command = {}) {
    std::set<int> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!stat || !std::getline(stat, line)) continue;
        const auto close = line.rfind(')');
        const auto open = line.find('(');
        if (close == std::string::npos || open == std::string::npos) continue;
        const std::string comm = line.substr(open + 1, close - open - 1);
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        int ppid = 0;
        rest >> state >> ppid;
        if (ppid == ::getpid() && state != 'Z' && comm.rfind(command, 0) == 0)
            found.insert(std::stoi(name));
    }
    return found;
}

// Live processes whose parent is this test program and whose command is mpviz-child.
inline std::set<int> ourChildScenarioProcesses() {
    return ourLiveChildren("mpviz-child");
}

} // namespace mpviz::testing
