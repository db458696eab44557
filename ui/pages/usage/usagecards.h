#pragma once

#include "licensing/entitlements.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "pages/usage/usagefigures.h"

#include <cstdint>
#include <optional>

#include <QDateTime>
#include <QWidget>

namespace aicp {

class UsageCard;

// The Usage page's row of figures for one customer and month against the
// license in force: requests (with the late ones), the month-end
// projection, active users against the seats, active agents and, in a
// vendor's workspace, the gateway instances the license runs.
class UsageCards : public QWidget {
    Q_OBJECT
public:
    explicit UsageCards(QWidget* parent = nullptr);

    // `now` says whether a month without a projection is over or to come;
    // without `instances` (a customer's workspace holds no activations) the
    // instances card is hidden.
    void setFigures(const MonthlyUsageSummary& summary, const std::optional<LicenseRecord>& license,
                    const std::optional<MonthProjection>& projection, const QDateTime& now,
                    std::optional<std::int64_t> instances);
    void clear();

private:
    void showProjection(const MonthlyUsageSummary& summary,
                        const std::optional<MonthProjection>& projection, const QDateTime& now,
                        const std::optional<LimitCheck>& check);

    UsageCard* requests_;
    UsageCard* projection_;
    UsageCard* users_;
    UsageCard* agents_;
    UsageCard* instances_;
};

}  // namespace aicp
