#pragma once
// multiprocessing.Pipe: two connection ends over real pipes (FIFOs in the session's
// directory, one per direction). Both ends share the pipe's name in the trace.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace mpviz::mp {

class Connection {
  public:
    static Connection attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;
    int end() const; // 0 or 1

    void send(const std::string& item);
    std::string recv(); // throws std::runtime_error("EOFError") when the other end is gone
    bool poll(double timeout = 0.0);

    struct Impl;
    explicit Connection(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

  private:
    std::shared_ptr<Impl> impl_;
};

// Python's Pipe(duplex): (conn1, conn2). With duplex=false conn1 only receives and
// conn2 only sends.
std::pair<Connection, Connection> Pipe(bool duplex = true, std::string name = "pipe");

} // namespace mpviz::mp
