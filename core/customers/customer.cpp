#include "customers/customer.h"

#include "storage/query.h"
#include "storage/statement.h"
#include "storage/workspace.h"

namespace aicp {

namespace {

constexpr std::string_view kSelectColumns = "SELECT id, name, email, created_at FROM customers";

Customer readCustomer(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.time(3)};
}

bool isIdCharacter(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

// Deliberately loose: one '@' with text on both sides and a dot in the
// domain catches typos without refusing real addresses.
bool looksLikeEmail(const QString& email) {
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at != email.lastIndexOf(u'@'))
        return false;
    const QStringView domain = QStringView(email).mid(at + 1);
    const qsizetype dot = domain.indexOf(u'.');
    if (dot <= 0 || dot == domain.size() - 1)
        return false;
    for (const QChar c : email) {
        if (c.isSpace())
            return false;
    }
    return true;
}

Error invalidId(QStringView id) {
    return Error::invalidInput(QStringLiteral("customer id '%1' is not valid: use 1 to %2 "
                                              "lowercase letters, digits and '-'")
                                   .arg(id)
                                   .arg(CustomerStore::kMaxIdLength));
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

Status validateCustomer(const Customer& customer) {
    if (!isValidCustomerId(customer.id))
        return invalidId(customer.id);
    const QString name = customer.name.trimmed();
    if (name.isEmpty())
        return Error::invalidInput(QStringLiteral("customer '%1' needs a name").arg(customer.id));
    if (name.size() > CustomerStore::kMaxNameLength)
        return Error::invalidInput(QStringLiteral("customer '%1': the name is longer than %2 "
                                                  "characters")
                                       .arg(customer.id)
                                       .arg(CustomerStore::kMaxNameLength));
    const QString email = customer.email.trimmed();
    if (!email.isEmpty() && !looksLikeEmail(email))
        return Error::invalidInput(
            QStringLiteral("customer '%1': '%2' is not an email address").arg(customer.id, email));
    return {};
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
    AICP_TRY(validateCustomer(customer));
    const QDateTime createdAt =
        customer.createdAt.isValid() ? customer.createdAt : QDateTime::currentDateTimeUtc();
    return executeWith(
        workspace_.handle(),
        "INSERT INTO customers (id, name, email, created_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email",
        customer.id, customer.name.trimmed(), customer.email.trimmed(), createdAt);
}

Status CustomerStore::add(const Customer& customer) {
    AICP_TRY(validateCustomer(customer));
    const QDateTime createdAt =
        customer.createdAt.isValid() ? customer.createdAt : QDateTime::currentDateTimeUtc();
    auto insert = Statement::prepare(workspace_.handle(),
                                     "INSERT INTO customers (id, name, email, created_at) VALUES "
                                     "(?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING");
    if (!insert)
        return insert.error();
    AICP_TRY(
        insert->bindAll(customer.id, customer.name.trimmed(), customer.email.trimmed(), createdAt));
    AICP_TRY(insert->execute());
    if (workspace_.handle()->changedRows() != 1)
        return Error(Error::Code::Conflict,
                     QStringLiteral("there is already a customer '%1'").arg(customer.id));
    return {};
}

Status CustomerStore::update(const Customer& customer) {
    AICP_TRY(validateCustomer(customer));
    auto change = Statement::prepare(workspace_.handle(),
                                     "UPDATE customers SET name = ?2, email = ?3 WHERE id = ?1");
    if (!change)
        return change.error();
    AICP_TRY(change->bindAll(customer.id, customer.name.trimmed(), customer.email.trimmed()));
    AICP_TRY(change->execute());
    if (workspace_.handle()->changedRows() != 1)
        return Error::notFound(QStringLiteral("there is no customer '%1'").arg(customer.id));
    return {};
}

}  // namespace aicp
