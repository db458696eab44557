#pragma once

#include "billing/creditbook.h"
#include "billing/invoice.h"
#include "common/result.h"
#include "money/money.h"

#include <map>
#include <vector>

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace aicp {

class Workspace;

// What made a posting, in the order a day's documents are listed.
enum class LedgerKind { Invoice, CreditNote, Payment, CreditGrant, CreditForfeit };

// "invoice", "credit_note", "payment", "credit_grant", "credit_forfeit".
[[nodiscard]] QString ledgerKindKey(LedgerKind kind);

// The accounts postings go to (README, "Ledger for accounting", maps them
// to a chart of accounts):
//   accounts_receivable      what customers owe
//   revenue:<axis>           what an axis earned ("revenue:requests"); a
//                            discount posts to revenue:discount as a debit
//   revenue:forfeited_credit prepaid credit that expired unused
//   tax_payable:<name>       tax charged, owed to the authority ("tax_payable:VAT")
//   customer_credit          prepaid credit the customers hold (a liability)
//   bank                     money received
//   promotional_credit       credit granted for less than its amount
[[nodiscard]] QString revenueAccount(BillAxis axis);
[[nodiscard]] QString taxPayableAccount(const QString& taxName);
inline constexpr const char* kReceivableAccount = "accounts_receivable";
inline constexpr const char* kForfeitedCreditAccount = "revenue:forfeited_credit";
inline constexpr const char* kCustomerCreditAccount = "customer_credit";
inline constexpr const char* kBankAccount = "bank";
inline constexpr const char* kPromotionalCreditAccount = "promotional_credit";

// One line of a journal entry: an amount on one side of one account.
// Exactly one of debit and credit is above 0.
struct LedgerPosting {
    QDate date;        // UTC
    QString document;  // invoice or credit note number, "GRANT-12"
    LedgerKind kind = LedgerKind::Invoice;
    QString customerId;
    QString account;
    Money debit;
    Money credit;
    QString currency;
};

struct LedgerTotals {
    Money debit;
    Money credit;
};

// The postings of a period, by date, then kind, then document, each
// document's in a fixed account order; and the sums per currency, whose
// debits equal their credits.
struct Ledger {
    QDate from;
    QDate to;
    std::vector<LedgerPosting> postings;
    std::map<QString, LedgerTotals> totals;  // by currency
};

// The entries of every invoice, credit note, payment and credit grant, and
// of the credit that expired unused, dated from `from` to `to` (both
// included; an invalid date leaves that end open). `now` decides which
// grants have expired. Internal when a document's entry would not balance
// (a bug, never the data's fault).
//
//   invoice        Dr accounts_receivable (amount due)
//                  Dr customer_credit (credit applied)
//                  Cr revenue:<axis> (net per axis), Cr tax_payable:<name>
//   credit note    the reverse of what it takes back; the note that credits
//                  an invoice in full gives its applied credit back to
//                  customer_credit
//   payment        Dr bank, Cr accounts_receivable
//   credit grant   Dr bank (paid), Dr promotional_credit (the rest),
//                  Cr customer_credit
//   credit forfeit Dr customer_credit, Cr revenue:forfeited_credit: on the
//                  day a grant expires, what it had left; later, on the
//                  day an invoice that used it is credited in full, what
//                  came back to it
[[nodiscard]] Result<Ledger> buildLedger(const std::vector<Invoice>& invoices,
                                         const std::vector<CreditGrant>& grants, QDate from,
                                         QDate to, const QDateTime& now);
// The same from the workspace's invoices and grants.
[[nodiscard]] Result<Ledger> ledgerFor(Workspace& workspace, QDate from, QDate to,
                                       const QDateTime& now);

// RFC 4180 CSV, UTF-8, LF line ends:
//   date,document,kind,customer,account,debit,credit,currency
// amounts as plain decimals with two places, the side without one "0.00".
// The same ledger gives the same bytes.
[[nodiscard]] QByteArray ledgerCsv(const Ledger& ledger);
// Indented JSON: {"from", "to", "postings": [...], "totals": [{"currency",
// "debit", "credit"}]}, keys in a fixed order; the same ledger gives the
// same bytes.
[[nodiscard]] QByteArray ledgerJson(const Ledger& ledger);

}  // namespace aicp
