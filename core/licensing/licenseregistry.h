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
    [[nodiscard]] Result<RevocationList> publishRevocationList(QByteArrayView passphrase);

    [[nodiscard]] QDateTime now() const { return toWholeSecondsUtc(clock_()); }

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
