#include "audit/auditlog.h"
#include "billing/costreport.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "documents/financepdf.h"

#include <QDir>

namespace aicp::cli {
namespace {

int runCost(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("report cost");
    const QCommandLineOption month = monthOption();
    const QCommandLineOption customer = customerIdOption(
        QStringLiteral("A customer to report; repeat it (or give a,b,c) for several. Default: "
                       "every customer."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("csv, json or pdf. Default: by the -o file's extension, else csv."),
        QStringLiteral("FMT"));
    const QCommandLineOption output =
        outputOption(QStringLiteral("Write the report to FILE (replaced whole) instead of "
                                    "standard output."));
    CommandHelp help;
    help.usage = {
        QStringLiteral("[--db FILE] report cost --month YYYY-MM [--customer ID]... "
                       "[--format csv|json|pdf] [-o FILE]")};
    help.summary = QStringLiteral(
        "The finance cost report of one month: one row per customer and pricing axis (base, "
        "requests, policy_packs, compliance_modules, seats, audit, discount; zero included), "
        "each customer's total, a subtotal per axis and the grand total, from the bills as "
        "computed now (issued invoices are not read). The same workspace, month and customers "
        "give the same CSV and JSON bytes here and in the console.");
    help.options = {month, customer, format, output, helpOption()};
    help.details = QStringLiteral(
        "CSV (RFC 4180, UTF-8, LF): month,kind,customer_id,customer_name,axis,amount,currency "
        "with kind line, customer_total, axis_subtotal or grand_total; amounts are decimals "
        "with two places. JSON: {\"month\", \"currency\", \"customers\" [{id, name, licensed, "
        "axes [{axis, amount}], total, findings}], \"subtotals\" [{axis, amount}], \"total\"}. "
        "PDF: an A4 document with a header, the table by customer and axis, the subtotals and "
        "the grand total, and page numbers; it is never written to a terminal.\n\n"
        "Exit status: 0 written, 1 the workspace could not be read or the file written, 2 a "
        "mistake in the command line (an unknown customer included).\n\n"
        "Examples:\n"
        "  aicp report cost --month 2026-10 > cost-2026-10.csv\n"
        "  aicp report cost --month 2026-10 --customer acme-corp --customer globex --format json\n"
        "  aicp report cost --month 2026-10 -o cost-2026-10.pdf");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto yearMonth = requiredMonth(context, parser, month, command, status);
    if (!yearMonth)
        return status;
    QStringList customers;
    for (const QString& value : parser.values(customer)) {
        auto items = parseList(QStringLiteral("--customer"), value);
        if (!items)
            return context.usageError(items.error().withContext(command).message());
        if (items->isEmpty())
            return context.usageError(QStringLiteral("%1: --customer needs a value").arg(command));
        customers += *items;
    }
    const auto path = optionValue(context, parser, output, command, status);
    if (!path)
        return status;
    const auto formatText = optionValue(context, parser, format, command, status);
    if (!formatText)
        return status;
    QString chosen = formatText->toLower();
    if (chosen.isEmpty()) {
        const QString suffix = QFileInfo(*path).suffix().toLower();
        chosen = (suffix == QLatin1String("json") || suffix == QLatin1String("pdf"))
                     ? suffix
                     : QStringLiteral("csv");
    }
    if (chosen != QLatin1String("csv") && chosen != QLatin1String("json") &&
        chosen != QLatin1String("pdf"))
        return context.usageError(QStringLiteral("%1: --format must be csv, json or pdf (got '%2')")
                                      .arg(command, *formatText));
    const bool pdf = chosen == QLatin1String("pdf");
    if (pdf && (path->isEmpty() || *path == QLatin1String("-")) && stdoutIsTerminal())
        return context.usageError(
            QStringLiteral("%1: a PDF is not written to a terminal; give -o FILE or redirect "
                           "standard output")
                .arg(command));

    auto workspace = context.openExistingWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto report = costReportFor(**workspace, *yearMonth, customers);
    if (!report)
        return context.reportError(report.error().withContext(command));

    QByteArray bytes;
    if (chosen == QLatin1String("csv")) {
        bytes = costReportCsv(*report);
    } else if (chosen == QLatin1String("json")) {
        bytes = costReportJson(*report);
    } else {
        auto rendered =
            costReportPdf(*report, {QDateTime::currentDateTimeUtc(), AuditLog::currentActor(),
                                    QDir::toNativeSeparators((*workspace)->path())});
        if (!rendered)
            return context.failure(rendered.error().withContext(command));
        bytes = std::move(rendered).value();
    }
    return emitDocument(context, command, *path, bytes, pdf);
}

}  // namespace

int runReportCommand(const CliContext& context, const QStringList& arguments) {
    static constexpr Subcommand kSubcommands[] = {
        {"cost", "The finance cost report of a month by customer and pricing axis (CSV, JSON, PDF)",
         &runCost},
    };
    return runSubcommand(context, QStringLiteral("report"),
                         QStringLiteral("Finance reports. Invoices are under 'aicp invoice'."),
                         kSubcommands, arguments);
}

}  // namespace aicp::cli
