#include "billing/invoicebook.h"
#include "payments/stripebilling.h"
#include "storage/query.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <map>
#include <set>

#include <QJsonObject>
#include <QUuid>

namespace aicp {

namespace {

// One invoice item to make: its step (the last part of its reference and
// key), what it says and its amount in minor units.
struct Item {
    QString step;
    QString description;
    std::int64_t amount = 0;
    QString line;  // metadata[aicp_line]: the charge line's position, if one
};

QString percentText(const Percent& rate) {
    return rate.toDecimalString() + QStringLiteral(" %");
}

// Every item of `invoice`, or why its amounts cannot go to Stripe (before
// anything is sent).
Result<std::vector<Item>> itemsOf(const Invoice& invoice) {
    std::vector<Item> items;
    const auto add = [&](QString step, QString description, Money amount,
                         QString line = {}) -> Status {
        auto minor = stripeMinorUnits(amount, invoice.currency);
        if (!minor)
            return minor.error().withContext(invoice.number);
        items.push_back({std::move(step), std::move(description), *minor, std::move(line)});
        return {};
    };
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        const InvoiceLine& line = invoice.lines[i];
        if (line.kind != InvoiceLineKind::Charge)
            continue;
        const QString position = QString::number(i + 1);
        AICP_TRY(add(QStringLiteral("line-") + position, line.description, line.amount, position));
    }
    if (!invoice.tax.isZero()) {
        const QString name = invoice.taxName.isEmpty() ? QStringLiteral("Tax") : invoice.taxName;
        AICP_TRY(
            add(QStringLiteral("tax"), name + u' ' + percentText(invoice.taxRate()), invoice.tax));
    }
    for (const CreditUse& use : invoice.credits)
        AICP_TRY(add(QStringLiteral("credit-%1").arg(use.grantId), creditUseDescription(use),
                     use.amount.negated()));
    return items;
}

// May a first push send `invoice` for payment? Something must be left to pay.
Status checkCollectable(const Invoice& invoice) {
    const QString status = invoice.status();
    if (status == QLatin1String("credited") || status == QLatin1String("paid"))
        return Error(Error::Code::Conflict,
                     QStringLiteral("%1 is %2 in aicp: there is nothing for Stripe to collect")
                         .arg(invoice.number, status));
    return {};
}

QString stripeCurrency(const Invoice& invoice) {
    return invoice.currency.toLower();
}

}  // namespace

QByteArray StripeBilling::idempotencyKey(const QString& step) const {
    // Stripe keeps a key for 24 hours; the same workspace, document and
    // step always make the same key.
    return "aicp-" + workspace_.id().toByteArray(QUuid::WithoutBraces) + '-' + step.toUtf8();
}

Result<QJsonObject> StripeBilling::postOnce(const QString& path, const StripeForm& form,
                                            const QString& step) {
    return client_.post(path, form, idempotencyKey(step));
}

Result<std::optional<QString>> StripeBilling::recorded(const QString& kind,
                                                       const QString& reference) const {
    return queryFirstRow<QString>(
        workspace_.handle(),
        "SELECT stripe_id FROM stripe_objects WHERE kind = ?1 AND reference = ?2",
        [](const Statement& row) { return row.text(0); }, kind, reference);
}

Status StripeBilling::record(const QString& kind, const QString& reference,
                             const QString& stripeId) {
    if (stripeId.size() < 3)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("Stripe answered without the new object's id (%1)").arg(kind));
    // Two pushes at once get the same object back (the same key): the first
    // to record it wins, the second finds it there.
    return executeWith(workspace_.handle(),
                       "INSERT INTO stripe_objects (kind, reference, stripe_id, recorded_at) "
                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kind, reference) DO NOTHING",
                       kind, reference, stripeId, toWholeSecondsUtc(clock_()));
}

Result<QString> StripeBilling::ensureCustomer(const Invoice& invoice) {
    const QString kind = QStringLiteral("customer");
    auto known = recorded(kind, invoice.customerId);
    if (!known)
        return known.error();
    if (*known)
        return **known;
    const QJsonObject& buyer = invoice.buyer;
    QString name = buyer.value(u"legal_name").toString();
    if (name.isEmpty())
        name = invoice.customerName;
    StripeForm form;
    form.add("name", name);
    if (const QString email = buyer.value(u"email").toString(); !email.isEmpty())
        form.add("email", email);
    const QStringList address = buyer.value(u"address").toString().split(u'\n', Qt::SkipEmptyParts);
    if (!address.isEmpty()) {
        form.add("address[line1]", address.first());
        if (address.size() > 1)
            form.add("address[line2]", address.mid(1).join(QStringLiteral(", ")));
    }
    if (const QString country = buyer.value(u"country").toString(); !country.isEmpty())
        form.add("address[country]", country);
    form.add("metadata[aicp_customer_id]", invoice.customerId);
    auto customer = postOnce(QStringLiteral("/v1/customers"), form,
                             QStringLiteral("customer-") + invoice.customerId);
    if (!customer)
        return customer.error();
    const QString id = customer->value(u"id").toString();
    AICP_TRY(record(kind, invoice.customerId, id));
    auto stored = recorded(kind, invoice.customerId);
    if (!stored)
        return stored.error();
    return stored->value_or(id);
}

