#pragma once

#include "metering/yearmonth.h"
#include "money/money.h"
#include "pricing/bill.h"
#include "tax/taxrules.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace aicp {

// What a stored invoice line is: a charge (a bill line, the only kind with an
// amount), late requests for an earlier invoiced month (information only), or
// a finding of the bill (shown, never charged).
enum class InvoiceLineKind { Charge, LateUsage, Finding };

// "charge", "late_usage", "finding".
[[nodiscard]] QString invoiceLineKindKey(InvoiceLineKind kind);
[[nodiscard]] std::optional<InvoiceLineKind> invoiceLineKindFromKey(QStringView key);

struct InvoiceLine {
    InvoiceLineKind kind = InvoiceLineKind::Charge;
    std::optional<BillAxis> axis;  // charges only
    QString description;
    std::int64_t quantity = 0;
    std::optional<Money> unitPrice;
    Money amount;  // zero unless a charge
    // Charges: the license segment the line prices. Empty otherwise.
    QString licenseId;
    QString tier;
    QString priceBookVersion;
    QDateTime periodStart;               // UTC, included
    QDateTime periodEnd;                 // UTC, excluded
    std::optional<YearMonth> lateMonth;  // LateUsage only: the month the requests were for
    // Charges: the rate the line was taxed at (nullopt when taxes were not
    // in use) and its tax, rounded once to cents.
    std::optional<Percent> taxRate;
    Money tax;
};

// What a credit note takes off one charge line of its invoice: the net
// (negative for a charge, positive for a discount) and the tax with it.
struct CreditNoteLine {
    std::int64_t invoicePosition = 0;  // 1-based, into Invoice::lines
    Money amount;
    Money tax;
};

// A credit note takes all or part of its invoice back, net and tax, line by
// line; an invoice's notes together never take more than it. Notes have
// their own gap-free series per year ("AICP-CN-2026-000007").
struct CreditNote {
    std::int64_t id = 0;
    QString number;
    QString invoiceNumber;
    QDateTime issuedAt;  // UTC, whole seconds
    QString issuedBy;
    QString reason;
    Money total;  // net plus tax taken back: negative
    Money tax;    // the tax taken back: negative or zero
    // Empty for a note of a workspace before schema 12: it credited its
    // whole invoice.
    std::vector<CreditNoteLine> lines;
    QString currency;  // the invoice's

    [[nodiscard]] Money net() const { return Money::fromMicros(total.micros() - tax.micros()); }
};

// A payment received for an invoice: what it still asked for, on the day
// it was paid, with the payer's reference (a bank transfer's, a provider's).
struct InvoicePayment {
    std::int64_t id = 0;
    QDate paidOn;
    Money amount;      // above 0
    QString currency;  // the invoice's
    QString reference;
    QDateTime recordedAt;  // UTC, whole seconds
    QString recordedBy;
};

// One prepaid credit grant's part of an invoice (README, "Contract terms").
struct CreditUse {
    std::int64_t grantId = 0;
    Money amount;  // above 0; shown as a negative credit_applied line
};

// An issued invoice, exactly as stored: its lines and totals never change
// after issue. Numbers run without gaps per year of issue
// ("AICP-2026-000123").
struct Invoice {
    std::int64_t id = 0;
    QString number;
    QString customerId;
    QString customerName;  // as it was at issue
    YearMonth month;
    QString currency;
    QDateTime issuedAt;  // UTC, whole seconds
    QString issuedBy;
    std::int64_t requests = 0;  // the month's, as counted at issue
    std::int64_t activeUsers = 0;
    std::int64_t activeAgents = 0;
    // Late requests of `month` already counted (and so charged) at issue;
    // later invoices list only those that arrived after.
    std::int64_t lateRequestsAtIssue = 0;
    std::vector<InvoiceLine> lines;  // charges, then late usage, then findings
    Money net;                       // the sum of the charge lines, before tax
    Money tax;                       // the sum of the charge lines' tax
    Money total;                     // net plus tax
    TaxTreatment taxTreatment = TaxTreatment::None;
    QString taxName;  // "VAT", "Reverse charge", …; empty when none applied
    QDate dueDate;    // issue date plus the customer's payment terms
    // The seller and the buyer as they were at issue (sellerJson,
    // billingProfileJson); empty for invoices issued before schema 12.
    QJsonObject seller;
    QJsonObject buyer;
    std::vector<CreditNote> creditNotes;  // in order of issue
    // Prepaid credit applied at issue, soonest-expiring grant first; never
    // more than the total.
    std::vector<CreditUse> credits;
    std::vector<InvoicePayment> payments;  // in the order recorded

    // What the credit notes took back, net plus tax: negative or zero.
    [[nodiscard]] Money credited() const;
    // Credited in full: its notes add up to its total.
    [[nodiscard]] bool isCredited() const;
    [[nodiscard]] bool isPartiallyCredited() const { return !creditNotes.empty() && !isCredited(); }
    // The last note, or nullptr.
    [[nodiscard]] const CreditNote* lastCreditNote() const {
        return creditNotes.empty() ? nullptr : &creditNotes.back();
    }
    // What is left of charge line `position` (1-based) to credit: its
    // amount and tax less what the notes took.
    [[nodiscard]] Money remainingAmount(std::int64_t position) const;
    [[nodiscard]] Money remainingTax(std::int64_t position) const;
    // The rate the charges were taxed at (one per invoice), 0 without tax.
    [[nodiscard]] Percent taxRate() const;
    // What the payments came to.
    [[nodiscard]] Money paid() const;
    // What is still to be paid: the amount due less the credit notes and
    // the payments; negative when the customer is owed money back (paid,
    // then credited).
    [[nodiscard]] Money balance() const;
    // "credited" (in full), "paid" (nothing left to pay), "partially-credited"
    // or "open".
    [[nodiscard]] QString status() const;
    // Open with a due date before `today`.
    [[nodiscard]] bool isOverdueOn(QDate today) const;
    // The credit applied, as a positive amount.
    [[nodiscard]] Money creditsApplied() const;
    // What the customer owes: the total (tax included) less the credit applied.
    [[nodiscard]] Money amountDue() const;
    // The sum of the charge lines of one axis.
    [[nodiscard]] Money axisTotal(BillAxis axis) const;
};

// "Prepaid credit applied (grant 3)": how invoices name a credit line.
[[nodiscard]] QString creditUseDescription(const CreditUse& use);

// "AICP-2026-000123" and "AICP-CN-2026-000007".
[[nodiscard]] QString invoiceNumber(int year, int sequence);
[[nodiscard]] QString creditNoteNumber(int year, int sequence);

// Machine form for `aicp invoice show --json` and `invoice list --json`:
// keys in a fixed order, amounts as decimal strings, times RFC 3339 UTC,
// dates ISO 8601.
// `overdue` is as of `today` (UTC), today's date when not given.
[[nodiscard]] QJsonObject invoiceToJson(const Invoice& invoice, QDate today = {});
[[nodiscard]] QJsonObject creditNoteToJson(const CreditNote& note);

}  // namespace aicp
