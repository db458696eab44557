#include "licensing/licensepayload.h"

#include "common/assignto.h"
#include "common/billingfields.h"
#include "common/idtext.h"
#include "common/jsonfields.h"
#include "common/utctime.h"
#include "licensing/payloadfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace aicp {
namespace {

using payloadfields::malformed;
using payloadfields::stringField;
using payloadfields::timeField;
using payloadfields::uuidField;

const QStringList kKnownFields = {
    QStringLiteral("v"),          QStringLiteral("id"),         QStringLiteral("kid"),
    QStringLiteral("customer"),   QStringLiteral("tier"),       QStringLiteral("features"),
    QStringLiteral("addons"),     QStringLiteral("limits"),     QStringLiteral("audit_tier"),
    QStringLiteral("contract"),   QStringLiteral("issued_at"),  QStringLiteral("not_before"),
    QStringLiteral("expires_at"), QStringLiteral("grace_days"), QStringLiteral("supersedes"),
    QStringLiteral("activation"),
};

// Whole numbers only, exactly representable, within [minimum, 2^53].
Result<std::int64_t> integerValue(const QJsonValue& value, const QString& field,
                                  std::int64_t minimum) {
    constexpr double kLargestExactInteger = 9007199254740992.0;
    const double number = value.toDouble(-1.5);
    if (!value.isDouble() || number < static_cast<double>(minimum) ||
        number > kLargestExactInteger ||
        number != static_cast<double>(static_cast<std::int64_t>(number)))
        return malformed(field,
                         QStringLiteral("must be a whole number of at least %1").arg(minimum));
    return static_cast<std::int64_t>(number);
}

Result<std::optional<std::int64_t>> limitOrNull(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    if (value.isNull())
        return std::optional<std::int64_t>();
    auto number = integerValue(value, QStringLiteral("limits.") + key, 0);
    if (!number)
        return number.error();
    return std::optional<std::int64_t>(*number);
}

Result<QStringList> identifierList(const QJsonValue& value, const QString& field) {
    if (!value.isArray())
        return malformed(field, QStringLiteral("must be a list"));
    QStringList items;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString() || item.toString().isEmpty())
            return malformed(field, QStringLiteral("must list non-empty names"));
        if (items.contains(item.toString()))
            return malformed(field, QStringLiteral("lists '%1' twice").arg(item.toString()));
        items.append(item.toString());
    }
    return items;
}

// The terms of the second stage, each optional: billing period,
// commitment and trial.
Status readContractSchedule(const QJsonObject& object, ContractTerms& terms) {
    const QJsonValue period = object.value(QStringLiteral("billing_period"));
    if (!period.isUndefined()) {
        const auto parsed = billingPeriodFromKey(period.toString());
        if (!period.isString() || !parsed)
            return malformed(QStringLiteral("contract.billing_period"),
                             QStringLiteral("must be \"monthly\" or \"annual\""));
        terms.billingPeriod = *parsed;
    }
    const QJsonValue commitment = object.value(QStringLiteral("commitment"));
    if (!commitment.isUndefined()) {
        const QJsonObject fields = commitment.toObject();
        const QString currency = fields.value(QStringLiteral("currency")).toString();
        auto parsed = Commitment::parse(
            QStringLiteral("%1%2/%3").arg(fields.value(QStringLiteral("amount")).toString(),
                                          currency.isEmpty() ? QString() : u' ' + currency,
                                          fields.value(QStringLiteral("period")).toString()));
        if (!commitment.isObject() || !parsed)
            return malformed(
                QStringLiteral("contract.commitment"),
                parsed ? QStringLiteral("must be an object") : parsed.error().message());
        terms.commitment = *parsed;
    }
    const QJsonValue trial = object.value(QStringLiteral("trial_until"));
    if (!trial.isUndefined()) {
        auto time = fromRfc3339(trial.toString());
        if (!trial.isString() || !time)
            return malformed(QStringLiteral("contract.trial_until"),
                             QStringLiteral("must be an RFC 3339 UTC time"));
        terms.trialUntil = *time;
    }
    return {};
}

