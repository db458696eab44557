// The stand-in's endpoints and the objects they answer, shaped as Stripe's
// API reference (version 2024-06-20) shows them: "Customers", "Invoices",
// "Invoice Items", "Credit Notes" and the guides "Generate credit notes
// programmatically" and "Status transitions and finalization".
#include "support/stripestandin.h"

#include <algorithm>

#include <QJsonArray>

namespace aicp::test {

using namespace Qt::Literals::StringLiterals;

QJsonValue textOrNull(const std::optional<QByteArray>& value) {
    return value && !value->isEmpty() ? QJsonValue(QString::fromUtf8(*value)) : kJsonNull;
}

namespace {

constexpr qint64 kDay = 86'400;

QJsonValue timeOrNull(qint64 at) {
    return at != 0 ? QJsonValue(at) : kJsonNull;
}

QJsonObject listJson(const QJsonArray& data, bool hasMore, const QString& url) {
    return {{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, hasMore}, {u"url"_s, url}};
}

}  // namespace

// ---- Outside the API: what the customer and finance do at Stripe.

QList<QJsonObject> StripeStandIn::customers() const {
    const std::lock_guard lock(mutex_);
    QList<QJsonObject> all;
    for (const Customer& customer : customers_)
        all << customerJson(customer);
    return all;
}

QList<QJsonObject> StripeStandIn::invoices() const {
    const std::lock_guard lock(mutex_);
    QList<QJsonObject> all;
    for (const Invoice& invoice : invoices_)
        all << invoiceJson(invoice);
    return all;
}

QList<QJsonObject> StripeStandIn::invoiceItems() const {
    const std::lock_guard lock(mutex_);
    QList<QJsonObject> all;
    for (const Item& item : items_)
        all << itemJson(item);
    return all;
}

QList<QJsonObject> StripeStandIn::creditNotes() const {
    const std::lock_guard lock(mutex_);
    return {creditNotes_.begin(), creditNotes_.end()};
}

bool StripeStandIn::markPaid(const QByteArray& invoiceId, qint64 paidAtUnixSeconds) {
    const std::lock_guard lock(mutex_);
    return mark(invoiceId, "paid", paidAtUnixSeconds);
}

bool StripeStandIn::markVoid(const QByteArray& invoiceId, qint64 atUnixSeconds) {
    const std::lock_guard lock(mutex_);
    return mark(invoiceId, "void", atUnixSeconds);
}

bool StripeStandIn::markUncollectible(const QByteArray& invoiceId, qint64 atUnixSeconds) {
    const std::lock_guard lock(mutex_);
    return mark(invoiceId, "uncollectible", atUnixSeconds);
}

bool StripeStandIn::mark(const QByteArray& invoiceId, const QByteArray& status, qint64 at) {
    Invoice* invoice = findInvoice(invoiceId);
    if (invoice == nullptr || invoice->status != "open")
        return false;
    invoice->status = status;
    if (status == "paid") {
        invoice->amountPaid = amountDue(*invoice);
        invoice->paidAt = at;
    } else if (status == "void") {
        invoice->voidedAt = at;
    } else {
        invoice->uncollectibleAt = at;
    }
    return true;
}

StripeStandIn::Customer* StripeStandIn::findCustomer(const QByteArray& id) {
    const auto it = std::find_if(customers_.begin(), customers_.end(),
                                 [&id](const Customer& one) { return one.id == id; });
    return it == customers_.end() ? nullptr : &*it;
}

StripeStandIn::Invoice* StripeStandIn::findInvoice(const QByteArray& id) {
    const auto it = std::find_if(invoices_.begin(), invoices_.end(),
                                 [&id](const Invoice& one) { return one.id == id; });
    return it == invoices_.end() ? nullptr : &*it;
}

StripeStandIn::Reply StripeStandIn::retrieve(const QByteArray& resource, const QByteArray& id) {
    if (resource == "customers") {
        const Customer* customer = findCustomer(id);
        return customer ? Reply{200, customerJson(*customer), true}
                        : missing("customer", id, "id", 404);
    }
    if (resource == "invoices") {
        const Invoice* invoice = findInvoice(id);
        return invoice ? Reply{200, invoiceJson(*invoice), true}
                       : missing("invoice", id, "id", 404);
    }
    if (resource == "invoiceitems") {
        const auto it = std::find_if(items_.begin(), items_.end(),
                                     [&id](const Item& one) { return one.id == id; });
        return it != items_.end() ? Reply{200, itemJson(*it), true}
                                  : missing("invoiceitem", id, "id", 404);
    }
    const auto it = std::find_if(
        creditNotes_.begin(), creditNotes_.end(),
        [&id](const QJsonObject& one) { return one[u"id"_s].toString() == QString::fromUtf8(id); });
    return it != creditNotes_.end() ? Reply{200, *it, true} : missing("credit_note", id, "id", 404);
}

// ---- Customers

StripeStandIn::Reply StripeStandIn::createCustomer(const Fields& form) {
    Params params(form,
                  {"name", "email", "description", "phone", "invoice_prefix", "address[line1]",
                   "address[line2]", "address[city]", "address[postal_code]", "address[state]",
                   "address[country]", "metadata[*]", "preferred_locales[]"},
                  "balance cash_balance coupon expand invoice_settings next_invoice_sequence "
                  "payment_method promotion_code shipping source tax tax_exempt tax_id_data "
                  "test_clock");
    const QJsonObject address =
        params.group("address", {"city", "country", "line1", "line2", "postal_code", "state"});
    const QJsonObject metadata = params.metadata();
    Customer customer{randomId("cus_", 14), {}, randomId("", 8).toUpper(), 1};
    if (const std::optional<QByteArray> prefix = params.text("invoice_prefix")) {
        static const QRegularExpression shape(QStringLiteral("^[A-Z0-9]{3,12}$"));
        if (!shape.match(QString::fromUtf8(*prefix)).hasMatch())
            params.fail(error(400, "invalid_request_error",
                              QStringLiteral("Invalid invoice_prefix: must be 3-12 uppercase "
                                             "letters or numbers"),
                              "invoice_prefix"));
        customer.prefix = *prefix;
    }
    if (params.failed())
        return params.reply();
    customer.json = {
        {u"id"_s, QString::fromUtf8(customer.id)},
        {u"object"_s, u"customer"_s},
        {u"address"_s, address.isEmpty() ? kJsonNull : QJsonValue(address)},
        {u"balance"_s, 0},
        {u"created"_s, now()},
        {u"default_source"_s, kJsonNull},
        {u"delinquent"_s, false},
        {u"description"_s, textOrNull(params.text("description"))},
        {u"discount"_s, kJsonNull},
        {u"email"_s, textOrNull(params.text("email"))},
        {u"invoice_prefix"_s, QString::fromUtf8(customer.prefix)},
        {u"invoice_settings"_s, QJsonObject{{u"custom_fields"_s, kJsonNull},
                                            {u"default_payment_method"_s, kJsonNull},
                                            {u"footer"_s, kJsonNull},
                                            {u"rendering_options"_s, kJsonNull}}},
        {u"livemode"_s, false},
        {u"metadata"_s, metadata},
        {u"name"_s, textOrNull(params.text("name"))},
        {u"phone"_s, textOrNull(params.text("phone"))},
        {u"preferred_locales"_s, QJsonArray::fromStringList(params.list("preferred_locales"))},
        {u"shipping"_s, kJsonNull},
        {u"tax_exempt"_s, u"none"_s},
        {u"test_clock"_s, kJsonNull},
    };
    customers_.push_back(customer);
    return {200, customerJson(customers_.back()), true};
}

QJsonObject StripeStandIn::customerJson(const Customer& customer) const {
    QJsonObject json = customer.json;
    json.insert(u"currency"_s, kJsonNull);  // set by subscriptions, which are not here
    json.insert(u"next_invoice_sequence"_s, customer.nextSequence);
    return json;
}

// ---- Invoices

StripeStandIn::Reply StripeStandIn::createInvoice(const Fields& form) {
    Params params(form,
                  {"customer", "currency", "collection_method", "days_until_due", "auto_advance",
                   "pending_invoice_items_behavior", "description", "footer", "metadata[*]"},
                  "account_tax_ids application_fee_amount automatic_tax custom_fields "
                  "default_payment_method default_source default_tax_rates discounts due_date "
                  "effective_at expand from_invoice issuer number on_behalf_of payment_settings "
                  "rendering shipping_cost shipping_details statement_descriptor subscription "
                  "transfer_data");
    const std::optional<QByteArray> customerId = params.required("customer");
    const std::optional<QByteArray> currency = params.currency("currency");
    const QByteArray method =
        params.oneOf("collection_method", {"charge_automatically", "send_invoice"})
            .value_or("charge_automatically");
    const std::optional<qint64> days = params.integer("days_until_due", 0, 36'500);
    const std::optional<bool> autoAdvance = params.boolean("auto_advance");
    const std::optional<QByteArray> pending =
        params.oneOf("pending_invoice_items_behavior", {"exclude", "include"});
    const QJsonObject metadata = params.metadata();
    // days_until_due: "Valid only for invoices where collection_method=send_invoice".
    if (days && method == "charge_automatically")
        params.fail(error(400, "invalid_request_error",
                          QStringLiteral("days_until_due can only be set when collection_method "
                                         "is send_invoice."),
                          "days_until_due"));
    if (!days && method == "send_invoice")
        params.fail(error(400, "invalid_request_error",
                          QStringLiteral("Invoices with collection_method=send_invoice need "
                                         "days_until_due (or due_date)."),
                          "days_until_due"));
    if (params.failed())
        return params.reply();
    Customer* customer = findCustomer(*customerId);
    if (customer == nullptr)
        return missing("customer", *customerId, "customer", 400);
    Invoice invoice;
    invoice.id = randomId("in_", 24);
    invoice.customer = customer->id;
    invoice.currency = currency.value_or("usd");  // the account's default currency
    invoice.collectionMethod = method;
    invoice.daysUntilDue = days;
    invoice.autoAdvance = autoAdvance.value_or(false);
    invoice.description = textOrNull(params.text("description"));
    invoice.footer = textOrNull(params.text("footer"));
    invoice.number = kJsonNull;
    invoice.metadata = metadata;
    invoice.created = now();
    // pending_invoice_items_behavior=include takes the customer's pending
    // items in the invoice's currency; exclude (the default) leaves them.
    if (pending == "include")
        for (Item& item : items_)
            if (item.customer == invoice.customer && item.invoice.isEmpty() &&
                item.currency == invoice.currency)
                item.invoice = invoice.id;
    invoices_.push_back(invoice);
    return {200, invoiceJson(invoices_.back()), true};
}

StripeStandIn::Reply StripeStandIn::finalizeInvoice(const QByteArray& id, const Fields& form) {
    Params params(form, {"auto_advance"}, "expand");
    const std::optional<bool> autoAdvance = params.boolean("auto_advance");
    if (params.failed())
        return params.reply();
    Invoice* invoice = findInvoice(id);
    if (invoice == nullptr)
        return missing("invoice", id, "id", 404);
    if (invoice->status != "draft")
        return error(400, "invalid_request_error",
                     QStringLiteral("This invoice is already finalized, you can't re-finalize a "
                                    "non-draft invoice."),
                     {}, "invoice_not_editable");
    Customer* customer = findCustomer(invoice->customer);
    invoice->number = QStringLiteral("%1-%2")
                          .arg(QString::fromUtf8(customer->prefix))
                          .arg(customer->nextSequence++, 4, 10, QLatin1Char('0'));
    invoice->status = "open";
    invoice->finalizedAt = now();
    invoice->token = randomId("", 24);
    if (autoAdvance)
        invoice->autoAdvance = *autoAdvance;
    // "If the invoice's amount due is 0, Stripe marks it as paid" on finalizing.
    if (amountDue(*invoice) == 0) {
        invoice->status = "paid";
        invoice->paidAt = invoice->finalizedAt;
    }
    return {200, invoiceJson(*invoice), true};
}

qint64 StripeStandIn::total(const Invoice& invoice) const {
    qint64 sum = 0;
    for (const Item& item : items_)
        if (item.invoice == invoice.id)
            sum += item.amount;
    return sum;
}

qint64 StripeStandIn::amountDue(const Invoice& invoice) const {
    return std::max<qint64>(total(invoice) - invoice.prePayment, 0);
}

QJsonObject StripeStandIn::invoiceStatusJson(const Invoice& invoice, qint64 sum) const {
    const qint64 due = amountDue(invoice);
    const bool finalized = invoice.finalizedAt != 0;
    const QString token = QString::fromUtf8(invoice.token);
    const bool sendInvoice = invoice.collectionMethod == "send_invoice";
    return {
        {u"id"_s, QString::fromUtf8(invoice.id)},
        {u"object"_s, u"invoice"_s},
        {u"status"_s, QString::fromUtf8(invoice.status)},
        {u"number"_s, invoice.number},
        {u"subtotal"_s, sum},
        {u"subtotal_excluding_tax"_s, sum},
        {u"total"_s, sum},
        {u"total_excluding_tax"_s, sum},
        {u"amount_due"_s, due},
        {u"amount_paid"_s, invoice.amountPaid},
        {u"amount_remaining"_s, invoice.status == "paid" ? 0 : due - invoice.amountPaid},
        {u"pre_payment_credit_notes_amount"_s, invoice.prePayment},
        {u"post_payment_credit_notes_amount"_s, invoice.postPayment},
        {u"paid"_s, invoice.status == "paid"},
        {u"due_date"_s, finalized && sendInvoice
                            ? QJsonValue(invoice.finalizedAt + *invoice.daysUntilDue * kDay)
                            : kJsonNull},
        {u"effective_at"_s, timeOrNull(invoice.finalizedAt)},
        {u"ending_balance"_s, finalized ? QJsonValue(0) : kJsonNull},
        {u"hosted_invoice_url"_s,
         finalized ? QJsonValue(u"https://invoice.stripe.com/i/acct_1StandIn/test_"_s + token)
                   : kJsonNull},
        {u"invoice_pdf"_s,
         finalized ? QJsonValue(u"https://pay.stripe.com/invoice/acct_1StandIn/test_"_s + token +
                                u"/pdf"_s)
                   : kJsonNull},
        {u"status_transitions"_s,
         QJsonObject{{u"finalized_at"_s, timeOrNull(invoice.finalizedAt)},
                     {u"marked_uncollectible_at"_s, timeOrNull(invoice.uncollectibleAt)},
                     {u"paid_at"_s, timeOrNull(invoice.paidAt)},
                     {u"voided_at"_s, timeOrNull(invoice.voidedAt)}}},
        {u"lines"_s, linesJson(invoice)},
    };
}

QJsonObject StripeStandIn::invoiceJson(const Invoice& invoice) const {
    QJsonObject json = invoiceStatusJson(invoice, total(invoice));
    const auto owner =
        std::find_if(customers_.begin(), customers_.end(),
                     [&invoice](const Customer& one) { return one.id == invoice.customer; });
    const QJsonObject customer = owner == customers_.end() ? QJsonObject() : owner->json;
    const QJsonObject more{
        {u"account_country"_s, u"US"_s},
        {u"account_name"_s, u"aicp Stripe stand-in"_s},
        {u"amount_shipping"_s, 0},
        {u"attempt_count"_s, 0},
        {u"attempted"_s, false},
        {u"auto_advance"_s, invoice.autoAdvance},
        {u"automatic_tax"_s,
         QJsonObject{{u"enabled"_s, false}, {u"liability"_s, kJsonNull}, {u"status"_s, kJsonNull}}},
        {u"billing_reason"_s, u"manual"_s},
        {u"charge"_s, kJsonNull},
        {u"collection_method"_s, QString::fromUtf8(invoice.collectionMethod)},
        {u"created"_s, invoice.created},
        {u"currency"_s, QString::fromUtf8(invoice.currency)},
        {u"customer"_s, QString::fromUtf8(invoice.customer)},
        {u"customer_address"_s, customer[u"address"_s]},
        {u"customer_email"_s, customer[u"email"_s]},
        {u"customer_name"_s, customer[u"name"_s]},
        {u"customer_phone"_s, customer[u"phone"_s]},
        {u"customer_tax_exempt"_s, u"none"_s},
        {u"customer_tax_ids"_s, QJsonArray()},
        {u"days_until_due"_s, invoice.daysUntilDue ? QJsonValue(*invoice.daysUntilDue) : kJsonNull},
        {u"default_payment_method"_s, kJsonNull},
        {u"default_tax_rates"_s, QJsonArray()},
        {u"description"_s, invoice.description},
        {u"discounts"_s, QJsonArray()},
        {u"footer"_s, invoice.footer},
        {u"issuer"_s, QJsonObject{{u"type"_s, u"self"_s}}},
        {u"livemode"_s, false},
        {u"metadata"_s, invoice.metadata},
        {u"paid_out_of_band"_s, false},
        {u"payment_intent"_s, kJsonNull},
        {u"period_end"_s, invoice.created},
        {u"period_start"_s, invoice.created},
        {u"starting_balance"_s, 0},
        {u"subscription"_s, kJsonNull},
        {u"total_discount_amounts"_s, QJsonArray()},
        {u"total_tax_amounts"_s, QJsonArray()},
    };
    for (auto it = more.begin(); it != more.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// Stripe embeds the first 10 lines; GET /v1/invoices/{id}/lines pages on.
QJsonObject StripeStandIn::linesJson(const Invoice& invoice) const {
    QJsonArray data;
    int count = 0;
    for (const Item& item : items_)
        if (item.invoice == invoice.id && count++ < 10)
            data.append(lineJson(item));
    return listJson(data, count > 10,
                    QStringLiteral("/v1/invoices/%1/lines").arg(QString::fromUtf8(invoice.id)));
}

}  // namespace aicp::test
