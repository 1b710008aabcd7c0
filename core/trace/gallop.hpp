#pragma once
// Partition points found by galloping from one end: the cost grows with the distance to
// the answer, not with the size of the range. The trace model's lists mostly grow at the
// end and are read left to right, so the answer is usually close to where one starts.

#include <iterator>

namespace mpviz::trace {

namespace detail {
template <class It, class Pred> It binaryPartition(It low, It high, Pred before) {
    while (low < high) {
        It mid = low + (high - low) / 2;
        if (before(*mid))
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
} // namespace detail

// First element in [first, last) for which `before` is false, where `before` holds for a
// prefix of the range. Cheap when that element is near `first`.
template <class It, class Pred> It gallopFromFront(It first, It last, Pred before) {
    typename std::iterator_traits<It>::difference_type step = 1;
    It low = first;
    while (step < last - low && before(*(low + step))) {
        low += step;
        step *= 2;
    }
    It high = step < last - low ? low + step : last;
    return detail::binaryPartition(low, high, before);
}

// The same partition point, cheap when it is near `last`.
template <class It, class Pred> It gallopFromBack(It first, It last, Pred before) {
    typename std::iterator_traits<It>::difference_type step = 1;
    It high = last;
    while (step <= high - first && !before(*(high - step))) {
        high -= step;
        step *= 2;
    }
    It low = step <= high - first ? high - step + 1 : first;
    return detail::binaryPartition(low, high, before);
}

} // namespace mpviz::trace
