// The galloping searches behind the trace's sorted lists agree with std::partition_point.

#include "trace/gallop.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

TEST_CASE("galloping finds the same partition point as a binary search", "[trace]") {
    for (int size = 0; size <= 40; ++size) {
        for (int split = 0; split <= size; ++split) {
            std::vector<int> values(static_cast<std::size_t>(size));
            for (int i = 0; i < size; ++i)
                values[static_cast<std::size_t>(i)] = i;
            const auto before = [split](int v) { return v < split; };
            const auto expected = std::partition_point(values.begin(), values.end(), before);
            CHECK(mpviz::trace::gallopFromFront(values.begin(), values.end(), before) == expected);
            CHECK(mpviz::trace::gallopFromBack(values.begin(), values.end(), before) == expected);
        }
    }
}
