#include "customers/customer.h"

#include "audit/auditlog.h"
#include "common/assignto.h"
#include "common/billingfields.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <string>
#include <string_view>

namespace aicp {

namespace {

constexpr std::string_view kSelectColumns =
    "SELECT id, name, email, created_at, legal_name, address, country, tax_id, currency, "
    "payment_terms_days, tax_exempt, region FROM customers";

Customer readCustomer(const Statement& row) {
    Customer customer{row.text(0), row.text(1), row.text(2), row.time(3)};
    customer.legalName = row.text(4);
    customer.address = row.text(5);
    customer.country = row.text(6);
    customer.taxId = row.text(7);
    customer.currency = row.text(8);
    customer.paymentTermsDays = int(row.int64(9));
    customer.taxExempt = row.int64(10) != 0;
    customer.region = row.text(11);
    return customer;
}

bool isIdCharacter(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

Error invalidId(QStringView id) {
    return Error::invalidInput(QStringLiteral("customer id '%1' is not valid: use 1 to %2 "
                                              "lowercase letters, digits and '-'")
                                   .arg(id)
                                   .arg(CustomerStore::kMaxIdLength));
}

// Reads every field of the billing profile into `stored`, each refused in
// its own words; the caller names the customer.
Status readProfile(const Customer& given, Customer& stored) {
    AICP_TRY(assignTo(stored.email, readEmail(given.email)));
    AICP_TRY(assignTo(stored.legalName, readLine(QStringLiteral("legal name"), given.legalName,
                                                 CustomerStore::kMaxLegalNameLength)));
    AICP_TRY(assignTo(stored.address, readLines(QStringLiteral("address"), given.address,
                                                CustomerStore::kMaxAddressLength)));
    AICP_TRY(assignTo(stored.country, readCountry(given.country)));
    AICP_TRY(assignTo(stored.region, readRegion(given.region, stored.country)));
    AICP_TRY(assignTo(stored.taxId, readTaxId(given.taxId)));
    AICP_TRY(assignTo(stored.currency, readCurrency(given.currency)));
    if (given.paymentTermsDays < 0 || given.paymentTermsDays > CustomerStore::kMaxPaymentTermsDays)
        return Error::invalidInput(
            QStringLiteral("payment terms of %1 days are outside 0 to %2 days")
                .arg(given.paymentTermsDays)
                .arg(CustomerStore::kMaxPaymentTermsDays));
    return {};
}

// The fields of `after` that differ from `before`, with their new values.
QJsonObject changedFields(const Customer& before, const Customer& after) {
    const QJsonObject old = billingProfileJson(before);
    QJsonObject changed;
    const QJsonObject now = billingProfileJson(after);
    for (auto field = now.begin(); field != now.end(); ++field)
        if (old.value(field.key()) != field.value())
            changed.insert(field.key(), field.value());
    return changed;
}

Status appendAudit(Workspace& workspace, const QString& action, const QString& id,
                   const QJsonObject& details) {
    auto logged = AuditLog(workspace, systemClock()).append(action, id, details);
    if (!logged)
        return logged.error();
    return {};
}

}  // namespace

bool isValidCustomerId(QStringView id) {
    if (id.isEmpty() || id.size() > CustomerStore::kMaxIdLength)
        return false;
    for (const QChar c : id) {
        if (!isIdCharacter(c))
            return false;
    }
    return true;
}

Status checkCustomerId(const QString& id) {
    if (!isValidCustomerId(id))
        return Error::invalidInput(QStringLiteral("'%1' is not a customer id").arg(id));
    return {};
}

Result<Customer> normalizedCustomer(const Customer& customer) {
    if (!isValidCustomerId(customer.id))
        return invalidId(customer.id);
    Customer stored = customer;
    stored.name = customer.name.trimmed();
    if (stored.name.isEmpty())
        return Error::invalidInput(QStringLiteral("customer '%1' needs a name").arg(customer.id));
    if (stored.name.size() > CustomerStore::kMaxNameLength)
        return Error::invalidInput(QStringLiteral("customer '%1': the name is longer than %2 "
                                                  "characters")
                                       .arg(customer.id)
                                       .arg(CustomerStore::kMaxNameLength));
    if (const Status profile = readProfile(customer, stored); !profile.ok())
        return Error::invalidInput(
            QStringLiteral("customer '%1': %2").arg(customer.id, profile.error().message()));
    return stored;
}

Status validateCustomer(const Customer& customer) {
    auto stored = normalizedCustomer(customer);
    if (!stored)
        return stored.error();
    return {};
}

QJsonObject billingProfileJson(const Customer& customer) {
    return {{QStringLiteral("name"), customer.name},
            {QStringLiteral("legal_name"), customer.legalName},
            {QStringLiteral("email"), customer.email},
            {QStringLiteral("address"), customer.address},
            {QStringLiteral("country"), customer.country},
            {QStringLiteral("region"), customer.region},
            {QStringLiteral("tax_id"), customer.taxId},
            {QStringLiteral("currency"), customer.currency},
            {QStringLiteral("payment_terms_days"), customer.paymentTermsDays},
            {QStringLiteral("tax_exempt"), customer.taxExempt}};
}

Result<std::vector<Customer>> CustomerStore::list() const {
    return queryRows<Customer>(workspace_.handle(),
                               std::string(kSelectColumns) + " ORDER BY lower(name), name, id",
                               &readCustomer);
}

Result<Customer> CustomerStore::find(const QString& id) const {
    if (!isValidCustomerId(id))
        return invalidId(id);
    return queryOneRow<Customer>(
        workspace_.handle(), std::string(kSelectColumns) + " WHERE id = ?1", &readCustomer,
        Error::notFound(QStringLiteral("there is no customer '%1'").arg(id)), id);
}

Status CustomerStore::save(const Customer& customer) {
    auto stored = normalizedCustomer(customer);
    if (!stored)
        return stored.error();
    const QDateTime createdAt =
        customer.createdAt.isValid() ? customer.createdAt : QDateTime::currentDateTimeUtc();
    return executeWith(
        workspace_.handle(),
        "INSERT INTO customers (id, name, email, created_at, legal_name, address, country, "
        "tax_id, currency, payment_terms_days, tax_exempt, region) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email",
        stored->id, stored->name, stored->email, createdAt, stored->legalName, stored->address,
        stored->country, stored->taxId, stored->currency, stored->paymentTermsDays,
        stored->taxExempt, stored->region);
}

Status CustomerStore::add(const Customer& customer) {
    auto stored = normalizedCustomer(customer);
    if (!stored)
        return stored.error();
    stored->createdAt =
        customer.createdAt.isValid() ? customer.createdAt : QDateTime::currentDateTimeUtc();
    auto transaction = Transaction::begin(workspace_.handle());
    if (!transaction)
        return transaction.error();
    AICP_TRY(executeWith(
        workspace_.handle(),
        "INSERT INTO customers (id, name, email, created_at, legal_name, address, country, "
        "tax_id, currency, payment_terms_days, tax_exempt, region) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (id) DO NOTHING",
        stored->id, stored->name, stored->email, stored->createdAt, stored->legalName,
        stored->address, stored->country, stored->taxId, stored->currency, stored->paymentTermsDays,
        stored->taxExempt, stored->region));
    if (workspace_.handle()->changedRows() != 1)
        return Error(Error::Code::Conflict,
                     QStringLiteral("there is already a customer '%1'").arg(customer.id));
    AICP_TRY(appendAudit(workspace_, QStringLiteral("customer.add"), stored->id,
                         billingProfileJson(*stored)));
    return transaction->commit();
}

Status CustomerStore::update(const Customer& customer) {
    auto stored = normalizedCustomer(customer);
    if (!stored)
        return stored.error();
    auto transaction = Transaction::begin(workspace_.handle());
    if (!transaction)
        return transaction.error();
    auto before = find(customer.id);
    if (!before)
        return before.error();
    const QJsonObject changed = changedFields(*before, *stored);
    if (changed.isEmpty())
        return transaction->commit();
    AICP_TRY(executeWith(workspace_.handle(),
                         "UPDATE customers SET name = ?2, email = ?3, legal_name = ?4, "
                         "address = ?5, country = ?6, tax_id = ?7, currency = ?8, "
                         "payment_terms_days = ?9, tax_exempt = ?10, region = ?11 WHERE id = ?1",
                         stored->id, stored->name, stored->email, stored->legalName,
                         stored->address, stored->country, stored->taxId, stored->currency,
                         stored->paymentTermsDays, stored->taxExempt, stored->region));
    AICP_TRY(appendAudit(workspace_, QStringLiteral("customer.edit"), stored->id, changed));
    return transaction->commit();
}

}  // namespace aicp
