#include "accounting/ledger.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "money/money.h"

namespace aicp::cli {
namespace {

Result<QDate> optionalDate(Invocation& call, const QCommandLineOption& option,
                           const QString& name) {
    if (!call.isSet(option))
        return QDate();
    auto text = call.value(option);
    if (!text)
        return text.error();
    return parseDate(name, text->trimmed());
}

// "USD: 2,533.57 debit = 2,533.57 credit" per currency, for the line that
// says what was written.
QString totalsText(const Ledger& ledger) {
    QStringList parts;
    for (const auto& [currency, totals] : ledger.totals)
        parts.append(QStringLiteral("%1 %2 debit = %3 credit")
                         .arg(currency, cliMoney(totals.debit, currency),
                              cliMoney(totals.credit, currency)));
    return parts.isEmpty() ? QStringLiteral("nothing to post") : parts.join(QStringLiteral("; "));
}

class ExportLedger final : public Command {
public:
    ExportLedger() : Command(QStringLiteral("ledger export")) {
        ownOptions_ = {from_, to_, format_, output_};
    }

private:
    const QCommandLineOption from_{
        QStringLiteral("from"),
        QStringLiteral("The first day to export (YYYY-MM-DD, UTC). Default: the first posting."),
        QStringLiteral("DATE")};
    const QCommandLineOption to_{
        QStringLiteral("to"),
        QStringLiteral("The last day to export (YYYY-MM-DD, UTC), included. Default: today."),
        QStringLiteral("DATE")};
    const QCommandLineOption format_{
        QStringLiteral("format"),
        QStringLiteral("csv or json. Default: by the -o file's extension, else csv."),
        QStringLiteral("FMT")};
    const QCommandLineOption output_ = outputOption(
        QStringLiteral("Write the ledger to FILE (replaced whole) instead of standard output."));

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(from, optionalDate(call, from_, QStringLiteral("--from")), fail);
        AICP_CLI_TRY(to, optionalDate(call, to_, QStringLiteral("--to")), fail);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDate last = to->isValid() ? *to : now.date();
        if (from->isValid() && *from > last)
            return call.usage(QStringLiteral("--from %1 is after --to %2")
                                  .arg(from->toString(Qt::ISODate), last.toString(Qt::ISODate)));
        AICP_CLI_TRY(path, call.value(output_), fail);
        AICP_CLI_TRY(formatText, call.value(format_), fail);
        const auto format =
            chosenFormat(*formatText, *path, {QStringLiteral("csv"), QStringLiteral("json")});
        if (!format)
            return call.usage(
                QStringLiteral("--format must be csv or json (got '%1')").arg(*formatText));
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(ledger, ledgerFor(**workspace, *from, last, now), failure);
        const QByteArray bytes =
            *format == QLatin1String("json") ? ledgerJson(*ledger) : ledgerCsv(*ledger);
        const int status = emitDocument(call.context(), name(), *path, bytes, false);
        if (status == kExitSuccess && !path->isEmpty() && *path != QLatin1String("-"))
            call.out() << QStringLiteral("Wrote %1 postings to %2 (%3).\n")
                              .arg(ledger->postings.size())
                              .arg(*path, totalsText(*ledger));
        return status;
    }
};

}  // namespace

const CommandGroup& ledgerCommands() {
    static const ExportLedger exportLedger;
    static const CommandGroup group{
        QStringLiteral("ledger"),
        QStringLiteral("Double-entry postings of every invoice, credit note, payment and credit "
                       "grant, for an accounting system."),
        {&exportLedger}};
    return group;
}

}  // namespace aicp::cli
