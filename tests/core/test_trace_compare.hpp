#pragma once
// Compares two traces part by part, for the tests that save a trace and read it back: the
// processes with their lanes, the objects with their counters.

#include "trace/trace.hpp"

#include <catch2/catch.hpp>

namespace mpviz::trace::testing {

inline void requireSameProcesses(const TraceData& a, const TraceData& b) {
    REQUIRE(b.processes().size() == a.processes().size());
    for (std::size_t p = 0; p < a.processes().size(); ++p) {
        const auto& x = a.processes()[p];
        const auto& y = b.processes()[p];
        INFO(x.name);
        CHECK(y.pid == x.pid);
        CHECK(y.ppid == x.ppid);
        CHECK(y.parent == x.parent);
        CHECK(y.name == x.name);
        CHECK(y.daemon == x.daemon);
        CHECK(y.startTs == x.startTs);
        CHECK(y.endTs == x.endTs);
        CHECK(y.exitcode == x.exitcode);
        const auto sa = a.slices(static_cast<int>(p));
        const auto sb = b.slices(static_cast<int>(p));
        REQUIRE(sb.size() == sa.size());
        for (std::size_t i = 0; i < sa.size(); ++i) {
            CHECK(sb[i].begin == sa[i].begin);
            CHECK(sb[i].end == sa[i].end);
            CHECK(sb[i].state == sa[i].state);
            CHECK(sb[i].op == sa[i].op);
            CHECK(sb[i].object == sa[i].object);
            CHECK(sb[i].peer == sa[i].peer);
        }
    }
}

inline void requireSameObjects(const TraceData& a, const TraceData& b) {
    REQUIRE(b.objects().size() == a.objects().size());
    for (std::size_t o = 0; o < a.objects().size(); ++o) {
        INFO(a.objects()[o].name);
        CHECK(b.objects()[o].name == a.objects()[o].name);
        CHECK(b.objects()[o].kind == a.objects()[o].kind);
        CHECK(b.objects()[o].capacity == a.objects()[o].capacity);
        const auto ca = a.counter(static_cast<std::uint16_t>(o));
        const auto cb = b.counter(static_cast<std::uint16_t>(o));
        REQUIRE(cb.size() == ca.size());
        for (std::size_t i = 0; i < ca.size(); ++i) {
            CHECK(cb[i].ts == ca[i].ts);
            CHECK(cb[i].value == ca[i].value);
        }
    }
}

} // namespace mpviz::trace::testing
