#include "common/idtext.h"
#include "licensing/activationregistry.h"
#include "licensing/licensepayload.h"
#include "licensing/licenseregistry.h"
#include "server/apiendpoints.h"
#include "storage/workspace.h"

#include <QJsonArray>

namespace aicp {

namespace {

// {"activation_id", "file", "expires_at"}, and what the gateway needs to
// keep its place: when to heartbeat next, and the instances in use.
ApiResponse grantJson(const ActivationGrant& granted, int status) {
    const ActivationRecord& record = granted.record;
    return ApiResponse::json(
        {{QStringLiteral("activation_id"), idText(record.id)},
         {QStringLiteral("file"), QString::fromLatin1(granted.file)},
         {QStringLiteral("expires_at"), toRfc3339(record.expiresAt)},
         {QStringLiteral("heartbeat_seconds"), jsonNumber(record.heartbeatSeconds)},
         {QStringLiteral("in_use"), jsonNumber(granted.inUse)},
         {QStringLiteral("limit"), jsonCountOrNull(granted.limit)}},
        status);
}

ApiResponse signingUnavailable(const QString& why) {
    return ApiResponse::error(503, QStringLiteral("signing_unavailable"), why);
}

// A core error as HTTP; a key that cannot be unlocked is the service's
// state (503), not the gateway's mistake.
ApiResponse refusal(const Error& error) {
    if (error.code() == Error::Code::Crypto)
        return signingUnavailable(error.message());
    return ApiResponse::fromError(error);
}

const QString kNoPassphrase = QStringLiteral(
    "this service cannot sign activation files: start 'aicp serve' with AICP_KEY_PASSPHRASE set "
    "or --passphrase-file to unlock the signing key");

ApiResponse activate(Workspace& workspace, const QByteArray& passphrase, const ApiRequest& request,
                     const QString& license) {
    auto body = jsonBody(request, u"fingerprint hostname");
    if (!body)
        return ApiResponse::fromError(body.error());
    ActivationRequest wanted;
    if (const Status read = body->readRequired(QStringLiteral("fingerprint"), wanted.fingerprint);
        !read.ok())
        return ApiResponse::fromError(read.error());
    if (const Status read = body->read(QStringLiteral("hostname"), wanted.hostname); !read.ok())
        return ApiResponse::fromError(read.error());
    // The registry checks the gateway's mistakes (400, 404, 409) before it
    // unlocks the key, so they are answered whatever the service's state.
    auto granted = ActivationRegistry(workspace).activate(license, wanted, passphrase);
    if (!granted)
        return passphrase.isEmpty() && granted.error().code() == Error::Code::Crypto
                   ? signingUnavailable(kNoPassphrase)
                   : refusal(granted.error());
    switch (granted->outcome) {
        case ActivationGrant::Outcome::Created:
            return grantJson(*granted, 201);
        case ActivationGrant::Outcome::Renewed:
            return grantJson(*granted, 200);
        case ActivationGrant::Outcome::LimitReached:
            break;
    }
    return ApiResponse::json(
        {{QStringLiteral("error"),
          QJsonObject{{QStringLiteral("code"), QStringLiteral("instance_limit")},
                      {QStringLiteral("message"), granted->limitError().message()}}},
         {QStringLiteral("in_use"), jsonNumber(granted->inUse)},
         {QStringLiteral("limit"), jsonCountOrNull(granted->limit)}},
        409);
}

// The activation `id` of the license the path names, or why not.
Result<ActivationRecord> activationOf(Workspace& workspace, const QStringList& params) {
    auto license = LicenseRegistry(workspace).findByPrefix(params.value(0));
    if (!license)
        return license.error();
    auto record = ActivationRegistry(workspace).find(params.value(1));
    if (!record)
        return record.error();
    if (record->licenseId != license->license.id)
        return Error::notFound(QStringLiteral("license %1 has no activation %2")
                                   .arg(idText(license->license.id), params.value(1)));
    return record;
}

ApiResponse heartbeat(Workspace& workspace, const QByteArray& passphrase,
                      const QStringList& params) {
    auto record = activationOf(workspace, params);
    if (!record)
        return ApiResponse::fromError(record.error());
    if (passphrase.isEmpty())
        return signingUnavailable(kNoPassphrase);
    auto renewed = ActivationRegistry(workspace).heartbeat(record->id, passphrase);
    if (!renewed)
        return refusal(renewed.error());
    return grantJson(*renewed, 200);
}

ApiResponse release(Workspace& workspace, const QStringList& params) {
    auto record = activationOf(workspace, params);
    if (!record)
        return ApiResponse::fromError(record.error());
    ActivationRegistry registry(workspace);
    auto released = registry.release(idText(record->id), record->licenseId);
    if (!released && released.error().code() == Error::Code::Conflict) {
        // DELETE is idempotent: an activation already free (released, by
        // this request's twin or the console, or lapsed) answers as it is.
        released = registry.find(idText(record->id));
    }
    if (!released)
        return ApiResponse::fromError(released.error());
    return ApiResponse::json(activationToJson(*released, QDateTime::currentDateTimeUtc()));
}

ApiResponse list(Workspace& workspace, const QStringList& params) {
    auto license = LicenseRegistry(workspace).findByPrefix(params.value(0));
    if (!license)
        return ApiResponse::fromError(license.error());
    const ActivationRegistry registry(workspace);
    auto activations = registry.list(license->license.id);
    if (!activations)
        return ApiResponse::fromError(activations.error());
    auto inUse = registry.activeCount(license->license.id);
    if (!inUse)
        return ApiResponse::fromError(inUse.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray items;
    for (const ActivationRecord& record : *activations)
        items.append(activationToJson(record, now));
    return ApiResponse::json(
        {{QStringLiteral("activations"), items},
         {QStringLiteral("in_use"), jsonNumber(*inUse)},
         {QStringLiteral("limit"), jsonCountOrNull(license->license.activation.instances)}});
}

}  // namespace

void addActivationEndpoints(ApiRouter& router, Workspace& workspace, const QByteArray& passphrase) {
    const QString base = QStringLiteral("/api/pricing/licenses/{id}/activations");
    router.add("POST", base, ApiRole::Ingest,
               [&workspace, &passphrase](const ApiRequest& request, const QStringList& params) {
                   return activate(workspace, passphrase, request, params.value(0));
               });
    router.add("GET", base, ApiRole::Read,
               [&workspace](const ApiRequest&, const QStringList& params) {
                   return list(workspace, params);
               });
    router.add("POST", base + QStringLiteral("/{activation}/heartbeat"), ApiRole::Ingest,
               [&workspace, &passphrase](const ApiRequest&, const QStringList& params) {
                   return heartbeat(workspace, passphrase, params);
               });
    router.add("DELETE", base + QStringLiteral("/{activation}"), ApiRole::Ingest,
               [&workspace](const ApiRequest&, const QStringList& params) {
                   return release(workspace, params);
               });
}

}  // namespace aicp