Result<StripeInvoiceLink> StripeBilling::ensureDraft(const Invoice& invoice,
                                                     const QString& customer) {
    auto known = link(workspace_, invoice.number);
    if (!known)
        return known.error();
    if (*known)
        return **known;
    // Stripe counts the days from when it finalizes: as many as are left
    // until aicp's due date, so both ask for payment on the same day.
    // An invoice from before due dates (schema 12) takes the customary 30.
    const QDate today = clock_().toUTC().date();
    const qint64 days =
        invoice.dueDate.isValid() ? std::max<qint64>(1, today.daysTo(invoice.dueDate)) : 30;
    StripeForm form;
    form.add("customer", customer)
        .add("currency", stripeCurrency(invoice))
        .add("collection_method", QStringLiteral("send_invoice"))
        .add("days_until_due", std::int64_t(days))
        .add("auto_advance", QStringLiteral("false"))
        .add("pending_invoice_items_behavior", QStringLiteral("exclude"))
        .add("description",
             QStringLiteral("%1 for %2").arg(invoice.number, invoice.month.toString()))
        .add("metadata[aicp_invoice_number]", invoice.number);
    auto draft =
        postOnce(QStringLiteral("/v1/invoices"), form, invoice.number + QStringLiteral("-invoice"));
    if (!draft)
        return draft.error();
    StripeInvoiceLink created;
    created.invoiceNumber = invoice.number;
    created.stripeId = draft->value(u"id").toString();
    created.status = QStringLiteral("draft");
    created.pushedAt = toWholeSecondsUtc(clock_());
    if (created.stripeId.size() < 3)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("Stripe answered without the new invoice's id"));
    AICP_TRY(storeLink(created));
    auto stored = link(workspace_, invoice.number);
    if (!stored)
        return stored.error();
    return stored->value_or(created);
}

Status StripeBilling::addItems(const Invoice& invoice, const StripeInvoiceLink& draft,
                               const QString& customer, const StripeProgress& progress) {
    auto items = itemsOf(invoice);
    if (!items)
        return items.error();
    const QString kind = QStringLiteral("invoice_item");
    int done = 0;
    for (const Item& item : *items) {
        ++done;
        if (progress)
            progress(done, int(items->size()),
                     QStringLiteral("%1: item %2 of %3")
                         .arg(invoice.number)
                         .arg(done)
                         .arg(items->size()));
        const QString reference = invoice.number + u'/' + item.step;
        auto known = recorded(kind, reference);
        if (!known)
            return known.error();
        if (*known)
            continue;
        StripeForm form;
        form.add("customer", customer)
            .add("invoice", draft.stripeId)
            .add("currency", stripeCurrency(invoice))
            .add("amount", item.amount)
            .add("description", item.description)
            .add("metadata[aicp_invoice_number]", invoice.number);
        if (!item.line.isEmpty())
            form.add("metadata[aicp_line]", item.line);
        auto made =
            postOnce(QStringLiteral("/v1/invoiceitems"), form, invoice.number + u'-' + item.step);
        if (!made)
            return made.error();
        AICP_TRY(record(kind, reference, made->value(u"id").toString()));
    }
    return {};
}

Result<StripePushOutcome> StripeBilling::push(const QString& number,
                                              const StripeProgress& progress) {
    AICP_TRY(refuseInCustomerWorkspace(
        workspace_, QStringLiteral("the vendor's workspace sends invoices to Stripe")));
    auto invoice = InvoiceBook(workspace_, clock_).find(number);
    if (!invoice)
        return invoice.error();
    auto known = link(workspace_, number);
    if (!known)
        return known.error();
    StripePushOutcome outcome;
    outcome.invoiceNumber = number;
    if (!*known || (*known)->status == QLatin1String("draft")) {
        if (!*known)
            AICP_TRY(checkCollectable(*invoice));
        // Every amount must fit the currency's minor units before the
        // first request.
        if (auto items = itemsOf(*invoice); !items)
            return items.error();
        auto customer = ensureCustomer(*invoice);
        if (!customer)
            return customer.error();
        auto draft = ensureDraft(*invoice, *customer);
        if (!draft)
            return draft.error();
        AICP_TRY(addItems(*invoice, *draft, *customer, progress));
        auto finalized = finalize(*invoice, *draft);
        if (!finalized)
            return finalized.error();
        outcome.created = true;
        outcome.link = *finalized;
    } else {
        outcome.link = **known;
    }
    auto notes = pushCreditNotes(*invoice, outcome.link);
    if (!notes)
        return notes.error();
    outcome.creditNotes = *notes;
    return outcome;
}

