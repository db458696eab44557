#include "recommend/notices.h"

#include "billing/invoicebook.h"
#include "common/idtext.h"
#include "licensing/activationregistry.h"
#include "licensing/entitlements.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "metering/yearmonth.h"
#include "notify/outbox.h"
#include "notify/webhooks.h"
#include "storage/workspace.h"

#include <array>
#include <optional>
#include <set>

#include <QJsonObject>

namespace aicp {

// Where the notices found go: to the outbox (counted in `count` when new),
// or, with no outbox, into `found`.
struct Notices::Publisher {
    std::optional<Outbox> outbox;
    NoticeCount& count;
    std::vector<WebhookEvent>* found = nullptr;
    // The types some webhook wants: a notice nobody wants is not told, so
    // a webhook added for it later still hears it while it is due.
    QStringList wanted;

    Status publish(const WebhookEvent& event, int NoticeCount::*counter) {
        if (outbox && !wanted.contains(event.type))
            return {};
        if (!outbox) {
            found->push_back(event);
            ++(count.*counter);
            return {};
        }
        auto told = outbox->publish(event);
        if (!told)
            return told.error();
        if (told->has_value())
            ++(count.*counter);
        return {};
    }
};

namespace {

using Publisher = Notices::Publisher;

// Days before expiry a license.expiring is sent, furthest first.
constexpr std::array<int, 3> kExpiringDays{30, 7, 1};
constexpr int kExpiredWithinDays = 7;
constexpr int kTrialEndingDays = 3;
constexpr std::array<LicenseLimit, 4> kWatchedLimits{LicenseLimit::RequestsPerMonth,
                                                     LicenseLimit::Seats, LicenseLimit::Agents,
                                                     LicenseLimit::Instances};

QJsonObject licenseData(const LicenseRecord& record) {
    return {{QStringLiteral("license_id"), idText(record.license.id)},
            {QStringLiteral("customer_id"), record.license.customerId},
            {QStringLiteral("customer_name"), record.license.customerName},
            {QStringLiteral("tier"), record.license.tier},
            {QStringLiteral("expires_at"), toRfc3339(record.license.expiresAt)}};
}

// A license nothing takes over from: no renewal or later license of the
// customer is in force after it ends.
bool endsForGood(const std::vector<LicenseRecord>& licenses, const LicenseRecord& record) {
    const std::optional<LicenseRecord> next =
        licenseInForce(licenses, record.license.customerId, record.license.expiresAt.addSecs(1));
    return !next || next->license.id == record.license.id;
}

// license.expiring or license.expired for `record`, when one is due.
Status expiryNotice(const LicenseRecord& record, const QDateTime& now, Publisher& publisher) {
    const QString id = idText(record.license.id);
    if (record.license.expiresAt <= now)
        return publisher.publish({QStringLiteral("license.expired"), licenseData(record),
                                  QStringLiteral("license.expired:%1").arg(id)},
                                 &NoticeCount::expired);
    std::optional<int> level;
    for (const int days : kExpiringDays)
        if (now.addDays(days) >= record.license.expiresAt)
            level = days;
    if (!level)
        return {};
    QJsonObject data = licenseData(record);
    data.insert(QStringLiteral("days_before"), *level);
    return publisher.publish({QStringLiteral("license.expiring"), data,
                              QStringLiteral("license.expiring:%1:%2").arg(id).arg(*level)},
                             &NoticeCount::expiring);
}

Status licenseNotices(const std::vector<LicenseRecord>& licenses, const QDateTime& now,
                      Publisher& publisher) {
    for (const LicenseRecord& record : licenses) {
        const QDateTime& expiresAt = record.license.expiresAt;
        const QDateTime& trialUntil = record.license.contract.trialUntil;
        // The cheap tests first: most licenses are nowhere near either.
        const bool nearEnd = expiresAt <= now.addDays(kExpiringDays.front()) &&
                             expiresAt.addDays(kExpiredWithinDays) > now;
        const bool trialEnding =
            trialUntil.isValid() && trialUntil > now && now.addDays(kTrialEndingDays) >= trialUntil;
        if ((!nearEnd && !trialEnding) || record.revocation || record.supersededBy ||
            record.stateAt(now) == LicenseState::NotYetValid)
            continue;
        if (nearEnd && endsForGood(licenses, record))
            AICP_TRY(expiryNotice(record, now, publisher));
        if (trialEnding) {
            QJsonObject data = licenseData(record);
            data.insert(QStringLiteral("trial_until"), toRfc3339(trialUntil));
            AICP_TRY(publisher.publish(
                {QStringLiteral("trial.ending"), data,
                 QStringLiteral("trial.ending:%1").arg(idText(record.license.id))},
                &NoticeCount::trials));
        }
    }
    return {};
}

Status thresholdNotices(Workspace& workspace, const std::vector<LicenseRecord>& licenses,
                        const QDateTime& now, Publisher& publisher) {
    const YearMonth month = YearMonth::of(now.date());
    const UsageQuery usage(workspace);
    const ActivationRegistry activations(workspace);
    std::set<QString> customers;
    for (const LicenseRecord& record : licenses)
        customers.insert(record.license.customerId);
    for (const QString& customer : customers) {
        const std::optional<LicenseRecord> license = licenseInForce(licenses, customer, now);
        if (!license)
            continue;
        auto summary = usage.monthlySummary(customer, month);
        if (!summary)
            return summary.error();
        auto instances = activations.activeCount(license->license.id);
        if (!instances)
            return instances.error();
        const Entitlements terms(license->license);
        for (const LicenseLimit limit : kWatchedLimits) {
            const std::int64_t used = limit == LicenseLimit::RequestsPerMonth ? summary->requests
                                      : limit == LicenseLimit::Seats          ? summary->activeUsers
                                      : limit == LicenseLimit::Agents ? summary->activeAgents
                                                                      : *instances;
            const LimitCheck check = terms.check(limit, used);
            const std::int64_t percent = check.percentUsed.value_or(0);
            if (percent < 80)
                continue;
            const int level = percent >= 100 ? 100 : 80;
            const QJsonObject data{{QStringLiteral("customer_id"), customer},
                                   {QStringLiteral("customer_name"), license->license.customerName},
                                   {QStringLiteral("license_id"), idText(license->license.id)},
                                   {QStringLiteral("limit"), licenseLimitKey(limit)},
                                   {QStringLiteral("level"), level},
                                   {QStringLiteral("used"), double(used)},
                                   {QStringLiteral("allowed"), double(check.allowed.value_or(0))},
                                   {QStringLiteral("month"), month.toString()}};
            AICP_TRY(publisher.publish({QStringLiteral("usage.threshold"), data,
                                        QStringLiteral("usage.threshold:%1:%2:%3:%4")
                                            .arg(customer, licenseLimitKey(limit))
                                            .arg(level)
                                            .arg(month.toString())},
                                       &NoticeCount::thresholds));
        }
    }
    return {};
}

Status invoiceNotices(Workspace& workspace, const QDateTime& now, Publisher& publisher) {
    auto invoices = InvoiceBook(workspace).list();
    if (!invoices)
        return invoices.error();
    for (const Invoice& invoice : *invoices) {
        if (!invoice.isOverdueOn(now.date()))
            continue;
        AICP_TRY(publisher.publish(
            {QStringLiteral("invoice.overdue"),
             {{QStringLiteral("number"), invoice.number},
              {QStringLiteral("customer_id"), invoice.customerId},
              {QStringLiteral("currency"), invoice.currency},
              {QStringLiteral("balance"), invoice.balance().toDecimalString()},
              {QStringLiteral("due_date"), invoice.dueDate.toString(Qt::ISODate)}},
             QStringLiteral("invoice.overdue:%1").arg(invoice.number)},
            &NoticeCount::overdue));
    }
    return {};
}

}  // namespace

Status Notices::scan(Publisher& publisher) {
    auto mode = workspace_.mode();
    if (!mode)
        return mode.error();
    if (*mode == Workspace::Mode::Customer)
        return {};  // the vendor tells; a customer's workspace has none of this to tell
    const QDateTime now = toWholeSecondsUtc(clock_());
    auto licenses = LicenseRegistry(workspace_, clock_).list();
    if (!licenses)
        return licenses.error();
    AICP_TRY(licenseNotices(*licenses, now, publisher));
    AICP_TRY(thresholdNotices(workspace_, *licenses, now, publisher));
    return invoiceNotices(workspace_, now, publisher);
}

Result<NoticeCount> Notices::publishDue() {
    NoticeCount count;
    auto endpoints = WebhookEndpoints(workspace_, clock_).list();
    if (!endpoints)
        return endpoints.error();
    if (endpoints->empty())
        return count;  // nobody listens: a webhook added later hears what is due then
    // Each notice is published in a transaction of its own (the outbox's):
    // the scan reads without holding the workspace's write lock.
    Publisher publisher{Outbox(workspace_, clock_), count, nullptr, {}};
    for (const WebhookEndpoint& endpoint : *endpoints)
        publisher.wanted += endpoint.events;
    AICP_TRY(scan(publisher));
    return count;
}

Result<std::vector<WebhookEvent>> Notices::due() {
    std::vector<WebhookEvent> found;
    NoticeCount count;
    Publisher collector{std::nullopt, count, &found, {}};
    AICP_TRY(scan(collector));
    return found;
}

}  // namespace aicp
