#pragma once

#include "pricing/costengine.h"
#include "pricing/pricebook.h"

#include <QtGlobal>

// What the pricing tests share: the default price book's engine and a quote
// or comparison that stops the test when the engine refuses.
namespace aicp::testing {

inline CostEngine defaultEngine() {
    return CostEngine(PriceBook::loadDefault()->latest());
}

inline Subscription on(const char* tier) {
    Subscription subscription;
    subscription.tier = QString::fromLatin1(tier);
    return subscription;
}

inline Bill quote(const Subscription& subscription, std::int64_t requests) {
    auto bill = defaultEngine().quote(subscription, MonthlyUsage{requests});
    if (!bill.ok())
        qFatal("quote failed: %s", qPrintable(bill.error().message()));
    return std::move(bill).value();
}

inline TierComparison compare(const Subscription& needs, std::int64_t requests) {
    auto comparison = defaultEngine().compare(needs, MonthlyUsage{requests});
    if (!comparison.ok())
        qFatal("compare failed: %s", qPrintable(comparison.error().message()));
    return std::move(comparison).value();
}

}  // namespace aicp::testing