Result<std::vector<StripePushOutcome>> StripeBilling::pushOpen(const StripeProgress& progress) {
    auto invoices = InvoiceBook(workspace_, clock_).list();
    if (!invoices)
        return invoices.error();
    auto pushed = links(workspace_);
    if (!pushed)
        return pushed.error();
    std::map<QString, QString> statusOf;
    for (const StripeInvoiceLink& one : *pushed)
        statusOf[one.invoiceNumber] = one.status;
    auto notesPushed = queryRows<QString>(
        workspace_.handle(), "SELECT reference FROM stripe_objects WHERE kind = 'credit_note'",
        [](const Statement& row) { return row.text(0); });
    if (!notesPushed)
        return notesPushed.error();
    const std::set<QString> notesDone(notesPushed->begin(), notesPushed->end());
    std::vector<QString> due;
    for (const Invoice& invoice : *invoices) {
        const auto found = statusOf.find(invoice.number);
        const bool never = found == statusOf.end();
        if (never || found->second == QLatin1String("draft")) {
            if (!never || checkCollectable(invoice).ok())
                due.push_back(invoice.number);
            continue;
        }
        for (const CreditNote& note : invoice.creditNotes)
            if (!notesDone.count(note.number) && !note.total.isZero() &&
                found->second != QLatin1String("void")) {
                due.push_back(invoice.number);
                break;
            }
    }
    std::vector<StripePushOutcome> outcomes;
    for (std::size_t i = 0; i < due.size(); ++i) {
        if (progress)
            progress(int(i), int(due.size()), due[i]);
        auto outcome = push(due[i]);
        if (!outcome)
            return outcome.error().withContext(QStringLiteral("%1 of %2 invoices pushed, then %3")
                                                   .arg(i)
                                                   .arg(due.size())
                                                   .arg(due[i]));
        outcomes.push_back(std::move(*outcome));
    }
    if (progress)
        progress(int(due.size()), int(due.size()), {});
    return outcomes;
}

Result<StripeInvoiceLink> StripeBilling::finalize(const Invoice& invoice,
                                                  const StripeInvoiceLink& draft) {
    const QString path = QStringLiteral("/v1/invoices/") + draft.stripeId;
    auto current = client_.get(path);
    if (!current)
        return current.error();
    QJsonObject finalized = *current;
    // An earlier push finalized it, and stopped before it could say so.
    if (current->value(u"status").toString() == QLatin1String("draft")) {
        auto expected = stripeMinorUnits(invoice.amountDue(), invoice.currency);
        if (!expected)
            return expected.error();
        const auto total = std::int64_t(current->value(u"total").toDouble(-1));
        if (total != *expected)
            return Error(Error::Code::Conflict,
                         QStringLiteral("the Stripe draft %1 of %2 totals %3 minor units, aicp's "
                                        "invoice asks %4: it was not finalized; remove what was "
                                        "added in Stripe's dashboard and push again")
                             .arg(draft.stripeId, invoice.number)
                             .arg(total)
                             .arg(*expected));
        StripeForm form;
        form.add("auto_advance", QStringLiteral("true"));
        auto done = postOnce(path + QStringLiteral("/finalize"), form,
                             invoice.number + QStringLiteral("-finalize"));
        if (!done)
            return done.error();
        finalized = *done;
    }
    StripeInvoiceLink link = linkFromStripe(finalized, draft);
    AICP_TRY(storeLink(link, QStringLiteral("stripe.push")));
    return link;
}

Result<QStringList> StripeBilling::pushCreditNotes(const Invoice& invoice,
                                                   StripeInvoiceLink& link) {
    const QString kind = QStringLiteral("credit_note");
    std::vector<const CreditNote*> due;
    for (const CreditNote& note : invoice.creditNotes) {
        auto known = recorded(kind, note.number);
        if (!known)
            return known.error();
        if (!*known && !note.total.isZero())
            due.push_back(&note);
    }
    if (due.empty())
        return QStringList();
    // A note on a paid invoice is settled outside Stripe; Stripe must know
    // which it is now.
    auto current = client_.get(QStringLiteral("/v1/invoices/") + link.stripeId);
    if (!current)
        return current.error();
    link = linkFromStripe(*current, link);
    AICP_TRY(storeLink(link));
    if (link.status == QLatin1String("void"))
        return QStringList();
    QStringList pushed;
    for (const CreditNote* note : due) {
        auto amount = stripeMinorUnits(note->total.abs(), invoice.currency);
        if (!amount)
            return amount.error().withContext(note->number);
        StripeForm form;
        form.add("invoice", link.stripeId)
            .add("lines[0][type]", QStringLiteral("custom_line_item"))
            .add("lines[0][description]",
                 QStringLiteral("Credit note %1: %2").arg(note->number, note->reason))
            .add("lines[0][quantity]", std::int64_t(1))
            .add("lines[0][unit_amount]", *amount)
            .add("memo", note->reason)
            .add("metadata[aicp_credit_note_number]", note->number);
        if (link.status == QLatin1String("paid"))
            form.add("out_of_band_amount", *amount);
        auto made = postOnce(QStringLiteral("/v1/credit_notes"), form,
                             note->number + QStringLiteral("-credit-note"));
        if (!made)
            return made.error().withContext(note->number);
        AICP_TRY(record(kind, note->number, made->value(u"id").toString()));
        pushed << note->number;
    }
    return pushed;
}

}  // namespace aicp
