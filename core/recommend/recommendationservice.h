#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "metering/yearmonth.h"
#include "recommend/recommendation.h"

#include <optional>

#include <QString>

namespace aicp {

class Workspace;

// Reads what a recommendation needs from a workspace — the customer, the
// registry, the price book, the month's hourly and monthly aggregates — and
// hands it to Recommender. "Now" comes from the clock, so tests and the
// console see the same month the same way.
class RecommendationService {
public:
    explicit RecommendationService(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // `month` defaults to the clock's. NotFound for an unknown customer;
    // InvalidInput for a month that has not begun.
    [[nodiscard]] Result<Recommendation> recommend(const QString& customerId,
                                                   std::optional<YearMonth> month = {}) const;

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
