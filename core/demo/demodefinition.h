#pragma once

#include "common/result.h"
#include "money/money.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace aicp {

// The license a demo customer holds, and what happened to it.
struct DemoLicense {
    QString tier;
    QStringList policyPacks;
    QStringList complianceModules;
    std::optional<std::int64_t> seats;  // the tier's included seats when absent
    QString auditTier;                  // the tier's included level when empty
    QDate issued;                       // at 09:00 UTC
    int days = 365;
    Percent discount;
    int termMonths = 0;
    QDate upgradedOn;  // invalid: never upgraded
    QString upgradeTier;
    QDate revokedOn;  // invalid: never revoked
    QString revokeReason;
};

// How much a demo customer uses the gateway, steady over the usage window.
struct DemoUsage {
    std::int64_t requestsPerMonth = 0;
    int users = 1;   // distinct people sending requests
    int agents = 1;  // distinct AI agents
    // Gateways running on the license in force, activated through the
    // usage window as air-gapped sites (a file valid for a year), so they
    // stay active whenever the demo is looked at.
    int instances = 0;
};

// One fictional customer of the demo.
struct DemoCustomer {
    QString id;
    QString name;
    QString domain;  // the email domain of its contacts
    std::optional<DemoLicense> license;
    // Licenses held before `license` that have run out (trials, earlier terms).
    std::vector<DemoLicense> earlier;
    std::optional<DemoUsage> usage;
};

// What the demo workspace holds, read from :/aicp/demo/demo.json. Every
// generated value is derived from this definition, its seed and the instant
// the demo is made for (movedTo), so a demo made on any day looks like the
// one written down: the same customers near their limits, the same licenses
// about to expire, the same current month part-way through.
struct DemoDefinition {
    std::uint64_t seed = 0;
    QDateTime start;         // the first customer can be onboarded from here (UTC)
    int onboardingDays = 0;  // customers are onboarded over this many days
    QStringList contacts;    // mailbox names of billing contacts ("billing", "finance")
    std::vector<DemoCustomer> customers;
    // The demo's signing key is derived from the seed and protected by this
    // published passphrase, so anyone trying the demo can sign with it.
    QString passphrase;
    // The instant the dates above are written for: the demo's "now".
    QDateTime now;
    // Usage events cover the two months before now's month and now's month
    // up to now's hour, hour by hour (UTC). The last `usageDays` days before
    // now are drawn from one random stream and the hours before them from
    // another, so the demo of the written day keeps the usage it always had.
    int usageDays = 0;

    // Refuses a definition that names a field wrongly, repeats a customer id
    // or gives an id CustomerStore would refuse.
    [[nodiscard]] static Result<DemoDefinition> fromJson(const QByteArray& json);
    [[nodiscard]] static Result<DemoDefinition> loadDefault();

    // The same demo for another instant: every date moves by the whole days
    // between `now`'s day and the written day, so what was a week from
    // expiry on the written day is a week from expiry on the new one.
    [[nodiscard]] DemoDefinition movedTo(const QDateTime& at) const;
    // The first hour with usage and the hour usage stops at (exclusive).
    [[nodiscard]] QDateTime usageStart() const;
    [[nodiscard]] QDateTime usageEnd() const;
};

}  // namespace aicp
