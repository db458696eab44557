#include "recommend/recommendationservice.h"

#include "customers/customer.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "recommend/recommender.h"
#include "storage/workspace.h"

namespace aicp {

Result<Recommendation> RecommendationService::recommend(const QString& customerId,
                                                        std::optional<YearMonth> month) const {
    AICP_TRY(checkCustomerId(customerId));
    const QDateTime now = toWholeSecondsUtc(clock_());
    RecommendationInputs inputs;
    inputs.customerId = customerId;
    inputs.month = month.value_or(YearMonth::of(now.date()));
    inputs.now = now;
    if (inputs.month.month < 1 || inputs.month.month > 12 || !inputs.month.firstDay().isValid())
        return Error::invalidInput(
            QStringLiteral("'%1' is not a month").arg(inputs.month.toString()));

    auto customer = CustomerStore(workspace_).find(customerId);
    if (!customer)
        return customer.error();
    inputs.customerName = customer->name;
    auto book = workspace_.priceBook();
    if (!book)
        return book.error();
    inputs.priceBook = std::move(book).value();
    auto licenses = LicenseRegistry(workspace_).list();
    if (!licenses)
        return licenses.error();
    inputs.licenses = std::move(licenses).value();

    const UsageQuery usage(workspace_);
    const QDate lastDay = inputs.month.next().firstDay().addDays(-1);
    auto hourly = usage.series(customerId, inputs.month.firstDay(), lastDay, UsageWindow::Hour);
    if (!hourly)
        return hourly.error();
    inputs.hourly = std::move(hourly).value();
    auto summary = usage.monthlySummary(customerId, inputs.month);
    if (!summary)
        return summary.error();
    inputs.usage = std::move(summary).value();
    const QDateTime end = QDateTime(inputs.month.next().firstDay(), QTime(0, 0), Qt::UTC);
    const QDateTime at = std::min(now, end.addSecs(-1));
    const ActivationRegistry activations(workspace_);
    for (const LicenseRecord& record : inputs.licenses) {
        if (record.license.customerId != customerId)
            continue;
        auto running = activations.activeCountAt(record.license.id, at);
        if (!running)
            return running.error();
        inputs.activeInstances[record.license.id] = *running;
    }
    return Recommender::recommend(inputs);
}

}  // namespace aicp
