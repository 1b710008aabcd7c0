#pragma once
// SIGTERM and SIGINT end the window the way closing it does: the run is stopped, its
// processes reaped, its files and the window's temporary ones removed. A signal handler may
// only do async-signal-safe work, so it writes the signal's number into a pipe and the
// event loop, woken by a QSocketNotifier, emits `received` where anything may be done.

#include <QObject>

class QSocketNotifier;

namespace mpviz::gui {

class TerminationSignals : public QObject {
    Q_OBJECT
  public:
    // Installs the handlers (one instance at a time); the destructor puts back what was there.
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

  Q_SIGNALS:
    // Once, for the first SIGTERM or SIGINT. A second one while the window is still ending
    // kills the process at once (the session's janitor then cleans up).
    void received(int signal);

  private:
    void readPipe();

    QSocketNotifier* notifier_ = nullptr;
    bool delivered_ = false;
};

} // namespace mpviz::gui
