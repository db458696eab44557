#include "money/moneyformat.h"

namespace aicp {
namespace {

QString currencySymbol(const QString& currencyCode, const QLocale& locale) {
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == currencyCode)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    // "$" reads as the dollar everywhere the console is used; other foreign
    // currencies show their ISO code so they are never mistaken.
    if (currencyCode == QStringLiteral("USD"))
        return QStringLiteral("$");
    return currencyCode;
}

// The "C" locale (LANG unset, as on servers and fresh containers) has no
// currency layout of its own and would print "0.00$"; people reading money
// there expect the plain international style of US English.
QLocale withCurrencyLayout(const QLocale& locale) {
    if (locale.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

}  // namespace

QString formatMoney(Money amount, const QLocale& requestedLocale, const QString& currencyCode,
                    int minDecimals) {
    const QLocale locale = withCurrencyLayout(requestedLocale);
    // Split the exact decimal form and let QLocale group the whole part only;
    // the fraction is copied digit for digit so nothing is ever rounded here.
    const QString plain = amount.abs().toDecimalString(minDecimals);
    const qsizetype point = plain.indexOf(u'.');
    QString number = locale.toString(plain.left(point < 0 ? plain.size() : point).toLongLong());
    if (point >= 0)
        number += locale.decimalPoint() + plain.mid(point + 1);

    // QLocale knows where the symbol goes and with what spacing: lay out a
    // placeholder amount and symbol, then put the exact parts in.
    const QString placeholder = QStringLiteral("\u0001");
    QString text = locale.toCurrencyString(qlonglong(7), placeholder);
    text.replace(locale.toString(7), number);
    QString symbol = currencySymbol(currencyCode, locale);
    // An ISO code is a word: "EUR 929.00", never "EUR929.00".
    if (symbol == currencyCode) {
        const qsizetype at = text.indexOf(placeholder);
        if (text.mid(at + 1, 1) == number.left(1))
            symbol += u' ';
        else if (at > 0 && !text.at(at - 1).isSpace())
            symbol.prepend(u' ');
    }
    text.replace(placeholder, symbol);
    if (amount.isNegative())
        text.prepend(locale.negativeSign());
    return text;
}

QString formatCount(std::int64_t count, const QLocale& locale) {
    return locale.toString(static_cast<qlonglong>(count));
}

}  // namespace aicp
