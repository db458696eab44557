#pragma once

#include "common/result.h"
#include "metering/yearmonth.h"
#include "money/money.h"
#include "pricing/pricebook.h"

#include <optional>
#include <vector>

#include <QDate>
#include <QString>

namespace aicp {

class Workspace;

// What one new price book version does to one customer: the bill of the
// month it takes effect in, under the version in force before and under the
// book with it.
struct PriceBookImpact {
    QString version;  // the version added
    QString customerId;
    QString customerName;
    YearMonth month;
    QString currency;
    Money before;
    Money after;
};

// What importing a price book document did, or would do.
struct PriceBookImport {
    PriceBookMerge merge;
    // Per added version, each customer with a license in force on the day it
    // takes effect, in customer id order.
    std::vector<PriceBookImpact> impact;
    bool stored = false;  // false for a dry run and when nothing was added
};

enum class PriceBookImportMode { DryRun, Store };

// Adds to the workspace's price book every version of `incoming` it lacks
// (PriceBook::merged), and works out the impact of each on the bills of the
// month it takes effect in. A version may not take effect on or before the
// last day of a month already invoiced for any customer: the past is never
// re-priced (Conflict naming the version and the first day it could take
// effect). Store does it in one transaction under the workspace's write
// lock, audited as "pricebook.import" with the versions added; DryRun reads
// only. A book the workspace holds whole already changes nothing.
[[nodiscard]] Result<PriceBookImport> importPriceBook(Workspace& workspace,
                                                      const PriceBook& incoming,
                                                      PriceBookImportMode mode);

// The first day a new version in `currency` may take effect: the day after
// the last month invoiced in it for any customer; nullopt when nothing was
// ever invoiced in it.
[[nodiscard]] Result<std::optional<QDate>> firstRepriceableDay(Workspace& workspace,
                                                               const QString& currency);

}  // namespace aicp
