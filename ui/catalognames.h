#pragma once

#include "pricing/bill.h"

#include <QString>

namespace aicp {

// People's names for the price book's machine ids ("eu-ai-act" → "EU AI Act").
// Ids this console does not know yet are still shown, made readable.
[[nodiscard]] QString policyPackName(const QString& id);
[[nodiscard]] QString complianceModuleName(const QString& id);
[[nodiscard]] QString featureName(const QString& id);
// A short label for a bill line, for narrow columns ("Compliance").
[[nodiscard]] QString billAxisName(BillAxis axis);

}  // namespace aicp
