#include "common/utctime.h"
#include "customers/customer.h"
#include "licensing/entitlements.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenserequest.h"
#include "server/apiendpoints.h"
#include "server/licensevalidator.h"
#include "server/requestplan.h"
#include "storage/workspace.h"

#include <QJsonDocument>
#include <QUuid>

namespace aicp {

namespace {

constexpr std::int64_t kDefaultDays = 365;

QJsonValue payloadJson(const std::optional<LicensePayload>& license) {
    if (!license)
        return QJsonValue(QJsonValue::Null);
    return QJsonDocument::fromJson(license->toJson()).object();
}

// An RFC 3339 time into `target`, left as it is when the key is absent.
Status readTime(const JsonFields& fields, const QString& key, QDateTime& target) {
    QString text;
    AICP_TRY(fields.read(key, text));
    if (text.isEmpty())
        return {};
    const utc::TimestampReading reading = utc::parseRfc3339(text.toStdString());
    if (reading.problem != utc::TimestampReading::Problem::None)
        return Error::invalidInput(
            QStringLiteral("'%1' must be an RFC 3339 time like 2026-03-01T00:00:00Z, not '%2'")
                .arg(key, text));
    target = QDateTime::fromSecsSinceEpoch(reading.seconds, Qt::UTC);
    return {};
}

Result<LicenseRequest> issueRequest(const ApiRequest& request) {
    auto body = jsonBody(request,
                         u"customer_id customer_name tier policy_packs compliance_modules "
                         u"seats agents audit_tier not_before expires_at days grace_days");
    if (!body)
        return body.error();
    const JsonFields& fields = *body;
    LicenseRequest issue;
    AICP_TRY(fields.readRequired(QStringLiteral("customer_id"), issue.customerId));
    AICP_TRY(fields.readRequired(QStringLiteral("tier"), issue.tier));
    AICP_TRY(fields.read(QStringLiteral("customer_name"), issue.customerName));
    AICP_TRY(readPlan(fields, issue));
    auto grace = fields.count(QStringLiteral("grace_days"));
    if (!grace)
        return grace.error();
    if (*grace) {
        if (**grace > LicenseRequest::kMaxGraceDays)
            return Error::invalidInput(
                QStringLiteral("'grace_days' is at most %1").arg(LicenseRequest::kMaxGraceDays));
        issue.graceDays = static_cast<int>(**grace);
    }
    AICP_TRY(readTime(fields, QStringLiteral("not_before"), issue.notBefore));
    QDateTime expires;
    AICP_TRY(readTime(fields, QStringLiteral("expires_at"), expires));
    auto days = fields.count(QStringLiteral("days"));
    if (!days)
        return days.error();
    if (expires.isValid() && *days)
        return Error::invalidInput(
            QStringLiteral("give 'days' or 'expires_at', not both: each sets the end of validity"));
    if (expires.isValid()) {
        issue.expiresAt = expires;
    } else {
        QDateTime start =
            issue.notBefore.isValid() ? issue.notBefore : QDateTime::currentDateTimeUtc();
        start.setTime(start.time().addMSecs(-start.time().msec()));
        const std::int64_t length = days->value_or(kDefaultDays);
        if (length < 1 || length > 3660)
            return Error::invalidInput(QStringLiteral("'days' must be from 1 to 3660"));
        issue.expiresAt = start.addDays(length);
    }
    return issue;
}

ApiResponse issueLicense(Workspace& workspace, const ApiRequest& request,
                         const QByteArray& passphrase) {
    // The body first: a malformed one is the client's to fix either way.
    auto issue = issueRequest(request);
    if (!issue)
        return ApiResponse::fromError(issue.error());
    if (passphrase.isEmpty())
        return ApiResponse::error(
            503, QStringLiteral("signing_unavailable"),
            QStringLiteral(
                "this service cannot issue licenses: start 'aicp serve' with "
                "AICP_KEY_PASSPHRASE set or --passphrase-file to unlock the signing key"));
    // A customer already in the workspace keeps its name unless one is given.
    if (issue->customerName.isEmpty())
        if (auto known = CustomerStore(workspace).find(issue->customerId); known)
            issue->customerName = known->name;
    auto record = LicenseRegistry(workspace).issue(*issue, passphrase);
    if (!record) {
        if (record.error().code() == Error::Code::Crypto)
            return ApiResponse::error(503, QStringLiteral("signing_unavailable"),
                                      record.error().message());
        return ApiResponse::fromError(record.error());
    }
    return ApiResponse::json(
        {{QStringLiteral("id"), record->license.id.toString(QUuid::WithoutBraces)},
         {QStringLiteral("key"), QString::fromLatin1(record->key)},
         {QStringLiteral("license"), payloadJson(record->license)}},
        201);
}

// The body a gateway sends, {"license":"<key>"} with nothing else, its key
// read in place: printable ASCII with no escapes reads the same as parsed.
// nullopt for any other body, which the JSON parser reads instead.
std::optional<QByteArrayView> plainLicenseField(const QByteArray& body) {
    constexpr QByteArrayView prefix(R"({"license":")");
    constexpr QByteArrayView suffix(R"("})");
    QByteArrayView view = QByteArrayView(body).trimmed();
    if (!view.startsWith(prefix) || !view.endsWith(suffix))
        return std::nullopt;
    view = view.sliced(prefix.size(), view.size() - prefix.size() - suffix.size());
    if (view.isEmpty())
        return std::nullopt;
    // Every byte looked at, without a branch per byte, so the loop vectorizes.
    bool refused = false;
    for (const char c : view)
        refused |= (c < 0x20) | (c > 0x7e) | (c == '"') | (c == '\\');
    if (refused)
        return std::nullopt;
    return view;
}

ApiResponse validate(LicenseValidator& validator, const ApiRequest& request) {
    QByteArray key;
    if (const auto plain = plainLicenseField(request.body)) {
        key = QByteArray::fromRawData(plain->data(), plain->size());
    } else {
        auto body = jsonBody(request, u"license");
        if (!body)
            return ApiResponse::fromError(body.error());
        auto license = body->requiredText(QStringLiteral("license"));
        if (!license)
            return ApiResponse::fromError(license.error());
        key = license->toUtf8();
    }
    const std::shared_ptr<CachedValidation> answer = validator.check(key);
    // The same license validated again (the usual case: a gateway asking
    // per request) gets the body rendered the first time.
    if (answer->rendered.isEmpty()) {
        const LicenseVerification& result = answer->result;
        answer->rendered =
            ApiResponse::json({{QStringLiteral("status"), licenseStatusWord(result.status)},
                               {QStringLiteral("valid"), result.isUsable()},
                               {QStringLiteral("reason"), result.reason},
                               {QStringLiteral("license"), payloadJson(result.license)}})
                .body;
    }
    ApiResponse response;
    response.body = answer->rendered;
    return response;
}

ApiResponse feature(Workspace& workspace, LicenseValidator& validator, const QStringList& params) {
    auto record = LicenseRegistry(workspace).findByPrefix(params.value(0));
    if (!record)
        return ApiResponse::fromError(record.error());
    const LicenseVerification result = validator.validate(record->key);
    const QString name = params.value(1);
    const bool has = result.license && Entitlements(*result.license).can(name);
    return ApiResponse::json(
        {{QStringLiteral("license_id"), record->license.id.toString(QUuid::WithoutBraces)},
         {QStringLiteral("feature"), name},
         {QStringLiteral("enabled"), result.isUsable() && has},
         {QStringLiteral("in_license"), has},
         {QStringLiteral("status"), licenseStatusWord(result.status)},
         {QStringLiteral("reason"), result.reason}});
}

}  // namespace

void addLicensingEndpoints(ApiRouter& router, Workspace& workspace, LicenseValidator& validator,
                           const QByteArray& passphrase) {
    router.add("POST", QStringLiteral("/api/pricing/licenses"), ApiRole::Admin,
               [&workspace, &passphrase](const ApiRequest& request, const QStringList&) {
                   return issueLicense(workspace, request, passphrase);
               });
    router.add("POST", QStringLiteral("/api/pricing/licenses/validate"), ApiRole::Read,
               [&validator](const ApiRequest& request, const QStringList&) {
                   return validate(validator, request);
               });
    router.add("GET", QStringLiteral("/api/pricing/licenses/{id}/features/{feature}"),
               ApiRole::Read,
               [&workspace, &validator](const ApiRequest&, const QStringList& params) {
                   return feature(workspace, validator, params);
               });
    router.add("GET", QStringLiteral("/api/pricing/revocations"), ApiRole::Read,
               [&workspace](const ApiRequest&, const QStringList&) {
                   auto list = LicenseRegistry(workspace).latestPublishedRevocationList();
                   if (!list)
                       return ApiResponse::fromError(list.error());
                   return ApiResponse::text(*list + '\n');
               });
}

}  // namespace aicp
