#pragma once

#include "common/result.h"

#include <utility>
#include <vector>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace aicp {

class Workspace;

// A customer of the vendor: the account licenses, usage and invoices belong to,
// and its billing profile (SPEC section 11), which invoices are addressed with.
struct Customer {
    Customer() = default;
    // The account without a billing profile (the defaults below), as code
    // that knows only these writes it: Customer{id, name, email, createdAt}.
    Customer(QString id_, QString name_, QString email_ = {}, QDateTime createdAt_ = {})
        : id(std::move(id_)),
          name(std::move(name_)),
          email(std::move(email_)),
          createdAt(std::move(createdAt_)) {}

    QString id;  // stable, e.g. "acme-corp"
    QString name;
    QString email;        // the billing email: where invoices go
    QDateTime createdAt;  // UTC

    QString legalName;  // the registered name invoices show; empty: the name
    QString address;    // postal address, lines separated by '\n'
    QString country;    // ISO 3166-1 alpha-2, or empty
    QString region;     // ISO 3166-2 ("US-CA") within the country, or empty
    QString taxId;      // stored form: upper case, no spaces or dots (readTaxId)
    QString currency = QStringLiteral("USD");  // ISO 4217: what it is billed in
    int paymentTermsDays = 30;                 // an invoice is due this many days after issue
    bool taxExempt = false;

    friend bool operator==(const Customer&, const Customer&) = default;
};

// The id rule: 1 to 64 characters of lowercase a-z, 0-9 and '-'.
[[nodiscard]] bool isValidCustomerId(QStringView id);
// The same rule for a service's argument: "'x y' is not a customer id".
[[nodiscard]] Status checkCustomerId(const QString& id);
// The customer as it is stored, or why it cannot be: a valid id, a name that
// is not blank, an email that is empty or looks like one, and a billing
// profile whose every field is valid (common/billingfields.h: a known
// country and currency, a tax id of the characters tax ids have, terms of 0
// to 365 days, texts not too long). The error names the customer and the
// field: "customer 'acme': country 'UK' is not an ISO 3166-1 alpha-2 code;
// …". Texts come back trimmed, codes upper-cased, the tax id compacted.
[[nodiscard]] Result<Customer> normalizedCustomer(const Customer& customer);
// The rules add(), update() and save() apply, for forms that check before
// saving: normalizedCustomer() without the result.
[[nodiscard]] Status validateCustomer(const Customer& customer);

// The billing profile as JSON, in the stable field names of `customer show
// --json` and the audit log: {"name", "legal_name", "email", "address",
// "country", "tax_id", "currency", "payment_terms_days", "tax_exempt"}.
[[nodiscard]] QJsonObject billingProfileJson(const Customer& customer);

// Reads and writes customers in a workspace.
class CustomerStore {
public:
    static constexpr qsizetype kMaxIdLength = 64;
    static constexpr qsizetype kMaxNameLength = 200;
    static constexpr qsizetype kMaxLegalNameLength = 200;
    static constexpr qsizetype kMaxAddressLength = 500;
    static constexpr int kMaxPaymentTermsDays = 365;

    explicit CustomerStore(Workspace& workspace) : workspace_(workspace) {}

    // Ordered by name (ASCII case ignored), then by id.
    [[nodiscard]] Result<std::vector<Customer>> list() const;
    [[nodiscard]] Result<Customer> find(const QString& id) const;
    // Inserts or updates by id, for what learns of customers (a license
    // received, the demo); refuses what validateCustomer refuses. An update
    // changes only the name and email: the billing profile is a person's
    // (add, update). createdAt is set on the first save (now, when the
    // given time is invalid), kept to the second, and never changed by
    // later saves. Not recorded in the audit log.
    [[nodiscard]] Status save(const Customer& customer);
    // A new customer with its billing profile, recorded in the audit log
    // ("customer.add", its profile) in the same transaction. An id already
    // stored is a Conflict (nothing is changed), so two people adding
    // "acme" do not merge.
    [[nodiscard]] Status add(const Customer& customer);
    // Replaces the name, email and billing profile of an id already stored,
    // recorded in the audit log ("customer.edit", the fields that changed
    // and their new values) in the same transaction; a change to nothing
    // writes and records nothing. NotFound otherwise, so a mistyped id
    // never creates a customer. createdAt is not changed.
    [[nodiscard]] Status update(const Customer& customer);

private:
    Workspace& workspace_;
};

}  // namespace aicp
