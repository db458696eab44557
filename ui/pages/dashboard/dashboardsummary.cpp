#include "pages/dashboard/dashboardsummary.h"

#include "billing/invoicebook.h"
#include "billing/monthlybilling.h"
#include "common/assignto.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"
#include "pages/usage/usagefigures.h"
#include "recommend/recommendationservice.h"
#include "storage/workspace.h"

#include <algorithm>
#include <map>

namespace aicp {

namespace {

Result<DashboardSummary> addOverdue(Workspace& workspace, DashboardSummary& summary) {
    auto mode = workspace.mode();
    if (!mode)
        return mode.error();
    if (*mode == Workspace::Mode::Customer)
        return std::move(summary);
    auto invoices = InvoiceBook(workspace).list();
    if (!invoices)
        return invoices.error();
    std::map<QString, DashboardOverdue> byCurrency;
    for (const Invoice& invoice : *invoices) {
        if (!invoice.isOverdueOn(summary.asOf.date()))
            continue;
        DashboardOverdue& overdue = byCurrency[invoice.currency];
        overdue.currency = invoice.currency;
        AICP_TRY(assignTo(overdue.balance, overdue.balance.plus(invoice.balance())));
        ++overdue.invoices;
    }
    for (auto& [currency, overdue] : byCurrency)
        summary.overdue.push_back(std::move(overdue));
    return std::move(summary);
}

}  // namespace

Result<DashboardSummary> summarizeDashboard(Workspace& workspace, YearMonth month,
                                            const QDateTime& now, int expiryDays) {
    DashboardSummary summary;
    summary.month = month;
    summary.asOf = now.toUTC();
    summary.monthInProgress = YearMonth::of(summary.asOf.date()) == month;

    // The bills once, for both the revenue (the cost report the Reports
    // page and the CLI build from the same bills) and the usage they count.
    auto bills = MonthlyBilling(workspace).bills(month);
    if (!bills)
        return bills.error();
    auto book = workspace.priceBook();
    if (!book)
        return book.error();
    auto report = buildCostReport(month, *bills, book->homeCurrency());
    if (!report)
        return report.error();
    summary.report = std::move(report).value();

    auto licenses = LicenseRegistry(workspace).list();
    if (!licenses)
        return licenses.error();
    const QDateTime governing = governingInstant(month, summary.asOf);
    const ActivationRegistry activations(workspace);
    for (const MonthlyBill& bill : *bills) {
        summary.requests += bill.requests;
        const std::optional<LicenseRecord> license =
            licenseInForce(*licenses, bill.customerId, governing);
        if (!license)
            continue;
        CustomerMonthUsage usage{bill.customerId, bill.customerName, license->license.tier,
                                 bill.requests,   bill.activeUsers,  bill.activeAgents};
        auto instances = activations.activeCountAt(license->license.id, governing);
        if (!instances)
            return instances.error();
        usage.activeInstances = *instances;
        addLimitUses(usage, *license, summary.limits);
    }
    sortLimitUses(summary.limits);

    const QDateTime horizon = summary.asOf.addDays(expiryDays);
    for (const LicenseRecord& record : *licenses) {
        const LicenseState state = record.stateAt(summary.asOf);
        const bool inGrace = state == LicenseState::InGrace;
        if (!isInForce(state) || record.license.expiresAt > horizon)
            continue;
        // A renewal or a later license already takes over from this one.
        const std::optional<LicenseRecord> next = licenseInForce(
            *licenses, record.license.customerId, record.license.expiresAt.addSecs(1));
        if (next && next->license.id != record.license.id)
            continue;
        summary.expiring.push_back({record.license.id, record.license.customerId,
                                    record.license.customerName, record.license.tier,
                                    record.license.expiresAt, inGrace});
    }
    std::stable_sort(summary.expiring.begin(), summary.expiring.end(),
                     [](const DashboardExpiry& a, const DashboardExpiry& b) {
                         return a.expiresAt < b.expiresAt;
                     });
    return addOverdue(workspace, summary);
}

std::vector<DashboardRecommendation> topRecommendations(Workspace& workspace, YearMonth month,
                                                        const QDateTime& now,
                                                        const QStringList& customerIds,
                                                        std::size_t count) {
    std::vector<DashboardRecommendation> found;
    const RecommendationService service(workspace, [now] { return now; });
    for (const QString& id : customerIds) {
        auto recommendation = service.recommend(id, month);
        if (!recommendation || !recommendation->suggestsChange())
            continue;
        const TierOption* best = recommendation->recommendedOption();
        found.push_back({recommendation->customerId, recommendation->customerName,
                         recommendation->currentTier, best ? best->tier() : QString(),
                         recommendation->changeInWords(), recommendation->saving,
                         recommendation->currency, recommendation->reason});
    }
    const auto saves = [](const DashboardRecommendation& r) {
        return r.saving && !r.saving->isNegative() && !r.saving->isZero();
    };
    std::stable_sort(found.begin(), found.end(),
                     [&saves](const DashboardRecommendation& a, const DashboardRecommendation& b) {
                         if (saves(a) != saves(b))
                             return saves(a);
                         if (saves(a))
                             return a.saving->micros() > b.saving->micros();
                         return false;
                     });
    if (found.size() > count)
        found.resize(count);
    return found;
}

}  // namespace aicp
