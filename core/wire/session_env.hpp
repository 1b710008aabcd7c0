#pragma once
// The environment by which the engine tells the processes it starts which session they
// belong to; their children inherit it. Read by core/mp's runtime (C++ lessons) and by the
// Python shim, whose copy of these names is generated from this list (wire_constants.py).

namespace mpviz::wire {

inline constexpr const char* kEnvSocket = "MPVIZ_SOCKET";   // the engine's Unix socket
inline constexpr const char* kEnvSession = "MPVIZ_SESSION"; // prefix of the session's names
inline constexpr const char* kEnvDir = "MPVIZ_DIR";         // the session's own directory
inline constexpr const char* kEnvSpeed = "MPVIZ_SPEED";     // sleeps and timeouts divided by it
inline constexpr const char* kEnvParams = "MPVIZ_PARAMS";   // a lesson's parameters
inline constexpr const char* kEnvChild = "MPVIZ_CHILD";     // mpviz-child, for lesson children
inline constexpr const char* kEnvScenario = "MPVIZ_SCENARIO";
inline constexpr const char* kEnvClock = "MPVIZ_CLOCK"; // "wall_epoch_s:monotonic_ns" at t0
inline constexpr const char* kEnvStep = "MPVIZ_STEP";   // "1": start in step mode
// Python programs only.
inline constexpr const char* kEnvPythonMain = "MPVIZ_PYTHON_MAIN";   // "1": this is MainProcess
inline constexpr const char* kEnvStartMethod = "MPVIZ_START_METHOD"; // fork, spawn, forkserver

// Every name above, for the generated Python module (ENV_SOCKET = 'MPVIZ_SOCKET', …).
inline constexpr const char* kSessionEnvironment[] = {
    kEnvSocket,   kEnvSession, kEnvDir,  kEnvSpeed,      kEnvParams,     kEnvChild,
    kEnvScenario, kEnvClock,   kEnvStep, kEnvPythonMain, kEnvStartMethod};

} // namespace mpviz::wire
