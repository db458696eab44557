#include "recommend/upgraderequest.h"

#include "common/idtext.h"
#include "common/jsonfields.h"
#include "common/strictjson.h"
#include "common/wholeseconds.h"
#include "licensing/licensepayload.h"
#include "recommend/recommendation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {
namespace {

const QString kKind = QStringLiteral("aicp.upgrade_request");
const QString kDigestPrefix = QStringLiteral("sha256:");

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString digestOf(const QJsonObject& content) {
    return kDigestPrefix +
           QString::fromLatin1(
               QCryptographicHash::hash(compact(content), QCryptographicHash::Sha256).toHex());
}

Error malformed(const Error& error) {
    return Error::invalidInput(
        QStringLiteral("not a valid upgrade request: %1").arg(error.message()));
}

// The member `key` of `object` as an object of its own; absent or another
// type is a malformed request.
Result<JsonFields> section(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    if (!value.isObject())
        return Error::invalidInput(QStringLiteral("'%1' must be an object").arg(key));
    return JsonFields(value.toObject());
}

Result<QDateTime> timeValue(const JsonFields& fields, const QString& key) {
    auto text = fields.requiredText(key);
    if (!text)
        return text.error();
    auto time = fromRfc3339(*text);
    if (!time)
        return Error::invalidInput(QStringLiteral("'%1': %2").arg(key, time.error().message()));
    return time;
}

Status readCustomer(const QJsonObject& root, UpgradeRequest& request) {
    auto customer = section(root, QStringLiteral("customer"));
    if (!customer)
        return customer.error();
    AICP_TRY(customer->readRequired(QStringLiteral("id"), request.customerId));
    return customer->readRequired(QStringLiteral("name"), request.customerName);
}

Status readCurrent(const QJsonObject& root, UpgradeRequest& request) {
    auto current = section(root, QStringLiteral("current_license"));
    if (!current)
        return current.error();
    QString id;
    AICP_TRY(current->readRequired(QStringLiteral("id"), id));
    request.currentLicense = idFromCanonicalText(id);
    if (request.currentLicense.isNull())
        return Error::invalidInput(QStringLiteral("'id' of the current license must be a UUID"));
    AICP_TRY(current->readRequired(QStringLiteral("tier"), request.currentTier));
    auto expires = timeValue(*current, QStringLiteral("expires_at"));
    if (!expires)
        return expires.error();
    request.currentExpiresAt = *expires;
    return {};
}

Status readAsked(const QJsonObject& root, UpgradeRequest& request) {
    auto asked = section(root, QStringLiteral("asked"));
    if (!asked)
        return asked.error();
    AICP_TRY(asked->readRequired(QStringLiteral("tier"), request.tier));
    AICP_TRY(asked->read(QStringLiteral("policy_packs"), request.policyPacks));
    AICP_TRY(asked->read(QStringLiteral("compliance_modules"), request.complianceModules));
    return asked->read(QStringLiteral("seats"), request.seats);
}

Status readUsage(const QJsonObject& root, UpgradeRequest& request) {
    auto usage = section(root, QStringLiteral("usage"));
    if (!usage)
        return usage.error();
    AICP_TRY(usage->readRequired(QStringLiteral("month"), request.month));
    if (!YearMonth::parse(request.month))
        return Error::invalidInput(
            QStringLiteral("'month' must be a month such as 2026-11, not '%1'").arg(request.month));
    AICP_TRY(usage->read(QStringLiteral("requests_so_far"), request.requestsSoFar));
    AICP_TRY(usage->read(QStringLiteral("projected_requests"), request.projectedRequests));
    AICP_TRY(usage->read(QStringLiteral("request_limit"), request.requestLimit));
    AICP_TRY(usage->read(QStringLiteral("seats"), request.seatsUsed));
    return usage->read(QStringLiteral("agents"), request.agentsUsed);
}

Status readRoot(const QJsonObject& root, UpgradeRequest& request) {
    const JsonFields fields(root);
    AICP_TRY(
        fields.onlyKnown({QStringLiteral("v"), QStringLiteral("kind"), QStringLiteral("customer"),
                          QStringLiteral("current_license"), QStringLiteral("asked"),
                          QStringLiteral("usage"), QStringLiteral("reason"), QStringLiteral("note"),
                          QStringLiteral("created_at"), QStringLiteral("digest")}));
    AICP_TRY(readCustomer(root, request));
    AICP_TRY(readCurrent(root, request));
    AICP_TRY(readAsked(root, request));
    AICP_TRY(readUsage(root, request));
    AICP_TRY(fields.read(QStringLiteral("reason"), request.reason));
    AICP_TRY(fields.read(QStringLiteral("note"), request.note));
    auto created = timeValue(fields, QStringLiteral("created_at"));
    if (!created)
        return created.error();
    request.createdAt = *created;
    return {};
}

}  // namespace

