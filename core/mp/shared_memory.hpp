#pragma once
// Named POSIX shared memory, and the text handle by which a child finds a shared object.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mpviz::mp::detail {

class SharedSegment {
  public:
    static std::shared_ptr<SharedSegment> create(const std::string& name, std::size_t size);
    static std::shared_ptr<SharedSegment> attach(const std::string& name);
    ~SharedSegment();
    SharedSegment(const SharedSegment&) = delete;
    SharedSegment& operator=(const SharedSegment&) = delete;

    template <class T> T* as() const { return static_cast<T*>(data_); }
    std::size_t size() const { return size_; }
    const std::string& name() const { return name_; }

  private:
    SharedSegment(std::string name, void* data, std::size_t size)
        : name_(std::move(name)), data_(data), size_(size) {}
    std::string name_;
    void* data_;
    std::size_t size_;
};

// "kind|resource|display name|extra…": what Arg carries for a shared object.
struct Handle {
    std::string kind;
    std::string resource; // shared memory name, or the FIFO base name
    std::string name;     // the scenario's own name for the object
    std::vector<std::string> extra;

    std::string str() const;
    static Handle parse(std::string_view text, std::string_view expectedKind);
};

} // namespace mpviz::mp::detail
