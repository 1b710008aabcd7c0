#include "trace/string_table.hpp"

#include <cstring>
#include <stdexcept>

namespace mpviz::trace {
namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;
constexpr std::size_t kFirstSlots = 1024; // a power of two, as every size after it

std::uint32_t hashOf(std::string_view text) {
    const std::uint64_t h = std::hash<std::string_view>{}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

} // namespace

StringTable::StringTable() : texts_{std::string_view()}, hashes_{0} {}

StringTable::StringTable(const StringTable& other) : StringTable() {
    for (std::size_t i = 1; i < other.texts_.size(); ++i)
        intern(other.texts_[i]);
}

StringTable& StringTable::operator=(const StringTable& other) {
    if (this != &other) *this = StringTable(other);
    return *this;
}

std::string_view StringTable::store(std::string_view text) {
    // A long text gets a block of its own rather than wasting the rest of the current one.
    if (text.size() > kBlockBytes / 4) {
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
        blockBytes_ += text.size();
        std::memcpy(blocks_.back().get(), text.data(), text.size());
        return {blocks_.back().get(), text.size()};
    }
    if (currentBlock_ >= blocks_.size() || blockFree_ < text.size()) {
        // Earlier blocks stay where they are: views handed out point into them.
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockBytes));
        currentBlock_ = blocks_.size() - 1;
        blockFree_ = kBlockBytes;
        blockBytes_ += kBlockBytes;
    }
    char* at = blocks_[currentBlock_].get() + (kBlockBytes - blockFree_);
    std::memcpy(at, text.data(), text.size());
    blockFree_ -= text.size();
    return {at, text.size()};
}

void StringTable::grow() {
    std::vector<std::uint32_t> slots(slots_.empty() ? kFirstSlots : slots_.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t index = 1; index < texts_.size(); ++index) {
        std::size_t slot = hashes_[index] & mask;
        while (slots[slot] != 0)
            slot = (slot + 1) & mask;
        slots[slot] = index;
    }
    slots_ = std::move(slots);
}

std::uint32_t StringTable::intern(std::string_view text) {
    if (text.empty()) return 0;
    if (slots_.empty()) grow();
    const std::uint32_t hash = hashOf(text);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
        const std::uint32_t index = slots_[slot];
        if (hashes_[index] == hash && texts_[index] == text) return index;
    }
    if (texts_.size() >= UINT32_MAX) throw std::length_error("trace string table is full");
    const auto index = static_cast<std::uint32_t>(texts_.size());
    texts_.push_back(store(text));
    hashes_.push_back(hash);
    slots_[slot] = index;
    if (texts_.size() * 2 > slots_.size()) grow(); // at most half full: probes stay short
    return index;
}

std::string_view StringTable::at(std::uint32_t index) const {
    return index < texts_.size() ? texts_[index] : std::string_view();
}

std::size_t StringTable::memoryBytes() const {
    return texts_.capacity() * sizeof(std::string_view) +
           hashes_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(std::uint32_t) +
           blocks_.capacity() * sizeof(void*) + blockBytes_;
}

} // namespace mpviz::trace
