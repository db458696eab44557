#pragma once

#include "pricing/bill.h"

#include <QJsonObject>
#include <QLocale>
#include <QString>

namespace aicp {

// Machine form of a bill, the stable `--json` shape:
// {"tier", "eligible", "reason", "lines":[{"axis","description","quantity",
//  "unit_price","amount"}], "total", "currency"}; amounts are decimal strings.
[[nodiscard]] QJsonObject billToJson(const Bill& bill);
// {"tiers":[bill…], "cheapest_eligible": tier id or null}; each bill carries "cheapest".
[[nodiscard]] QJsonObject comparisonToJson(const TierComparison& comparison);

// People form: an aligned, itemised table for a terminal.
[[nodiscard]] QString billToText(const Bill& bill, const QLocale& locale);
[[nodiscard]] QString comparisonToText(const TierComparison& comparison, const QLocale& locale);

}  // namespace aicp
