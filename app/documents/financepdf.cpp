#include "documents/financepdf.h"

#include "documents/pdfdocument.h"
#include "licensing/licensepayload.h"
#include "money/moneyformat.h"

namespace aicp {

namespace {

constexpr const char* kProduct = "AI Control Plane";

QString axisHeader(BillAxis axis) {
    switch (axis) {
        case BillAxis::Base:
            return QStringLiteral("Base");
        case BillAxis::Requests:
            return QStringLiteral("Requests");
        case BillAxis::PolicyPacks:
            return QStringLiteral("Policy packs");
        case BillAxis::ComplianceModules:
            return QStringLiteral("Compliance");
        case BillAxis::Seats:
            return QStringLiteral("Seats");
        case BillAxis::Audit:
            return QStringLiteral("Audit");
        case BillAxis::Discount:
            return QStringLiteral("Discount");
        case BillAxis::PrepaidUnused:
            return QStringLiteral("Prepaid unused");
        case BillAxis::CommitmentTrueUp:
            return QStringLiteral("True-up");
    }
    return {};
}

QString money(Money amount, const QString& currency) {
    return formatMoney(amount, documentLocale(), currency);
}

QString stampText(const DocumentStamp& stamp) {
    QString text = toRfc3339(stamp.generatedAt.isValid() ? stamp.generatedAt
                                                         : QDateTime::currentDateTimeUtc());
    if (!stamp.generatedBy.isEmpty())
        text += QStringLiteral(" by ") + stamp.generatedBy;
    return text;
}

QString customersText(const CostReport& report) {
    const auto size = report.customers.size();
    if (size == 0)
        return QStringLiteral("none");
    QStringList ids;
    for (std::size_t i = 0; i < std::min<std::size_t>(size, 6); ++i)
        ids.append(report.customers[i].id);
    QString text =
        QStringLiteral("%1 (%2").arg(documentCount(qint64(size)), ids.join(QStringLiteral(", ")));
    if (size > 6)
        text += QStringLiteral(", …");
    return text + u')';
}

QString grandTotalsText(const CostReport& report) {
    QStringList totals;
    for (const CostReportTotals& currency : report.currencies)
        totals.append(money(currency.total, currency.currency));
    return totals.join(QStringLiteral(" · "));
}

// The table by customer, for the customers billed in `totals.currency`: a
// column per axis shown, then the net, and tax and total when taxed.
PdfTable customerTable(const CostReport& report, const CostReportTotals& totals,
                       const std::vector<std::size_t>& shown) {
    const QString& currency = totals.currency;
    const bool taxed = !totals.taxes.empty();
    PdfTable table;
    table.caption = QStringLiteral("Cost by customer and pricing axis");
    if (report.mixesCurrencies())
        table.caption += QStringLiteral(", %1").arg(currency);
    table.columns.push_back({QStringLiteral("Customer"), 3.0, PdfTable::Align::Left});
    for (std::size_t i : shown)
        table.columns.push_back(
            {axisHeader(totals.subtotals[i].axis), 1.2, PdfTable::Align::Right});
    table.columns.push_back({QStringLiteral("Net"), 1.3, PdfTable::Align::Right});
    if (taxed) {
        table.columns.push_back({QStringLiteral("Tax"), 1.2, PdfTable::Align::Right});
        table.columns.push_back({QStringLiteral("Total"), 1.3, PdfTable::Align::Right});
    }
    const auto amounts = [&](QStringList cells, Money net, Money tax, Money total) {
        cells.append(money(net, currency));
        if (taxed)
            cells << money(tax, currency) << money(total, currency);
        return cells;
    };
    for (const CostReportCustomer& customer : report.customers) {
        if (customer.currency != currency)
            continue;
        QStringList cells{customer.name.isEmpty()
                              ? customer.id
                              : QStringLiteral("%1 (%2)").arg(customer.name, customer.id)};
        for (std::size_t i : shown)
            cells.append(money(customer.rows[i].amount, currency));
        table.rows.push_back({amounts(cells, customer.net, customer.tax, customer.total), false});
    }
    QStringList subtotals{QStringLiteral("Subtotal per axis")};
    for (std::size_t i : shown)
        subtotals.append(money(totals.subtotals[i].amount, currency));
    table.rows.push_back({amounts(subtotals, totals.net, totals.tax, totals.total), true});
    return table;
}

// The totals of one currency: each axis shown, the net, the tax per rate and
// the grand total.
PdfTable axisTable(const CostReport& report, const CostReportTotals& totals,
                   const std::vector<std::size_t>& shown) {
    const QString& currency = totals.currency;
    PdfTable table;
    table.caption = QStringLiteral("Totals by pricing axis");
    if (report.mixesCurrencies())
        table.caption += QStringLiteral(", %1").arg(currency);
    table.columns = {{QStringLiteral("Pricing axis"), 3, PdfTable::Align::Left},
                     {QStringLiteral("Subtotal"), 1, PdfTable::Align::Right}};
    for (std::size_t i : shown)
        table.rows.push_back(
            {{axisHeader(totals.subtotals[i].axis), money(totals.subtotals[i].amount, currency)},
             false});
    if (!totals.taxes.empty()) {
        table.rows.push_back({{QStringLiteral("Net"), money(totals.net, currency)}, true});
        for (const TaxSummary& tax : totals.taxes)
            table.rows.push_back({{taxRateLabel(tax), money(tax.amount, currency)}, false});
    }
    table.rows.push_back({{QStringLiteral("Grand total"), money(totals.total, currency)}, true});
    return table;
}

}  // namespace

Result<QByteArray> costReportPdf(const CostReport& report, const DocumentStamp& stamp) {
    PdfDocument document;
    document.title = QStringLiteral("Cost report %1").arg(report.month.toString());
    document.landscape = true;  // a column per pricing axis
    document.subtitle =
        QString::fromLatin1(kProduct) + QStringLiteral(" — by customer and pricing axis");
    QStringList currencies;
    for (const CostReportTotals& totals : report.currencies)
        currencies.append(totals.currency);
    document.facts = {
        {QStringLiteral("Product"), QString::fromLatin1(kProduct)},
        {QStringLiteral("Month"),
         QStringLiteral("%1 (UTC calendar month)").arg(report.month.toString())},
        {QStringLiteral("Customers"), customersText(report)},
        {currencies.size() > 1 ? QStringLiteral("Currencies") : QStringLiteral("Currency"),
         currencies.join(QStringLiteral(", "))},
        {QStringLiteral("Grand total"), grandTotalsText(report)},
        {QStringLiteral("Generated"), stampText(stamp)},
    };
    if (!stamp.workspace.isEmpty())
        document.facts.emplace_back(QStringLiteral("Workspace"), stamp.workspace);

    for (const CostReportTotals& totals : report.currencies) {
        // The contract axes (prepaid credits, commitment true-ups) get a
        // column only in a month that has them; the CSV and JSON always
        // list them.
        std::vector<std::size_t> shown;
        for (std::size_t i = 0; i < totals.subtotals.size(); ++i) {
            if (!billAxisIsContractAdjustment(totals.subtotals[i].axis) ||
                !totals.subtotals[i].amount.isZero())
                shown.push_back(i);
        }
        document.tables.push_back(customerTable(report, totals, shown));
        document.tables.push_back(axisTable(report, totals, shown));
    }

    document.notes = {
        QStringLiteral("Amounts are computed bills, not issued invoices: each line is rounded "
                       "once to cents, half away from zero, and every total is the sum of rounded "
                       "lines. Discount is negative. Tax is each line's net times the customer's "
                       "rate, rounded once per line. Each currency is totalled apart; amounts "
                       "of two currencies are never added. The CSV and JSON exports of the same "
                       "month and customers carry the same figures.")};
    document.footer = QStringLiteral("%1 · cost report %2 · %3")
                          .arg(QString::fromLatin1(kProduct), report.month.toString(),
                               currencies.join(QStringLiteral(", ")));
    return renderPdf(document);
}

namespace {

// The lines of a party's block: its legal name, address, country (and
// region), tax id and email, each when it has one.
QStringList partyLines(const QJsonObject& party) {
    const auto field = [&](const char* key) { return party.value(QLatin1String(key)).toString(); };
    QStringList lines{field("legal_name").isEmpty() ? field("name") : field("legal_name")};
    lines += field("address").split(u'\n', Qt::SkipEmptyParts);
    if (!field("country").isEmpty())
        lines.append(field("region").isEmpty()
                         ? field("country")
                         : QStringLiteral("%1 (%2)").arg(field("country"), field("region")));
    if (!field("tax_id").isEmpty())
        lines.append(QStringLiteral("Tax id %1").arg(field("tax_id")));
    if (!field("email").isEmpty())
        lines.append(field("email"));
    return lines;
}

void addInvoiceFacts(PdfDocument& document, const Invoice& invoice, const DocumentStamp& stamp) {
    if (!invoice.seller.isEmpty())
        document.blocks.push_back({QStringLiteral("From"), partyLines(invoice.seller)});
    if (!invoice.buyer.isEmpty())
        document.blocks.push_back({QStringLiteral("Bill to"), partyLines(invoice.buyer)});
    document.title = QStringLiteral("Invoice %1").arg(invoice.number);
    document.landscape = true;  // line descriptions are long
    document.subtitle = QString::fromLatin1(kProduct);
    document.facts = {
        {QStringLiteral("Invoice number"), invoice.number},
        {QStringLiteral("Customer"),
         QStringLiteral("%1 (%2)").arg(invoice.customerName, invoice.customerId)},
        {QStringLiteral("Billing period"),
         QStringLiteral("%1 (UTC calendar month)").arg(invoice.month.toString())},
        {QStringLiteral("Issued"),
         QStringLiteral("%1 by %2").arg(toRfc3339(invoice.issuedAt), invoice.issuedBy)},
        {QStringLiteral("Usage"),
         QStringLiteral("%1 requests, %2 active users, %3 agents")
             .arg(documentCount(invoice.requests), documentCount(invoice.activeUsers),
                  documentCount(invoice.activeAgents))},
        {QStringLiteral("Total due"), money(invoice.amountDue(), invoice.currency)},
        {QStringLiteral("Due date"), invoice.dueDate.isValid()
                                         ? invoice.dueDate.toString(Qt::ISODate)
                                         : QStringLiteral("on receipt")},
        {QStringLiteral("Generated"), stampText(stamp)},
    };
    for (const CreditNote& note : invoice.creditNotes)
        document.facts.emplace_back(QStringLiteral("Credited"),
                                    QStringLiteral("%1 by %2 on %3: %4")
                                        .arg(money(note.total, invoice.currency), note.number,
                                             toRfc3339(note.issuedAt), note.reason));
}

PdfTable invoiceCharges(const Invoice& invoice) {
    PdfTable charges;
    charges.caption = QStringLiteral("Charges");
    charges.columns = {{QStringLiteral("Description"), 4.2, PdfTable::Align::Left},
                       {QStringLiteral("Tier"), 1.3, PdfTable::Align::Left},
                       {QStringLiteral("Period"), 1.6, PdfTable::Align::Left},
                       {QStringLiteral("Quantity"), 1.1, PdfTable::Align::Right},
                       {QStringLiteral("Unit price"), 1.1, PdfTable::Align::Right},
                       {QStringLiteral("Amount"), 1.3, PdfTable::Align::Right}};
    for (const InvoiceLine& line : invoice.lines) {
        if (line.kind != InvoiceLineKind::Charge)
            continue;
        const QString period =
            line.periodStart.isValid()
                ? QStringLiteral("%1 – %2").arg(
                      line.periodStart.toString(QStringLiteral("MM-dd")),
                      line.periodEnd.addSecs(-1).toString(QStringLiteral("MM-dd")))
                : QString();
        charges.rows.push_back(
            {{line.description, line.tier, period, documentCount(line.quantity),
              line.unitPrice ? formatMoney(*line.unitPrice, documentLocale(), invoice.currency, 2)
                             : QString(),
              money(line.amount, invoice.currency)},
             false});
    }
    for (BillAxis axis : costReportAxes()) {
        const Money subtotal = invoice.axisTotal(axis);
        if (!subtotal.isZero())
            charges.rows.push_back({{QStringLiteral("Subtotal %1").arg(axisHeader(axis).toLower()),
                                     {},
                                     {},
                                     {},
                                     {},
                                     money(subtotal, invoice.currency)},
                                    true});
    }
    const auto totalRow = [&](const QString& label, Money amount) {
        charges.rows.push_back({{label, {}, {}, {}, {}, money(amount, invoice.currency)}, true});
    };
    if (invoice.taxTreatment != TaxTreatment::None) {
        totalRow(QStringLiteral("Net"), invoice.net);
        for (const TaxSummary& tax :
             taxSummary(invoice.taxTreatment, invoice.taxName, invoice.taxRate(), invoice.tax))
            totalRow(QStringLiteral("%1 %2 %").arg(tax.name, tax.rate.toDecimalString()),
                     tax.amount);
    }
    totalRow(QStringLiteral("Total"), invoice.total);
    if (invoice.credits.empty())
        return charges;
    for (const CreditUse& use : invoice.credits)
        charges.rows.push_back({{creditUseDescription(use),
                                 {},
                                 {},
                                 {},
                                 {},
                                 money(use.amount.negated(), invoice.currency)},
                                false});
    charges.rows.push_back({{QStringLiteral("Amount due"),
                             {},
                             {},
                             {},
                             {},
                             money(invoice.amountDue(), invoice.currency)},
                            true});
    return charges;
}

PdfTable invoiceInformation(const Invoice& invoice) {
    PdfTable information;
    information.caption = QStringLiteral("For information (not charged)");
    information.columns = {{QStringLiteral("Item"), 7, PdfTable::Align::Left},
                           {QStringLiteral("Quantity"), 1.3, PdfTable::Align::Right}};
    for (const InvoiceLine& line : invoice.lines)
        if (line.kind != InvoiceLineKind::Charge)
            information.rows.push_back({{line.description, documentCount(line.quantity)}, false});
    return information;
}

}  // namespace

Result<QByteArray> invoicePdf(const Invoice& invoice, const DocumentStamp& stamp) {
    PdfDocument document;
    addInvoiceFacts(document, invoice, stamp);
    document.tables.push_back(invoiceCharges(invoice));
    PdfTable information = invoiceInformation(invoice);
    if (!information.rows.empty())
        document.tables.push_back(std::move(information));

    if (const QString legend = taxLegend(invoice.taxTreatment); !legend.isEmpty())
        document.notes.append(legend);
    const QString instructions =
        invoice.seller.value(QStringLiteral("payment_instructions")).toString();
    if (!instructions.isEmpty() && invoice.balance() > Money())
        document.notes.append(QStringLiteral("Please pay %1 by %2, quoting %3: %4")
                                  .arg(money(invoice.balance(), invoice.currency),
                                       invoice.dueDate.toString(Qt::ISODate), invoice.number,
                                       QString(instructions).replace(u'\n', QStringLiteral("; "))));
    document.notes.append(QStringLiteral(
        "Each line is rounded once to cents, half away from zero; the total is the sum of the "
        "rounded lines. Recurring charges are prorated by the second over UTC periods. Requests "
        "that arrive after a month is invoiced are listed on the next invoice for information "
        "and never charged twice. This invoice never changes; a correction is a credit note "
        "that names it."));
    const QString sellerFooter = invoice.seller.value(QStringLiteral("footer")).toString();
    document.footer =
        sellerFooter.isEmpty()
            ? QStringLiteral("%1 · invoice %2 · %3")
                  .arg(QString::fromLatin1(kProduct), invoice.number, invoice.customerId)
            : QStringLiteral("%1 · invoice %2").arg(sellerFooter, invoice.number);
    return renderPdf(document);
}

}  // namespace aicp