Result<ContractTerms> contractField(const QJsonValue& value) {
    if (!value.isObject())
        return malformed(QStringLiteral("contract"), QStringLiteral("must be an object"));
    const QJsonObject object = value.toObject();
    ContractTerms terms;
    const QJsonValue discount = object.value(QStringLiteral("discount_percent"));
    if (!discount.isString())
        return malformed(QStringLiteral("contract.discount_percent"),
                         QStringLiteral("must be a decimal string"));
    auto percent = Percent::parse(discount.toString());
    if (!percent)
        return malformed(QStringLiteral("contract.discount_percent"), percent.error().message());
    terms.discount = *percent;
    auto term = integerValue(object.value(QStringLiteral("term_months")),
                             QStringLiteral("contract.term_months"), 0);
    if (!term)
        return term.error();
    if (*term != 0 && *term != 12 && *term != 24 && *term != 36)
        return malformed(QStringLiteral("contract.term_months"),
                         QStringLiteral("must be 0, 12, 24 or 36"));
    terms.termMonths = static_cast<int>(*term);
    const QJsonValue overrides = object.value(QStringLiteral("price_overrides"));
    if (!overrides.isObject())
        return malformed(QStringLiteral("contract.price_overrides"),
                         QStringLiteral("must be an object"));
    const QJsonObject overrideObject = overrides.toObject();
    for (auto it = overrideObject.begin(); it != overrideObject.end(); ++it) {
        const QString field = QStringLiteral("contract.price_overrides.") + it.key();
        auto price = Money::parse(it.value().toString());
        if (!it.value().isString() || !price || price->isNegative())
            return malformed(field, QStringLiteral("must be a decimal string of 0 or more"));
        terms.priceOverrides.emplace(it.key(), *price);
    }
    AICP_TRY(readContractSchedule(object, terms));
    return terms;
}

// The license's id and key, its customer, tier, features and add-ons.
Status readWhoAndWhat(const QJsonObject& root, LicensePayload& license) {
    AICP_TRY(
        assignTo(license.id, uuidField(root.value(QStringLiteral("id")), QStringLiteral("id"))));
    AICP_TRY(assignTo(license.kid, stringField(root, QStringLiteral("kid"), {})));
    const QJsonObject customer = root.value(QStringLiteral("customer")).toObject();
    const QString inCustomer = QStringLiteral("customer.");
    AICP_TRY(assignTo(license.customerId, stringField(customer, QStringLiteral("id"), inCustomer)));
    AICP_TRY(
        assignTo(license.customerName, stringField(customer, QStringLiteral("name"), inCustomer)));
    AICP_TRY(assignTo(license.tier, stringField(root, QStringLiteral("tier"), {})));
    AICP_TRY(assignTo(license.features, identifierList(root.value(QStringLiteral("features")),
                                                       QStringLiteral("features"))));
    const QJsonObject addons = root.value(QStringLiteral("addons")).toObject();
    AICP_TRY(
        assignTo(license.policyPacks, identifierList(addons.value(QStringLiteral("policy_packs")),
                                                     QStringLiteral("addons.policy_packs"))));
    return assignTo(license.complianceModules,
                    identifierList(addons.value(QStringLiteral("compliance_modules")),
                                   QStringLiteral("addons.compliance_modules")));
}

Status readLimits(const QJsonValue& value, LicensePayload& license) {
    if (!value.isObject())
        return malformed(QStringLiteral("limits"), QStringLiteral("must be an object"));
    const QJsonObject limits = value.toObject();
    AICP_TRY(assignTo(license.requestsPerMonth,
                      limitOrNull(limits, QStringLiteral("requests_per_month"))));
    AICP_TRY(assignTo(license.seats, integerValue(limits.value(QStringLiteral("seats")),
                                                  QStringLiteral("limits.seats"), 1)));
    AICP_TRY(assignTo(license.agents, limitOrNull(limits, QStringLiteral("agents"))));
    // Absent in a license from before activations: unlimited.
    if (limits.contains(QStringLiteral("instances")))
        AICP_TRY(assignTo(license.activation.instances,
                          limitOrNull(limits, QStringLiteral("instances"))));
    if (license.activation.instances && *license.activation.instances < 1)
        return malformed(QStringLiteral("limits.instances"),
                         QStringLiteral("must be at least 1, or null"));
    return {};
}

// "activation": {"mode", "heartbeat_seconds"}; absent: floating, every 600 s.
Status readActivation(const QJsonValue& value, LicensePayload& license) {
    if (value.isUndefined())
        return {};
    const QJsonObject activation = value.toObject();
    const auto mode = activationModeFromKey(activation.value(QStringLiteral("mode")).toString());
    if (!value.isObject() || !mode)
        return malformed(QStringLiteral("activation.mode"),
                         QStringLiteral("must be \"floating\" or \"node-locked\""));
    license.activation.mode = *mode;
    auto seconds = integerValue(activation.value(QStringLiteral("heartbeat_seconds")),
                                QStringLiteral("activation.heartbeat_seconds"),
                                ActivationTerms::kMinHeartbeatSeconds);
    if (!seconds)
        return seconds.error();
    if (*seconds > ActivationTerms::kMaxHeartbeatSeconds)
        return malformed(
            QStringLiteral("activation.heartbeat_seconds"),
            QStringLiteral("must be at most %1").arg(ActivationTerms::kMaxHeartbeatSeconds));
    license.activation.heartbeatSeconds = static_cast<int>(*seconds);
    return {};
}

