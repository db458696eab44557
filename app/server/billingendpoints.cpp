#include "billing/monthlybill.h"
#include "billing/monthlybilling.h"
#include "metering/yearmonth.h"
#include "recommend/recommendation.h"
#include "recommend/recommendationservice.h"
#include "server/apiendpoints.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

// The month's computed bill: its segments, lines and findings (near or over
// a limit, unlicensed usage) — what a gateway or finance tool bills from.
ApiResponse billingEvents(Workspace& workspace, const ApiRequest& request) {
    const QString customer = request.queryValue(QStringLiteral("customer"));
    if (customer.isEmpty())
        return ApiResponse::error(400, QStringLiteral("invalid_input"),
                                  QStringLiteral("give the customer: ?customer=<id>"));
    const QString monthText = request.queryValue(QStringLiteral("month"));
    std::optional<YearMonth> month = monthText.isEmpty()
                                         ? YearMonth::of(QDateTime::currentDateTimeUtc().date())
                                         : YearMonth::parse(monthText);
    if (!month)
        return ApiResponse::error(
            400, QStringLiteral("invalid_input"),
            QStringLiteral("month must be like 2026-03, not '%1'").arg(monthText));
    auto bill = MonthlyBilling(workspace).bill(customer, *month);
    if (!bill)
        return ApiResponse::fromError(bill.error());
    return ApiResponse::json(monthlyBillToJson(*bill));
}

// The cheapest tier for the customer's projected month, with the reason.
ApiResponse recommendations(Workspace& workspace, const ApiRequest& request) {
    const QString customer = request.queryValue(QStringLiteral("customer"));
    if (customer.isEmpty())
        return ApiResponse::error(400, QStringLiteral("invalid_input"),
                                  QStringLiteral("give the customer: ?customer=<id>"));
    const QString monthText = request.queryValue(QStringLiteral("month"));
    std::optional<YearMonth> month;
    if (!monthText.isEmpty()) {
        month = YearMonth::parse(monthText);
        if (!month)
            return ApiResponse::error(
                400, QStringLiteral("invalid_input"),
                QStringLiteral("month must be like 2026-03, not '%1'").arg(monthText));
    }
    auto recommendation = RecommendationService(workspace).recommend(customer, month);
    if (!recommendation)
        return ApiResponse::fromError(recommendation.error());
    return ApiResponse::json(recommendationToJson(*recommendation));
}

}  // namespace

void addBillingEndpoints(ApiRouter& router, Workspace& workspace) {
    router.add("GET", QStringLiteral("/api/pricing/billing-events"), ApiRole::Read,
               onWorkspace(workspace, billingEvents));
    router.add("GET", QStringLiteral("/api/pricing/recommendations"), ApiRole::Read,
               onWorkspace(workspace, recommendations));
}

}  // namespace aicp
