#include "mp/fifo.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mpviz::mp::detail {

Fifo::Fifo(const std::string& path) {
    if (::mkfifo(path.c_str(), 0600) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot create pipe " + path + ": " + std::strerror(errno));
    fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error("cannot open pipe " + path + ": " + std::strerror(errno));
}

Fifo::~Fifo() {
    if (fd_ >= 0) ::close(fd_);
}

int Fifo::bytesWaiting() const {
    int n = 0;
    ::ioctl(fd_, FIONREAD, &n);
    return n;
}

int Fifo::capacity() const {
    return ::fcntl(fd_, F_GETPIPE_SZ);
}

bool Fifo::waitReadable(int timeoutMs) const {
    pollfd p{fd_, POLLIN, 0};
    for (;;) {
        const int rc = ::poll(&p, 1, timeoutMs);
        if (rc < 0 && errno == EINTR) continue;
        return rc > 0;
    }
}

void Fifo::writeAll(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw std::runtime_error(std::string("pipe write failed: ") + std::strerror(errno));
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void Fifo::readAll(char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::read(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("EOFError");
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void Fifo::writeMessage(const std::string& bytes) {
    const auto size = static_cast<std::uint32_t>(bytes.size());
    std::string frame(reinterpret_cast<const char*>(&size), sizeof size);
    frame += bytes;
    writeAll(frame.data(), frame.size());
}

std::string Fifo::readMessage() {
    std::uint32_t size = 0;
    readAll(reinterpret_cast<char*>(&size), sizeof size);
    std::string bytes(size, '\0');
    readAll(bytes.data(), size);
    return bytes;
}

} // namespace mpviz::mp::detail
