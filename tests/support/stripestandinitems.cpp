// The stand-in's invoice items, credit notes and lists, from Stripe's API
// reference (version 2024-06-20): "Invoice Items", "Credit Notes",
// "Pagination" and the guide "Generate credit notes programmatically".
#include "support/stripestandin.h"

#include <algorithm>
#include <array>

namespace aicp::test {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMaxAmount = 999'999'999'999;
}  // namespace

// ---- Invoice items

StripeStandIn::Reply StripeStandIn::createItem(const Fields& form) {
    Params params(form,
                  {"customer", "amount", "currency", "description", "invoice", "metadata[*]",
                   "quantity", "unit_amount"},
                  "discountable discounts expand period price price_data subscription "
                  "tax_behavior tax_code tax_rates unit_amount_decimal");
    const std::optional<QByteArray> customerId = params.required("customer");
    Item item;
    std::optional<Reply> refused = itemAmounts(params, item);
    const std::optional<QByteArray> currency = params.currency("currency");
    item.metadata = params.metadata();
    if (params.failed())
        return params.reply();
    if (refused)
        return *refused;
    if (findCustomer(*customerId) == nullptr)
        return missing("customer", *customerId, "customer", 400);
    item.id = randomId("ii_", 24);
    item.lineId = randomId("il_", 24);
    item.priceId = randomId("price_", 24);
    item.productId = randomId("prod_", 14);
    item.customer = *customerId;
    item.currency = currency.value_or(QByteArray());
    item.invoice = params.text("invoice").value_or(QByteArray());
    item.description = textOrNull(params.text("description"));
    item.created = now();
    if (std::optional<Reply> wrong = attachItem(item))
        return *wrong;
    items_.push_back(item);
    return {200, itemJson(items_.back()), true};
}

// amount (the whole line, may be negative) or unit_amount times quantity.
std::optional<StripeStandIn::Reply> StripeStandIn::itemAmounts(Params& params, Item& item) {
    const std::optional<qint64> amount = params.integer("amount", -kMaxAmount, kMaxAmount);
    const std::optional<qint64> unit = params.integer("unit_amount", -kMaxAmount, kMaxAmount);
    const std::optional<qint64> quantity = params.integer("quantity", 0, kMaxAmount);
    if (params.failed())
        return std::nullopt;
    if (amount && unit)
        params.fail(error(400, "invalid_request_error",
                          QStringLiteral("You may only specify one of these parameters: amount, "
                                         "unit_amount."),
                          "amount"));
    else if (amount && quantity && *quantity != 1)
        params.fail(error(400, "invalid_request_error",
                          QStringLiteral("quantity can only be used with unit_amount (amount is "
                                         "the item's whole amount)."),
                          "quantity"));
    else if (!amount && !unit)
        params.required("amount");
    if (params.failed())
        return std::nullopt;
    item.quantity = quantity.value_or(1);
    item.unitAmount = amount ? *amount : *unit;
    item.amount = amount ? *amount : *unit * item.quantity;
    return std::nullopt;
}

// "You can only add invoice items to draft invoices", of the item's customer
// and in the invoice's currency; a pending item takes the account's "usd".
std::optional<StripeStandIn::Reply> StripeStandIn::attachItem(Item& item) {
    if (item.invoice.isEmpty()) {
        if (item.currency.isEmpty())
            item.currency = "usd";
        return std::nullopt;
    }
    const Invoice* invoice = findInvoice(item.invoice);
    if (invoice == nullptr)
        return missing("invoice", item.invoice, "invoice", 400);
    if (invoice->status != "draft")
        return error(400, "invalid_request_error",
                     QStringLiteral("You can only add invoice items to draft invoices; invoice "
                                    "%1 is %2.")
                         .arg(QString::fromUtf8(invoice->id), QString::fromUtf8(invoice->status)),
                     "invoice");
    if (invoice->customer != item.customer)
        return error(400, "invalid_request_error",
                     QStringLiteral("The invoice item's customer (%1) must be the customer of "
                                    "invoice %2 (%3).")
                         .arg(QString::fromUtf8(item.customer), QString::fromUtf8(invoice->id),
                              QString::fromUtf8(invoice->customer)),
                     "invoice");
    if (!item.currency.isEmpty() && item.currency != invoice->currency)
        return error(400, "invalid_request_error",
                     QStringLiteral("The invoice item's currency (%1) must be the currency of "
                                    "invoice %2 (%3).")
                         .arg(QString::fromUtf8(item.currency), QString::fromUtf8(invoice->id),
                              QString::fromUtf8(invoice->currency)),
                     "currency");
    item.currency = invoice->currency;
    return std::nullopt;
}

