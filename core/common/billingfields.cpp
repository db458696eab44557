#include "common/billingfields.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <QRegularExpression>

namespace aicp {

namespace {

// ISO 3166-1 alpha-2, officially assigned codes, sorted.
constexpr std::array<std::string_view, 249> kCountries{
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

// ISO 4217 codes of currencies in use (2025, 156 of them), sorted: no fund codes (BOV,
// CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals, XDR, XSU, XUA,
// the bond-market units or the test codes, and none withdrawn (HRK, SLL,
// ANG after XCG, ZWL after ZWG).
constexpr std::array<std::string_view, 156> kCurrencies{
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
};

template <std::size_t N>
bool isListed(const std::array<std::string_view, N>& codes, QStringView code) {
    if (code.size() != qsizetype(codes.front().size()))
        return false;
    std::string latin;
    for (const QChar c : code) {
        if (c < u'A' || c > u'Z')
            return false;
        latin += char(c.unicode());
    }
    return std::binary_search(codes.begin(), codes.end(), std::string_view(latin));
}

// Codes people write for a country whose ISO code is another.
QString countryHint(const QString& code) {
    if (code == u"UK")
        return QStringLiteral("; the United Kingdom is GB");
    if (code == u"EL")
        return QStringLiteral("; Greece is GR (EL is its VAT prefix)");
    return QStringLiteral(", such as DE, GB or US");
}

bool isTaxIdSeparator(QChar c) {
    return c == u' ' || c == u'-' || c == u'.' || c == u'/';
}

bool isAsciiLetterOrDigit(QChar c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

Error invalid(const QString& message) {
    return Error::invalidInput(message);
}

QString codePoint(QChar c) {
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

Status refuseControls(const QString& field, const QString& text, bool linesAllowed) {
    for (const QChar c : text) {
        if (linesAllowed && c == u'\n')
            continue;
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return invalid(
                QStringLiteral("%1 contains a control character (%2)%3")
                    .arg(field, codePoint(c),
                         linesAllowed ? QString() : QStringLiteral("; it is one line of text")));
    }
    return {};
}

Status refuseLonger(const QString& field, const QString& text, qsizetype maxLength) {
    if (text.size() > maxLength)
        return invalid(QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxLength));
    return {};
}

}  // namespace

bool isKnownCountry(QStringView code) {
    return isListed(kCountries, code);
}

bool isKnownCurrency(QStringView code) {
    return isListed(kCurrencies, code);
}

Result<QString> readCountry(const QString& text) {
    const QString code = text.trimmed().toUpper();
    if (code.isEmpty() || isKnownCountry(code))
        return code;
    return invalid(QStringLiteral("country '%1' is not an ISO 3166-1 alpha-2 code%2")
                       .arg(text.trimmed(), countryHint(code)));
}

Result<QString> readRegion(const QString& text, const QString& country) {
    const QString region = text.trimmed().toUpper();
    if (region.isEmpty())
        return region;
    static const QRegularExpression subdivision(QStringLiteral("^([A-Z]{2})-[A-Z0-9]{1,3}$"));
    const auto match = subdivision.match(region);
    if (!match.hasMatch())
        return invalid(QStringLiteral("region '%1' is not an ISO 3166-2 code such as US-CA")
                           .arg(text.trimmed()));
    if (country.isEmpty())
        return invalid(
            QStringLiteral("region '%1' needs its country (%2)").arg(region, match.captured(1)));
    if (match.captured(1) != country)
        return invalid(QStringLiteral("region '%1' is not in country %2").arg(region, country));
    return region;
}

Result<QString> readCurrency(const QString& text) {
    const QString code = text.trimmed().toUpper();
    if (code.isEmpty())
        return invalid(QStringLiteral("currency is empty; give an ISO 4217 code such as USD"));
    if (isKnownCurrency(code))
        return code;
    return invalid(
        QStringLiteral("currency '%1' is not the ISO 4217 code of a currency in use, such as "
                       "USD, EUR or GBP")
            .arg(text.trimmed()));
}

Result<QString> readTaxId(const QString& text) {
    const QString given = text.trimmed();
    QString stored;
    qsizetype significant = 0;
    bool hasDigit = false;
    for (const QChar c : given) {
        if (!isAsciiLetterOrDigit(c) && !isTaxIdSeparator(c))
            return invalid(QStringLiteral("tax id '%1': a tax id has no '%2' (%3); use letters, "
                                          "digits, spaces, '-', '.' and '/'")
                               .arg(given, QString(c), codePoint(c)));
        if (isAsciiLetterOrDigit(c)) {
            ++significant;
            hasDigit = hasDigit || c.isDigit();
        }
        if (c != u' ' && c != u'.')
            stored += c.toUpper();
    }
    if (given.isEmpty())
        return QString();
    if (significant < 2 || significant > kMaxTaxIdCharacters)
        return invalid(QStringLiteral("tax id '%1' has %2 letters and digits; a tax id has 2 to %3")
                           .arg(given)
                           .arg(significant)
                           .arg(kMaxTaxIdCharacters));
    if (!hasDigit)
        return invalid(
            QStringLiteral("tax id '%1' has no digit; every tax id has some").arg(given));
    if (stored.size() > kMaxStoredTaxIdLength)
        return invalid(
            QStringLiteral("tax id '%1' has more separators than a tax id has").arg(given));
    return stored;
}

// Deliberately loose: one '@' with text on both sides and a dot in the
// domain catches typos without refusing real addresses.
bool looksLikeEmail(const QString& email) {
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at != email.lastIndexOf(u'@'))
        return false;
    const QStringView domain = QStringView(email).mid(at + 1);
    const qsizetype dot = domain.indexOf(u'.');
    if (dot <= 0 || dot == domain.size() - 1)
        return false;
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

Result<QString> readEmail(const QString& text) {
    const QString email = text.trimmed();
    AICP_TRY(refuseLonger(QStringLiteral("email"), email, kMaxEmailLength));
    if (!email.isEmpty() && !looksLikeEmail(email))
        return invalid(QStringLiteral("email '%1' is not an email address").arg(email));
    return email;
}

Result<QString> readLine(const QString& field, const QString& text, qsizetype maxLength) {
    const QString line = text.trimmed();
    AICP_TRY(refuseControls(field, line, false));
    AICP_TRY(refuseLonger(field, line, maxLength));
    return line;
}

Result<QString> readLines(const QString& field, const QString& text, qsizetype maxLength) {
    QString lines = text;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    lines.replace(u'\r', u'\n');
    lines = lines.trimmed();
    AICP_TRY(refuseControls(field, lines, true));
    AICP_TRY(refuseLonger(field, lines, maxLength));
    return lines;
}

}  // namespace aicp
