#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "licensing/licensepayload.h"
#include "licensing/licenserequest.h"
#include "licensing/licensestate.h"
#include "licensing/revocationlist.h"

#include <optional>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace aicp {

class Workspace;

struct Revocation {
    QDateTime at;  // UTC
    QString by;
    QString reason;
};

// One license as the registry holds it.
struct LicenseRecord {
    LicensePayload license;
    QByteArray key;  // the signed one-line key
    QString issuedBy;
    std::optional<Revocation> revocation;
    std::optional<QUuid> supersededBy;  // the newest license naming this one

    // Revoked, superseded, not yet valid, active, in grace or expired at
    // `now`, in that order of precedence.
    [[nodiscard]] LicenseState stateAt(const QDateTime& now) const;
};

// Every license the workspace ever issued, with their revocations; nothing is
// ever deleted. Issuing and revoking are signed with the workspace's signing
// key (unlocked by the passphrase for that one operation) and recorded in the
// audit log in the same transaction as the change.
// The customer's license in force at `at` (active or in grace), the newest
// when several are; `licenses` as LicenseRegistry::list() gives them.
[[nodiscard]] std::optional<LicenseRecord> licenseInForce(
    const std::vector<LicenseRecord>& licenses, const QString& customerId, const QDateTime& at);

// A license added to the registry from outside: received from the vendor in
// a customer's workspace, or kept again from a key the vendor holds.
struct AddedLicense {
    LicenseRecord record;
    LicenseStatus status = LicenseStatus::Valid;  // its verification here
    bool alreadyHeld = false;                     // the same license was there already
};

// What loading a vendor's revocation list changed.
struct RevocationImport {
    std::int64_t sequence = 0;
    std::size_t listed = 0;           // licenses the list revokes
    std::vector<QUuid> newlyRevoked;  // held here and not marked revoked before
    bool alreadyKnown = false;        // this list (or a newer one) was loaded before
};

class LicenseRegistry {
public:
    explicit LicenseRegistry(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // Issues with the price book version in force at the start date. A
    // customer not yet in the workspace is added.
    [[nodiscard]] Result<LicenseRecord> issue(const LicenseRequest& request,
                                              QByteArrayView passphrase);
    // The same terms for another period of the same length, starting when the
    // old license ends (or now, when it has already ended).
    [[nodiscard]] Result<LicenseRecord> renew(const QUuid& id, QByteArrayView passphrase);
    // `changes` is usually LicenseRequest::from(old) with a new tier or
    // add-ons; it starts now and keeps the old end date unless changed.
    [[nodiscard]] Result<LicenseRecord> upgrade(const QUuid& id, LicenseRequest changes,
                                                QByteArrayView passphrase);

    // Records who, when and why, and publishes a new signed revocation list.
    [[nodiscard]] Result<LicenseRecord> revoke(const QUuid& id, const QString& reason,
                                               QByteArrayView passphrase);

    // Stores a license signed elsewhere, as received, after verifying it here
    // (trusted keys, the newest revocation list, the clock seen): one that
    // is revoked, expired, tampered with, signed by a key not trusted or
    // otherwise unusable is refused with the verification's reason; one not
    // yet valid (a renewal) is kept. In a customer workspace every license
    // must name the same customer. A renewal or upgrade supersedes the
    // license its payload names when that one is held. Adding a license
    // already held changes nothing. Recorded in the audit log.
    [[nodiscard]] Result<AddedLicense> add(QByteArrayView text);

    // Loads a vendor's signed revocation list (a file's text): verified
    // against the trusted keys, refused when older than one seen before,
    // remembered for every later verification, and each license held here
    // that it names is marked revoked. Recorded in the audit log.
    [[nodiscard]] Result<RevocationImport> importRevocationList(QByteArrayView token);

    // Newest first.
    [[nodiscard]] Result<std::vector<LicenseRecord>> list() const;
    [[nodiscard]] Result<LicenseRecord> find(const QUuid& id) const;
    // Accepts a full id or an unambiguous prefix of at least 8 characters.
    [[nodiscard]] Result<LicenseRecord> findByPrefix(const QString& idOrPrefix) const;

    // The newest published revocation list; an empty, signed list (sequence
    // 1) is published first when none exists yet.
    [[nodiscard]] Result<QByteArray> currentRevocationList(QByteArrayView passphrase);
    // The newest published list, or NotFound when none was ever published.
    [[nodiscard]] Result<QByteArray> latestPublishedRevocationList() const;

private:
    // Adds the license's customer when the workspace does not know them.
    [[nodiscard]] Status ensureLicensee(const LicensePayload& license);
    // The currency `customerId` is billed in: its profile's, or the book's
    // home currency for a customer the workspace does not know yet.
    [[nodiscard]] Result<QString> billingCurrency(const QString& customerId,
                                                  const PriceBook& book) const;
    [[nodiscard]] Status checkSameCustomer(const LicensePayload& license) const;
    [[nodiscard]] Result<RevocationList> publishRevocationList(QByteArrayView passphrase);

    [[nodiscard]] QDateTime now() const { return toWholeSecondsUtc(clock_()); }

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
