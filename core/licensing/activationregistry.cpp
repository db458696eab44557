#include "licensing/activationregistry.h"

#include "audit/auditlog.h"
#include "common/idtext.h"
#include "licensing/activationfile.h"
#include "licensing/ed25519.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <algorithm>
#include <string>

#include <QJsonObject>

namespace aicp {

namespace {

constexpr qsizetype kMinIdPrefix = 8;

constexpr const char* kSelect =
    "SELECT id, license_id, fingerprint, hostname, mode, heartbeat_seconds, lease_seconds, "
    "activated_at, activated_by, last_heartbeat, expires_at, released_at, released_by, "
    "release_reason FROM activations";

Result<ActivationRecord> readRecord(const Statement& row) {
    ActivationRecord record;
    record.id = idFromCanonicalText(row.text(0));
    record.licenseId = idFromCanonicalText(row.text(1));
    record.fingerprint = row.text(2);
    record.hostname = row.text(3);
    const auto mode = activationModeFromKey(row.text(4));
    if (record.id.isNull() || record.licenseId.isNull() || !mode)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("activation %1 is damaged").arg(row.text(0)));
    record.mode = *mode;
    record.heartbeatSeconds = row.int64(5);
    record.leaseSeconds = row.int64(6);
    record.activatedAt = row.time(7);
    record.activatedBy = row.text(8);
    record.lastHeartbeat = row.time(9);
    record.expiresAt = row.time(10);
    if (!row.isNull(11)) {
        record.releasedAt = row.time(11);
        record.releasedBy = row.text(12);
        record.lapsed = row.text(13) == QLatin1String("lapsed");
    }
    return record;
}

Error notInForce(const LicenseRecord& license, LicenseState state) {
    return Error(Error::Code::Conflict,
                 QStringLiteral("license %1 is %2: only a license in force runs on machines")
                     .arg(idText(license.license.id), word(state)));
}

// The file's expiry for a request granted at `at`, and the lease each
// heartbeat renews it by; never past the license's grace period.
std::pair<QDateTime, std::int64_t> lease(const LicenseRecord& license,
                                         const ActivationRequest& request, const QDateTime& at) {
    const QDateTime end = license.license.graceEndsAt();
    if (request.days)
        return {std::min(at.addDays(*request.days), end), 0};
    const ActivationTerms& terms = license.license.activation;
    if (terms.mode == ActivationMode::NodeLocked)
        return {end, 0};
    const std::int64_t seconds = 2 * std::int64_t(terms.heartbeatSeconds);
    return {std::min(at.addSecs(seconds), end), seconds};
}

QJsonObject auditDetails(const ActivationRecord& record) {
    return {{QStringLiteral("license"), idText(record.licenseId)},
            {QStringLiteral("fingerprint"), record.fingerprint},
            {QStringLiteral("hostname"), record.hostname},
            {QStringLiteral("expires_at"), toRfc3339(record.expiresAt)}};
}

}  // namespace

QString word(ActivationState state) {
    switch (state) {
        case ActivationState::Active:
            return QStringLiteral("active");
        case ActivationState::Released:
            return QStringLiteral("released");
        case ActivationState::Lapsed:
            return QStringLiteral("lapsed");
    }
    return QStringLiteral("active");
}

ActivationState ActivationRecord::stateAt(const QDateTime& now) const {
    if (releasedAt)
        return lapsed ? ActivationState::Lapsed : ActivationState::Released;
    return now < expiresAt ? ActivationState::Active : ActivationState::Lapsed;
}

QJsonObject activationToJson(const ActivationRecord& record, const QDateTime& now) {
    return {
        {QStringLiteral("activation_id"), idText(record.id)},
        {QStringLiteral("license_id"), idText(record.licenseId)},
        {QStringLiteral("fingerprint"), record.fingerprint},
        {QStringLiteral("hostname"), record.hostname},
        {QStringLiteral("mode"), activationModeKey(record.mode)},
        {QStringLiteral("activated_at"), toRfc3339(record.activatedAt)},
        {QStringLiteral("last_heartbeat"), toRfc3339(record.lastHeartbeat)},
        {QStringLiteral("expires_at"), toRfc3339(record.expiresAt)},
        {QStringLiteral("released_at"), jsonTimeOrNull(record.releasedAt.value_or(QDateTime()))},
        {QStringLiteral("state"), word(record.stateAt(now))}};
}

