#pragma once
// Small helpers so scenario code prints what the Python listing would print
// (True/False, None, 2.0, [0, 1, 4]) and say which listing line a statement mirrors.

#include "mp/line.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpviz::scenarios::py {

// str(True) / str(False)
inline const char* str(bool b) {
    return b ? "True" : "False";
}

// str(x) for an Optional[int] such as Process.exitcode
inline std::string str(std::optional<int> v) {
    return v ? std::to_string(*v) : "None";
}

// repr(float): the shortest text that reads back the same, always with a point or exponent.
inline std::string str(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string text(buf, ec == std::errc{} ? end : buf);
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

// "%15s" % text
inline std::string rjust(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

// str(list) of already formatted items: "[0, 1, 4]"
inline std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + "]";
}

// The line of the listing a statement mirrors: `py::at(14), mp::sleep(1);` makes the
// operations of that statement carry listing line 14, as Python's do (a temporary lives to
// the end of its statement). tests/process/test_lesson_lines.cpp checks, for every lesson,
// that each line its operations carry spells that operation.
using at = mp::AtLine;

// Python's `with lock:` (and, when `use` is false, `with nullcontext():`): acquires at
// once and releases at the end of the scope, both on the `with` line, as Python reports them.
template <class Lockable> class With {
  public:
    With(int line, Lockable& lock, bool use = true) : line_(line), lock_(use ? &lock : nullptr) {
        const at here(line_);
        if (lock_) lock_->lock();
    }
    ~With() {
        const at here(line_);
        if (lock_) lock_->unlock();
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

  private:
    int line_;
    Lockable* lock_;
};

} // namespace mpviz::scenarios::py
