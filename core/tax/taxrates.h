#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "money/money.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace aicp {

class Workspace;

// A sales tax or VAT rate of a country, or of one region of it, in force
// from `from` until the next rate of the same place (README, "Taxes").
struct TaxRate {
    std::int64_t id = 0;
    QString country;  // ISO 3166-1 alpha-2
    QString region;   // ISO 3166-2 ("US-CA"), or empty: the whole country
    QString name;     // as invoices print it: "VAT", "CA sales tax"
    Percent rate;
    QDate from;
    QDateTime addedAt;  // UTC
    QString addedBy;

    friend bool operator==(const TaxRate&, const TaxRate&) = default;
};

// {"id", "country", "region", "name", "rate", "from", "added_at",
// "added_by"}: `tax rates list --json` and the audit log.
[[nodiscard]] QJsonObject taxRateJson(const TaxRate& rate);

// The rate of `country` (and `region`) in force on `on`: the region's own
// rate when it has one in force, otherwise the country's. nullopt when
// neither has a rate in force on that day.
[[nodiscard]] std::optional<TaxRate> rateInForce(const std::vector<TaxRate>& rates,
                                                 const QString& country, const QString& region,
                                                 QDate on);

// The workspace's tax rates (schema 12). A rate never changes and is never
// removed: a new rate from a later date replaces it, so every issued
// invoice keeps pointing at the rate it used.
class TaxRateStore {
public:
    static constexpr qsizetype kMaxNameLength = 40;

    explicit TaxRateStore(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Adds a rate after checking every field: a known country, a region of
    // that country, a name of 1 to 40 characters, a valid date. A second
    // rate for the same place and date is a Conflict. Recorded in the audit
    // log ("tax.rate.add") in the same transaction. Refused in a customer's
    // workspace.
    [[nodiscard]] Result<TaxRate> add(const QString& country, const QString& region,
                                      const QString& name, Percent rate, QDate from);
    // By country, region (the whole country first), then date.
    [[nodiscard]] Result<std::vector<TaxRate>> list() const;

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
