#pragma once

#include "common/result.h"

#include <QJsonValue>
#include <QString>

namespace aicp {

// A charge model as one line of the price book editor, and back:
//
//     (empty)                                  none: not sold, or a hard cap
//     0.001                                    per unit
//     flat: 49                                 49.00 a month, whatever the quantity
//     package: 1000 @ 5                        5.00 per started block of 1,000
//     graduated: 10000000 @ 0.0005; above @ 0.0002
//     volume: 1000 @ 0.002; above @ 0.001      the whole quantity at one band's rate
//
// Counts may be written with thousands separators ("10,000,000"). The text
// becomes the JSON a price book holds ({"model": "per_unit", …} or null);
// the price book's reader then checks the prices and bands and names the
// field. Only the shape of the line is checked here.
[[nodiscard]] Result<QJsonValue> chargeJsonFromText(const QString& text);
// The line for a charge model's JSON (null or undefined: empty).
[[nodiscard]] QString chargeTextFromJson(const QJsonValue& charge);

}  // namespace aicp
