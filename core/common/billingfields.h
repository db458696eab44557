#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>

namespace aicp {

// The fields a seller's and a customer's billing profile share, each read
// from what a person typed into its stored form, or refused with an error
// that names the field and says why ("country 'UK' is not an ISO 3166-1
// alpha-2 code; the United Kingdom is GB"). `field` is the field's name in
// that message ("country", "tax id"). Empty input is an empty field (not
// given) for every one of them.

// ISO 3166-1 alpha-2: the 249 officially assigned codes, upper case.
[[nodiscard]] bool isKnownCountry(QStringView code);
// ISO 4217: the active codes of national and regional currencies (no funds,
// precious metals, SDR or test codes), upper case.
[[nodiscard]] bool isKnownCurrency(QStringView code);

// Trimmed and upper-cased; an unknown code is refused.
[[nodiscard]] Result<QString> readCountry(const QString& text);
// A region: an ISO 3166-2 subdivision code of `country`: the country, '-', then one
// to three letters or digits ("US-CA", "CA-QC", "ES-CN"). Trimmed and
// upper-cased; empty is the whole country. The error names the field.
[[nodiscard]] Result<QString> readRegion(const QString& text, const QString& country);

// Trimmed and upper-cased; empty or unknown is refused (a billing currency
// is always there).
[[nodiscard]] Result<QString> readCurrency(const QString& text);

// A tax id (VAT number, EIN, GSTIN, ABN …) as invoices print it and tax
// rules compare it: letters, digits, spaces, '-', '.' and '/' are accepted;
// it is stored upper-cased without spaces and dots ("de 123.456.789" is
// DE123456789), keeping '-' and '/', which some national formats need. It
// has 2 to kMaxTaxIdCharacters letters and digits, at least one of them a
// digit; any other character is refused.
inline constexpr qsizetype kMaxTaxIdCharacters = 20;
inline constexpr qsizetype kMaxStoredTaxIdLength = 30;
[[nodiscard]] Result<QString> readTaxId(const QString& text);

// Trimmed; an address that is not one is refused (one '@' with text on both
// sides and a dot in the domain, no spaces, at most 254 characters).
inline constexpr qsizetype kMaxEmailLength = 254;
[[nodiscard]] bool looksLikeEmail(const QString& email);
[[nodiscard]] Result<QString> readEmail(const QString& text);

// One line of text (a name): trimmed, at most `maxLength` characters, no
// control characters.
[[nodiscard]] Result<QString> readLine(const QString& field, const QString& text,
                                       qsizetype maxLength);
// Text of several lines (an address, payment instructions): line ends made
// "\n", trimmed at both ends, at most `maxLength` characters, no other
// control characters.
[[nodiscard]] Result<QString> readLines(const QString& field, const QString& text,
                                        qsizetype maxLength);

}  // namespace aicp
