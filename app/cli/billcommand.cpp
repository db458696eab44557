#include "billing/monthlybilling.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "money/moneyformat.h"

namespace aicp::cli {
namespace {

QString billText(const MonthlyBill& bill) {
    QString text;
    QTextStream out(&text);
    const QLocale& locale = cliLocale();
    const auto money = [&](Money amount) { return formatMoney(amount, locale, bill.currency); };
    out << QStringLiteral("Bill for %1 (%2), %3 — computed, not issued\n")
               .arg(bill.customerName, bill.customerId, bill.month.toString());
    out << QStringLiteral("Requests %1, active users %2, active agents %3\n\n")
               .arg(locale.toString(qint64(bill.requests)),
                    locale.toString(qint64(bill.activeUsers)),
                    locale.toString(qint64(bill.activeAgents)));
    if (!bill.hasLicense())
        out << "No license was in force during the month.\n";
    for (std::size_t i = 0; i < bill.segments.size(); ++i) {
        const BillingSegment& segment = bill.segments[i];
        out << QStringLiteral("Segment %1: %2, %3 to %4, license %5, price book %6\n")
                   .arg(i + 1)
                   .arg(segment.tier, toRfc3339(segment.start), toRfc3339(segment.end),
                        segment.licenseId.toString(QUuid::WithoutBraces), segment.priceBookVersion);
        TextTable table({QStringLiteral("Line"), QStringLiteral("Quantity"),
                         QStringLiteral("Unit price"), QStringLiteral("Amount")},
                        {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right});
        for (const MonthlyBillLine& line : bill.lines) {
            if (line.segment != i)
                continue;
            table.addRow({line.description, locale.toString(qint64(line.quantity)),
                          line.unitPrice ? money(*line.unitPrice) : QString(), money(line.amount)});
        }
        out << table.render(2) << '\n';
    }
    if (!bill.findings.empty()) {
        out << "Findings (shown, never charged):\n";
        for (const BillFinding& finding : bill.findings)
            out << "  - " << finding.message << '\n';
        out << '\n';
    }
    if (bill.taxTreatment != TaxTreatment::None) {
        out << QStringLiteral("Net: %1\n").arg(money(bill.net));
        for (const TaxSummary& tax :
             taxSummary(bill.taxTreatment, bill.taxName, bill.taxRate, bill.tax))
            out << QStringLiteral("%1 %2 %: %3\n")
                       .arg(tax.name, tax.rate.toDecimalString(), money(tax.amount));
        if (const QString legend = taxLegend(bill.taxTreatment); !legend.isEmpty())
            out << legend << '\n';
    }
    out << QStringLiteral("Total: %1\n").arg(money(bill.total));
    out.flush();
    return text;
}

class BillCommand final : public Command {
public:
    BillCommand() : Command(QStringLiteral("bill")) { ownOptions_ = {customer_, month_}; }

private:
    const QCommandLineOption customer_ =
        customerIdOption(QStringLiteral("The customer to bill; in a customer workspace, default: "
                                        "the customer whose licenses it holds."));
    const QCommandLineOption month_ = monthOption();

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, call.customer(customer_), fail);
        AICP_CLI_TRY(yearMonth, requiredMonth(call, month_), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(bill, MonthlyBilling(**workspace).bill(*customerId, *yearMonth), fail);
        return call.print(monthlyBillToJson(*bill), billText(*bill));
    }
};

}  // namespace

const Command& billCommand() {
    static const BillCommand command;
    return command;
}

}  // namespace aicp::cli
