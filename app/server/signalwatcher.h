#pragma once

#include <QObject>

class QSocketNotifier;

namespace aicp {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (the
// self-pipe pattern): the handler only writes a byte, which is async-signal
// safe; the rest happens in `terminationRequested`, in normal code. One
// watcher per process.
class SignalWatcher final : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    [[nodiscard]] bool isActive() const { return notifier_ != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace aicp
