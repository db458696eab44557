// The licenses and revocation lists a workspace receives rather than signs:
// LicenseRegistry::add and LicenseRegistry::importRevocationList.
#include "audit/auditlog.h"
#include "common/idtext.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "licensing/verificationmemory.h"
#include "licensing/workspaceverification.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <QJsonObject>

namespace aicp {
namespace {

// Why a license that verified as `status` cannot be added; empty when it can.
QString refusal(LicenseStatus status) {
    switch (status) {
        case LicenseStatus::Valid:
        case LicenseStatus::ValidInGrace:
        case LicenseStatus::NotYetValid:
            return {};
        case LicenseStatus::Expired:
            return QStringLiteral("it has expired");
        case LicenseStatus::Revoked:
            return QStringLiteral("the vendor revoked it");
        case LicenseStatus::BadSignature:
            return QStringLiteral("its signature does not match: it was changed after signing");
        case LicenseStatus::UnknownKey:
            return QStringLiteral(
                "it is signed by a key this workspace does not trust; import the vendor's public "
                "key first (aicp keys import-public)");
        case LicenseStatus::Malformed:
            return QStringLiteral("it is not a license");
        case LicenseStatus::ClockRollback:
            return QStringLiteral("this computer's clock is earlier than a time seen before");
        case LicenseStatus::WrongFingerprint:
            return QStringLiteral("it was given to another machine");
    }
    return QStringLiteral("it did not verify");
}

Error::Code refusalCode(LicenseStatus status) {
    switch (status) {
        case LicenseStatus::BadSignature:
        case LicenseStatus::UnknownKey:
            return Error::Code::Crypto;
        case LicenseStatus::Malformed:
            return Error::Code::InvalidInput;
        default:
            return Error::Code::Conflict;
    }
}

}  // namespace

Status LicenseRegistry::checkSameCustomer(const LicensePayload& license) const {
    auto mode = workspace_.mode();
    if (!mode)
        return mode.error();
    if (*mode != Workspace::Mode::Customer)
        return {};
    auto other = queryFirstRow<QString>(
        workspace_.handle(), "SELECT customer_id FROM licenses WHERE customer_id <> ?1 LIMIT 1",
        [](const Statement& row) { return row.text(0); }, license.customerId);
    if (!other)
        return other.error();
    if (!*other)
        return {};
    return Error(Error::Code::Conflict,
                 QStringLiteral("this license is for '%1', but this customer workspace holds "
                                "the licenses of '%2'; open that customer's own workspace")
                     .arg(license.customerId, **other));
}

Result<AddedLicense> LicenseRegistry::add(QByteArrayView text) {
    auto key = licenseKeyFromText(text);
    if (!key)
        return key.error();
    const WorkspaceVerification verified = verifyInWorkspace(workspace_, *key, now());
    const LicenseStatus status = verified.result.status;
    if (const QString why = refusal(status); !why.isEmpty() || !verified.result.license)
        return Error(refusalCode(status),
                     QStringLiteral("the license was not added: %1 (%2)")
                         .arg(why.isEmpty() ? QStringLiteral("it did not verify") : why,
                              verified.result.reason));
    const LicensePayload& payload = *verified.result.license;

    auto held = find(payload.id);
    if (held)
        return AddedLicense{*held, status, true};
    if (held.error().code() != Error::Code::NotFound)
        return held.error();
    AICP_TRY(checkSameCustomer(payload));

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(ensureLicensee(payload));
    // The license it renews is linked when held here; a customer may have
    // received only the newest of a chain.
    std::optional<QString> supersedes;
    if (payload.supersedes) {
        auto previous = find(*payload.supersedes);
        if (previous && previous->license.customerId == payload.customerId)
            supersedes = idText(*payload.supersedes);
        else if (!previous && previous.error().code() != Error::Code::NotFound)
            return previous.error();
    }
    const QString receivedFrom = QStringLiteral("vendor key %1").arg(payload.kid);
    AICP_TRY(executeWith(
        db,
        "INSERT INTO licenses (id, customer_id, tier, kid, license_key, issued_at, not_before, "
        "expires_at, supersedes, issued_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        idText(payload.id), payload.customerId, payload.tier, payload.kid,
        QString::fromLatin1(*key), payload.issuedAt, payload.notBefore, payload.expiresAt,
        supersedes, receivedFrom));
    QJsonObject details{{QStringLiteral("customer"), payload.customerId},
                        {QStringLiteral("tier"), payload.tier},
                        {QStringLiteral("kid"), payload.kid},
                        {QStringLiteral("expires_at"), toRfc3339(payload.expiresAt)}};
    if (supersedes)
        details.insert(QStringLiteral("supersedes"), *supersedes);
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("license.add"), idText(payload.id), details);
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    auto stored = find(payload.id);
    if (!stored)
        return stored.error();
    return AddedLicense{*stored, status, false};
}

Result<RevocationImport> LicenseRegistry::importRevocationList(QByteArrayView token) {
    const QByteArray text = token.toByteArray().trimmed();
    auto ring = KeyStore(workspace_, clock_).publicKeyRing();
    if (!ring)
        return ring.error();
    auto list = RevocationList::verify(text, *ring);
    if (!list)
        return list.error().withContext(QStringLiteral("the revocation list"));
    VerificationMemory memory(workspace_);
    auto highest = memory.highestRevocationSequence();
    if (!highest)
        return highest.error();
    if (list->sequence < *highest)
        return Error(Error::Code::Conflict,
                     QStringLiteral("revocation list %1 is older than list %2 loaded before; "
                                    "nothing was changed")
                         .arg(list->sequence)
                         .arg(*highest));
    RevocationImport outcome;
    outcome.sequence = list->sequence;
    outcome.listed = list->revoked.size();
    outcome.alreadyKnown = list->sequence == *highest;

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(memory.rememberRevocationList(list->sequence, text));
    const QString by = QStringLiteral("vendor (revocation list %1)").arg(list->sequence);
    for (const RevokedLicense& revoked : list->revoked) {
        auto record = find(revoked.id);
        if (!record && record.error().code() == Error::Code::NotFound)
            continue;
        if (!record)
            return record.error();
        if (record->revocation)
            continue;
        AICP_TRY(executeWith(db,
                             "INSERT INTO revocations (license_id, revoked_at, revoked_by, reason) "
                             "VALUES (?1, ?2, ?3, ?4)",
                             idText(revoked.id), revoked.revokedAt, by,
                             QStringLiteral("listed in the vendor's revocation list")));
        outcome.newlyRevoked.push_back(revoked.id);
    }
    if (!outcome.alreadyKnown || !outcome.newlyRevoked.empty()) {
        QJsonObject details{
            {QStringLiteral("sequence"), static_cast<qint64>(list->sequence)},
            {QStringLiteral("kid"), list->kid},
            {QStringLiteral("listed"), static_cast<qint64>(outcome.listed)},
            {QStringLiteral("revoked_here"), static_cast<qint64>(outcome.newlyRevoked.size())}};
        auto logged = AuditLog(workspace_, clock_)
                          .append(QStringLiteral("revocations.import"),
                                  QStringLiteral("list %1").arg(list->sequence), details);
        if (!logged)
            return logged.error();
    }
    AICP_TRY(transaction->commit());
    return outcome;
}

}  // namespace aicp
