#pragma once

#include "pricing/pricebook.h"

#include <vector>

#include <QJsonValue>
#include <QString>

namespace aicp {

// One field that differs between two price book versions. `path` names it
// as an import error would ("tiers[starter].seats.extra.unit_price"; tiers
// and audit tiers by id, so a reordering is no change). A field only one
// side has is undefined on the other: a tier added or retired whole is one
// change at "tiers[growth]".
struct PriceBookChange {
    QString path;
    QJsonValue before;
    QJsonValue after;
};

// What changes from `from` to `to`, in the order of the document, the
// versions' names left out (they always differ).
[[nodiscard]] std::vector<PriceBookChange> diffVersions(const PriceBookVersion& from,
                                                        const PriceBookVersion& to);

// A value as the diff prints it: text unquoted, null as "null", anything
// else as compact JSON, "(none)" for a field that is not there.
[[nodiscard]] QString changeValueText(const QJsonValue& value);

}  // namespace aicp
