#pragma once

#include "common/result.h"
#include "licensing/activationterms.h"
#include "pricing/chargemodel.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace aicp {

// An add-on axis of a tier (policy packs, compliance modules, seats): how
// many are included and what each one beyond costs. `included` nullopt means
// all of them; `extra` nullopt means more are not sold on this tier.
struct AddOnAllowance {
    std::optional<std::int64_t> included;
    std::optional<ChargeModel> extra;

    [[nodiscard]] bool isUnlimited() const { return !included.has_value(); }
};

// An audit & reporting level: how long audit records are kept and its price.
struct AuditTier {
    QString id;
    QString name;
    int retentionDays = 0;
    ChargeModel price = ChargeModel::flat(Money());
};

// One tier of the price book (open_source, starter, …) with every axis.
struct TierDefinition {
    QString id;
    QString name;
    ChargeModel base = ChargeModel::flat(Money());
    std::optional<std::int64_t> includedRequests;  // nullopt: unlimited
    std::optional<ChargeModel> requestOverage;     // nullopt with a quota: hard cap
    AddOnAllowance policyPacks;
    AddOnAllowance complianceModules;
    AddOnAllowance seats;
    std::optional<std::int64_t> includedAgents;  // nullopt: unlimited
    // The instances its licenses may run at once by default, and how.
    ActivationTerms activation;
    QStringList features;
    QString includedAuditTier;
    bool auditUpgradesSold = false;
    // A retired tier takes no new licenses; licenses on it keep being billed.
    bool retired = false;

    [[nodiscard]] bool hasFeature(const QString& feature) const {
        return features.contains(feature);
    }
    [[nodiscard]] bool requestsHardCapped() const {
        return includedRequests.has_value() && !requestOverage.has_value();
    }
};

// A volume discount band: a customer whose monthly recurring amount reaches
// `from` gets `percent` off its recurring lines.
struct VolumeDiscountBand {
    Money from;
    Percent percent;
};

// The discount a bill gives its recurring lines: the contract's or the
// volume band's, whichever is larger (never both).
struct AppliedDiscount {
    Percent percent;
    bool volume = false;  // the volume band's, not the contract's
    Money bandFrom;       // when volume: the band reached
};

// The prices in force from `effectiveFrom` until the next version starts.
struct PriceBookVersion {
    QString version;
    QDate effectiveFrom;
    QString currency;
    QStringList policyPacks;
    QStringList complianceModules;
    QStringList features;
    std::vector<AuditTier> auditTiers;  // cheapest first
    std::vector<TierDefinition> tiers;  // smallest first
    // Rising `from`, rising percent; empty when the version gives none.
    std::vector<VolumeDiscountBand> volumeDiscounts;

    [[nodiscard]] const TierDefinition* tier(const QString& id) const;
    [[nodiscard]] const AuditTier* auditTier(const QString& id) const;
    // Position in auditTiers (the retention order), or -1 when unknown.
    [[nodiscard]] int auditTierRank(const QString& id) const;
    [[nodiscard]] QStringList tierIds() const;
    // The version as it stands in a price book document.
    [[nodiscard]] QJsonObject toJson() const;
    // The discount for a license with `contract` percent whose recurring
    // lines come to `monthlyRecurring` a full month.
    [[nodiscard]] AppliedDiscount discountFor(Percent contract, Money monthlyRecurring) const;
};

struct PriceBookMerge;

// Every price book version, oldest first. Loaded from JSON with errors that
// name the field; bills use the version in force on the billed date in the
// customer's currency. A book may price in several currencies, each with its
// own versions; its home currency is its first version's, and no version in
// another currency takes effect before that one.
class PriceBook {
public:
    static constexpr int kSchemaVersion = 1;
    // The largest document a file may hold (a price book is a few KiB).
    static constexpr qsizetype kMaxDocumentSize = 4 * 1024 * 1024;

    static Result<PriceBook> fromJson(const QByteArray& json);
    // The id rule of tiers, audit tiers and catalog entries: 1 to 64 of
    // a-z, 0-9, '_' and '-', starting with a letter or digit.
    [[nodiscard]] static bool isIdentifier(const QString& id);
    // The default book of SPEC section 2, shipped as :/aicp/pricebook/default.json.
    static Result<PriceBook> loadDefault();

    [[nodiscard]] QByteArray toJson() const;

    // Every version, in every currency, by effective date.
    [[nodiscard]] const std::vector<PriceBookVersion>& versions() const { return versions_; }
    // The first version's currency, then the others in the order they appear.
    [[nodiscard]] QStringList currencies() const;
    [[nodiscard]] QString homeCurrency() const { return versions_.front().currency; }
    // The home-currency version in force on `date`, or an error when `date`
    // precedes them all.
    [[nodiscard]] Result<PriceBookVersion> versionAt(QDate date) const;
    // The version in `currency` in force on `date`: NotFound when the book
    // has no prices in `currency` or none in force yet.
    [[nodiscard]] Result<PriceBookVersion> versionAt(QDate date, const QString& currency) const;
    // The newest home-currency version.
    [[nodiscard]] const PriceBookVersion& latest() const;
    // The book of the versions in `currency` alone, which then is its home:
    // what a customer billed in `currency` is billed from. NotFound naming
    // the currencies there are when it has none.
    [[nodiscard]] Result<PriceBook> inCurrency(const QString& currency) const;
    // The version named `version`, or nullptr.
    [[nodiscard]] const PriceBookVersion* find(const QString& version) const;
    // A book of the one version named `version` (NotFound naming the versions
    // there are): what export writes for one version.
    [[nodiscard]] Result<PriceBook> only(const QString& version) const;
    // This book with every version of `incoming` it lacks, in date order. A
    // version it holds already must be the same, field for field: a changed
    // price is a new version, never an edit of one that may have billed
    // (Conflict naming it). A version taking effect on the date another
    // does in the same currency is refused the same way, as is a version in
    // another currency before the home currency's first.
    [[nodiscard]] Result<PriceBookMerge> merged(const PriceBook& incoming) const;

private:
    [[nodiscard]] Error missingCurrency(const QString& currency) const;
    // Whether `version` may join the book: a name of its own, no other
    // version of its currency on its day, nothing before the home currency's
    // first (`code` the error's, `where` its path).
    [[nodiscard]] Status checkNewcomer(const PriceBookVersion& version, const QString& where,
                                       Error::Code code) const;

    std::vector<PriceBookVersion> versions_;
};

// What merged() made: the book and which versions of the incoming one it
// added and which it held already.
struct PriceBookMerge {
    PriceBook book;
    QStringList added;
    QStringList held;
};

}  // namespace aicp
