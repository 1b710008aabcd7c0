#pragma once
// Plain-word sentences about what just happened, for the presentation caption and the
// deadlock banner: "Process-2 is blocked: the semaphore 'sem' has no permits left".

#include "trace/trace.hpp"

#include <QString>

#include <cstdint>
#include <optional>

namespace mpviz::gui {

struct Narration {
    enum class Tone { Info, Blocked, Deadlock, Ended };
    QString text;
    Tone tone = Tone::Info;
    std::int64_t ts = 0;
    std::optional<std::uint32_t> event; // the event it is about, if any
};

// The latest notable event at or before `t` (blocking, acquiring, putting, starting,
// exiting …; prints and sleeps are left out), or the deadlock once it was detected.
std::optional<Narration> latestNotable(const trace::TraceData& trace, std::int64_t t);

// One sentence for one event (any phase); empty for events not worth a sentence.
QString narrateEvent(const trace::TraceData& trace, std::uint32_t event);

// "Deadlock: " in the current language: what explainDeadlock() starts with.
QString deadlockPrefix();

// The deadlock's cycle in words (engine::explainDeadlock): who waits for whom.
QString explainDeadlock(const trace::TraceData& trace);

} // namespace mpviz::gui
