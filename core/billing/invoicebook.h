#pragma once

#include "billing/creditnote.h"
#include "billing/invoice.h"
#include "common/result.h"
#include "common/wholeseconds.h"
#include "metering/yearmonth.h"

#include <vector>

#include <QString>

namespace aicp {

class Workspace;

// The workspace's issued invoices and credit notes (README, "Billing rules
// (for finance)"). Issuing prices the month with MonthlyBilling, stores the
// invoice under the year's next number and closes the month (ClosedPeriods),
// all in one write transaction, audited as "invoice.issue"; the stored
// invoice never changes after. A correction is a credit note for the whole
// invoice ("invoice.credit"), after which the month may be invoiced again.
//
//     InvoiceBook book(workspace);
//     auto invoice = book.issue(QStringLiteral("acme-corp"), {2026, 10});
//     auto note = book.credit(invoice->number, QStringLiteral("wrong seat count"));
class InvoiceBook {
public:
    explicit InvoiceBook(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Refused (Conflict) when the month has not ended yet, when the customer
    // had no license in force during it, or when it has an invoice that is
    // not credited; NotFound for an unknown customer.
    [[nodiscard]] Result<Invoice> issue(const QString& customerId, YearMonth month);
    // Credits the invoice `number`, all that remains of it or the part
    // `request` names (billing/creditnote.h), with the next number of the
    // year's credit note series, audited as "invoice.credit". Conflict when
    // it is credited in full already; nothing is written when refused.
    [[nodiscard]] Result<CreditNote> credit(const QString& number, const QString& reason,
                                            const CreditRequest& request = {});

    // Records that the invoice `number` was paid on `paidOn` (not after
    // today, not before its issue) with the payer's `reference`: a payment
    // of its whole balance, audited as "invoice.paid". Conflict when it is
    // credited or has nothing left to pay; NotFound for an unknown number.
    [[nodiscard]] Result<InvoicePayment> markPaid(const QString& number, QDate paidOn,
                                                  const QString& reference);

    // NotFound when there is no invoice with that number.
    [[nodiscard]] Result<Invoice> find(const QString& number) const;
    // Every invoice (of one customer when `customerId` is given), in order of
    // issue, lines included.
    [[nodiscard]] Result<std::vector<Invoice>> list(const QString& customerId = {}) const;

private:
    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