// An item without a price gets an inactive one-off price, as Stripe makes.
QJsonObject StripeStandIn::priceJson(const Item& item) const {
    return {
        {u"id"_s, QString::fromUtf8(item.priceId)},
        {u"object"_s, u"price"_s},
        {u"active"_s, false},
        {u"billing_scheme"_s, u"per_unit"_s},
        {u"created"_s, item.created},
        {u"currency"_s, QString::fromUtf8(item.currency)},
        {u"custom_unit_amount"_s, kJsonNull},
        {u"livemode"_s, false},
        {u"lookup_key"_s, kJsonNull},
        {u"metadata"_s, QJsonObject()},
        {u"nickname"_s, kJsonNull},
        {u"product"_s, QString::fromUtf8(item.productId)},
        {u"recurring"_s, kJsonNull},
        {u"tax_behavior"_s, u"unspecified"_s},
        {u"tiers_mode"_s, kJsonNull},
        {u"transform_quantity"_s, kJsonNull},
        {u"type"_s, u"one_time"_s},
        {u"unit_amount"_s, item.unitAmount},
        {u"unit_amount_decimal"_s, QString::number(item.unitAmount)},
    };
}

QJsonObject StripeStandIn::itemJson(const Item& item) const {
    return {
        {u"id"_s, QString::fromUtf8(item.id)},
        {u"object"_s, u"invoiceitem"_s},
        {u"amount"_s, item.amount},
        {u"currency"_s, QString::fromUtf8(item.currency)},
        {u"customer"_s, QString::fromUtf8(item.customer)},
        {u"date"_s, item.created},
        {u"description"_s, item.description},
        {u"discountable"_s, true},
        {u"discounts"_s, QJsonArray()},
        {u"invoice"_s,
         item.invoice.isEmpty() ? kJsonNull : QJsonValue(QString::fromUtf8(item.invoice))},
        {u"livemode"_s, false},
        {u"metadata"_s, item.metadata},
        {u"period"_s, QJsonObject{{u"end"_s, item.created}, {u"start"_s, item.created}}},
        {u"plan"_s, kJsonNull},
        {u"price"_s, priceJson(item)},
        {u"proration"_s, false},
        {u"quantity"_s, item.quantity},
        {u"subscription"_s, kJsonNull},
        {u"tax_rates"_s, QJsonArray()},
        {u"test_clock"_s, kJsonNull},
        {u"unit_amount"_s, item.unitAmount},
        {u"unit_amount_decimal"_s, QString::number(item.unitAmount)},
    };
}

QJsonObject StripeStandIn::lineJson(const Item& item) const {
    return {
        {u"id"_s, QString::fromUtf8(item.lineId)},
        {u"object"_s, u"line_item"_s},
        {u"amount"_s, item.amount},
        {u"amount_excluding_tax"_s, item.amount},
        {u"currency"_s, QString::fromUtf8(item.currency)},
        {u"description"_s, item.description},
        {u"discount_amounts"_s, QJsonArray()},
        {u"discountable"_s, true},
        {u"discounts"_s, QJsonArray()},
        {u"invoice"_s, QString::fromUtf8(item.invoice)},
        {u"invoice_item"_s, QString::fromUtf8(item.id)},
        {u"livemode"_s, false},
        {u"metadata"_s, item.metadata},
        {u"period"_s, QJsonObject{{u"end"_s, item.created}, {u"start"_s, item.created}}},
        {u"plan"_s, kJsonNull},
        {u"price"_s, priceJson(item)},
        {u"proration"_s, false},
        {u"proration_details"_s, QJsonObject{{u"credited_items"_s, kJsonNull}}},
        {u"quantity"_s, item.quantity},
        {u"subscription"_s, kJsonNull},
        {u"tax_amounts"_s, QJsonArray()},
        {u"tax_rates"_s, QJsonArray()},
        {u"type"_s, u"invoiceitem"_s},
        {u"unit_amount_excluding_tax"_s, QString::number(item.unitAmount)},
    };
}

