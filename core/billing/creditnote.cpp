#include "billing/creditnote.h"

#include <algorithm>
#include <set>

namespace aicp {

namespace {

__extension__ using Int128 = __int128;

bool isCharge(const Invoice& invoice, std::int64_t position) {
    return position >= 1 && position <= std::int64_t(invoice.lines.size()) &&
           invoice.lines[std::size_t(position - 1)].kind == InvoiceLineKind::Charge;
}

// `amount` (net, the sign of a charge: positive) of line `position`, with
// its tax: the whole remainder when it is all that remains.
CreditNoteLine taken(const Invoice& invoice, std::int64_t position, Money amount) {
    const Money remaining = invoice.remainingAmount(position);
    const InvoiceLine& line = invoice.lines[std::size_t(position - 1)];
    const Money tax = amount == remaining
                          ? invoice.remainingTax(position)
                          : amount.percentOfInCents(line.taxRate.value_or(Percent()));
    return {position, amount.negated(), tax.negated()};
}

Status checkAmount(const QString& what, Money amount) {
    if (amount <= Money())
        return Error::invalidInput(QStringLiteral("%1 must be above 0").arg(what));
    if (amount.micros() % Money::kMicrosPerCent != 0)
        return Error::invalidInput(QStringLiteral("%1 is credited in whole cents, not %2")
                                       .arg(what, amount.toDecimalString()));
    return {};
}

Result<std::vector<CreditNoteLine>> spread(const Invoice& invoice, Money amount) {
    AICP_TRY(checkAmount(QStringLiteral("--amount"), amount));
    std::vector<std::pair<std::int64_t, std::int64_t>> weights;  // position, remaining cents
    std::int64_t net = 0;
    Int128 positive = 0;
    for (std::int64_t position = 1; position <= std::int64_t(invoice.lines.size()); ++position) {
        if (!isCharge(invoice, position))
            continue;
        const std::int64_t cents =
            invoice.remainingAmount(position).micros() / Money::kMicrosPerCent;
        net += cents;
        if (cents > 0) {
            weights.emplace_back(position, cents);
            positive += cents;
        }
    }
    const std::int64_t wanted = amount.micros() / Money::kMicrosPerCent;
    if (wanted > net)
        return Error::invalidInput(
            QStringLiteral("--amount %1 is more than the %2 net that remains of invoice %3")
                .arg(amount.toDecimalString(),
                     Money::fromMicros(net * Money::kMicrosPerCent).toDecimalString(),
                     invoice.number));
    // Each line's share rounded down, then the odd cents to the largest
    // remainders (the earlier line first on a tie).
    std::vector<std::int64_t> shares;
    std::vector<std::pair<Int128, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Int128 exact = Int128(wanted) * weights[i].second;
        shares.push_back(std::int64_t(exact / positive));
        remainders.emplace_back(exact % positive, i);
        given += shares.back();
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < wanted; ++i, ++given)
        ++shares[remainders[i % remainders.size()].second];
    std::vector<CreditNoteLine> lines;
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (shares[i] > 0)
            lines.push_back(taken(invoice, weights[i].first,
                                  Money::fromMicros(shares[i] * Money::kMicrosPerCent)));
    return lines;
}

Result<std::vector<CreditNoteLine>> chosen(const Invoice& invoice,
                                           const std::vector<CreditRequest::Line>& wanted) {
    std::set<std::int64_t> seen;
    std::vector<CreditNoteLine> lines;
    for (const CreditRequest::Line& line : wanted) {
        const QString option = QStringLiteral("--line %1").arg(line.position);
        if (!isCharge(invoice, line.position))
            return Error::invalidInput(QStringLiteral("%1: invoice %2 has no charge line %3")
                                           .arg(option, invoice.number)
                                           .arg(line.position));
        if (!seen.insert(line.position).second)
            return Error::invalidInput(QStringLiteral("%1 is given twice").arg(option));
        const Money remaining = invoice.remainingAmount(line.position);
        if (!line.amount) {
            if (remaining.isZero())
                return Error::invalidInput(
                    QStringLiteral("%1: the line has nothing left to credit").arg(option));
            lines.push_back(taken(invoice, line.position, remaining));
            continue;
        }
        AICP_TRY(checkAmount(option, *line.amount));
        if (remaining <= Money() || *line.amount > remaining)
            return Error::invalidInput(
                QStringLiteral("%1: the line has %2 left to credit, not %3")
                    .arg(option, remaining.toDecimalString(), line.amount->toDecimalString()));
        lines.push_back(taken(invoice, line.position, *line.amount));
    }
    return lines;
}

}  // namespace

Result<std::vector<CreditNoteLine>> creditNoteLines(const Invoice& invoice,
                                                    const CreditRequest& request) {
    if (invoice.isCredited())
        return Error(Error::Code::Conflict,
                     QStringLiteral("invoice %1 is credited in full already").arg(invoice.number));
    if (request.amount && !request.lines.empty())
        return Error::invalidInput(QStringLiteral("give --amount or --line, not both"));
    if (request.amount)
        return spread(invoice, *request.amount);
    if (!request.lines.empty())
        return chosen(invoice, request.lines);
    std::vector<CreditNoteLine> lines;
    for (std::int64_t position = 1; position <= std::int64_t(invoice.lines.size()); ++position)
        if (isCharge(invoice, position) && (!invoice.remainingAmount(position).isZero() ||
                                            !invoice.remainingTax(position).isZero()))
            lines.push_back(taken(invoice, position, invoice.remainingAmount(position)));
    return lines;
}

}  // namespace aicp
