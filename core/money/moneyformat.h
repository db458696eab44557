#pragma once

#include "money/money.h"

#include <QLocale>
#include <QString>

namespace aicp {

// Formats money for people: grouped digits and the locale's separators,
// "$1,234.56" in en_US and "1.234,56 $" in de_DE, a currency other than the
// locale's own and the dollar by its ISO code ("EUR 929.00"), without ever
// passing through floating point. `minDecimals` keeps sub-cent unit prices
// visible ("$0.0005"); amounts use the default two.
[[nodiscard]] QString formatMoney(Money amount, const QLocale& locale,
                                  const QString& currencyCode = QStringLiteral("USD"),
                                  int minDecimals = 2);

// A count for people, grouped per locale ("1,000,000").
[[nodiscard]] QString formatCount(std::int64_t count, const QLocale& locale);

}  // namespace aicp