Error ActivationGrant::limitError() const {
    return Error(Error::Code::Conflict,
                 QStringLiteral("license %1 runs on %2 of its %3 instances already; release one "
                                "(aicp activation release ID) or issue the license with more "
                                "(--instances)")
                     .arg(idText(record.licenseId))
                     .arg(inUse)
                     .arg(limit.value_or(inUse)));
}

Result<LicenseRecord> ActivationRegistry::licenseToActivate(const QString& license,
                                                            const ActivationRequest& request,
                                                            const QDateTime& at) const {
    AICP_TRY(refuseInCustomerWorkspace(workspace_,
                                       QStringLiteral("only the vendor's workspace activates "
                                                      "licenses")));
    AICP_TRY(checkFingerprint(request.fingerprint));
    AICP_TRY(checkHostname(request.hostname));
    if (request.days && (*request.days < 1 || *request.days > kMaxDays))
        return Error::invalidInput(
            QStringLiteral("an activation lasts 1 to %1 days").arg(kMaxDays));
    auto record = LicenseRegistry(workspace_, clock_).findByPrefix(license);
    if (!record)
        return record.error();
    if (const LicenseState state = record->stateAt(at); !isInForce(state))
        return notInForce(*record, state);
    return record;
}

Result<ActivationGrant> ActivationRegistry::activate(const QString& license,
                                                     const ActivationRequest& request,
                                                     QByteArrayView passphrase) {
    const QDateTime at = now();
    auto record = licenseToActivate(license, request, at);
    if (!record)
        return record.error();
    // Unlocked before the write lock is taken: scrypt takes a while.
    auto key = KeyStore(workspace_, clock_).unlockSigningKey(passphrase);
    if (!key)
        return key.error();
    return grant(*record, request, *key, at);
}

Result<ActivationGrant> ActivationRegistry::activate(const QString& license,
                                                     const ActivationRequest& request,
                                                     const Ed25519PrivateKey& key) {
    const QDateTime at = now();
    auto record = licenseToActivate(license, request, at);
    if (!record)
        return record.error();
    return grant(*record, request, key, at);
}

Result<ActivationGrant> ActivationRegistry::grant(const LicenseRecord& license,
                                                  const ActivationRequest& request,
                                                  const Ed25519PrivateKey& key,
                                                  const QDateTime& at) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    const QUuid licenseId = license.license.id;
    AICP_TRY(lapseExpired(licenseId, at));
    auto existing = liveFor(licenseId, request.fingerprint);
    if (!existing)
        return existing.error();
    const auto [expiresAt, leaseSeconds] = lease(license, request, at);
    ActivationGrant answer;
    answer.limit = license.license.activation.instances;
    if (*existing) {
        answer.outcome = ActivationGrant::Outcome::Renewed;
        answer.record = **existing;
        if (!request.hostname.isEmpty())
            answer.record.hostname = request.hostname;
        answer.record.lastHeartbeat = at;
        answer.record.expiresAt = expiresAt;
        answer.record.leaseSeconds = leaseSeconds;
        AICP_TRY(executeWith(db,
                             "UPDATE activations SET hostname = ?2, last_heartbeat = ?3, "
                             "expires_at = ?4, lease_seconds = ?5 WHERE id = ?1",
                             idText(answer.record.id), answer.record.hostname, at, expiresAt,
                             leaseSeconds));
    } else {
        auto inUse = liveCount(licenseId, at);
        if (!inUse)
            return inUse.error();
        answer.inUse = *inUse;
        answer.record.licenseId = licenseId;
        if (answer.limit && *inUse >= *answer.limit) {
            answer.outcome = ActivationGrant::Outcome::LimitReached;
            AICP_TRY(transaction->commit());  // the lapses found on the way stay
            return answer;
        }
        ActivationRecord& made = answer.record;
        made = {QUuid::createUuid(),
                licenseId,
                request.fingerprint,
                request.hostname,
                license.license.activation.mode,
                license.license.activation.heartbeatSeconds,
                leaseSeconds,
                at,
                AuditLog::actorOn(workspace_),
                at,
                expiresAt,
                {},
                {},
                false};
        AICP_TRY(executeWith(
            db,
            "INSERT INTO activations (id, license_id, fingerprint, hostname, mode, "
            "heartbeat_seconds, lease_seconds, activated_at, activated_by, last_heartbeat, "
            "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            idText(made.id), idText(licenseId), made.fingerprint, made.hostname,
            activationModeKey(made.mode), made.heartbeatSeconds, made.leaseSeconds, at,
            made.activatedBy, at, expiresAt));
        auto logged =
            AuditLog(workspace_, clock_)
                .append(QStringLiteral("activation.activate"), idText(made.id), auditDetails(made));
        if (!logged)
            return logged.error();
    }
    auto file = sign(answer.record, key);
    if (!file)
        return file.error();
    answer.file = *file;
    if (answer.outcome == ActivationGrant::Outcome::Created)
        answer.inUse += 1;
    else if (auto inUse = liveCount(licenseId, at); inUse)
        answer.inUse = *inUse;
    AICP_TRY(transaction->commit());
    return answer;
}

