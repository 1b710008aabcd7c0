#include "engine/python_program.hpp"

#include "engine/install_layout.hpp"
#include "tr_noop.hpp"
#include "wire/session_env.hpp"

#include <boost/json/parse.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace mpviz::engine {

namespace fs = std::filesystem;

namespace {
constexpr auto kHelperTimeout = std::chrono::seconds(30);
constexpr const char* kEnvShim = "MPVIZ_PYTHON_SHIM";

struct Captured {
    int status = -1; // exit code; -1: could not run, or killed
    std::string output;
};

// Runs a short helper (version query, syntax check, lib2to3) and collects its stdout and
// stderr. Killed if it takes longer than kHelperTimeout.
Captured runCaptured(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    Captured result;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return result;
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (char** e = environ; e && *e; ++e)
        envStrings.emplace_back(*e);
    envStrings.insert(envStrings.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (const auto& e : envStrings)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return result;
    }
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        const int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) ::dup2(null, STDIN_FILENO);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    const auto deadline = std::chrono::steady_clock::now() + kHelperTimeout;
    char chunk[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fds[0], POLLIN, 0};
        const int rc = left.count() > 0 ? ::poll(&p, 1, static_cast<int>(left.count())) : 0;
        if (rc < 0 && errno == EINTR) continue;
        if (rc <= 0) {
            ::kill(pid, SIGKILL);
            break;
        }
        const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        result.output.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::optional<fs::path> onPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path ? path : "/usr/bin:/bin";
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const fs::path candidate = fs::path(rest.substr(0, colon)) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return std::nullopt;
}

// "python3" → the file on PATH; a path stays as it is.
fs::path resolveInterpreter(const fs::path& interpreter) {
    if (interpreter.empty()) return defaultPythonInterpreter();
    if (interpreter.has_parent_path()) return interpreter;
    return onPath(interpreter.string()).value_or(interpreter);
}

