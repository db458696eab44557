#pragma once

#include "notify/outbox.h"

#include <functional>
#include <vector>

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

class QSystemTrayIcon;

namespace aicp {

// One desktop notification: what it says and what it leads to.
struct DesktopNotice {
    QString title;
    QString text;
    QString type;        // the event's ("usage.threshold", "license.expiring", …)
    QString customerId;  // the customer it is about
};

// The notices of a vendor's workspace (recommend/notices.h: usage
// thresholds, expiring and expired licenses, ending trials, overdue
// invoices) as desktop notifications while the console is open (SPEC 12).
// It looks on its own connection off the GUI thread, seconds after a
// change and every five minutes. Each notice is shown once per workspace:
// the ones seen are kept in the settings by their once-keys, so the first
// look at a workspace shows what is due as one summary, and later looks
// only what is new. A click asks for the page that deals with it.
// Preferences ▸ notifications/desktop turns them off.
class DesktopNotices final : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kSettingKey = "notifications/desktop";

    explicit DesktopNotices(QObject* parent = nullptr);
    ~DesktopNotices() override;

    // The workspace to watch (its location and id); empty location: none.
    void setWorkspace(const QString& location, const QString& workspaceId);
    [[nodiscard]] bool isEnabled() const;
    void setEnabled(bool enabled);
    // Looks again soon (a change was seen); at most every few seconds.
    void lookSoon();
    // For tests: looks now and waits for the answer.
    void lookNowAndWait();

    // What was shown, oldest first (also without a system tray).
    [[nodiscard]] const std::vector<DesktopNotice>& shown() const { return shown_; }
    // The words a notice is shown with.
    [[nodiscard]] static DesktopNotice describe(const WebhookEvent& event);

    // False where the desktop has no system tray: the window shows them.
    [[nodiscard]] bool hasTray() const { return tray_ != nullptr; }

Q_SIGNALS:
    // A notice shown (by the tray, when there is one).
    void noticeShown(const aicp::DesktopNotice& notice);
    // The notification shown last was clicked: open what deals with it.
    void activated(const QString& type, const QString& customerId);

private:
    void look();
    void take(const std::vector<WebhookEvent>& due);
    void show(const DesktopNotice& notice);

    QString location_;
    QString workspaceId_;
    QSystemTrayIcon* tray_ = nullptr;
    QTimer soon_;
    QTimer every_;
    QFutureWatcher<std::vector<WebhookEvent>>* watcher_ = nullptr;
    std::vector<DesktopNotice> shown_;
    DesktopNotice last_;
};

}  // namespace aicp
