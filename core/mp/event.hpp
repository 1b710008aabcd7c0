#pragma once
// multiprocessing.Event: a flag guarded by a process-shared mutex and condition variable.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mpviz::mp {

class Event {
  public:
    explicit Event(std::string name = "event");
    static Event attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    void set();
    void clear();
    bool is_set() const;
    // True when the flag is set; false when `timeout` seconds (scaled) passed first.
    bool wait(std::optional<double> timeout = std::nullopt);

    struct Impl;

  private:
    explicit Event(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

} // namespace mpviz::mp
