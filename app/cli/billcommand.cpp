#include "billing/monthlybilling.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "money/moneyformat.h"

namespace aicp::cli {

int runBillCommand(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("bill");
    const QCommandLineOption customer = customerIdOption(QStringLiteral("The customer to bill."));
    const QCommandLineOption month = monthOption();
    const QCommandLineOption json = jsonOption(QStringLiteral("the bill"));
    CommandHelp help;
    help.usage = {QStringLiteral("[--db FILE] bill --customer ID --month YYYY-MM [--json]")};
    help.summary = QStringLiteral(
        "The computed bill of one customer for one month, as it stands now: the licenses in "
        "force (segments, prorated by the second), one line per segment and pricing axis, the "
        "findings it shows but never charges (requests over a hard cap, seats or agents over "
        "the license, usage without a license) and the total. Nothing is stored; "
        "'aicp invoice issue' issues it.");
    help.options = {customer, month, json, helpOption()};
    help.details = QStringLiteral(
        "JSON: {\"customer\" {id, name}, \"month\", \"currency\", \"period_start\", "
        "\"period_end\", \"month_seconds\", \"requests\", \"active_users\", \"active_agents\", "
        "\"licensed\", \"segments\" [...], \"lines\" [{segment, axis, description, quantity, "
        "unit_price, monthly_amount, amount}], \"findings\" [{kind, used, allowed, segment, "
        "message}], \"total\"}; amounts are decimal strings.\n\n"
        "Exit status: 0 printed, 1 the workspace could not be read, 2 a mistake in the command "
        "line (an unknown customer included).\n\n"
        "Example:\n"
        "  aicp bill --customer acme-corp --month 2026-10 --json");
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto customerId = requiredCustomer(context, parser, customer, command, status);
    if (!customerId)
        return status;
    const auto yearMonth = requiredMonth(context, parser, month, command, status);
    if (!yearMonth)
        return status;

    auto workspace = context.openExistingWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));
    auto bill = MonthlyBilling(**workspace).bill(*customerId, *yearMonth);
    if (!bill)
        return context.reportError(bill.error().withContext(command));

    if (parser.isSet(json)) {
        context.out << printedJson(monthlyBillToJson(*bill));
        return kExitSuccess;
    }
    const QLocale& locale = cliLocale();
    const auto money = [&](Money amount) { return formatMoney(amount, locale, bill->currency); };
    context.out << QStringLiteral("Bill for %1 (%2), %3 — computed, not issued\n")
                       .arg(bill->customerName, bill->customerId, bill->month.toString());
    context.out << QStringLiteral("Requests %1, active users %2, active agents %3\n\n")
                       .arg(locale.toString(qint64(bill->requests)),
                            locale.toString(qint64(bill->activeUsers)),
                            locale.toString(qint64(bill->activeAgents)));
    if (!bill->hasLicense())
        context.out << "No license was in force during the month.\n";
    for (std::size_t i = 0; i < bill->segments.size(); ++i) {
        const BillingSegment& segment = bill->segments[i];
        context.out << QStringLiteral("Segment %1: %2, %3 to %4, license %5, price book %6\n")
                           .arg(i + 1)
                           .arg(segment.tier, toRfc3339(segment.start), toRfc3339(segment.end),
                                segment.licenseId.toString(QUuid::WithoutBraces),
                                segment.priceBookVersion);
        TextTable table({QStringLiteral("Line"), QStringLiteral("Quantity"),
                         QStringLiteral("Unit price"), QStringLiteral("Amount")},
                        {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right});
        for (const MonthlyBillLine& line : bill->lines) {
            if (line.segment != i)
                continue;
            table.addRow({line.description, locale.toString(qint64(line.quantity)),
                          line.unitPrice ? money(*line.unitPrice) : QString(), money(line.amount)});
        }
        context.out << table.render(2) << '\n';
    }
    if (!bill->findings.empty()) {
        context.out << "Findings (shown, never charged):\n";
        for (const BillFinding& finding : bill->findings)
            context.out << "  - " << finding.message << '\n';
        context.out << '\n';
    }
    context.out << QStringLiteral("Total: %1\n").arg(money(bill->total));
    return kExitSuccess;
}

}  // namespace aicp::cli
