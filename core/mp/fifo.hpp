#pragma once
// A real pipe between processes that were not forked from each other: a FIFO in the
// session's private directory. Messages are framed as [u32 length][bytes].

#include <optional>
#include <string>

namespace mpviz::mp::detail {

class Fifo {
  public:
    // Creates the FIFO node if it does not exist yet, and opens it read-write (so opening
    // never blocks and the pipe lives as long as any process holds it).
    explicit Fifo(const std::string& path);
    ~Fifo();
    Fifo(const Fifo&) = delete;
    Fifo& operator=(const Fifo&) = delete;

    int bytesWaiting() const;               // FIONREAD
    int capacity() const;                   // F_GETPIPE_SZ
    bool waitReadable(int timeoutMs) const; // poll; -1 = forever
    void writeMessage(const std::string& bytes);
    std::string readMessage(); // blocks until a whole message arrived

  private:
    void writeAll(const char* data, std::size_t size);
    void readAll(char* data, std::size_t size);
    int fd_ = -1;
};

} // namespace mpviz::mp::detail
