#include "mp/shared_memory.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mpviz::mp::detail {

namespace {
[[noreturn]] void fail(const std::string& what, const std::string& name) {
    throw std::runtime_error(what + " shared memory " + name + ": " + std::strerror(errno));
}
} // namespace

std::shared_ptr<SharedSegment> SharedSegment::create(const std::string& name, std::size_t size) {
    const int fd = ::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot create", name);
    if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
        ::close(fd);
        fail("cannot size", name);
    }
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) fail("cannot map", name);
    return std::shared_ptr<SharedSegment>(new SharedSegment(name, data, size));
}

std::shared_ptr<SharedSegment> SharedSegment::attach(const std::string& name) {
    const int fd = ::shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot open", name);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        fail("cannot inspect", name);
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) fail("cannot map", name);
    return std::shared_ptr<SharedSegment>(new SharedSegment(name, data, size));
}

SharedSegment::~SharedSegment() {
    ::munmap(data_, size_);
}

std::string Handle::str() const {
    std::string out = kind + "|" + resource + "|" + name;
    for (const auto& e : extra)
        out += "|" + e;
    return out;
}

Handle Handle::parse(std::string_view text, std::string_view expectedKind) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto bar = text.find('|', start);
        parts.emplace_back(text.substr(start, bar - start));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    if (parts.size() < 3 || parts[0] != expectedKind)
        throw std::invalid_argument("not a " + std::string(expectedKind) +
                                    " handle: " + std::string(text));
    Handle h{parts[0], parts[1], parts[2], {}};
    h.extra.assign(parts.begin() + 3, parts.end());
    return h;
}

} // namespace mpviz::mp::detail
