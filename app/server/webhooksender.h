#pragma once

#include <atomic>

#include <QObject>
#include <QString>
#include <QThread>

namespace aicp {

// Sends the workspace's webhooks while `aicp serve` runs, on a thread and a
// workspace connection of its own, so a slow receiver never holds up a
// request: every second it sends the deliveries due (a few at a time), and
// it looks for the notices no single change causes (recommend/notices.h)
// once a minute and within seconds of a change to the workspace (usage
// imported by any program). A workspace without webhooks is left alone. What it
// did comes back as `report` lines, on the thread that made the sender.
class WebhookSender final : public QObject {
    Q_OBJECT
public:
    explicit WebhookSender(QString workspacePath, QObject* parent = nullptr);
    ~WebhookSender() override;

    void start();
    // Finishes the attempt under way (at most its 10 s) and stops.
    void stop();

Q_SIGNALS:
    void report(const QString& line);

private:
    class Worker;

    QString path_;
    QThread thread_;
    Worker* worker_ = nullptr;
    std::atomic<bool> stopping_{false};
};

}  // namespace aicp