// ---- Credit notes: "To adjust the balance of an open or paid invoice,
// generate a credit note." On an open invoice it lowers amount_due
// (pre_payment); on a paid one refund, credit and out-of-band amounts must
// add up to its total (post_payment).

StripeStandIn::Reply StripeStandIn::createCreditNote(const Fields& form) {
    Params params(form,
                  {"invoice", "amount", "lines[][*]", "memo", "reason", "metadata[*]",
                   "out_of_band_amount", "credit_amount", "refund_amount"},
                  "effective_at email_type expand refund shipping_cost");
    const std::optional<QByteArray> invoiceId = params.required("invoice");
    const std::optional<qint64> amount = params.integer("amount", 1, kMaxAmount);
    const std::optional<QByteArray> reason = params.oneOf(
        "reason", {"duplicate", "fraudulent", "order_change", "product_unsatisfactory"});
    const QJsonObject metadata = params.metadata();
    if (!params.failed() && !amount && params.indexed("lines").empty())
        params.fail(error(400, "invalid_request_error",
                          QStringLiteral("One of amount or lines must be provided."), "lines"));
    if (params.failed())
        return params.reply();
    Invoice* invoice = findInvoice(*invoiceId);
    if (invoice == nullptr)
        return missing("invoice", *invoiceId, "invoice", 400);
    QJsonArray lines;
    qint64 sum = 0;
    if (std::optional<Reply> refused = creditNoteLines(params, *invoice, lines, sum))
        return *refused;
    if (amount && !lines.isEmpty() && *amount != sum)
        return error(400, "invalid_request_error",
                     QStringLiteral("The credit note's amount (%1) must equal the sum of its "
                                    "lines (%2).")
                         .arg(*amount)
                         .arg(sum),
                     "amount");
    const qint64 total = lines.isEmpty() ? *amount : sum;
    const QString id = QString::fromUtf8(randomId("cn_", 24));
    QJsonObject note{
        {u"id"_s, id},
        {u"object"_s, u"credit_note"_s},
        {u"amount"_s, total},
        {u"amount_shipping"_s, 0},
        {u"created"_s, now()},
        {u"currency"_s, QString::fromUtf8(invoice->currency)},
        {u"customer"_s, QString::fromUtf8(invoice->customer)},
        {u"discount_amount"_s, 0},
        {u"discount_amounts"_s, QJsonArray()},
        {u"effective_at"_s, now()},
        {u"invoice"_s, QString::fromUtf8(invoice->id)},
        {u"lines"_s, QJsonObject{{u"object"_s, u"list"_s},
                                 {u"data"_s, lines},
                                 {u"has_more"_s, false},
                                 {u"url"_s, u"/v1/credit_notes/"_s + id + u"/lines"_s}}},
        {u"livemode"_s, false},
        {u"memo"_s, textOrNull(params.text("memo"))},
        {u"metadata"_s, metadata},
        {u"pdf"_s, u"https://pay.stripe.com/credit_notes/acct_1StandIn/test_"_s + id + u"/pdf"_s},
        {u"reason"_s, textOrNull(reason)},
        {u"shipping_cost"_s, kJsonNull},
        {u"status"_s, u"issued"_s},
        {u"subtotal"_s, total},
        {u"subtotal_excluding_tax"_s, total},
        {u"tax_amounts"_s, QJsonArray()},
        {u"total"_s, total},
        {u"total_excluding_tax"_s, total},
        {u"voided_at"_s, kJsonNull},
    };
    if (std::optional<Reply> refused = creditNoteSplit(params, *invoice, total, note))
        return *refused;
    note.insert(u"number"_s, QStringLiteral("%1-CN-%2")
                                 .arg(invoice->number.toString())
                                 .arg(++invoice->creditNotes, 2, 10, QLatin1Char('0')));
    creditNotes_.push_back(note);
    return {200, note, true};
}

