#include "tax/taxrates.h"

#include "audit/auditlog.h"
#include "common/assignto.h"
#include "common/billingfields.h"
#include "common/utctime.h"
#include "licensing/licensepayload.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

constexpr const char* kDateFormat = "yyyy-MM-dd";

Result<QString> readRateName(const QString& text) {
    auto name = readLine(QStringLiteral("name"), text, TaxRateStore::kMaxNameLength);
    if (!name)
        return name.error();
    if (name->isEmpty())
        return Error::invalidInput(
            QStringLiteral("name is empty; give the name invoices print, such as VAT"));
    return name;
}

}  // namespace

QJsonObject taxRateJson(const TaxRate& rate) {
    return {{QStringLiteral("id"), qint64(rate.id)},
            {QStringLiteral("country"), rate.country},
            {QStringLiteral("region"), rate.region},
            {QStringLiteral("name"), rate.name},
            {QStringLiteral("rate"), rate.rate.toDecimalString()},
            {QStringLiteral("from"), rate.from.toString(QString::fromLatin1(kDateFormat))},
            {QStringLiteral("added_at"), toRfc3339(rate.addedAt)},
            {QStringLiteral("added_by"), rate.addedBy}};
}

std::optional<TaxRate> rateInForce(const std::vector<TaxRate>& rates, const QString& country,
                                   const QString& region, QDate on) {
    const auto latest = [&](const QString& place) {
        std::optional<TaxRate> found;
        for (const TaxRate& rate : rates)
            if (rate.country == country && rate.region == place && rate.from <= on &&
                (!found || rate.from > found->from))
                found = rate;
        return found;
    };
    if (!region.isEmpty())
        if (auto own = latest(region))
            return own;
    return latest(QString());
}

Result<TaxRate> TaxRateStore::add(const QString& country, const QString& region,
                                  const QString& name, Percent rate, QDate from) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("tax rates are kept in the vendor's workspace")));
    TaxRate added;
    AICP_TRY(assignTo(added.country, readCountry(country)));
    if (added.country.isEmpty())
        return Error::invalidInput(QStringLiteral("country is empty; give an ISO 3166-1 code"));
    AICP_TRY(assignTo(added.region, readRegion(region, added.country)));
    AICP_TRY(assignTo(added.name, readRateName(name)));
    if (!from.isValid())
        return Error::invalidInput(QStringLiteral("the date the rate applies from is not a date"));
    added.rate = rate;
    added.from = from;
    added.addedAt = toWholeSecondsUtc(clock_());
    added.addedBy = AuditLog::actorOn(workspace_);

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    const QString date = from.toString(QString::fromLatin1(kDateFormat));
    auto taken = queryInt64Or(db,
                              "SELECT COUNT(*) FROM tax_rates "
                              "WHERE country = ?1 AND region = ?2 AND effective_from = ?3",
                              0, added.country, added.region, date);
    if (!taken)
        return taken.error();
    if (*taken > 0)
        return Error(Error::Code::Conflict,
                     QStringLiteral("%1 already has a rate from %2; a rate never changes, so add "
                                    "the new one from a later date")
                         .arg(added.region.isEmpty() ? added.country : added.region, date));
    auto id = insertWith(db,
                         "INSERT INTO tax_rates (country, region, name, rate_micro_percent, "
                         "effective_from, added_at, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         added.country, added.region, added.name, added.rate.microPercent(), date,
                         added.addedAt, added.addedBy);
    if (!id)
        return id.error();
    added.id = *id;
    QJsonObject details = taxRateJson(added);
    details.remove(QStringLiteral("added_at"));
    details.remove(QStringLiteral("added_by"));
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("tax.rate.add"),
                              added.region.isEmpty() ? added.country : added.region, details);
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return added;
}

Result<std::vector<TaxRate>> TaxRateStore::list() const {
    return queryRows<TaxRate>(
        workspace_.handle(),
        "SELECT id, country, region, name, rate_micro_percent, effective_from, added_at, added_by "
        "FROM tax_rates ORDER BY country, region, effective_from",
        [](const Statement& row) {
            return TaxRate{row.int64(0),
                           row.text(1),
                           row.text(2),
                           row.text(3),
                           Percent::fromMicroPercent(row.int64(4)),
                           QDate::fromString(row.text(5), QString::fromLatin1(kDateFormat)),
                           row.time(6),
                           row.text(7)};
        });
}

}  // namespace aicp
