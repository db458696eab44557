#pragma once

#include "common/result.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "metering/yearmonth.h"
#include "pricing/pricebook.h"
#include "recommend/recommendation.h"

#include <map>
#include <vector>

#include <QDateTime>
#include <QString>

namespace aicp {

// Everything one recommendation is made from, already read from the
// workspace. `licenses` may hold other customers' licenses.
struct RecommendationInputs {
    QString customerId;
    QString customerName;
    YearMonth month;
    QDateTime now;  // a past month is seen from its end
    std::vector<LicenseRecord> licenses;
    PriceBook priceBook;
    std::vector<UsagePoint> hourly;  // the month's hourly requests
    MonthlyUsageSummary usage;       // the month's aggregates (seats, agents, packs, modules)
    // Machines running each of the customer's licenses at the month's end,
    // or now for the month under way.
    std::map<QUuid, std::int64_t> activeInstances;
};

// Prices the customer's needs on every tier of the price book version in
// force at the projection's instant, with the cost engine, and recommends
// the cheapest eligible tier. Eligible means the engine finds the tier able
// to serve the needs and every hard limit (a request cap, the agents, an
// add-on the tier sells no more of) leaves room for the need plus
// kMarginPercent of it (rounded down); unlimited axes and add-ons sold by
// the unit always fit. Equal totals go to the current tier, then to the
// smaller one.
class Recommender {
public:
    static constexpr int kMarginPercent = 10;

    [[nodiscard]] static Result<Recommendation> recommend(const RecommendationInputs& inputs);
};

}  // namespace aicp
