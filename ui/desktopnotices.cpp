#include "desktopnotices.h"

#include "money/money.h"
#include "money/moneyformat.h"
#include "recommend/notices.h"
#include "storage/workspace.h"
#include "widgets/localdates.h"
#include "widgets/pagetext.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QtConcurrent>

namespace aicp {

namespace {

constexpr int kSoonMs = 3000;
constexpr int kEveryMs = 5 * 60 * 1000;

QString seenKey(const QString& workspaceId) {
    return QStringLiteral("notifications/seen/%1").arg(workspaceId);
}

QString count(const QJsonObject& data, const char* field) {
    return formatCount(std::int64_t(data.value(QLatin1String(field)).toDouble()), QLocale());
}

QDate dateOf(const QJsonValue& value) {
    return QDateTime::fromString(value.toString(), Qt::ISODate).date();
}

}  // namespace

DesktopNotices::DesktopNotices(QObject* parent) : QObject(parent) {
    soon_.setSingleShot(true);
    soon_.setInterval(kSoonMs);
    connect(&soon_, &QTimer::timeout, this, &DesktopNotices::look);
    every_.setInterval(kEveryMs);
    connect(&every_, &QTimer::timeout, this, &DesktopNotices::look);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->setToolTip(tr("aicp Console"));
        connect(tray_, &QSystemTrayIcon::messageClicked, this,
                [this] { Q_EMIT activated(last_.type, last_.customerId); });
    }
}

DesktopNotices::~DesktopNotices() {
    if (watcher_)
        watcher_->waitForFinished();
}

bool DesktopNotices::isEnabled() const {
    return QSettings().value(QLatin1String(kSettingKey), true).toBool();
}

void DesktopNotices::setEnabled(bool enabled) {
    QSettings().setValue(QLatin1String(kSettingKey), enabled);
    if (enabled)
        lookSoon();
}

void DesktopNotices::setWorkspace(const QString& location, const QString& workspaceId) {
    location_ = location;
    workspaceId_ = workspaceId;
    if (location_.isEmpty()) {
        every_.stop();
        if (tray_)
            tray_->hide();
        return;
    }
    every_.start();
    lookSoon();
}

void DesktopNotices::lookSoon() {
    if (!location_.isEmpty() && !soon_.isActive())
        soon_.start();
}

void DesktopNotices::lookNowAndWait() {
    look();
    if (watcher_)
        watcher_->waitForFinished();
    QCoreApplication::processEvents();
}

void DesktopNotices::look() {
    if (location_.isEmpty() || !isEnabled() || (watcher_ && watcher_->isRunning()))
        return;
    if (!watcher_) {
        watcher_ = new QFutureWatcher<std::vector<WebhookEvent>>(this);
        connect(watcher_, &QFutureWatcher<std::vector<WebhookEvent>>::finished, this,
                [this] { take(watcher_->result()); });
    }
    // A connection of its own, off the GUI thread; nothing is written.
    watcher_->setFuture(QtConcurrent::run([location = location_] {
        auto workspace = Workspace::open(location, Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return std::vector<WebhookEvent>();
        auto due = Notices(**workspace).due();
        return due ? std::move(due).value() : std::vector<WebhookEvent>();
    }));
}

void DesktopNotices::take(const std::vector<WebhookEvent>& due) {
    QSettings settings;
    const QString key = seenKey(workspaceId_);
    const QStringList seen = settings.value(key).toStringList();
    QStringList stillDue;
    std::vector<DesktopNotice> fresh;
    for (const WebhookEvent& event : due) {
        stillDue << event.onceKey;
        if (!seen.contains(event.onceKey))
            fresh.push_back(describe(event));
    }
    // Only what is still due is kept: a notice once gone never comes back
    // (its key names the month, the level, the reminder).
    settings.setValue(key, stillDue);
    if (fresh.empty() || !isEnabled())
        return;
    // The first look at a workspace, or a burst: one notification for all.
    DesktopNotice notice = fresh.front();
    if (fresh.size() > 1)
        notice.text =
            tr("%1 (and %2 to see on the Dashboard)")
                .arg(notice.text, counted(qint64(fresh.size() - 1), tr("%1 more"), tr("%1 more")));
    show(notice);
}

void DesktopNotices::show(const DesktopNotice& notice) {
    last_ = notice;
    shown_.push_back(notice);
    Q_EMIT noticeShown(notice);
    if (!tray_)
        return;
    tray_->show();
    tray_->showMessage(notice.title, notice.text, QSystemTrayIcon::Information);
}

DesktopNotice DesktopNotices::describe(const WebhookEvent& event) {
    const QJsonObject& data = event.data;
    DesktopNotice notice;
    notice.type = event.type;
    notice.customerId = data.value(u"customer_id").toString();
    QString name = data.value(u"customer_name").toString();
    if (name.isEmpty())
        name = notice.customerId;
    const QLocale locale;
    if (event.type == QLatin1String("usage.threshold")) {
        notice.title =
            tr("%1: %2 % of a limit reached").arg(name).arg(data.value(u"level").toInt());
        notice.text =
            tr("%1 of %2 %3 this month")
                .arg(count(data, "used"), count(data, "allowed"), data.value(u"limit").toString());
    } else if (event.type == QLatin1String("license.expiring")) {
        notice.title = tr("%1: the license runs out in %2")
                           .arg(name, counted(data.value(u"days_before").toInt(), tr("%1 day"),
                                              tr("%1 days")));
        notice.text = tr("It ends on %1 and is not renewed.")
                          .arg(displayDate(dateOf(data.value(u"expires_at")), locale));
    } else if (event.type == QLatin1String("license.expired")) {
        notice.title = tr("%1: the license has run out").arg(name);
        notice.text = tr("It ended on %1; no other license took over.")
                          .arg(displayDate(dateOf(data.value(u"expires_at")), locale));
    } else if (event.type == QLatin1String("trial.ending")) {
        notice.title = tr("%1: the trial ends soon").arg(name);
        notice.text = tr("The trial ends on %1; billing starts then.")
                          .arg(displayDate(dateOf(data.value(u"trial_until")), locale));
    } else if (event.type == QLatin1String("invoice.overdue")) {
        const QString currency = data.value(u"currency").toString();
        const Money balance = Money::parse(data.value(u"balance").toString()).valueOr(Money());
        notice.title = tr("Invoice %1 is overdue").arg(data.value(u"number").toString());
        notice.text =
            tr("%1 was due on %2.")
                .arg(formatMoney(balance, locale, currency),
                     displayDate(QDate::fromString(data.value(u"due_date").toString(), Qt::ISODate),
                                 locale));
    } else {
        notice.title = event.type;
    }
    return notice;
}

}  // namespace aicp
