#include "accounting/ledger.h"

#include "billing/costreport.h"
#include "billing/invoicebook.h"
#include "common/enumwords.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

constexpr EnumWord<LedgerKind> kKindKeys[] = {
    {LedgerKind::Invoice, "invoice"},
    {LedgerKind::CreditNote, "credit_note"},
    {LedgerKind::Payment, "payment"},
    {LedgerKind::CreditGrant, "credit_grant"},
    {LedgerKind::CreditForfeit, "credit_forfeit"},
};

QDate utcDate(const QDateTime& time) {
    return time.toUTC().date();
}

QString grantDocument(std::int64_t grantId) {
    return QStringLiteral("GRANT-%1").arg(grantId);
}

// A posting and where its document sorts: by date, kind, then the
// document's id (numbers like "GRANT-9" and "GRANT-10" do not sort as text).
struct Placed {
    std::int64_t documentId = 0;
    int position = 0;  // within its document
    LedgerPosting posting;
};

// One document's journal entry while it is made: a balance per account
// (debits positive), accounts in the order first named.
class Entry {
public:
    Entry(LedgerPosting head, std::int64_t documentId)
        : head_(std::move(head)), documentId_(documentId) {}

    void debit(const QString& account, Money amount) { add(account, amount.micros()); }
    void credit(const QString& account, Money amount) { add(account, -amount.micros()); }

    // Appends a posting per account whose balance is not zero; Internal when
    // the debits and credits differ.
    Status appendTo(std::vector<Placed>& out) const {
        std::int64_t sum = 0;
        for (const auto& [account, micros] : balances_)
            sum += micros;
        if (sum != 0 || overflowed_)
            return Error::internal(QStringLiteral("the ledger entry of %1 %2 does not balance")
                                       .arg(ledgerKindKey(head_.kind), head_.document));
        int position = 0;
        for (const auto& [account, micros] : balances_) {
            if (micros == 0)
                continue;
            LedgerPosting posting = head_;
            posting.account = account;
            (micros > 0 ? posting.debit : posting.credit) =
                Money::fromMicros(micros > 0 ? micros : -micros);
            out.push_back({documentId_, position++, std::move(posting)});
        }
        return {};
    }

private:
    void add(const QString& account, std::int64_t micros) {
        auto it = std::find_if(balances_.begin(), balances_.end(),
                               [&](const auto& balance) { return balance.first == account; });
        if (it == balances_.end())
            it = balances_.insert(balances_.end(), {account, 0});
        overflowed_ |= __builtin_add_overflow(it->second, micros, &it->second);
    }

    LedgerPosting head_;
    std::int64_t documentId_;
    std::vector<std::pair<QString, std::int64_t>> balances_;
    bool overflowed_ = false;
};

LedgerPosting head(QDate date, QString document, LedgerKind kind, QString customerId,
                   QString currency) {
    LedgerPosting posting;
    posting.date = date;
    posting.document = std::move(document);
    posting.kind = kind;
    posting.customerId = std::move(customerId);
    posting.currency = std::move(currency);
    return posting;
}

Status invoiceEntry(const Invoice& invoice, std::vector<Placed>& out) {
    Entry entry(head(utcDate(invoice.issuedAt), invoice.number, LedgerKind::Invoice,
                     invoice.customerId, invoice.currency),
                invoice.id);
    entry.debit(QString::fromLatin1(kReceivableAccount), invoice.amountDue());
    entry.debit(QString::fromLatin1(kCustomerCreditAccount), invoice.creditsApplied());
    for (const InvoiceLine& line : invoice.lines)
        if (line.kind == InvoiceLineKind::Charge && line.axis)
            entry.credit(revenueAccount(*line.axis), line.amount);
    entry.credit(taxPayableAccount(invoice.taxName), invoice.tax);
    return entry.appendTo(out);
}

