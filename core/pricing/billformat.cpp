#include "pricing/billformat.h"

#include "common/enumwords.h"
#include "common/texttable.h"
#include "money/moneyformat.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonValue>

namespace aicp {
namespace {

// Shorter headings for the comparison, where every axis is a column.
QString axisColumnLabel(BillAxis axis) {
    switch (axis) {
        case BillAxis::PolicyPacks:
            return QStringLiteral("Packs");
        case BillAxis::ComplianceModules:
            return QStringLiteral("Modules");
        default:
            return billAxisLabel(axis);
    }
}

QJsonValue optionalText(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// A quantity and a rate are worth showing only where something is actually
// charged per unit; "0 × $0.00" on every free line would bury the real ones.
bool showsRate(const BillLine& line) {
    if (line.quantity <= 0)
        return false;
    if (!line.portions.empty() && !line.unitPrice)
        return true;
    return line.unitPrice && !line.unitPrice->isZero();
}

// One reason per line, aligned after `lead`: several joined with "; "
// would run far past the terminal's edge.
QString reasonLines(const QString& lead, const QStringList& reasons) {
    const QString continuation(lead.size(), u' ');
    QString text;
    for (qsizetype i = 0; i < reasons.size(); ++i)
        text += (i == 0 ? lead : continuation) + reasons.at(i) + u'\n';
    return text;
}

QString eligibilityText(const Bill& bill) {
    if (bill.eligible)
        return QStringLiteral("Eligible: yes\n");
    // An ineligible bill without a recorded reason still says so.
    return bill.reasons.isEmpty() ? QStringLiteral("Not eligible\n")
                                  : reasonLines(QStringLiteral("Not eligible: "), bill.reasons);
}

}  // namespace

QJsonObject billToJson(const Bill& bill) {
    QJsonArray lines;
    for (const BillLine& line : bill.lines) {
        lines.append(QJsonObject{
            {QStringLiteral("axis"), billAxisKey(line.axis)},
            {QStringLiteral("description"), line.description},
            {QStringLiteral("quantity"), static_cast<qint64>(line.quantity)},
            // Several rates (graduated bands) have no one price to print.
            {QStringLiteral("unit_price"), line.unitPrice
                                               ? QJsonValue(line.unitPrice->toDecimalString())
                                               : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("amount"), line.amount.toDecimalString()},
        });
    }
    return QJsonObject{
        {QStringLiteral("tier"), bill.tier},
        {QStringLiteral("eligible"), bill.eligible},
        {QStringLiteral("reason"), optionalText(bill.reason())},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("total"), bill.total.toDecimalString()},
        {QStringLiteral("currency"), bill.currency},
    };
}

QJsonObject comparisonToJson(const TierComparison& comparison) {
    QJsonArray tiers;
    for (std::size_t i = 0; i < comparison.bills.size(); ++i) {
        QJsonObject bill = billToJson(comparison.bills[i]);
        bill.insert(QStringLiteral("cheapest"), comparison.cheapestEligible == i);
        tiers.append(bill);
    }
    return QJsonObject{
        {QStringLiteral("tiers"), tiers},
        {QStringLiteral("cheapest_eligible"),
         comparison.cheapestEligible
             ? QJsonValue(comparison.bills[*comparison.cheapestEligible].tier)
             : QJsonValue(QJsonValue::Null)},
    };
}

QString billToText(const Bill& bill, const QLocale& locale) {
    const auto money = [&](Money amount) { return formatMoney(amount, locale, bill.currency); };

    using Align = TextTable::Align;
    TextTable table(
        {QStringLiteral("Item"), QStringLiteral("Description"), QStringLiteral("Quantity"),
         QStringLiteral("Unit price"), QStringLiteral("Amount")},
        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right});
    table.addRule();
    for (const BillLine& line : bill.lines) {
        const bool rate = showsRate(line);
        table.addRow({billAxisLabel(line.axis), line.description,
                      rate ? formatCount(line.quantity, locale) : QString(),
                      rate && line.unitPrice ? money(*line.unitPrice) : QString(),
                      money(line.amount)});
        // Graduated bands are listed so a reader can redo the sum by hand;
        // their amounts are exact, the line above is rounded once.
        if (!line.unitPrice && line.portions.size() > 1) {
            int band = 0;
            for (const ChargePortion& portion : line.portions) {
                ++band;
                table.addRow({QString(), QStringLiteral("  band %1").arg(band),
                              formatCount(portion.quantity, locale), money(portion.unitPrice),
                              money(portion.amount)});
            }
        }
    }
    table.addRule();
    table.addRow({QStringLiteral("Total"), QString(), QString(), QString(), money(bill.total)});

    QString text = QStringLiteral("%1 (%2), monthly, in %3\n%4\n")
                       .arg(bill.tierName, bill.tier, bill.currency, eligibilityText(bill));
    text += table.render();
    return text;
}

QString comparisonToText(const TierComparison& comparison, const QLocale& locale) {
    if (comparison.bills.empty())
        return QStringLiteral("The price book has no tiers to compare.\n");
    const QString currency = comparison.bills.front().currency;
    const auto money = [&](Money amount) { return formatMoney(amount, locale, currency); };

    // An axis no tier charges for only widens the table; the base price
    // stays so the comparison always shows where each total starts.
    std::vector<BillAxis> axes;
    for (BillAxis axis : kBillAxes) {
        const bool charged =
            std::any_of(comparison.bills.begin(), comparison.bills.end(), [axis](const Bill& bill) {
                const BillLine* line = bill.line(axis);
                return line && !line->amount.isZero();
            });
        if (axis == BillAxis::Base || charged)
            axes.push_back(axis);
    }

    using Align = TextTable::Align;
    QStringList headers{QStringLiteral("Tier")};
    std::vector<Align> align{Align::Left};
    for (BillAxis axis : axes) {
        headers.append(axisColumnLabel(axis));
        align.push_back(Align::Right);
    }
    headers << QStringLiteral("Total") << QStringLiteral("Status");
    align.push_back(Align::Right);
    align.push_back(Align::Left);
    TextTable table(headers, align);
    table.addRule();

    QString notes;
    int noteCount = 0;
    for (std::size_t i = 0; i < comparison.bills.size(); ++i) {
        const Bill& bill = comparison.bills[i];
        QStringList row{bill.tierName};
        for (BillAxis axis : axes) {
            const BillLine* line = bill.line(axis);
            row.append(line ? money(line->amount) : QString());
        }
        row.append(money(bill.total));
        if (!bill.eligible) {
            ++noteCount;
            notes += reasonLines(QStringLiteral("[%1] ").arg(noteCount),
                                 bill.reasons.isEmpty()
                                     ? QStringList{QStringLiteral("no reason recorded")}
                                     : bill.reasons);
            row.append(QStringLiteral("not eligible [%1]").arg(noteCount));
        } else if (comparison.cheapestEligible == i) {
            row.append(QStringLiteral("cheapest"));
        } else {
            row.append(QStringLiteral("eligible"));
        }
        table.addRow(row);
    }

    QString text = QStringLiteral("Tier comparison, monthly, in %1\n\n").arg(currency);
    text += table.render();
    if (!notes.isEmpty())
        text += u'\n' + notes;
    text += u'\n';
    if (comparison.cheapestEligible) {
        const Bill& cheapest = comparison.bills[*comparison.cheapestEligible];
        text += QStringLiteral("Cheapest eligible: %1 at %2 a month\n")
                    .arg(cheapest.tierName, money(cheapest.total));
    } else {
        text += QStringLiteral("No tier can serve these needs.\n");
    }
    return text;
}

}  // namespace aicp
