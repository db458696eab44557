#include "billing/costreport.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "documents/financepdf.h"

namespace aicp::cli {
namespace {

const QStringList kReportFormats{QStringLiteral("csv"), QStringLiteral("json"),
                                 QStringLiteral("pdf")};

Result<QStringList> customerList(const QStringList& values) {
    QStringList customers;
    for (const QString& value : values) {
        auto items = parseList(QStringLiteral("--customer"), value);
        if (!items)
            return items.error();
        if (items->isEmpty())
            return Error::invalidInput(QStringLiteral("--customer needs a value"));
        customers += *items;
    }
    return customers;
}

Result<QByteArray> renderReport(const CostReport& report, const QString& format,
                                const Workspace& workspace) {
    if (format == QLatin1String("csv"))
        return costReportCsv(report);
    if (format == QLatin1String("json"))
        return costReportJson(report);
    return costReportPdf(report, documentStamp(workspace));
}

class CostReportCommand final : public Command {
public:
    CostReportCommand() : Command(QStringLiteral("report cost")) {
        ownOptions_ = {month_, customer_, format_, output_};
    }

    // A PDF needs fonts, which only the GUI layer loads.
    bool needsGui(const QCommandLineParser& parser) const override {
        const auto format =
            chosenFormat(parser.value(format_), parser.value(output_), kReportFormats);
        return format && *format == QLatin1String("pdf");
    }

private:
    const QCommandLineOption month_ = monthOption();
    const QCommandLineOption customer_ = customerIdOption(
        QStringLiteral("A customer to report; repeat it (or give a,b,c) for several. Default: "
                       "every customer."));
    const QCommandLineOption format_{
        QStringLiteral("format"),
        QStringLiteral("csv, json or pdf. Default: by the -o file's extension, else csv."),
        QStringLiteral("FMT")};
    const QCommandLineOption output_ =
        outputOption(QStringLiteral("Write the report to FILE (replaced whole) instead of "
                                    "standard output."));

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(yearMonth, requiredMonth(call, month_), fail);
        AICP_CLI_TRY(customers, customerList(call.parser().values(customer_)), fail);
        AICP_CLI_TRY(path, call.value(output_), fail);
        AICP_CLI_TRY(formatText, call.value(format_), fail);
        const auto format = chosenFormat(*formatText, *path, kReportFormats);
        if (!format)
            return call.usage(
                QStringLiteral("--format must be csv, json or pdf (got '%1')").arg(*formatText));
        const bool pdf = *format == QLatin1String("pdf");
        if (pdf && (path->isEmpty() || *path == QLatin1String("-")) && stdoutIsTerminal())
            return call.usage(
                QStringLiteral("a PDF is not written to a terminal; give -o FILE or redirect "
                               "standard output"));
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(report, costReportFor(**workspace, *yearMonth, *customers), fail);
        AICP_CLI_TRY(bytes, renderReport(*report, *format, **workspace), failure);
        return emitDocument(call.context(), name(), *path, *bytes, pdf);
    }
};

}  // namespace

const CommandGroup& reportCommands() {
    static const CostReportCommand cost;
    static const CommandGroup group{
        QStringLiteral("report"),
        QStringLiteral("Finance reports. Invoices are under 'aicp invoice'."),
        {&cost}};
    return group;
}

}  // namespace aicp::cli