Status readDates(const QJsonObject& root, LicensePayload& license) {
    AICP_TRY(assignTo(license.issuedAt, timeField(root, QStringLiteral("issued_at"))));
    AICP_TRY(assignTo(license.notBefore, timeField(root, QStringLiteral("not_before"))));
    AICP_TRY(assignTo(license.expiresAt, timeField(root, QStringLiteral("expires_at"))));
    if (license.expiresAt <= license.notBefore)
        return malformed(QStringLiteral("expires_at"), QStringLiteral("must be after not_before"));
    auto grace =
        integerValue(root.value(QStringLiteral("grace_days")), QStringLiteral("grace_days"), 0);
    if (!grace)
        return grace.error();
    if (*grace > 365)
        return malformed(QStringLiteral("grace_days"), QStringLiteral("must be at most 365"));
    license.graceDays = static_cast<int>(*grace);
    return {};
}

}  // namespace

QString toRfc3339(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QJsonValue jsonTimeOrNull(const QDateTime& time) {
    return time.isValid() ? QJsonValue(toRfc3339(time)) : QJsonValue(QJsonValue::Null);
}

Result<QDateTime> fromRfc3339(const QString& text) {
    static const QRegularExpression kForm(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"));
    if (!kForm.match(text).hasMatch())
        return Error::invalidInput(
            QStringLiteral("'%1' is not a UTC time like 2026-11-24T00:00:00Z").arg(text));
    // Straight to UTC seconds: QDateTime::fromString goes through local time,
    // which reads the time-zone database for every license of a long list.
    const QByteArray latin1 = text.toLatin1();
    const utc::TimestampReading reading =
        utc::parseRfc3339(std::string_view(latin1.constData(), std::size_t(latin1.size())));
    const QDateTime time = reading.problem == utc::TimestampReading::Problem::None
                               ? QDateTime::fromSecsSinceEpoch(reading.seconds, Qt::UTC)
                               : QDateTime();
    if (!time.isValid() || toRfc3339(time) != text)
        return Error::invalidInput(QStringLiteral("'%1' is not a real date and time").arg(text));
    return time;
}

Result<LicensePayload> LicensePayload::fromJson(const QByteArray& json) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(QStringLiteral("the payload is not a JSON object"));
    const QJsonObject root = document.object();

    LicensePayload license;
    auto version = integerValue(root.value(QStringLiteral("v")), QStringLiteral("v"), 1);
    if (!version)
        return version.error();
    if (*version > kFormatVersion)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("license format %1 is newer than this aicp reads (up to %2)")
                         .arg(*version)
                         .arg(kFormatVersion));
    license.v = static_cast<int>(*version);
    AICP_TRY(readWhoAndWhat(root, license));
    AICP_TRY(readLimits(root.value(QStringLiteral("limits")), license));
    AICP_TRY(readActivation(root.value(QStringLiteral("activation")), license));
    AICP_TRY(assignTo(license.auditTier, stringField(root, QStringLiteral("audit_tier"), {})));
    AICP_TRY(assignTo(license.contract, contractField(root.value(QStringLiteral("contract")))));
    AICP_TRY(readDates(root, license));
    const QJsonValue supersedes = root.value(QStringLiteral("supersedes"));
    if (!supersedes.isUndefined() && !supersedes.isNull())
        AICP_TRY(assignTo(license.supersedes, uuidField(supersedes, QStringLiteral("supersedes"))));

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kKnownFields.contains(it.key()))
            license.unknownFields.insert(it.key(), it.value());
    }
    return license;
}

// The terms of the second stage are written only when they differ from the
// defaults, so a license that has none keeps the bytes it always had.
namespace {
QJsonObject contractToJson(const ContractTerms& contract) {
    QJsonObject overrides;
    for (const auto& [axis, price] : contract.priceOverrides)
        overrides.insert(axis, price.toDecimalString());
    QJsonObject object{{QStringLiteral("discount_percent"), contract.discount.toDecimalString()},
                       {QStringLiteral("term_months"), contract.termMonths},
                       {QStringLiteral("price_overrides"), overrides}};
    if (contract.isAnnual())
        object.insert(QStringLiteral("billing_period"), billingPeriodKey(contract.billingPeriod));
    if (contract.commitment) {
        QJsonObject commitment{
            {QStringLiteral("amount"), contract.commitment->amount.toDecimalString()},
            {QStringLiteral("period"), commitmentPeriodKey(contract.commitment->period)}};
        if (!contract.commitment->currency.isEmpty())
            commitment.insert(QStringLiteral("currency"), contract.commitment->currency);
        object.insert(QStringLiteral("commitment"), commitment);
    }
    if (contract.hasTrial())
        object.insert(QStringLiteral("trial_until"), toRfc3339(contract.trialUntil));
    return object;
}
}  // namespace