// What `note` takes back, and, when it is the note that credits the
// invoice in full, the applied credit that comes back to the customer.
Status creditNoteEntry(const Invoice& invoice, const CreditNote& note, std::vector<Placed>& out) {
    Entry entry(head(utcDate(note.issuedAt), note.number, LedgerKind::CreditNote,
                     invoice.customerId, invoice.currency),
                note.id);
    if (note.lines.empty()) {  // a note from before schema 12: the whole invoice
        for (const InvoiceLine& line : invoice.lines)
            if (line.kind == InvoiceLineKind::Charge && line.axis)
                entry.debit(revenueAccount(*line.axis), line.amount);
    }
    for (const CreditNoteLine& line : note.lines) {
        const auto index = static_cast<std::size_t>(line.invoicePosition - 1);
        if (line.invoicePosition < 1 || index >= invoice.lines.size() || !invoice.lines[index].axis)
            return Error::internal(QStringLiteral("credit note %1 names line %2 of %3, a line "
                                                  "that is not a charge")
                                       .arg(note.number)
                                       .arg(line.invoicePosition)
                                       .arg(invoice.number));
        entry.debit(revenueAccount(*invoice.lines[index].axis), line.amount.negated());
    }
    entry.debit(taxPayableAccount(invoice.taxName), note.tax.negated());
    const bool completes = invoice.isCredited() && invoice.lastCreditNote() == &note;
    const Money restored = completes ? invoice.creditsApplied() : Money();
    entry.credit(QString::fromLatin1(kCustomerCreditAccount), restored);
    entry.credit(QString::fromLatin1(kReceivableAccount),
                 Money::fromMicros(-note.total.micros() - restored.micros()));
    return entry.appendTo(out);
}

Status paymentEntry(const Invoice& invoice, const InvoicePayment& payment,
                    std::vector<Placed>& out) {
    Entry entry(head(payment.paidOn, invoice.number, LedgerKind::Payment, invoice.customerId,
                     invoice.currency),
                payment.id);
    entry.debit(QString::fromLatin1(kBankAccount), payment.amount);
    entry.credit(QString::fromLatin1(kReceivableAccount), payment.amount);
    return entry.appendTo(out);
}

Status grantEntry(const CreditGrant& grant, std::vector<Placed>& out) {
    Entry entry(head(utcDate(grant.grantedAt), grantDocument(grant.id), LedgerKind::CreditGrant,
                     grant.customerId, grant.currency),
                grant.id);
    entry.debit(QString::fromLatin1(kBankAccount), grant.paid);
    entry.debit(QString::fromLatin1(kPromotionalCreditAccount),
                Money::fromMicros(grant.amount.micros() - grant.paid.micros()));
    entry.credit(QString::fromLatin1(kCustomerCreditAccount), grant.amount);
    return entry.appendTo(out);
}

// What an expired grant forfeits, by day: on its expiry, what it had left
// then; on the day an invoice that used it is credited in full after, the
// use that came back to it.
std::map<QDate, std::int64_t> forfeitsOf(const CreditGrant& grant,
                                         const std::vector<Invoice>& invoices) {
    std::int64_t standing = 0;
    std::map<QDate, std::int64_t> forfeits;
    for (const Invoice& invoice : invoices) {
        const CreditNote* last = invoice.isCredited() ? invoice.lastCreditNote() : nullptr;
        for (const CreditUse& use : invoice.credits) {
            if (use.grantId != grant.id)
                continue;
            if (!last || last->issuedAt > grant.expiresAt)
                standing += use.amount.micros();
            if (last && last->issuedAt > grant.expiresAt)
                forfeits[utcDate(last->issuedAt)] += use.amount.micros();
        }
    }
    forfeits[utcDate(grant.expiresAt)] += grant.amount.micros() - standing;
    return forfeits;
}

Status forfeitEntries(const CreditGrant& grant, const std::vector<Invoice>& invoices,
                      const QDateTime& now, std::vector<Placed>& out) {
    if (!grant.expiredAt(now))
        return {};
    for (const auto& [date, micros] : forfeitsOf(grant, invoices)) {
        Entry entry(head(date, grantDocument(grant.id), LedgerKind::CreditForfeit, grant.customerId,
                         grant.currency),
                    grant.id);
        entry.debit(QString::fromLatin1(kCustomerCreditAccount), Money::fromMicros(micros));
        entry.credit(QString::fromLatin1(kForfeitedCreditAccount), Money::fromMicros(micros));
        if (Status made = entry.appendTo(out); !made)
            return made;
    }
    return {};
}