Result<UpgradeRequest> UpgradeRequest::fromRecommendation(const Recommendation& r,
                                                          const QDateTime& now) {
    if (!r.license)
        return Error(
            Error::Code::Conflict,
            QStringLiteral("%1 has no license in force in %2 to upgrade; add the "
                           "license received from the vendor first")
                .arg(r.customerName.isEmpty() ? r.customerId : r.customerName, r.month.toString()));
    const LicensePayload& license = r.license->license;
    UpgradeRequest request;
    request.customerId = license.customerId;
    request.customerName = license.customerName;
    request.currentLicense = license.id;
    request.currentTier = license.tier;
    request.currentExpiresAt = license.expiresAt;
    const TierOption* asked = r.recommendedOption();
    request.tier = asked ? asked->tier() : license.tier;
    request.policyPacks = r.needs.policyPacks;
    request.complianceModules = r.needs.complianceModules;
    // Seats beyond the tier's are priced in the recommendation, so the
    // license should carry them.
    const BillLine* seats = asked ? asked->bill.line(BillAxis::Seats) : nullptr;
    if (seats && seats->quantity > 0)
        request.seats = r.needs.seats;
    request.month = r.month.toString();
    request.requestsSoFar = r.projection.requestsSoFar;
    request.projectedRequests = r.projection.projected;
    request.requestLimit = license.requestsPerMonth;
    request.seatsUsed = r.needs.seats;
    request.agentsUsed = r.needs.agents;
    request.reason = r.reason;
    request.createdAt = toWholeSecondsUtc(now);
    return request;
}

QByteArray UpgradeRequest::toJson() const {
    QJsonObject content{
        {QStringLiteral("v"), kFormatVersion},
        {QStringLiteral("kind"), kKind},
        {QStringLiteral("customer"),
         QJsonObject{{QStringLiteral("id"), customerId}, {QStringLiteral("name"), customerName}}},
        {QStringLiteral("current_license"),
         QJsonObject{{QStringLiteral("id"), idText(currentLicense)},
                     {QStringLiteral("tier"), currentTier},
                     {QStringLiteral("expires_at"), toRfc3339(currentExpiresAt)}}},
        {QStringLiteral("asked"),
         QJsonObject{
             {QStringLiteral("tier"), tier},
             {QStringLiteral("policy_packs"), QJsonArray::fromStringList(policyPacks)},
             {QStringLiteral("compliance_modules"), QJsonArray::fromStringList(complianceModules)},
             {QStringLiteral("seats"), jsonCountOrNull(seats)}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("month"), month},
                     {QStringLiteral("requests_so_far"), static_cast<qint64>(requestsSoFar)},
                     {QStringLiteral("projected_requests"), static_cast<qint64>(projectedRequests)},
                     {QStringLiteral("request_limit"), jsonCountOrNull(requestLimit)},
                     {QStringLiteral("seats"), static_cast<qint64>(seatsUsed)},
                     {QStringLiteral("agents"), static_cast<qint64>(agentsUsed)}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("note"), note},
        {QStringLiteral("created_at"), toRfc3339(createdAt)}};
    content.insert(QStringLiteral("digest"), digestOf(content));
    return compact(content) + '\n';
}

Result<UpgradeRequest> UpgradeRequest::fromJson(const QByteArray& json) {
    if (json.size() > kMaxSize)
        return Error::invalidInput(
            QStringLiteral("not an upgrade request: larger than %1 KiB").arg(kMaxSize / 1024));
    auto document = StrictJson::parse(json);
    if (!document)
        return malformed(document.error());
    if (!document->isObject())
        return Error::invalidInput(QStringLiteral("not an upgrade request: not a JSON object"));
    QJsonObject root = document->object();
    if (root.value(QStringLiteral("kind")).toString() != kKind)
        return Error::invalidInput(
            QStringLiteral("not an upgrade request: its 'kind' is not \"%1\"").arg(kKind));
    if (root.value(QStringLiteral("v")).toInt(-1) != kFormatVersion)
        return Error::invalidInput(
            QStringLiteral("upgrade request format %1 is not one this aicp reads (it reads %2)")
                .arg(root.value(QStringLiteral("v")).toVariant().toString())
                .arg(kFormatVersion));
    const QString digest = root.take(QStringLiteral("digest")).toString();
    if (digest.isEmpty())
        return Error::invalidInput(QStringLiteral("not a valid upgrade request: it has no digest"));
    if (digest != digestOf(root))
        return Error(Error::Code::Crypto,
                     QStringLiteral("the upgrade request was changed after it was made (its "
                                    "digest does not match its content); ask the customer to "
                                    "send it again"));
    UpgradeRequest request;
    const Status read = readRoot(root, request);
    if (!read.ok())
        return malformed(read.error());
    return request;
}

LicenseRequest UpgradeRequest::licenseRequest() const {
    LicenseRequest request;
    request.customerId = customerId;
    request.customerName = customerName;
    request.tier = tier;
    request.policyPacks = policyPacks;
    request.complianceModules = complianceModules;
    request.seats = seats;
    request.expiresAt = currentExpiresAt;
    request.supersedes = currentLicense;
    return request;
}

}  // namespace aicp
