#include "licensing/licenseregistry.h"

#include "audit/auditlog.h"
#include "common/assignto.h"
#include "common/idtext.h"
#include "common/wholeseconds.h"
#include "customers/customer.h"
#include "licensing/keystore.h"
#include "licensing/signedtoken.h"
#include "notify/outbox.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <QJsonObject>

namespace aicp {

namespace {

constexpr qsizetype kMinIdPrefix = 8;

constexpr std::string_view kSelectLicenses =
    "SELECT l.license_key, l.issued_by, r.revoked_at, r.revoked_by, r.reason, "
    "       (SELECT n.id FROM licenses n WHERE n.supersedes = l.id "
    "        ORDER BY n.issued_at DESC, n.id LIMIT 1) "
    "FROM licenses l LEFT JOIN revocations r ON r.license_id = l.id";

Result<LicenseRecord> readRecord(const Statement& row) {
    LicenseRecord record;
    record.key = row.blob(0);
    auto token = parseSignedToken(record.key, "AICP1", 64 * 1024);
    if (!token)
        return token.error().withContext(QStringLiteral("stored license"));
    auto payload = LicensePayload::fromJson(token->payload);
    if (!payload)
        return Error(Error::Code::Corrupt, payload.error().message())
            .withContext(QStringLiteral("stored license"));
    record.license = std::move(payload).value();
    record.issuedBy = row.text(1);
    if (!row.isNull(2))
        record.revocation = Revocation{row.time(2), row.text(3), row.text(4)};
    if (!row.isNull(5))
        record.supersededBy = QUuid::fromString(row.text(5));
    return record;
}

template <typename... Values>
Result<std::vector<LicenseRecord>> queryRecords(Database* db, const std::string& sql,
                                                const Values&... values) {
    return queryRows<LicenseRecord>(db, sql, &readRecord, values...);
}

}  // namespace

Status LicenseRegistry::ensureLicensee(const LicensePayload& license) {
    CustomerStore customers(workspace_);
    auto existing = customers.find(license.customerId);
    if (existing)
        return {};
    if (existing.error().code() != Error::Code::NotFound)
        return existing.error();
    auto book = workspace_.priceBook();
    if (!book)
        return book.error();
    Customer customer{license.customerId, license.customerName, {}, license.issuedAt};
    customer.currency = book->homeCurrency();
    return customers.save(customer);
}

Result<QString> LicenseRegistry::billingCurrency(const QString& customerId,
                                                 const PriceBook& book) const {
    auto customer = CustomerStore(workspace_).find(customerId);
    if (customer)
        return customer->currency;
    if (customer.error().code() != Error::Code::NotFound)
        return customer.error();
    return book.homeCurrency();
}

namespace {

// Renewing or upgrading forks the chain of licenses unless it starts from
// the newest one; a revoked license is not continued at all.
Status checkCanBeReplaced(const LicenseRecord& record) {
    const QString id = idText(record.license.id);
    if (record.revocation)
        return Error(Error::Code::Conflict,
                     QStringLiteral("license %1 was revoked; issue a new one instead").arg(id));
    if (record.supersededBy)
        return Error(Error::Code::Conflict,
                     QStringLiteral("license %1 was already replaced by %2; renew or upgrade that "
                                    "one")
                         .arg(id, idText(*record.supersededBy)));
    return {};
}

}  // namespace

LicenseState LicenseRecord::stateAt(const QDateTime& now) const {
    if (revocation)
        return LicenseState::Revoked;
    if (supersededBy)
        return LicenseState::Superseded;
    if (now < license.notBefore)
        return LicenseState::NotYetValid;
    if (now < license.expiresAt)
        return LicenseState::Active;
    if (now < license.graceEndsAt())
        return LicenseState::InGrace;
    return LicenseState::Expired;
}

Result<LicenseRecord> LicenseRegistry::issue(const LicenseRequest& request,
                                             QByteArrayView passphrase) {
    auto key = KeyStore(workspace_, clock_).unlockSigningKey(passphrase);
    if (!key)
        return key.error();
    auto book = workspace_.priceBook();
    if (!book)
        return book.error();
    const QDateTime issuedAt = now();
    const QDateTime start = request.notBefore.isValid() ? request.notBefore : issuedAt;
    // The prices in the customer's currency: what the license will be billed in.
    auto currency = billingCurrency(request.customerId, *book);
    if (!currency)
        return currency.error();
    auto prices = book->versionAt(start.toUTC().date(), *currency);
    if (!prices)
        return prices.error().withContext(
            QStringLiteral("customer %1 is billed in %2").arg(request.customerId, *currency));
    auto payload = buildLicensePayload(request, *prices, key->publicKey().kid(), issuedAt);
    if (!payload)
        return payload.error();
    auto signedKey = makeSignedToken("AICP1", payload->toJson(), *key);
    if (!signedKey)
        return signedKey.error();

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    if (payload->supersedes) {
        auto superseded = find(*payload->supersedes);
        if (!superseded)
            return superseded.error();
        if (superseded->license.customerId != payload->customerId)
            return Error::invalidInput(QStringLiteral("license %1 belongs to another customer")
                                           .arg(idText(*payload->supersedes)));
    }
    AICP_TRY(ensureLicensee(*payload));

    LicenseRecord record{*payload, *signedKey, AuditLog::actorOn(workspace_), {}, {}};
    const std::optional<QString> supersedes =
        payload->supersedes ? std::optional(idText(*payload->supersedes)) : std::nullopt;
    AICP_TRY(executeWith(
        db,
        "INSERT INTO licenses (id, customer_id, tier, kid, license_key, issued_at, not_before, "
        "expires_at, supersedes, issued_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        idText(payload->id), payload->customerId, payload->tier, payload->kid,
        QString::fromLatin1(record.key), payload->issuedAt, payload->notBefore, payload->expiresAt,
        supersedes, record.issuedBy));

    QJsonObject details{{QStringLiteral("customer"), payload->customerId},
                        {QStringLiteral("tier"), payload->tier},
                        {QStringLiteral("kid"), payload->kid},
                        {QStringLiteral("expires_at"), toRfc3339(payload->expiresAt)}};
    if (supersedes)
        details.insert(QStringLiteral("supersedes"), *supersedes);
    auto logged = AuditLog(workspace_, clock_)
                      .append(payload->supersedes ? QStringLiteral("license.reissue")
                                                  : QStringLiteral("license.issue"),
                              idText(payload->id), details);
    if (!logged)
        return logged.error();
    QJsonObject told{{QStringLiteral("license_id"), idText(payload->id)},
                     {QStringLiteral("customer_id"), payload->customerId},
                     {QStringLiteral("customer_name"), payload->customerName},
                     {QStringLiteral("tier"), payload->tier},
                     {QStringLiteral("not_before"), toRfc3339(payload->notBefore)},
                     {QStringLiteral("expires_at"), toRfc3339(payload->expiresAt)}};
    if (supersedes)
        told.insert(QStringLiteral("supersedes"), *supersedes);
    AICP_TRY(Outbox(workspace_, clock_).publish({QStringLiteral("license.issued"), told, {}}));
    AICP_TRY(transaction->commit());
    return record;
}

Result<LicenseRecord> LicenseRegistry::renew(const QUuid& id, QByteArrayView passphrase) {
    auto old = find(id);
    if (!old)
        return old.error();
    AICP_TRY(checkCanBeReplaced(*old));
    LicenseRequest request = LicenseRequest::from(old->license);
    const qint64 length = old->license.notBefore.secsTo(old->license.expiresAt);
    request.notBefore = std::max(old->license.expiresAt, now());
    request.expiresAt = request.notBefore.addSecs(length);
    request.supersedes = id;
    return issue(request, passphrase);
}

Result<LicenseRecord> LicenseRegistry::upgrade(const QUuid& id, LicenseRequest changes,
                                               QByteArrayView passphrase) {
    auto old = find(id);
    if (!old)
        return old.error();
    AICP_TRY(checkCanBeReplaced(*old));
    if (changes.customerId != old->license.customerId)
        return Error::invalidInput(QStringLiteral("an upgrade keeps the customer"));
    if (!changes.notBefore.isValid() || changes.notBefore < now())
        changes.notBefore = now();
    if (!changes.expiresAt.isValid())
        changes.expiresAt = old->license.expiresAt;
    changes.supersedes = id;
    return issue(changes, passphrase);
}

Result<LicenseRecord> LicenseRegistry::revoke(const QUuid& id, const QString& reason,
                                              QByteArrayView passphrase) {
    if (reason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("a revocation needs a reason"));
    auto record = find(id);
    if (!record)
        return record.error();
    if (record->revocation)
        return Error(
            Error::Code::Conflict,
            QStringLiteral("license %1 was already revoked on %2 by %3")
                .arg(idText(id), toRfc3339(record->revocation->at), record->revocation->by));

    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    const Revocation revocation{now(), AuditLog::actorOn(workspace_), reason.trimmed()};
    AICP_TRY(executeWith(db,
                         "INSERT INTO revocations (license_id, revoked_at, revoked_by, reason) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         idText(id), revocation.at, revocation.by, revocation.reason));
    auto logged = AuditLog(workspace_, clock_)
                      .append(QStringLiteral("license.revoke"), idText(id),
                              {{QStringLiteral("customer"), record->license.customerId},
                               {QStringLiteral("reason"), revocation.reason}});
    if (!logged)
        return logged.error();
    AICP_TRY(Outbox(workspace_, clock_)
                 .publish({QStringLiteral("license.revoked"),
                           {{QStringLiteral("license_id"), idText(id)},
                            {QStringLiteral("customer_id"), record->license.customerId},
                            {QStringLiteral("reason"), revocation.reason},
                            {QStringLiteral("revoked_at"), toRfc3339(revocation.at)}},
                           {}}));
    auto published = publishRevocationList(passphrase);
    if (!published)
        return published.error();
    AICP_TRY(transaction->commit());
    record->revocation = revocation;
    return record;
}

Result<RevocationList> LicenseRegistry::publishRevocationList(QByteArrayView passphrase) {
    auto key = KeyStore(workspace_, clock_).unlockSigningKey(passphrase);
    if (!key)
        return key.error();
    Database* db = workspace_.handle();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();

    RevocationList list;
    list.kid = key->publicKey().kid();
    list.issuedAt = now();
    AICP_TRY(
        assignTo(list.sequence,
                 queryInt64(db, "SELECT coalesce(max(sequence), 0) + 1 FROM revocation_lists")));
    auto revoked = Statement::prepare(
        db, "SELECT license_id, revoked_at FROM revocations ORDER BY license_id");
    if (!revoked)
        return revoked.error();
    AICP_TRY(revoked->forEachRow([&list](const Statement& row) {
        list.revoked.push_back({QUuid::fromString(row.text(0)), row.time(1)});
        return Status();
    }));
    auto token = list.sign(*key);
    if (!token)
        return token.error();
    AICP_TRY(executeWith(
        db, "INSERT INTO revocation_lists (sequence, published_at, token) VALUES (?1, ?2, ?3)",
        list.sequence, list.issuedAt, QString::fromLatin1(*token)));
    AICP_TRY(transaction->commit());
    return list;
}

Result<QByteArray> LicenseRegistry::latestPublishedRevocationList() const {
    return queryOneRow<QByteArray>(
        workspace_.handle(), "SELECT token FROM revocation_lists ORDER BY sequence DESC LIMIT 1",
        [](const Statement& row) { return row.blob(0); },
        Error::notFound(QStringLiteral("no revocation list has been published yet")));
}

Result<QByteArray> LicenseRegistry::currentRevocationList(QByteArrayView passphrase) {
    auto latest = latestPublishedRevocationList();
    if (latest || latest.error().code() != Error::Code::NotFound)
        return latest;
    auto published = publishRevocationList(passphrase);
    if (!published)
        return published.error();
    return latestPublishedRevocationList();
}

Result<std::vector<LicenseRecord>> LicenseRegistry::list() const {
    return queryRecords(workspace_.handle(),
                        std::string(kSelectLicenses) + " ORDER BY l.issued_at DESC, l.id");
}

Result<LicenseRecord> LicenseRegistry::find(const QUuid& id) const {
    auto records = queryRecords(workspace_.handle(),
                                std::string(kSelectLicenses) + " WHERE l.id = ?1", idText(id));
    if (!records)
        return records.error();
    if (records->empty())
        return Error::notFound(QStringLiteral("there is no license %1").arg(idText(id)));
    return records->front();
}

Result<LicenseRecord> LicenseRegistry::findByPrefix(const QString& idOrPrefix) const {
    const QString prefix = idOrPrefix.trimmed().toLower();
    const QUuid exact = QUuid::fromString(prefix);
    if (!exact.isNull())
        return find(exact);
    if (prefix.size() < kMinIdPrefix)
        return Error::invalidInput(
            QStringLiteral("'%1' is not a license id; give the id or its first %2 characters")
                .arg(idOrPrefix)
                .arg(kMinIdPrefix));
    auto records = queryRecords(
        workspace_.handle(),
        std::string(kSelectLicenses) + " WHERE substr(l.id, 1, length(?1)) = ?1 LIMIT 2", prefix);
    if (!records)
        return records.error();
    if (records->empty())
        return Error::notFound(QStringLiteral("there is no license starting with %1").arg(prefix));
    if (records->size() > 1)
        return Error::invalidInput(
            QStringLiteral("several licenses start with %1; give more of the id").arg(prefix));
    return records->front();
}

std::optional<LicenseRecord> licenseInForce(const std::vector<LicenseRecord>& licenses,
                                            const QString& customerId, const QDateTime& at) {
    std::optional<LicenseRecord> found;
    for (const LicenseRecord& record : licenses) {
        if (record.license.customerId != customerId)
            continue;
        if (!isInForce(record.stateAt(at)))
            continue;
        if (!found || record.license.issuedAt > found->license.issuedAt)
            found = record;
    }
    return found;
}

}  // namespace aicp