QString billingPeriodKey(BillingPeriod period) {
    return period == BillingPeriod::Annual ? QStringLiteral("annual") : QStringLiteral("monthly");
}

std::optional<BillingPeriod> billingPeriodFromKey(QStringView key) {
    if (key == u"monthly")
        return BillingPeriod::Monthly;
    if (key == u"annual")
        return BillingPeriod::Annual;
    return std::nullopt;
}

QString commitmentPeriodKey(Commitment::Period period) {
    return period == Commitment::Period::Year ? QStringLiteral("year") : QStringLiteral("month");
}

QString Commitment::toText() const {
    return QStringLiteral("%1%2/%3").arg(amount.toDecimalString(),
                                         currency.isEmpty() ? QString() : u' ' + currency,
                                         commitmentPeriodKey(period));
}

Result<Commitment> Commitment::parse(const QString& text) {
    const auto refuse = [&] {
        return Error::invalidInput(
            QStringLiteral("a commitment is AMOUNT/month or AMOUNT/year, optionally with the "
                           "currency (\"60000.00 USD/year\"), not '%1'")
                .arg(text));
    };
    const qsizetype slash = text.lastIndexOf(u'/');
    if (slash < 0)
        return refuse();
    Commitment commitment;
    const QString period = text.mid(slash + 1).trimmed();
    if (period == QLatin1String("year"))
        commitment.period = Period::Year;
    else if (period != QLatin1String("month"))
        return refuse();
    QStringList parts = text.left(slash).split(u' ', Qt::SkipEmptyParts);
    if (parts.size() == 2) {
        commitment.currency = parts.takeLast();
        if (!isKnownCurrency(commitment.currency))
            return Error::invalidInput(
                QStringLiteral("commitment: '%1' is not an ISO 4217 currency code")
                    .arg(commitment.currency));
    }
    auto money = parts.size() == 1 ? Money::parse(parts.front()) : Result<Money>(refuse());
    if (!money)
        return refuse();
    if (money->isNegative() || money->isZero())
        return Error::invalidInput(QStringLiteral("commitment: the amount must be above 0, not %1")
                                       .arg(money->toDecimalString()));
    commitment.amount = *money;
    return commitment;
}

QByteArray LicensePayload::toJson() const {
    QJsonObject root = unknownFields;
    root.insert(QStringLiteral("v"), v);
    root.insert(QStringLiteral("id"), idText(id));
    root.insert(QStringLiteral("kid"), kid);
    root.insert(QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), customerId},
                                                        {QStringLiteral("name"), customerName}});
    root.insert(QStringLiteral("tier"), tier);
    root.insert(QStringLiteral("features"), QJsonArray::fromStringList(features));
    root.insert(
        QStringLiteral("addons"),
        QJsonObject{
            {QStringLiteral("policy_packs"), QJsonArray::fromStringList(policyPacks)},
            {QStringLiteral("compliance_modules"), QJsonArray::fromStringList(complianceModules)}});
    QJsonObject limits{{QStringLiteral("requests_per_month"), jsonCountOrNull(requestsPerMonth)},
                       {QStringLiteral("seats"), static_cast<double>(seats)},
                       {QStringLiteral("agents"), jsonCountOrNull(agents)}};
    // Like the contract terms: written only when not the defaults.
    if (!activation.isDefault()) {
        limits.insert(QStringLiteral("instances"), jsonCountOrNull(activation.instances));
        root.insert(
            QStringLiteral("activation"),
            QJsonObject{{QStringLiteral("mode"), activationModeKey(activation.mode)},
                        {QStringLiteral("heartbeat_seconds"), activation.heartbeatSeconds}});
    }
    root.insert(QStringLiteral("limits"), limits);
    root.insert(QStringLiteral("audit_tier"), auditTier);
    root.insert(QStringLiteral("contract"), contractToJson(contract));
    root.insert(QStringLiteral("issued_at"), toRfc3339(issuedAt));
    root.insert(QStringLiteral("not_before"), toRfc3339(notBefore));
    root.insert(QStringLiteral("expires_at"), toRfc3339(expiresAt));
    root.insert(QStringLiteral("grace_days"), graceDays);
    if (supersedes)
        root.insert(QStringLiteral("supersedes"), idText(*supersedes));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

}  // namespace aicp
