#pragma once

#include <vector>

#include <QDateTime>
#include <QString>

#include "common/result.h"

namespace aicp {

class Workspace;

// A customer of the vendor: the account licenses, usage and invoices belong to.
struct Customer {
    QString id;  // stable, e.g. "acme-corp"
    QString name;
    QString email;
    QDateTime createdAt;  // UTC
};

// Reads and writes customers in a workspace.
class CustomerStore {
public:
    explicit CustomerStore(Workspace& workspace) : workspace_(workspace) {}

    [[nodiscard]] Result<std::vector<Customer>> list() const;  // ordered by name
    [[nodiscard]] Result<Customer> find(const QString& id) const;
    // Inserts or updates by id; refuses an empty or malformed id or name.
    [[nodiscard]] Status save(const Customer& customer);

private:
    Workspace& workspace_;
};

}  // namespace aicp
