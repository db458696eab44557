#pragma once

#include "billing/costreport.h"
#include "common/result.h"
#include "licensing/entitlements.h"
#include "metering/yearmonth.h"
#include "pages/usage/allcustomersusage.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace aicp {

class Workspace;

// A customer at or past 80 % of one of its license's limits this month.
using DashboardLimit = CustomerLimitUse;

// A license that runs out soon (or has, and is in its grace period) with no
// other license of the customer taking over.
struct DashboardExpiry {
    QUuid licenseId;
    QString customerId;
    QString customerName;
    QString tier;
    QDateTime expiresAt;
    bool inGrace = false;
};

// What the invoices past their due date still ask for, in one currency.
struct DashboardOverdue {
    QString currency;
    Money balance;
    int invoices = 0;
};

// The dashboard's figures for one month, all from core services: the cost
// report of every customer (revenue by pricing axis), the limits in trouble,
// the licenses expiring within `expiryDays` of `now`, and the invoices
// overdue on `now` (whatever their month).
struct DashboardSummary {
    YearMonth month;
    QDateTime asOf;                // the `now` it was computed at
    bool monthInProgress = false;  // `asOf` falls inside the month
    CostReport report;
    std::int64_t requests = 0;              // every customer's, the whole month so far
    std::vector<DashboardLimit> limits;     // over first, then by share used
    std::vector<DashboardExpiry> expiring;  // soonest first
    std::vector<DashboardOverdue> overdue;  // by currency
};

// A customer whose usage calls for another tier than the license in force.
struct DashboardRecommendation {
    QString customerId;
    QString customerName;
    QString currentTier;
    QString recommendedTier;
    QString change;               // "Starter → Open Source", in the price book's names
    std::optional<Money> saving;  // per month; negative: the change costs more but is needed
    QString currency;             // the saving's
    QString reason;               // RecommendationService's sentence
};

inline constexpr int kDashboardExpiryDays = 30;
inline constexpr std::size_t kDashboardRecommendations = 5;

// Reads the workspace (off the GUI thread); the license governing each
// customer's month is the one governingInstant picks.
[[nodiscard]] Result<DashboardSummary> summarizeDashboard(Workspace& workspace, YearMonth month,
                                                          const QDateTime& now,
                                                          int expiryDays = kDashboardExpiryDays);

// RecommendationService for each of `customerIds` (those with a license in
// the month), keeping the ones that suggest a change: the largest savings
// first, then the changes needed for the risk; at most `count`. A customer
// the service refuses is left out.
[[nodiscard]] std::vector<DashboardRecommendation> topRecommendations(
    Workspace& workspace, YearMonth month, const QDateTime& now, const QStringList& customerIds,
    std::size_t count = kDashboardRecommendations);

}  // namespace aicp