std::optional<StripeStandIn::Reply> StripeStandIn::creditNoteLines(Params& params,
                                                                   const Invoice& invoice,
                                                                   QJsonArray& lines, qint64& sum) {
    for (const auto& [index, fields] : params.indexed("lines")) {
        Params line(
            fields,
            {"type", "description", "quantity", "unit_amount", "amount", "invoice_line_item"},
            "tax_amounts tax_rates unit_amount_decimal",
            "lines[" + QByteArray::number(index) + "]");
        QJsonObject json;
        qint64 amount = 0;
        std::optional<Reply> refused = creditNoteLine(line, invoice, json, amount);
        if (line.failed())
            return line.reply();
        if (refused)
            return refused;
        sum += amount;
        lines.append(json);
    }
    return std::nullopt;
}

// One line: a custom_line_item credits unit_amount x quantity; an
// invoice_line_item credits an amount, a quantity of the line's unit amount,
// or the whole line.
std::optional<StripeStandIn::Reply> StripeStandIn::creditNoteLine(Params& line,
                                                                  const Invoice& invoice,
                                                                  QJsonObject& json,
                                                                  qint64& amount) {
    const std::optional<QByteArray> type = line.required("type");
    const std::optional<QByteArray> kind =
        type ? line.oneOf("type", {"custom_line_item", "invoice_line_item"}) : std::nullopt;
    const std::optional<qint64> quantity = line.integer("quantity", 1, kMaxAmount);
    const std::optional<qint64> unit = line.integer("unit_amount", 1, kMaxAmount);
    const std::optional<qint64> whole = line.integer("amount", 1, kMaxAmount);
    const bool custom = kind == "custom_line_item";
    using Names = std::array<const char*, 2>;
    const Names wrong =
        custom ? Names{"amount", "invoice_line_item"} : Names{"description", "unit_amount"};
    for (const char* name : wrong)
        if (kind && line.has(name))
            line.fail(error(400, "invalid_request_error",
                            QStringLiteral("%1 is only valid when type is %2.")
                                .arg(QString::fromUtf8(line.param(name)),
                                     custom ? u"invoice_line_item"_s : u"custom_line_item"_s),
                            line.param(name)));
    if (kind && custom)
        line.required("unit_amount");
    const std::optional<QByteArray> lineId =
        kind && !custom ? line.required("invoice_line_item") : std::nullopt;
    if (line.failed())
        return std::nullopt;
    json = {{u"id"_s, QString::fromUtf8(randomId("cnli_", 24))},
            {u"object"_s, u"credit_note_line_item"_s},
            {u"discount_amount"_s, 0},
            {u"discount_amounts"_s, QJsonArray()},
            {u"livemode"_s, false},
            {u"quantity"_s, quantity ? QJsonValue(*quantity) : QJsonValue(1)},
            {u"tax_amounts"_s, QJsonArray()},
            {u"tax_rates"_s, QJsonArray()},
            {u"type"_s, QString::fromUtf8(*kind)}};
    if (custom) {
        amount = *unit * quantity.value_or(1);
        json.insert(u"description"_s, textOrNull(line.text("description")));
        json.insert(u"invoice_line_item"_s, kJsonNull);
        json.insert(u"unit_amount"_s, *unit);
        json.insert(u"unit_amount_decimal"_s, QString::number(*unit));
    } else {
        const auto item = std::find_if(items_.begin(), items_.end(), [&](const Item& one) {
            return one.lineId == *lineId && one.invoice == invoice.id;
        });
        if (item == items_.end())
            return missing("invoice line item", *lineId, line.param("invoice_line_item"), 400);
        amount = whole ? *whole : quantity ? *quantity * item->unitAmount : item->amount;
        if (amount > item->amount)
            return error(400, "invalid_request_error",
                         QStringLiteral("The credit for line %1 (%2) exceeds its amount (%3).")
                             .arg(QString::fromUtf8(*lineId))
                             .arg(amount)
                             .arg(item->amount),
                         line.param("amount"));
        json.insert(u"description"_s, item->description);
        json.insert(u"invoice_line_item"_s, QString::fromUtf8(*lineId));
        json.insert(u"unit_amount"_s, kJsonNull);
        json.insert(u"unit_amount_decimal"_s, kJsonNull);
    }
    json.insert(u"amount"_s, amount);
    json.insert(u"amount_excluding_tax"_s, amount);
    json.insert(u"unit_amount_excluding_tax"_s, QString::number(amount / quantity.value_or(1)));
    return std::nullopt;
}

