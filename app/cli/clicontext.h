#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"
#include "money/money.h"
#include "pricing/pricebook.h"
#include "storage/workspace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace aicp::cli {

// The exit statuses scripts rely on (README, "Command line").
enum ExitStatus : int {
    kExitSuccess = 0,
    kExitFailure = 1,  // the operation was understood but failed
    kExitUsage = 2,    // a mistake in the command line
};

// What every command gets: the output streams and the global options.
struct CliContext {
    QTextStream& out;
    QTextStream& err;
    QString globalDbPath;  // --db before the command; empty when not given

    // Print "aicp: <message>" as one line on stderr and return the status.
    int usageError(const QString& message) const;
    int failure(const QString& message) const;
    int failure(const Error& error) const { return failure(error.message()); }
    // Input the command line got wrong (an unknown tier, a malformed count)
    // is a usage error; anything else that failed is a failure.
    int reportError(const Error& error) const;

    // --db given to the command itself wins only when it agrees with the
    // global one; otherwise $AICP_DB, then the per-user default.
    [[nodiscard]] Result<QString> workspacePath(const QString& commandDbPath = {}) const;
    [[nodiscard]] Result<std::unique_ptr<Workspace>> openWorkspace() const;
    // The workspace, which must exist already (NotFound, naming the file and
    // how to make one, otherwise): commands that read or use keys never
    // create an empty workspace as a side effect.
    [[nodiscard]] Result<std::unique_ptr<Workspace>> openExistingWorkspace() const;
    // Whether there is a file at the workspace path (false when the path
    // cannot even be worked out).
    [[nodiscard]] bool workspaceExists() const;
};

// Scripts read the text output too, so figures never follow the user's
// locale: "$1,234.56" and "1,000,000" everywhere.
[[nodiscard]] const QLocale& cliLocale();
// An amount in cliLocale(): "$1,234.56", "€9.00".
[[nodiscard]] QString cliMoney(Money amount, const QString& currency);

// QCommandLineParser's messages ("Unknown option 'x'.") in the lower-case
// style of ours, so every error line reads alike.
[[nodiscard]] QString parserError(const QCommandLineParser& parser);

// The prices a command works with: the version of `book` in force today
// (UTC), or its earliest when the book only starts later; an error when the
// book has no version at all.
[[nodiscard]] Result<PriceBookVersion> pricesInForceToday(const PriceBook& book);
// The same for the workspace's price book.
[[nodiscard]] Result<PriceBookVersion> pricesInForceToday(const Workspace& workspace);

// The help screen of one command, printed by `--help`.
struct CommandHelp {
    QStringList usage;  // one line per form, without the leading "aicp "
    QString summary;
    QList<QCommandLineOption> options;
    QString details;  // paragraphs after the options (exit status, examples)
};

[[nodiscard]] QString formatHelp(const CommandHelp& help);
[[nodiscard]] QCommandLineOption helpOption();

// The one value of a value option; an option given twice is a usage error
// rather than a silent "last one wins".
[[nodiscard]] Result<QString> singleValue(const QCommandLineParser& parser,
                                          const QCommandLineOption& option);
// The same, and not blank when the option is given: "--tier ''" is a
// mistake, not "no tier".
[[nodiscard]] Result<QString> givenValue(const QCommandLineParser& parser,
                                         const QCommandLineOption& option);

// A whole number of 0 or more, written with digits only: no sign, no
// exponent, no grouping, no trailing garbage ("12abc", "1e6" are refused).
[[nodiscard]] Result<std::int64_t> parseCount(const QString& optionName, const QString& text);

// A --from or --to date: YYYY-MM-DD exactly.
[[nodiscard]] Result<QDate> parseDate(const QString& optionName, const QString& text);

// "a,b,c" with spaces around items tolerated; an empty item is refused.
[[nodiscard]] Result<QStringList> parseList(const QString& optionName, const QString& text);

// The contents of a file named on the command line, or of standard input
// when it is "-". Anything larger than `maxSize` is refused unread.
[[nodiscard]] Result<QByteArray> readInputFile(const QString& path, qsizetype maxSize);
// What a key or license PEM may be at most.
constexpr qsizetype kMaxPemSize = 64 * 1024;

// Replaces `path` with `bytes` all at once (a reader never sees half a file).
[[nodiscard]] Status writeOutputFile(const QString& path, QByteArrayView bytes);

// The options several commands share, worded alike wherever they appear.
[[nodiscard]] QCommandLineOption jsonOption(const QString& what);  // "Print <what> as JSON."
[[nodiscard]] QCommandLineOption outputOption(const QString& description);  // -o, --output FILE
[[nodiscard]] QCommandLineOption auditTierOption();
[[nodiscard]] QCommandLineOption discountOption();
[[nodiscard]] QCommandLineOption billingPeriodOption();
// --commitment AMOUNT/PERIOD; `more` ends its description.
[[nodiscard]] QCommandLineOption commitmentOption(const QString& more = {});

// --billing-period: "monthly" or "annual".
[[nodiscard]] Result<BillingPeriod> parseBillingPeriod(const QString& text);

// --discount as people write it: "12.5" or "12.5%".
[[nodiscard]] Result<Percent> parseDiscount(const QString& text);

// Where a command's product (a PEM, a revocation list) goes: standard output
// when `path` is empty or "-", else the file, replaced whole. Returns the exit
// status when the command is finished (printed, or the file could not be
// written); nullopt once the file is written, for the caller to say so.
[[nodiscard]] std::optional<int> printOrWriteFile(const CliContext& context, const QString& command,
                                                  const QString& path, const QByteArray& bytes);

// A field of a text listing: "-" when empty.
[[nodiscard]] inline QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// Indented JSON with a final line break, as every --json prints it.
[[nodiscard]] QString printedJson(const QJsonObject& object);

// {"<name>": [item, …]}, the shape of every --json listing.
template <typename Items, typename ToJson>
[[nodiscard]] QString printedJsonList(const QString& name, const Items& items, ToJson toJson) {
    QJsonArray array;
    for (const auto& item : items)
        array.append(toJson(item));
    return printedJson({{name, array}});
}

}  // namespace aicp::cli