Result<ActivationGrant> ActivationRegistry::heartbeat(const QUuid& id, QByteArrayView passphrase) {
    auto found = find(idText(id));
    if (!found)
        return found.error();
    auto license = LicenseRegistry(workspace_, clock_).find(found->licenseId);
    if (!license)
        return license.error();
    auto key = KeyStore(workspace_, clock_).unlockSigningKey(passphrase);
    if (!key)
        return key.error();
    const QDateTime at = now();
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    AICP_TRY(lapseExpired(found->licenseId, at));
    auto record = find(idText(id));  // again, inside the write lock
    if (!record)
        return record.error();
    if (const ActivationState state = record->stateAt(at); state != ActivationState::Active) {
        AICP_TRY(transaction->commit());
        return Error(Error::Code::Conflict,
                     QStringLiteral("activation %1 %2 on %3; the gateway activates again")
                         .arg(idText(id), word(state), toRfc3339(*record->releasedAt)));
    }
    if (const LicenseState state = license->stateAt(at); !isInForce(state))
        return notInForce(*license, state);
    ActivationGrant answer{
        ActivationGrant::Outcome::Renewed, *record, {}, 0, license->license.activation.instances};
    answer.record.lastHeartbeat = at;
    if (record->leaseSeconds > 0)
        answer.record.expiresAt =
            std::min(at.addSecs(record->leaseSeconds), license->license.graceEndsAt());
    AICP_TRY(executeWith(db,
                         "UPDATE activations SET last_heartbeat = ?2, expires_at = ?3 "
                         "WHERE id = ?1",
                         idText(id), at, answer.record.expiresAt));
    auto file = sign(answer.record, *key);
    if (!file)
        return file.error();
    answer.file = *file;
    auto inUse = liveCount(record->licenseId, at);
    if (!inUse)
        return inUse.error();
    answer.inUse = *inUse;
    AICP_TRY(transaction->commit());
    return answer;
}

Result<ActivationRecord> ActivationRegistry::release(const QString& id,
                                                     const std::optional<QUuid>& licenseId) {
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto record = find(id);
    if (!record)
        return record.error();
    if (licenseId && record->licenseId != *licenseId)
        return Error::notFound(
            QStringLiteral("license %1 has no activation %2").arg(idText(*licenseId), id));
    const QDateTime at = now();
    AICP_TRY(lapseExpired(record->licenseId, at));
    if (auto again = find(idText(record->id)); again)
        record = std::move(again);
    if (const ActivationState state = record->stateAt(at); state != ActivationState::Active) {
        AICP_TRY(transaction->commit());
        return Error(Error::Code::Conflict,
                     QStringLiteral("activation %1 is already %2 (on %3): its instance is free")
                         .arg(idText(record->id), word(state), toRfc3339(*record->releasedAt)));
    }
    record->releasedAt = at;
    record->releasedBy = AuditLog::actorOn(workspace_);
    AICP_TRY(executeWith(db,
                         "UPDATE activations SET released_at = ?2, released_by = ?3, "
                         "release_reason = 'released' WHERE id = ?1",
                         idText(record->id), at, record->releasedBy));
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("activation.release"), idText(record->id),
                              auditDetails(*record));
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return record;
}

