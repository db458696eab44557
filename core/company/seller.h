#pragma once

#include "common/result.h"

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace aicp {

class Workspace;

// The vendor's own company as its invoices name it (SPEC section 11): the
// seller block, the payment instructions and the footer of every invoice.
// One per workspace.
struct SellerProfile {
    QString name;     // the legal name
    QString address;  // postal address, lines separated by '\n'
    QString country;  // ISO 3166-1 alpha-2, or empty
    QString taxId;    // stored form: upper case, no spaces or dots (readTaxId)
    QString email;
    QString paymentInstructions;  // bank details, several lines
    QString footer;               // printed at the foot of each invoice
    QDateTime updatedAt;          // UTC, set by SellerStore::save

    friend bool operator==(const SellerProfile&, const SellerProfile&) = default;
};

// The profile as it is stored, or why it cannot be: a name that is not
// blank, and every other field valid (common/billingfields.h). The error
// names the field: "seller: tax id 'DE 12#' …". Texts come back trimmed,
// codes upper-cased, the tax id compacted.
[[nodiscard]] Result<SellerProfile> normalizedSeller(const SellerProfile& seller);

// {"name", "address", "country", "tax_id", "email", "payment_instructions",
// "footer"}: the stable field names of `seller show --json` and the audit log.
[[nodiscard]] QJsonObject sellerJson(const SellerProfile& seller);

// Reads and writes the seller profile of a workspace (the one-row table
// `seller`, schema 10).
class SellerStore {
public:
    static constexpr qsizetype kMaxNameLength = 200;
    static constexpr qsizetype kMaxAddressLength = 500;
    static constexpr qsizetype kMaxPaymentInstructionsLength = 1000;
    static constexpr qsizetype kMaxFooterLength = 500;

    explicit SellerStore(Workspace& workspace) : workspace_(workspace) {}

    // nullopt until the profile is first saved.
    [[nodiscard]] Result<std::optional<SellerProfile>> load() const;
    // Replaces the profile whole (validated first; nothing is written when
    // any field is refused) and records it in the audit log ("seller.set",
    // the fields that changed and their new values) in the same
    // transaction. Saving the profile already stored writes and records
    // nothing.
    [[nodiscard]] Status save(const SellerProfile& seller);

private:
    Workspace& workspace_;
};

}  // namespace aicp