Status allEntries(const std::vector<Invoice>& invoices, const std::vector<CreditGrant>& grants,
                  const QDateTime& now, std::vector<Placed>& out) {
    for (const Invoice& invoice : invoices) {
        if (Status made = invoiceEntry(invoice, out); !made)
            return made;
        for (const CreditNote& note : invoice.creditNotes)
            if (Status made = creditNoteEntry(invoice, note, out); !made)
                return made;
        for (const InvoicePayment& payment : invoice.payments)
            if (Status made = paymentEntry(invoice, payment, out); !made)
                return made;
    }
    for (const CreditGrant& grant : grants) {
        if (Status made = grantEntry(grant, out); !made)
            return made;
        if (Status made = forfeitEntries(grant, invoices, now, out); !made)
            return made;
    }
    return {};
}

}  // namespace

QString ledgerKindKey(LedgerKind kind) {
    return wordOf(kKindKeys, kind);
}

QString revenueAccount(BillAxis axis) {
    return QStringLiteral("revenue:") + billAxisKey(axis);
}

QString taxPayableAccount(const QString& taxName) {
    return QStringLiteral("tax_payable:") + taxName;
}

Result<Ledger> buildLedger(const std::vector<Invoice>& invoices,
                           const std::vector<CreditGrant>& grants, QDate from, QDate to,
                           const QDateTime& now) {
    std::vector<Placed> placed;
    if (Status made = allEntries(invoices, grants, now, placed); !made)
        return made.error();
    std::erase_if(placed, [&](const Placed& item) {
        return (from.isValid() && item.posting.date < from) ||
               (to.isValid() && item.posting.date > to);
    });
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return std::tie(a.posting.date, a.posting.kind, a.documentId, a.position) <
               std::tie(b.posting.date, b.posting.kind, b.documentId, b.position);
    });
    Ledger ledger;
    ledger.from = from;
    ledger.to = to;
    ledger.postings.reserve(placed.size());
    for (Placed& item : placed) {
        LedgerTotals& totals = ledger.totals[item.posting.currency];
        totals.debit = Money::fromMicros(totals.debit.micros() + item.posting.debit.micros());
        totals.credit = Money::fromMicros(totals.credit.micros() + item.posting.credit.micros());
        ledger.postings.push_back(std::move(item.posting));
    }
    return ledger;
}

Result<Ledger> ledgerFor(Workspace& workspace, QDate from, QDate to, const QDateTime& now) {
    auto invoices = InvoiceBook(workspace).list();
    if (!invoices)
        return invoices.error();
    auto grants = CreditBook(workspace).list();
    if (!grants)
        return grants.error();
    return buildLedger(*invoices, *grants, from, to, now);
}

QByteArray ledgerCsv(const Ledger& ledger) {
    QString out = QStringLiteral("date,document,kind,customer,account,debit,credit,currency\n");
    for (const LedgerPosting& posting : ledger.postings) {
        const QStringList fields{posting.date.toString(Qt::ISODate),
                                 posting.document,
                                 ledgerKindKey(posting.kind),
                                 posting.customerId,
                                 posting.account,
                                 posting.debit.toDecimalString(),
                                 posting.credit.toDecimalString(),
                                 posting.currency};
        out += csvLine(fields);
    }
    return out.toUtf8();
}

QByteArray ledgerJson(const Ledger& ledger) {
    QJsonArray postings;
    for (const LedgerPosting& posting : ledger.postings)
        postings.append(QJsonObject{{QStringLiteral("date"), posting.date.toString(Qt::ISODate)},
                                    {QStringLiteral("document"), posting.document},
                                    {QStringLiteral("kind"), ledgerKindKey(posting.kind)},
                                    {QStringLiteral("customer"), posting.customerId},
                                    {QStringLiteral("account"), posting.account},
                                    {QStringLiteral("debit"), posting.debit.toDecimalString()},
                                    {QStringLiteral("credit"), posting.credit.toDecimalString()},
                                    {QStringLiteral("currency"), posting.currency}});
    QJsonArray totals;
    for (const auto& [currency, sums] : ledger.totals)
        totals.append(QJsonObject{{QStringLiteral("currency"), currency},
                                  {QStringLiteral("debit"), sums.debit.toDecimalString()},
                                  {QStringLiteral("credit"), sums.credit.toDecimalString()}});
    const auto dateOrNull = [](QDate date) {
        return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("from"), dateOrNull(ledger.from)},
                                     {QStringLiteral("to"), dateOrNull(ledger.to)},
                                     {QStringLiteral("postings"), postings},
                                     {QStringLiteral("totals"), totals}})
        .toJson(QJsonDocument::Indented);
}

}  // namespace aicp