Status ActivationRegistry::lapseExpired(const QUuid& licenseId, const QDateTime& at) {
    auto expired = queryRows<ActivationRecord>(
        workspace_.handle(),
        std::string(kSelect) +
            " WHERE license_id = ?1 AND released_at IS NULL AND expires_at <= ?2 ORDER BY id",
        readRecord, idText(licenseId), at);
    if (!expired)
        return expired.error();
    for (const ActivationRecord& record : *expired) {
        // Released when its file stopped being valid, by nobody.
        AICP_TRY(executeWith(workspace_.handle(),
                             "UPDATE activations SET released_at = expires_at, "
                             "released_by = 'aicp', release_reason = 'lapsed' WHERE id = ?1",
                             idText(record.id)));
        QJsonObject details = auditDetails(record);
        details.insert(QStringLiteral("last_heartbeat"), toRfc3339(record.lastHeartbeat));
        auto logged = AuditLog(workspace_, clock_)
                          .append(QStringLiteral("activation.lapse"), idText(record.id), details);
        if (!logged)
            return logged.error();
    }
    return {};
}

Result<QByteArray> ActivationRegistry::sign(const ActivationRecord& record,
                                            const Ed25519PrivateKey& key) {
    const ActivationPayload payload{record.id,          record.licenseId, key.publicKey().kid(),
                                    record.fingerprint, record.hostname,  record.lastHeartbeat,
                                    record.expiresAt};
    return signActivation(payload, key);
}

Result<std::optional<ActivationRecord>> ActivationRegistry::liveFor(
    const QUuid& licenseId, const QString& fingerprint) const {
    auto live = queryRows<ActivationRecord>(
        workspace_.handle(),
        std::string(kSelect) +
            " WHERE license_id = ?1 AND fingerprint = ?2 AND released_at IS NULL",
        readRecord, idText(licenseId), fingerprint);
    if (!live)
        return live.error();
    return live->empty() ? std::optional<ActivationRecord>() : std::optional(live->front());
}

Result<std::vector<ActivationRecord>> ActivationRegistry::list(const QUuid& licenseId) const {
    return queryRows<ActivationRecord>(
        workspace_.handle(),
        std::string(kSelect) + " WHERE license_id = ?1 ORDER BY activated_at DESC, id", readRecord,
        idText(licenseId));
}

Result<ActivationRecord> ActivationRegistry::find(const QString& idOrPrefix) const {
    const QString prefix = idOrPrefix.trimmed().toLower();
    if (prefix.size() < kMinIdPrefix)
        return Error::invalidInput(
            QStringLiteral("'%1' is not an activation id; give the id or its first %2 characters")
                .arg(idOrPrefix)
                .arg(kMinIdPrefix));
    auto found = queryRows<ActivationRecord>(
        workspace_.handle(),
        std::string(kSelect) + " WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
        readRecord, prefix);
    if (!found)
        return found.error();
    if (found->empty())
        return Error::notFound(QStringLiteral("there is no activation %1").arg(prefix));
    if (found->size() > 1)
        return Error::invalidInput(
            QStringLiteral("several activations start with %1; give more of the id").arg(prefix));
    return found->front();
}

Result<std::int64_t> ActivationRegistry::activeCount(const QUuid& licenseId) const {
    return liveCount(licenseId, now());
}

Result<std::int64_t> ActivationRegistry::liveCount(const QUuid& licenseId,
                                                   const QDateTime& at) const {
    // Whenever they were made: one made by another request while this one
    // waited for the write lock holds its place too.
    auto count = queryFirstRow<std::int64_t>(
        workspace_.handle(),
        "SELECT count(*) FROM activations WHERE license_id = ?1 AND released_at IS NULL "
        "AND expires_at > ?2",
        [](const Statement& row) { return row.int64(0); }, idText(licenseId), at);
    if (!count)
        return count.error();
    return count->value_or(0);
}

Result<std::int64_t> ActivationRegistry::activeCountAt(const QUuid& licenseId,
                                                       const QDateTime& at) const {
    auto count = queryFirstRow<std::int64_t>(
        workspace_.handle(),
        "SELECT count(*) FROM activations WHERE license_id = ?1 AND activated_at <= ?2 "
        "AND expires_at > ?2 AND (released_at IS NULL OR released_at > ?2)",
        [](const Statement& row) { return row.int64(0); }, idText(licenseId), at);
    if (!count)
        return count.error();
    return count->value_or(0);
}

}  // namespace aicp
