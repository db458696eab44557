#include "company/seller.h"

#include "audit/auditlog.h"
#include "common/assignto.h"
#include "common/billingfields.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

SellerProfile readSeller(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3),
            row.text(4), row.text(5), row.text(6), row.time(7)};
}

Status readFields(const SellerProfile& given, SellerProfile& stored) {
    AICP_TRY(assignTo(stored.name,
                      readLine(QStringLiteral("name"), given.name, SellerStore::kMaxNameLength)));
    if (stored.name.isEmpty())
        return Error::invalidInput(
            QStringLiteral("the name is empty: a seller needs its legal name"));
    AICP_TRY(assignTo(stored.address, readLines(QStringLiteral("address"), given.address,
                                                SellerStore::kMaxAddressLength)));
    AICP_TRY(assignTo(stored.country, readCountry(given.country)));
    AICP_TRY(assignTo(stored.taxId, readTaxId(given.taxId)));
    AICP_TRY(assignTo(stored.email, readEmail(given.email)));
    AICP_TRY(assignTo(stored.paymentInstructions,
                      readLines(QStringLiteral("payment instructions"), given.paymentInstructions,
                                SellerStore::kMaxPaymentInstructionsLength)));
    AICP_TRY(assignTo(stored.footer, readLines(QStringLiteral("footer"), given.footer,
                                               SellerStore::kMaxFooterLength)));
    return {};
}

}  // namespace

Result<SellerProfile> normalizedSeller(const SellerProfile& seller) {
    SellerProfile stored = seller;
    if (const Status read = readFields(seller, stored); !read.ok())
        return Error::invalidInput(QStringLiteral("seller: %1").arg(read.error().message()));
    return stored;
}

QJsonObject sellerJson(const SellerProfile& seller) {
    return {{QStringLiteral("name"), seller.name},
            {QStringLiteral("address"), seller.address},
            {QStringLiteral("country"), seller.country},
            {QStringLiteral("tax_id"), seller.taxId},
            {QStringLiteral("email"), seller.email},
            {QStringLiteral("payment_instructions"), seller.paymentInstructions},
            {QStringLiteral("footer"), seller.footer}};
}

Result<std::optional<SellerProfile>> SellerStore::load() const {
    return queryFirstRow<SellerProfile>(
        workspace_.handle(),
        "SELECT name, address, country, tax_id, email, payment_instructions, footer, updated_at "
        "FROM seller WHERE id = 1",
        &readSeller);
}

Status SellerStore::save(const SellerProfile& seller) {
    auto stored = normalizedSeller(seller);
    if (!stored)
        return stored.error();
    auto transaction = Transaction::begin(workspace_.handle());
    if (!transaction)
        return transaction.error();
    auto before = load();
    if (!before)
        return before.error();
    const QJsonObject old = *before ? sellerJson(**before) : QJsonObject();
    QJsonObject changed;
    const QJsonObject now = sellerJson(*stored);
    for (auto field = now.begin(); field != now.end(); ++field)
        if (old.value(field.key()) != field.value())
            changed.insert(field.key(), field.value());
    if (changed.isEmpty())
        return transaction->commit();
    AICP_TRY(executeWith(
        workspace_.handle(),
        "INSERT INTO seller (id, name, address, country, tax_id, email, payment_instructions, "
        "footer, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO "
        "UPDATE SET name = excluded.name, address = excluded.address, country = "
        "excluded.country, tax_id = excluded.tax_id, email = excluded.email, "
        "payment_instructions = excluded.payment_instructions, footer = excluded.footer, "
        "updated_at = excluded.updated_at",
        stored->name, stored->address, stored->country, stored->taxId, stored->email,
        stored->paymentInstructions, stored->footer, QDateTime::currentDateTimeUtc()));
    auto logged = AuditLog(workspace_).append(QStringLiteral("seller.set"), stored->name, changed);
    if (!logged)
        return logged.error();
    return transaction->commit();
}

}  // namespace aicp