std::string withoutLastNewline(std::string text) {
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

std::string pythonPath(const fs::path& shimDir, const std::vector<fs::path>& more) {
    std::string value = shimDir.string();
    for (const auto& p : more)
        value += ":" + p.string();
    if (const char* previous = std::getenv("PYTHONPATH"); previous && *previous)
        value += std::string(":") + previous;
    return value;
}

std::string jsonString(const boost::json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// CPython's commonest complaints, worded for the window; others stay as CPython says them.
std::string compilerMessage(const std::string& message, const Words& w) {
    static constexpr const char* known[] = {
        MPVIZ_TR_NOOP("python", "invalid syntax"),
        MPVIZ_TR_NOOP("python", "invalid syntax. Perhaps you forgot a comma?"),
        MPVIZ_TR_NOOP("python", "unexpected indent"),
        MPVIZ_TR_NOOP("python", "expected an indented block"),
        MPVIZ_TR_NOOP("python", "unindent does not match any outer indentation level"),
        MPVIZ_TR_NOOP("python", "inconsistent use of tabs and spaces in indentation"),
        MPVIZ_TR_NOOP("python", "expected ':'"),
        MPVIZ_TR_NOOP("python", "unterminated string literal"),
        MPVIZ_TR_NOOP("python", "unexpected EOF while parsing"),
        MPVIZ_TR_NOOP("python", "invalid decimal literal"),
        MPVIZ_TR_NOOP("python", "source code string cannot contain null bytes")};
    for (const char* m : known)
        if (message == m) return w(m);
    return message;
}

// What the checker (mpviz_shim/check.py) found, in a sentence that says where and what.
PythonProblem describeSyntaxError(const PythonProgram& program, const boost::json::object& r,
                                  const Words& w) {
    static constexpr const char* python2Constructs[] = {
        MPVIZ_TR_NOOP("python", "Python 2 print statement"),
        MPVIZ_TR_NOOP("python", "Python 2 exec statement"),
        MPVIZ_TR_NOOP("python", "Python 2 'except X, e:' clause"),
        MPVIZ_TR_NOOP("python", "Python 2 octal literal")};
    (void)python2Constructs; // check.py names them; listed here for lupdate
    const std::string file = program.file.string();
    PythonProblem problem;
    problem.line = r.contains("line") ? r.at("line").to_number<int>() : 0;
    problem.text = jsonString(r, "text");
    const std::string line = std::to_string(problem.line);
    if (const std::string python2 = jsonString(r, "python2"); !python2.empty()) {
        problem.remedy = PythonProblem::Remedy::ConvertPython2;
        problem.message = w(MPVIZ_TR_NOOP("python", "%1: %2 at line %3: this is Python 2 code"),
                            {file, w(python2.c_str()), line});
        return problem;
    }
    std::string what;
    if (const auto* odd = r.if_contains("odd"); odd && odd->is_object()) {
        const auto& o = odd->as_object();
        what = w(MPVIZ_TR_NOOP("python", "the character '%1' (U+%2 %3) at column %4 cannot be "
                                         "in Python code outside a string"),
                 {jsonString(o, "character"), jsonString(o, "codepoint"), jsonString(o, "name"),
                  std::to_string(o.contains("column") ? o.at("column").to_number<int>() : 0)});
    } else if (const std::string reason = jsonString(r, "unreadable"); !reason.empty()) {
        what = w(MPVIZ_TR_NOOP("python", "cannot read it: %1"), {reason});
    } else {
        what = compilerMessage(jsonString(r, "message"), w);
    }
    problem.message = problem.line > 0
                          ? w(MPVIZ_TR_NOOP("python", "%1 line %2: %3"), {file, line, what})
                          : w(MPVIZ_TR_NOOP("python", "%1: %2"), {file, what});
    return problem;
}
} // namespace

fs::path defaultPythonInterpreter() {
    const fs::path system = "/usr/bin/python3";
    if (::access(system.c_str(), X_OK) == 0) return system;
    return onPath("python3").value_or(system);
}

fs::path pythonShimDirectory(const fs::path& executableDir) {
    if (const char* override = std::getenv(kEnvShim); override && *override) return override;
    return (treeOfChildDirectory(executableDir) / "share" / "mpviz" / "python").lexically_normal();
}

std::optional<PythonProblem> checkPythonProgram(const PythonProgram& program,
                                                const fs::path& shimDir,
                                                const Translate& translate) {
    using Remedy = PythonProblem::Remedy;
    const auto problemOf = [](std::string message, Remedy remedy) {
        PythonProblem problem;
        problem.message = std::move(message);
        problem.remedy = remedy;
        return problem;
    };
    const Words w{translate, "python"};
    std::error_code ec;
    if (!fs::is_regular_file(program.file, ec))
        return problemOf(w(MPVIZ_TR_NOOP("python", "no such program: %1"), {program.file.string()}),
                         Remedy::OtherFile);
    const auto python = resolveInterpreter(program.interpreter);
    if (::access(python.c_str(), X_OK) != 0)
        return problemOf(
            w(MPVIZ_TR_NOOP("python", "cannot run the Python interpreter %1"), {python.string()}),
            Remedy::OtherInterpreter);
    const auto version = runCaptured(
        {python.string(), "-c", "import sys; sys.stdout.write('%d %d' % sys.version_info[:2])"},
        {});
    int major = 0, minor = 0;
    if (version.status != 0 || std::sscanf(version.output.c_str(), "%d %d", &major, &minor) != 2)
        return problemOf(w(MPVIZ_TR_NOOP("python", "%1 does not run as a Python interpreter"),
                           {python.string()}),
                         Remedy::OtherInterpreter);
    if (major != 3 || minor < kMinimumPythonMinor)
        return problemOf(
            w(MPVIZ_TR_NOOP("python", "%1 is Python %2; mpviz needs Python %3 or newer"),
              {python.string(), std::to_string(major) + "." + std::to_string(minor),
               "3." + std::to_string(kMinimumPythonMinor)}),
            Remedy::OtherInterpreter);
    if (!fs::is_directory(shimDir, ec))
        return problemOf(w(MPVIZ_TR_NOOP("python", "mpviz's Python shim is missing (looked in %1)"),
                           {shimDir.string()}),
                         Remedy::ReinstallShim);
    const auto check =
        runCaptured({python.string(), "-m", "mpviz_shim.check", program.file.string()},
                    {"PYTHONPATH=" + pythonPath(shimDir, {})});
    try {
        const auto parsed = boost::json::parse(check.output).as_object();
        if (parsed.at("ok").as_bool()) return std::nullopt;
        return describeSyntaxError(program, parsed, w);
    } catch (const std::exception&) {
        return problemOf(w(MPVIZ_TR_NOOP("python", "could not check %1 with %2: %3"),
                           {program.file.string(), python.string(), check.output}),
                         Remedy::OtherInterpreter);
    }
}

std::string commandLineText(const PythonProblem& problem) {
    using Remedy = PythonProblem::Remedy;
    const auto advice = [&] {
        switch (problem.remedy) {
        case Remedy::OtherFile:
            return " (give the path of a .py file)";
        case Remedy::OtherInterpreter:
            return "; install python3 or name an interpreter with --python PATH";
        case Remedy::ReinstallShim:
            return "; reinstall mpviz or set MPVIZ_PYTHON_SHIM";
        case Remedy::FixLine:
            return ". Fix that line and run again.";
        case Remedy::ConvertPython2:
            break;
        }
        return ". Run it with --convert-python2 to run a copy converted by lib2to3 (your file "
               "is not changed).";
    };
    return problem.message + advice() + (problem.text.empty() ? "" : "\n    " + problem.text);
}

mp::detail::SpawnRequest pythonMainRequest(const PythonProgram& program, const fs::path& shimDir,
                                           const fs::path& sessionDir,
                                           std::vector<std::string> environment) {
    const auto python = resolveInterpreter(program.interpreter);
    const fs::path original = fs::absolute(program.file);
    fs::path file = original;
    if (program.convertPython2) {
        file = sessionDir / original.filename();
        // The conversion the window previews, so what runs is what was shown.
        const auto converted = runCaptured({python.string(), "-m", "mpviz_shim.convert",
                                            original.string(), "--write", file.string()},
                                           {"PYTHONPATH=" + pythonPath(shimDir, {})});
        std::error_code ec;
        if (converted.status != 0 || !fs::exists(file, ec)) {
            const auto why = withoutLastNewline(converted.output); // names the file
            throw NotConvertible(
                why.empty() ? "could not convert " + original.string() + " from Python 2" : why);
        }
    }
    mp::detail::SpawnRequest request;
    request.executable = python;
    request.args = {file.string()};
    request.args.insert(request.args.end(), program.args.begin(), program.args.end());
    // A converted copy still imports the modules beside the original.
    std::vector<fs::path> more;
    if (file != original) more.push_back(original.parent_path());
    environment.push_back("PYTHONPATH=" + pythonPath(shimDir, more));
    environment.push_back(std::string(wire::kEnvPythonMain) + "=1");
    if (!program.startMethod.empty())
        environment.push_back(std::string(wire::kEnvStartMethod) + "=" + program.startMethod);
    request.extraEnvironment = std::move(environment);
    request.ownProcessGroup = true;
    return request;
}

void endPythonHelpers(int processGroup) {
    if (processGroup <= 1 || ::killpg(processGroup, SIGKILL) != 0) return;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    while (std::chrono::steady_clock::now() < until) {
        const pid_t r = ::waitpid(-processGroup, nullptr, WNOHANG);
        if (r < 0 && errno != EINTR) return; // none left that is ours to reap
        if (r == 0) ::usleep(2000);
    }
}

std::string pythonSemaphorePrefix(const std::string& sessionId) {
    return "sem.mpviz-" + sessionId + "-py";
}

} // namespace mpviz::engine
