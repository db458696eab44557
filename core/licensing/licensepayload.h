#pragma once

#include "common/result.h"
#include "licensing/activationterms.h"
#include "money/money.h"

#include <cstdint>
#include <map>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUuid>

namespace aicp {

// How the recurring part of a license is invoiced.
enum class BillingPeriod {
    Monthly,  // each month's recurring lines on that month's invoice
    Annual,   // a contract year's recurring lines in advance, in the month it starts
};
[[nodiscard]] QString billingPeriodKey(BillingPeriod period);  // "monthly", "annual"
[[nodiscard]] std::optional<BillingPeriod> billingPeriodFromKey(QStringView key);

// A minimum spend per calendar month or per contract year.
struct Commitment {
    enum class Period { Month, Year };
    Money amount;
    Period period = Period::Month;
    QString currency;  // empty: the price book's

    // "60000.00/year", with the currency when one is given ("60000.00 EUR/year").
    [[nodiscard]] QString toText() const;
    // Reads what toText writes; the amount must be above 0.
    static Result<Commitment> parse(const QString& text);
    friend bool operator==(const Commitment&, const Commitment&) = default;
};
[[nodiscard]] QString commitmentPeriodKey(Commitment::Period period);  // "month", "year"

// The contract terms a license carries (enterprise features).
struct ContractTerms {
    Percent discount;                         // on the recurring part of the bill
    int termMonths = 0;                       // 0 (monthly), 12, 24 or 36
    std::map<QString, Money> priceOverrides;  // e.g. "base" -> 899.00
    BillingPeriod billingPeriod = BillingPeriod::Monthly;
    std::optional<Commitment> commitment;
    QDateTime trialUntil;  // UTC, whole seconds; invalid: no trial

    [[nodiscard]] bool isAnnual() const { return billingPeriod == BillingPeriod::Annual; }
    [[nodiscard]] bool hasTrial() const { return trialUntil.isValid(); }
};

// The signed content of a license: who, what tier, which add-ons and limits,
// and when it is valid. Fields this version does not know are kept as they
// were, so re-serialising an older reader's copy loses nothing.
struct LicensePayload {
    static constexpr int kFormatVersion = 1;

    int v = kFormatVersion;
    QUuid id;
    QString kid;
    QString customerId;
    QString customerName;
    QString tier;
    QStringList features;
    QStringList policyPacks;
    QStringList complianceModules;
    std::optional<std::int64_t> requestsPerMonth;  // nullopt: unlimited
    std::int64_t seats = 1;
    std::optional<std::int64_t> agents;  // nullopt: unlimited
    // limits.instances and activation: how many gateways may run it at once.
    ActivationTerms activation;
    QString auditTier;
    ContractTerms contract;
    QDateTime issuedAt;   // UTC, whole seconds
    QDateTime notBefore;  // UTC, whole seconds
    QDateTime expiresAt;  // UTC, whole seconds
    int graceDays = 0;
    std::optional<QUuid> supersedes;  // the license this one renews or upgrades
    QJsonObject unknownFields;

    // Strict reading: every known field present with the right type, times in
    // RFC 3339 UTC ("2026-11-24T00:00:00Z"), a format version this aicp knows.
    static Result<LicensePayload> fromJson(const QByteArray& json);
    // Compact UTF-8 JSON with sorted keys: the bytes that get signed.
    [[nodiscard]] QByteArray toJson() const;

    [[nodiscard]] bool hasFeature(const QString& feature) const {
        return features.contains(feature);
    }
    // The end of the grace period (expiresAt + graceDays).
    [[nodiscard]] QDateTime graceEndsAt() const { return expiresAt.addDays(graceDays); }
};

// RFC 3339 UTC with whole seconds, the only time form licenses use.
[[nodiscard]] QString toRfc3339(const QDateTime& time);
[[nodiscard]] Result<QDateTime> fromRfc3339(const QString& text);
// toRfc3339, or null for an invalid time: an optional field of a JSON form.
[[nodiscard]] QJsonValue jsonTimeOrNull(const QDateTime& time);

}  // namespace aicp
