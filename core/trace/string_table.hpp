#pragma once
// Every distinct string of a trace stored once: printed lines and queue items repeat a lot,
// and an Event stays 32 bytes by holding only an index. The engine interns the text of
// every event it receives, so lookup is an open-addressing probe over a flat array, and
// the characters live in large blocks that never move (a text view stays valid).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace mpviz::trace {

class StringTable {
  public:
    // Lets string-keyed maps be searched with a string_view without building a string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };

    StringTable(); // index 0 is always ""
    StringTable(const StringTable& other);
    StringTable& operator=(const StringTable& other);
    StringTable(StringTable&&) = default;
    StringTable& operator=(StringTable&&) = default;

    std::uint32_t intern(std::string_view text);
    std::string_view at(std::uint32_t index) const; // "" for an unknown index
    std::size_t size() const { return texts_.size(); }
    std::size_t memoryBytes() const;

  private:
    std::string_view store(std::string_view text);
    void grow();

    std::vector<std::string_view> texts_; // by index, pointing into blocks_
    std::vector<std::uint32_t> hashes_;   // by index: finds the slot again when growing
    std::vector<std::uint32_t> slots_;    // open addressing; 0 = empty, else an index
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t currentBlock_ = SIZE_MAX; // the block short texts go to
    std::size_t blockFree_ = 0;           // unused bytes at its end
    std::size_t blockBytes_ = 0;          // all blocks together
};

} // namespace mpviz::trace
