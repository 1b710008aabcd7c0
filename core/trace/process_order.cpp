#include "trace/process_order.hpp"

#include <algorithm>

namespace mpviz::trace {

std::vector<OrderedProcess> creationOrder(const TraceData& trace) {
    const auto procs = trace.processes();
    const int n = static_cast<int>(procs.size());
    std::vector<std::vector<int>> children(static_cast<std::size_t>(n));
    std::vector<int> roots;
    for (int i = 0; i < n; ++i) {
        const int parent = procs[static_cast<std::size_t>(i)].parent;
        if (parent >= 0 && parent < n && parent != i)
            children[static_cast<std::size_t>(parent)].push_back(i);
        else
            roots.push_back(i);
    }
    const auto byCreation = [&](int a, int b) {
        const auto& pa = procs[static_cast<std::size_t>(a)];
        const auto& pb = procs[static_cast<std::size_t>(b)];
        if (pa.pid > 0 && pb.pid > 0 && pa.pid != pb.pid) return pa.pid < pb.pid;
        return pa.startTs != pb.startTs ? pa.startTs < pb.startTs : a < b;
    };
    std::sort(roots.begin(), roots.end(), byCreation);
    for (auto& c : children)
        std::sort(c.begin(), c.end(), byCreation);

    std::vector<OrderedProcess> order;
    order.reserve(static_cast<std::size_t>(n));
    std::vector<bool> seen(static_cast<std::size_t>(n), false);
    // Iterative depth-first walk: a malformed parent cycle must not recurse forever.
    std::vector<OrderedProcess> stack;
    const auto visitFrom = [&](int root) {
        stack.push_back({root, 0});
        while (!stack.empty()) {
            const OrderedProcess at = stack.back();
            stack.pop_back();
            if (seen[static_cast<std::size_t>(at.process)]) continue;
            seen[static_cast<std::size_t>(at.process)] = true;
            order.push_back(at);
            const auto& c = children[static_cast<std::size_t>(at.process)];
            for (auto it = c.rbegin(); it != c.rend(); ++it)
                stack.push_back({*it, at.depth + 1});
        }
    };
    for (int r : roots)
        visitFrom(r);
    for (int i = 0; i < n; ++i)
        if (!seen[static_cast<std::size_t>(i)]) visitFrom(i); // parents in a cycle
    return order;
}

} // namespace mpviz::trace
