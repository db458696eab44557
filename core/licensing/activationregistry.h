#pragma once

#include "common/result.h"
#include "common/wholeseconds.h"
#include "licensing/activationterms.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace aicp {

class Ed25519PrivateKey;
class Workspace;
struct LicenseRecord;

// Where an activation stands: holding one of its license's instances,
// released by someone, or lapsed (its file expired: a floating gateway
// missed two heartbeats, or an air-gapped site's days ran out).
enum class ActivationState { Active, Released, Lapsed };

// "active", "released", "lapsed": the words --json and the service use.
[[nodiscard]] QString word(ActivationState state);

// One activation as the workspace keeps it.
struct ActivationRecord {
    QUuid id;
    QUuid licenseId;
    QString fingerprint;
    QString hostname;
    ActivationMode mode = ActivationMode::Floating;
    std::int64_t heartbeatSeconds = ActivationTerms::kDefaultHeartbeatSeconds;
    // What each heartbeat extends the file by: twice the interval for a
    // floating gateway that heartbeats; 0 when the expiry is fixed.
    std::int64_t leaseSeconds = 0;
    QDateTime activatedAt;
    QString activatedBy;
    QDateTime lastHeartbeat;
    QDateTime expiresAt;
    std::optional<QDateTime> releasedAt;
    QString releasedBy;
    bool lapsed = false;  // released because it expired, not by someone

    [[nodiscard]] ActivationState stateAt(const QDateTime& now) const;
};

// {"activation_id", "license_id", "fingerprint", "hostname", "mode",
// "activated_at", "last_heartbeat", "expires_at", "released_at" (or null),
// "state" at `now`}: one activation as the CLI's --json and the service
// write it.
[[nodiscard]] QJsonObject activationToJson(const ActivationRecord& record, const QDateTime& now);

// The answer to a request for an instance. `file` is the signed activation
// (AICPA1.…) when one was granted.
struct ActivationGrant {
    enum class Outcome {
        Created,       // a new activation
        Renewed,       // this machine's activation, with a fresh file
        LimitReached,  // every instance is taken: nothing was written
    };
    Outcome outcome = Outcome::Created;
    ActivationRecord record;
    QByteArray file;
    std::int64_t inUse = 0;             // active instances, this one included
    std::optional<std::int64_t> limit;  // the license's instances; nullopt: unlimited

    // "license … runs on 10 of its 10 instances; release one (aicp
    // activation release ID) or issue a license with more": the refusal as
    // an error, for LimitReached.
    [[nodiscard]] Error limitError() const;
};

// What a gateway (or the account manager, for an air-gapped site) asks for.
struct ActivationRequest {
    QString fingerprint;
    QString hostname;
    // For an air-gapped site: the file lasts this many days and no
    // heartbeat is expected. Unset: a gateway that heartbeats; a floating
    // license's file then lasts two heartbeat intervals, a node-locked
    // one's as long as the license.
    std::optional<std::int64_t> days;
};

// The instances of the workspace's licenses (SPEC section 13). However many
// requests race, no license has more active instances than its
// limits.instances: each write runs in the workspace's write transaction,
// which counts and inserts as one. Every activation, release and lapse is
// in the audit log; heartbeats are not (a gateway sends one every few
// minutes). Signing needs the signing key's passphrase, for that one call.
class ActivationRegistry {
public:
    static constexpr std::int64_t kMaxDays = 3660;

    explicit ActivationRegistry(Workspace& workspace, Clock clock = systemClock())
        : workspace_(workspace), clock_(std::move(clock)) {}

    // An instance of the license (a full id or an unambiguous prefix) for
    // the request's machine. The same machine again renews its activation.
    [[nodiscard]] Result<ActivationGrant> activate(const QString& license,
                                                   const ActivationRequest& request,
                                                   QByteArrayView passphrase);
    // The same with the workspace's signing key already unlocked (the demo
    // holds it; a caller signing many files unlocks it once).
    [[nodiscard]] Result<ActivationGrant> activate(const QString& license,
                                                   const ActivationRequest& request,
                                                   const Ed25519PrivateKey& key);
    // The gateway is alive: a fresh file, extended by the lease. Refused for
    // an activation released or lapsed: the gateway activates again.
    [[nodiscard]] Result<ActivationGrant> heartbeat(const QUuid& id, QByteArrayView passphrase);
    // Frees the instance (a full id or an unambiguous prefix). `licenseId`,
    // when given, is the license the caller believes it belongs to.
    [[nodiscard]] Result<ActivationRecord> release(const QString& id,
                                                   const std::optional<QUuid>& licenseId = {});

    // A license's activations, newest first (released and lapsed too).
    [[nodiscard]] Result<std::vector<ActivationRecord>> list(const QUuid& licenseId) const;
    [[nodiscard]] Result<ActivationRecord> find(const QString& idOrPrefix) const;
    // Active instances of a license now; and at a past `at`, the
    // activations made by then and neither released nor expired at it.
    [[nodiscard]] Result<std::int64_t> activeCount(const QUuid& licenseId) const;
    [[nodiscard]] Result<std::int64_t> activeCountAt(const QUuid& licenseId,
                                                     const QDateTime& at) const;

private:
    // The activations holding a place at `at`: not released, not expired.
    [[nodiscard]] Result<std::int64_t> liveCount(const QUuid& licenseId, const QDateTime& at) const;
    [[nodiscard]] Status lapseExpired(const QUuid& licenseId, const QDateTime& at);
    // The license the request may activate, in force at `at`, or why not.
    [[nodiscard]] Result<LicenseRecord> licenseToActivate(const QString& license,
                                                          const ActivationRequest& request,
                                                          const QDateTime& at) const;
    [[nodiscard]] Result<ActivationGrant> grant(const LicenseRecord& license,
                                                const ActivationRequest& request,
                                                const Ed25519PrivateKey& key, const QDateTime& at);
    [[nodiscard]] static Result<QByteArray> sign(const ActivationRecord& record,
                                                 const Ed25519PrivateKey& key);
    [[nodiscard]] Result<std::optional<ActivationRecord>> liveFor(const QUuid& licenseId,
                                                                  const QString& fingerprint) const;

    [[nodiscard]] QDateTime now() const { return toWholeSecondsUtc(clock_()); }

    Workspace& workspace_;
    Clock clock_;
};

}  // namespace aicp