std::optional<StripeStandIn::Reply> StripeStandIn::creditNoteSplit(Params& params, Invoice& invoice,
                                                                   qint64 total,
                                                                   QJsonObject& note) {
    const qint64 credit = params.integer("credit_amount", 0, kMaxAmount).value_or(0);
    const qint64 refund = params.integer("refund_amount", 0, kMaxAmount).value_or(0);
    const qint64 outOfBand = params.integer("out_of_band_amount", 0, kMaxAmount).value_or(0);
    if (params.failed())
        return params.reply();
    const auto refuse = [](const QString& message, const char* param) {
        return error(400, "invalid_request_error", message, param);
    };
    if (invoice.status == "open") {
        const qint64 remaining = amountDue(invoice) - invoice.amountPaid;
        if (credit + refund + outOfBand != 0)
            return refuse(QStringLiteral("credit_amount, refund_amount and out_of_band_amount "
                                         "apply to paid invoices; a credit note on an open "
                                         "invoice lowers its amount due."),
                          credit != 0 ? "credit_amount"
                                      : (refund != 0 ? "refund_amount" : "out_of_band_amount"));
        if (total > remaining)
            return refuse(QStringLiteral("The credit note's total (%1) may not exceed the "
                                         "invoice's amount_remaining (%2).")
                              .arg(total)
                              .arg(remaining),
                          "amount");
        invoice.prePayment += total;
        note.insert(u"type"_s, u"pre_payment"_s);
        // Credited down to nothing, an open invoice is settled.
        if (amountDue(invoice) - invoice.amountPaid == 0) {
            invoice.status = "paid";
            invoice.paidAt = now();
        }
    } else if (invoice.status == "paid") {
        if (credit + refund + outOfBand != total)
            return refuse(QStringLiteral("For post-payment credit notes the sum of the refund "
                                         "(%1), credit (%2) and outside of Stripe (%3) amounts "
                                         "must equal the credit note total (%4).")
                              .arg(refund)
                              .arg(credit)
                              .arg(outOfBand)
                              .arg(total),
                          "amount");
        if (invoice.postPayment + total > invoice.amountPaid)
            return refuse(QStringLiteral("The post-payment credit notes (%1) may not exceed the "
                                         "invoice's amount_paid (%2).")
                              .arg(invoice.postPayment + total)
                              .arg(invoice.amountPaid),
                          "amount");
        invoice.postPayment += total;
        note.insert(u"type"_s, u"post_payment"_s);
    } else {
        return refuse(QStringLiteral("Credit notes can only be issued for open or paid "
                                     "invoices; invoice %1 is %2.")
                          .arg(QString::fromUtf8(invoice.id), QString::fromUtf8(invoice.status)),
                      "invoice");
    }
    note.insert(u"customer_balance_transaction"_s,
                credit > 0 ? QJsonValue(QString::fromUtf8(randomId("cbtxn_", 24))) : kJsonNull);
    note.insert(u"refund"_s,
                refund > 0 ? QJsonValue(QString::fromUtf8(randomId("re_", 24))) : kJsonNull);
    note.insert(u"out_of_band_amount"_s, outOfBand > 0 ? QJsonValue(outOfBand) : kJsonNull);
    return std::nullopt;
}

// ---- Lists: newest first, `limit` (1 to 100, 10 by default) objects after
// `starting_after` or before `ending_before`, `has_more` when more follow.

