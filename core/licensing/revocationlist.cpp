#include "licensing/revocationlist.h"

#include "common/idtext.h"
#include "licensing/licensepayload.h"
#include "licensing/publickeyring.h"
#include "licensing/signedtoken.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {
namespace {

constexpr QByteArrayView kPrefix = "AICPRL1";

Error malformed(const QString& problem) {
    return Error::invalidInput(QStringLiteral("revocation list is malformed: %1").arg(problem));
}

}  // namespace

const RevokedLicense* RevocationList::find(const QUuid& id) const {
    const auto it = std::find_if(revoked.begin(), revoked.end(),
                                 [&id](const RevokedLicense& entry) { return entry.id == id; });
    return it == revoked.end() ? nullptr : &*it;
}

Result<QByteArray> RevocationList::sign(const Ed25519PrivateKey& key) const {
    std::vector<RevokedLicense> sorted = revoked;
    std::sort(sorted.begin(), sorted.end(), [](const RevokedLicense& a, const RevokedLicense& b) {
        return idText(a.id) < idText(b.id);
    });
    QJsonArray entries;
    for (const RevokedLicense& entry : sorted)
        entries.append(QJsonObject{{QStringLiteral("id"), idText(entry.id)},
                                   {QStringLiteral("revoked_at"), toRfc3339(entry.revokedAt)}});
    const QJsonObject payload{{QStringLiteral("v"), kFormatVersion},
                              {QStringLiteral("kid"), key.publicKey().kid()},
                              {QStringLiteral("sequence"), static_cast<double>(sequence)},
                              {QStringLiteral("issued_at"), toRfc3339(issuedAt)},
                              {QStringLiteral("revoked"), entries}};
    return makeSignedToken(kPrefix, QJsonDocument(payload).toJson(QJsonDocument::Compact), key);
}

Result<RevocationList> RevocationList::verify(QByteArrayView token, const PublicKeyRing& keys) {
    auto parsed = parseSignedToken(token.trimmed(), kPrefix, kMaxTokenSize);
    if (!parsed)
        return malformed(parsed.error().message());
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(parsed->payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("the payload is not a JSON object"));
    const QJsonObject root = document.object();

    RevocationList list;
    list.kid = root.value(QStringLiteral("kid")).toString();
    const Ed25519PublicKey* key = keys.find(list.kid);
    if (!key)
        return Error(Error::Code::Crypto,
                     QStringLiteral("revocation list is signed by unknown key '%1'").arg(list.kid));
    if (!parsed->isSignedBy(*key))
        return Error(Error::Code::Crypto, QStringLiteral("revocation list signature is not valid"));

    // Signed by a key we trust: now hold it to the format.
    const QJsonValue version = root.value(QStringLiteral("v"));
    if (!version.isDouble() || version.toInt() < 1)
        return malformed(QStringLiteral("v must be a positive whole number"));
    if (version.toInt() > kFormatVersion)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("revocation list format %1 is newer than this aicp reads")
                         .arg(version.toInt()));
    const double sequence = root.value(QStringLiteral("sequence")).toDouble(-1);
    if (sequence < 1 || sequence > 9007199254740992.0 ||
        sequence != static_cast<double>(static_cast<std::int64_t>(sequence)))
        return malformed(QStringLiteral("sequence must be a whole number of at least 1"));
    list.sequence = static_cast<std::int64_t>(sequence);
    auto issued = fromRfc3339(root.value(QStringLiteral("issued_at")).toString());
    if (!issued)
        return malformed(QStringLiteral("issued_at: ") + issued.error().message());
    list.issuedAt = *issued;
    const QJsonValue entries = root.value(QStringLiteral("revoked"));
    if (!entries.isArray())
        return malformed(QStringLiteral("revoked must be a list"));
    for (const QJsonValue& value : entries.toArray()) {
        const QJsonObject entry = value.toObject();
        const QString text = entry.value(QStringLiteral("id")).toString();
        const QUuid id = idFromCanonicalText(text);
        if (id.isNull())
            return malformed(QStringLiteral("'%1' is not a license id").arg(text));
        auto revokedAt = fromRfc3339(entry.value(QStringLiteral("revoked_at")).toString());
        if (!revokedAt)
            return malformed(QStringLiteral("revoked_at: ") + revokedAt.error().message());
        list.revoked.push_back({id, *revokedAt});
    }
    return list;
}

}  // namespace aicp
