#include "licensing/keystore.h"

#include "audit/auditlog.h"
#include "common/wholeseconds.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/vendoronly.h"
#include "storage/workspace.h"

#include <utility>

#include <QJsonObject>

namespace aicp {

namespace {

constexpr std::string_view kSelectKeys =
    "SELECT kid, public_key_pem, private_key_pem IS NOT NULL, signing, created_at, retired_at "
    "FROM signing_keys";

SigningKeyInfo readKey(const Statement& row) {
    return {row.text(0),       row.blob(1), row.int64(2) != 0,
            row.int64(3) != 0, row.time(4), row.time(5)};
}

template <typename... Values>
Result<std::vector<SigningKeyInfo>> queryKeys(Database* db, const std::string& sql,
                                              const Values&... values) {
    return queryRows<SigningKeyInfo>(db, sql, &readKey, values...);
}

}  // namespace

QString SigningKeyInfo::stateWord() const {
    if (isSigning)
        return QStringLiteral("signing");
    if (hasPrivateKey)
        return QStringLiteral("retired");
    return QStringLiteral("verify-only");
}

Status KeyStore::checkNewPassphrase(QByteArrayView passphrase) {
    if (passphrase.size() < kMinPassphraseLength)
        return Error::invalidInput(
            QStringLiteral("a signing key passphrase needs at least %1 characters")
                .arg(kMinPassphraseLength));
    return {};
}

Status KeyStore::refuseInCustomerMode(const QString& what) const {
    return refuseInCustomerWorkspace(
        workspace_, QStringLiteral("it holds public keys only and cannot %1").arg(what));
}

Result<SigningKeyInfo> KeyStore::generate(QByteArrayView passphrase) {
    AICP_TRY(checkNewPassphrase(passphrase));
    auto key = Ed25519PrivateKey::generate();
    if (!key)
        return key.error();
    return install(*key, passphrase);
}

Result<SigningKeyInfo> KeyStore::install(const Ed25519PrivateKey& key, QByteArrayView passphrase) {
    AICP_TRY(refuseInCustomerMode(QStringLiteral("generate signing keys")));
    auto current = find();
    if (current)
        return Error(Error::Code::Conflict,
                     QStringLiteral("the workspace already has signing key %1; rotate it to "
                                    "replace it")
                         .arg(current->kid));
    if (current.error().code() != Error::Code::NotFound)
        return current.error();
    return addSigningKey(key, passphrase, QStringLiteral("key.generate"));
}

Result<SigningKeyInfo> KeyStore::rotate(QByteArrayView passphrase) {
    AICP_TRY(refuseInCustomerMode(QStringLiteral("rotate signing keys")));
    auto current = find();
    if (!current)
        return current.error().code() == Error::Code::NotFound
                   ? Error::notFound(QStringLiteral(
                         "there is no signing key to rotate; generate the first one"))
                   : current.error();
    // Only whoever can sign today may choose tomorrow's signer: without this,
    // anyone able to write the workspace file could swap in a key of their own.
    auto unlocked = unlockSigningKey(passphrase);
    if (!unlocked)
        return unlocked.error().withContext(QStringLiteral("rotating needs the current key"));
    AICP_TRY(checkNewPassphrase(passphrase));
    auto key = Ed25519PrivateKey::generate();
    if (!key)
        return key.error();
    return addSigningKey(*key, passphrase, QStringLiteral("key.rotate"));
}

Result<SigningKeyInfo> KeyStore::addSigningKey(const Ed25519PrivateKey& key,
                                               QByteArrayView passphrase, const QString& action) {
    AICP_TRY(checkNewPassphrase(passphrase));
    auto encrypted = key.toEncryptedPem(passphrase);
    if (!encrypted)
        return encrypted.error();

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    const QDateTime now = toWholeSecondsUtc(clock_());

    auto previous = find();
    if (previous)
        AICP_TRY(executeWith(db,
                             "UPDATE signing_keys SET signing = 0, retired_at = ?2 WHERE kid = ?1",
                             previous->kid, now));

    const SigningKeyInfo info{key.publicKey().kid(), key.publicKey().toPem(), true, true, now, {}};
    AICP_TRY(executeWith(
        db,
        "INSERT INTO signing_keys (kid, public_key_pem, private_key_pem, signing, created_at) "
        "VALUES (?1, ?2, ?3, 1, ?4)",
        info.kid, QString::fromLatin1(info.publicKeyPem), QString::fromLatin1(*encrypted), now));

    QJsonObject details{{QStringLiteral("kid"), info.kid}};
    if (previous)
        details.insert(QStringLiteral("retired_kid"), previous->kid);
    auto logged = AuditLog(workspace_, clock_).append(action, info.kid, details);
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return info;
}

Result<SigningKeyInfo> KeyStore::importPublicKey(QByteArrayView pem) {
    auto key = Ed25519PublicKey::fromPem(pem);
    if (!key)
        return key.error();
    auto existing = find(key->kid());
    if (existing)
        return *existing;  // already trusted: importing twice is harmless

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    const SigningKeyInfo info{key->kid(), key->toPem(), false, false, toWholeSecondsUtc(clock_()),
                              {}};
    AICP_TRY(executeWith(
        db, "INSERT INTO signing_keys (kid, public_key_pem, created_at) VALUES (?1, ?2, ?3)",
        info.kid, QString::fromLatin1(info.publicKeyPem), info.createdAt));
    auto logged =
        AuditLog(workspace_, clock_)
            .append(QStringLiteral("key.import"), info.kid, {{QStringLiteral("kid"), info.kid}});
    if (!logged)
        return logged.error();
    AICP_TRY(transaction->commit());
    return info;
}

Result<std::vector<SigningKeyInfo>> KeyStore::list() const {
    return queryKeys(workspace_.handle(),
                     std::string(kSelectKeys) + " ORDER BY created_at DESC, signing DESC, kid");
}

Result<SigningKeyInfo> KeyStore::find(const QString& kid) const {
    auto keys =
        kid.isEmpty()
            ? queryKeys(workspace_.handle(), std::string(kSelectKeys) + " WHERE signing = 1")
            : queryKeys(workspace_.handle(), std::string(kSelectKeys) + " WHERE kid = ?1", kid);
    if (!keys)
        return keys.error();
    if (keys->empty())
        return Error::notFound(kid.isEmpty()
                                   ? QStringLiteral("the workspace has no signing key yet")
                                   : QStringLiteral("there is no key with kid '%1'").arg(kid));
    return keys->front();
}

Result<Ed25519PrivateKey> KeyStore::unlockSigningKey(QByteArrayView passphrase) const {
    AICP_TRY(refuseInCustomerMode(QStringLiteral("sign")));
    auto stored = queryOneRow<std::pair<QString, QByteArray>>(
        workspace_.handle(), "SELECT kid, private_key_pem FROM signing_keys WHERE signing = 1",
        [](const Statement& row) { return std::pair(row.text(0), row.blob(1)); },
        Error::notFound(QStringLiteral(
            "the workspace has no signing key yet; generate one with `aicp keys generate`")));
    if (!stored)
        return stored.error();
    const auto& [kid, pem] = *stored;
    auto key = Ed25519PrivateKey::fromEncryptedPem(pem, passphrase);
    if (!key)
        return key.error();
    if (key->publicKey().kid() != kid)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("signing key %1 does not match its stored kid").arg(kid));
    return key;
}

Result<PublicKeyRing> KeyStore::publicKeyRing() const {
    auto keys = list();
    if (!keys)
        return keys.error();
    PublicKeyRing ring;
    for (const SigningKeyInfo& info : *keys) {
        auto key = Ed25519PublicKey::fromPem(info.publicKeyPem);
        if (!key)
            return key.error().withContext(QStringLiteral("stored key %1").arg(info.kid));
        ring.add(*key);
    }
    return ring;
}

}  // namespace aicp
