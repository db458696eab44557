#pragma once

#include "common/result.h"

#include <vector>

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace aicp {

class Workspace;

// A customer of the vendor: the account licenses, usage and invoices belong to.
struct Customer {
    QString id;  // stable, e.g. "acme-corp"
    QString name;
    QString email;
    QDateTime createdAt;  // UTC

    friend bool operator==(const Customer&, const Customer&) = default;
};

// The id rule: 1 to 64 characters of lowercase a-z, 0-9 and '-'.
[[nodiscard]] bool isValidCustomerId(QStringView id);
// The same rule for a service's argument: "'x y' is not a customer id".
[[nodiscard]] Status checkCustomerId(const QString& id);
// The rules save() applies, for forms that check before saving: a valid id,
// a name that is not blank, an email that is empty or looks like one.
[[nodiscard]] Status validateCustomer(const Customer& customer);

// Reads and writes customers in a workspace.
class CustomerStore {
public:
    static constexpr qsizetype kMaxIdLength = 64;
    static constexpr qsizetype kMaxNameLength = 200;

    explicit CustomerStore(Workspace& workspace) : workspace_(workspace) {}

    // Ordered by name (ASCII case ignored), then by id.
    [[nodiscard]] Result<std::vector<Customer>> list() const;
    [[nodiscard]] Result<Customer> find(const QString& id) const;
    // Inserts or updates by id; refuses an empty or malformed id or name.
    // Name and email are stored trimmed. createdAt is set on the first save
    // (now, when the given time is invalid), kept to the second, and never
    // changed by later saves.
    [[nodiscard]] Status save(const Customer& customer);
    // Like save(), but only a new id: an id already stored is a Conflict
    // (nothing is changed), so two people adding "acme" do not merge.
    [[nodiscard]] Status add(const Customer& customer);
    // Like save(), but only an id already stored: NotFound otherwise, so a
    // mistyped id never creates a customer. createdAt is not changed.
    [[nodiscard]] Status update(const Customer& customer);

private:
    Workspace& workspace_;
};

}  // namespace aicp
