#include "engine/wait_for_graph.hpp"

#include <algorithm>
#include <functional>

namespace mpviz::engine {

using trace::Op;

std::vector<trace::DeadlockEdge>
waitForEdges(const std::vector<LiveProcess>& live,
             const std::map<std::uint16_t, std::map<int, int>>& holders,
             const std::map<int, int>& indexOfPid) {
    std::vector<trace::DeadlockEdge> edges;
    for (const auto& p : live) {
        if (!p.blocked) continue;
        const auto& b = *p.blocked;
        auto add = [&](int to) {
            if (to != p.index) edges.push_back({p.index, to, b.op, b.object});
        };
        if (b.op == Op::Join) {
            if (auto it = indexOfPid.find(b.childPid); it != indexOfPid.end()) add(it->second);
            continue;
        }
        if (b.op == Op::Acquire) {
            if (auto it = holders.find(b.object); it != holders.end())
                for (const auto& [holder, count] : it->second)
                    if (count > 0) add(holder);
            continue;
        }
        for (const auto& other : live)
            if (other.objects.count(b.object)) add(other.index);
    }
    return edges;
}

bool transferUnderway(const std::vector<LiveProcess>& live) {
    auto waitsIn = [](const LiveProcess& p, Op op, std::uint16_t object) {
        return p.blocked && p.blocked->op == op && p.blocked->object == object;
    };
    for (const auto& writer : live) {
        if (!writer.blocked || writer.blocked->op != Op::Flush) continue;
        for (const auto& reader : live)
            if (reader.index != writer.index && waitsIn(reader, Op::Get, writer.blocked->object))
                return true;
    }
    return false;
}

std::vector<int> findCycle(const std::vector<trace::DeadlockEdge>& edges) {
    std::map<int, std::vector<int>> next;
    for (const auto& e : edges)
        next[e.from].push_back(e.to);
    std::map<int, int> colour; // 0 unseen, 1 on the path, 2 done
    std::vector<int> path, cycle;
    std::function<bool(int)> visit = [&](int n) {
        colour[n] = 1;
        path.push_back(n);
        for (int m : next[n]) {
            if (colour[m] == 1) {
                cycle.assign(std::find(path.begin(), path.end(), m), path.end());
                return true;
            }
            if (colour[m] == 0 && visit(m)) return true;
        }
        colour[n] = 2;
        path.pop_back();
        return false;
    };
    for (const auto& [n, _] : next)
        if (colour[n] == 0 && visit(n)) return cycle;
    return {};
}

} // namespace mpviz::engine