StripeStandIn::Reply StripeStandIn::list(const QByteArray& kind, const Fields& query,
                                         const QByteArray& invoiceId) {
    const bool items = kind == "invoiceitems";
    Params params =
        kind == "invoices"
            ? Params(query, {"limit", "starting_after", "ending_before", "customer", "status"},
                     "collection_method created due_date expand subscription")
        : items
            ? Params(query,
                     {"limit", "starting_after", "ending_before", "customer", "invoice", "pending"},
                     "created expand")
        : kind == "credit_notes"
            ? Params(query, {"limit", "starting_after", "ending_before", "customer", "invoice"},
                     "created expand")
            : Params(query, {"limit", "starting_after", "ending_before"}, "expand");
    const qint64 limit = params.integer("limit", 1, 100).value_or(10);
    const std::optional<QByteArray> status =
        params.oneOf("status", {"draft", "open", "paid", "uncollectible", "void"});
    const std::optional<bool> pending = params.boolean("pending");
    if (params.failed())
        return params.reply();
    const auto keep = [&](const QJsonObject& one) {
        const auto is = [&](const char* field, const char* name) {
            const std::optional<QByteArray> wanted = params.text(name);
            return !wanted || one[QLatin1String(field)].toString() == QString::fromUtf8(*wanted);
        };
        return is("customer", "customer") && is("invoice", "invoice") && is("status", "status") &&
               (!pending || one[u"invoice"_s].isNull() == *pending);
    };
    QList<QJsonObject> all;
    if (kind == "lines") {
        if (findInvoice(invoiceId) == nullptr)
            return missing("invoice", invoiceId, "invoice", 404);
        for (const Item& item : items_)
            if (item.invoice == invoiceId)
                all.append(lineJson(item));
    } else if (kind == "invoices") {
        for (auto it = invoices_.rbegin(); it != invoices_.rend(); ++it)
            all.append(invoiceJson(*it));
    } else if (items) {
        for (auto it = items_.rbegin(); it != items_.rend(); ++it)
            all.append(itemJson(*it));
    } else {
        all = {creditNotes_.rbegin(), creditNotes_.rend()};
    }
    all.erase(
        std::remove_if(all.begin(), all.end(), [&](const QJsonObject& one) { return !keep(one); }),
        all.end());
    return page(kind, all, params, limit, invoiceId);
}

StripeStandIn::Reply StripeStandIn::page(const QByteArray& kind, const QList<QJsonObject>& all,
                                         Params& params, qint64 limit,
                                         const QByteArray& invoiceId) {
    const auto indexOf = [&all](const QByteArray& id) {
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i][u"id"_s].toString() == QString::fromUtf8(id))
                return i;
        return qsizetype(-1);
    };
    const char* singular = kind == "lines"          ? "invoice line item"
                           : kind == "invoices"     ? "invoice"
                           : kind == "invoiceitems" ? "invoiceitem"
                                                    : "credit_note";
    const std::optional<QByteArray> after = params.text("starting_after");
    const std::optional<QByteArray> before = params.text("ending_before");
    qsizetype from = 0;
    qsizetype to = all.size();
    if (after) {
        from = indexOf(*after) + 1;
        if (from == 0)
            return missing(singular, *after, "starting_after", 400);
    }
    if (before) {
        to = indexOf(*before);
        if (to < 0)
            return missing(singular, *before, "ending_before", 400);
        if (!after)
            from = std::max<qsizetype>(to - limit, 0);
    }
    QJsonArray data;
    for (qsizetype i = from; i < std::min<qsizetype>(from + limit, to); ++i)
        data.append(all[i]);
    const bool more = before && !after ? from > 0 : from + limit < to;
    const QString url =
        kind == "lines" ? QStringLiteral("/v1/invoices/%1/lines").arg(QString::fromUtf8(invoiceId))
                        : QStringLiteral("/v1/") + QString::fromUtf8(kind);
    return {
        200,
        QJsonObject{
            {u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, more}, {u"url"_s, url}},
        true};
}

}  // namespace aicp::test
