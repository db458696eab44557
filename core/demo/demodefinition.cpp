#include "demo/demodefinition.h"

#include "common/assignto.h"
#include "customers/customer.h"
#include "storage/statement.h"

#include <cmath>
#include <set>

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

constexpr int kDefinitionSchema = 1;
// JSON numbers are doubles: integers above 2^53 would silently lose digits.
constexpr double kLargestExactInteger = 9007199254740992.0;

Error fieldError(const QString& field, const QString& problem) {
    return Error::invalidInput(QStringLiteral("demo definition: %1 %2").arg(field, problem));
}

Result<double> wholeNumber(const QJsonObject& object, const QString& field, double minimum,
                           const QString& where = {}) {
    const QJsonValue value = object.value(field);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < minimum || number > kLargestExactInteger ||
        std::floor(number) != number)
        return fieldError(where + field, QStringLiteral("must be a whole number of at least %1")
                                             .arg(static_cast<qint64>(minimum)));
    return number;
}

Result<QString> nonEmptyString(const QJsonObject& object, const QString& field,
                               const QString& where) {
    const QJsonValue value = object.value(field);
    const QString text = value.toString().trimmed();
    if (!value.isString() || text.isEmpty())
        return fieldError(where + field, QStringLiteral("must be a non-empty string"));
    return text;
}

// An optional "YYYY-MM-DD" field: an invalid QDate when absent.
Result<QDate> optionalDate(const QJsonObject& object, const QString& field, const QString& where) {
    if (!object.contains(field))
        return QDate();
    const QDate date = QDate::fromString(object.value(field).toString(), Qt::ISODate);
    if (!date.isValid())
        return fieldError(where + field, QStringLiteral("must be a date such as \"2026-01-31\""));
    return date;
}

Result<QStringList> optionalNames(const QJsonObject& object, const QString& field,
                                  const QString& where) {
    QStringList names;
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return names;
    if (!value.isArray())
        return fieldError(where + field, QStringLiteral("must be a list of names"));
    for (const QJsonValue& name : value.toArray()) {
        if (!name.isString() || name.toString().isEmpty())
            return fieldError(where + field, QStringLiteral("must be a list of names"));
        names << name.toString();
    }
    return names;
}

Result<std::int64_t> countField(const QJsonObject& object, const QString& field,
                                const QString& where, std::int64_t minimum) {
    auto number = wholeNumber(object, field, static_cast<double>(minimum), where);
    if (!number)
        return number.error();
    return static_cast<std::int64_t>(*number);
}

Result<DemoLicense> readLicense(const QJsonObject& object, const QString& where) {
    DemoLicense license;
    AICP_TRY(assignTo(license.tier, nonEmptyString(object, QStringLiteral("tier"), where)));
    AICP_TRY(assignTo(license.policyPacks,
                      optionalNames(object, QStringLiteral("policy_packs"), where)));
    AICP_TRY(assignTo(license.complianceModules,
                      optionalNames(object, QStringLiteral("compliance_modules"), where)));
    if (object.contains(QStringLiteral("seats")))
        AICP_TRY(assignTo(license.seats, countField(object, QStringLiteral("seats"), where, 1)));
    license.auditTier = object.value(QStringLiteral("audit_tier")).toString();
    AICP_TRY(assignTo(license.issued, optionalDate(object, QStringLiteral("issued"), where)));
    if (!license.issued.isValid())
        return fieldError(where + QStringLiteral("issued"), QStringLiteral("is required"));
    AICP_TRY(assignTo(license.days, countField(object, QStringLiteral("days"), where, 1)));
    if (object.contains(QStringLiteral("discount"))) {
        auto discount = Percent::parse(object.value(QStringLiteral("discount")).toString());
        if (!discount)
            return fieldError(where + QStringLiteral("discount"), discount.error().message());
        license.discount = *discount;
    }
    license.termMonths = object.value(QStringLiteral("term_months")).toInt(0);
    AICP_TRY(
        assignTo(license.upgradedOn, optionalDate(object, QStringLiteral("upgraded_on"), where)));
    license.upgradeTier = object.value(QStringLiteral("upgrade_tier")).toString();
    if (license.upgradedOn.isValid() == license.upgradeTier.isEmpty())
        return fieldError(where + QStringLiteral("upgrade_tier"),
                          QStringLiteral("and upgraded_on go together"));
    AICP_TRY(
        assignTo(license.revokedOn, optionalDate(object, QStringLiteral("revoked_on"), where)));
    license.revokeReason = object.value(QStringLiteral("revoke_reason")).toString();
    if (license.revokedOn.isValid() == license.revokeReason.isEmpty())
        return fieldError(where + QStringLiteral("revoke_reason"),
                          QStringLiteral("and revoked_on go together"));
    return license;
}

Result<DemoUsage> readUsage(const QJsonObject& object, const QString& where) {
    DemoUsage usage;
    AICP_TRY(assignTo(usage.requestsPerMonth,
                      countField(object, QStringLiteral("requests_per_month"), where, 0)));
    AICP_TRY(assignTo(usage.users, countField(object, QStringLiteral("users"), where, 1)));
    AICP_TRY(assignTo(usage.agents, countField(object, QStringLiteral("agents"), where, 1)));
    if (object.contains(QStringLiteral("instances")))
        AICP_TRY(
            assignTo(usage.instances, countField(object, QStringLiteral("instances"), where, 0)));
    return usage;
}

Result<DemoCustomer> readCustomer(const QJsonValue& value, const QString& where) {
    if (!value.isObject())
        return fieldError(where, QStringLiteral("must be an object"));
    const QJsonObject object = value.toObject();
    DemoCustomer customer;
    for (auto [field, target] : {std::pair{QStringLiteral("id"), &customer.id},
                                 std::pair{QStringLiteral("name"), &customer.name},
                                 std::pair{QStringLiteral("domain"), &customer.domain}}) {
        auto text = nonEmptyString(object, field, where + QStringLiteral("."));
        if (!text)
            return text.error();
        *target = *text;
    }
    if (!isValidCustomerId(customer.id))
        return fieldError(where + QStringLiteral(".id"),
                          QStringLiteral("'%1' is not a valid customer id").arg(customer.id));
    if (const QJsonValue license = object.value(QStringLiteral("license")); license.isObject()) {
        auto read = readLicense(license.toObject(), where + QStringLiteral(".license."));
        if (!read)
            return read.error();
        customer.license = *read;
    }
    const QJsonArray earlier = object.value(QStringLiteral("earlier")).toArray();
    for (qsizetype i = 0; i < earlier.size(); ++i) {
        auto read =
            readLicense(earlier.at(i).toObject(), where + QStringLiteral(".earlier[%1].").arg(i));
        if (!read)
            return read.error();
        customer.earlier.push_back(*read);
    }
    if (const QJsonValue usage = object.value(QStringLiteral("usage")); usage.isObject()) {
        auto read = readUsage(usage.toObject(), where + QStringLiteral(".usage."));
        if (!read)
            return read.error();
        customer.usage = *read;
    }
    return customer;
}

// A number of days from 1 to `most`.
Result<int> dayCount(const QJsonObject& root, const QString& field, int most) {
    auto days = wholeNumber(root, field, 1);
    if (!days)
        return days.error();
    if (*days > most)
        return fieldError(field, QStringLiteral("must be at most %1").arg(most));
    return static_cast<int>(*days);
}

Result<QDateTime> timeField(const QJsonObject& root, const QString& field) {
    auto text = nonEmptyString(root, field, QString());
    if (!text)
        return text.error();
    const QDateTime time = parseStoredTime(*text);
    if (!time.isValid())
        return fieldError(field, QStringLiteral("'%1' is not an RFC 3339 time").arg(*text));
    return time;
}

// Schema, seed, the onboarding period and the written day.
Status readCalendar(const QJsonObject& root, DemoDefinition& definition) {
    auto schema = wholeNumber(root, QStringLiteral("schema"), 1);
    if (!schema)
        return schema.error();
    if (*schema > kDefinitionSchema)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("demo definition schema %1 is newer than this aicp reads")
                         .arg(static_cast<qint64>(*schema)));
    auto seed = wholeNumber(root, QStringLiteral("seed"), 0);
    if (!seed)
        return seed.error();
    definition.seed = static_cast<std::uint64_t>(*seed);
    auto start = timeField(root, QStringLiteral("start"));
    if (!start)
        return start.error();
    definition.start = *start;
    return assignTo(definition.onboardingDays,
                    dayCount(root, QStringLiteral("onboarding_days"), 3660));
}

Status readContacts(const QJsonObject& root, DemoDefinition& definition) {
    const QJsonArray contacts = root.value(QStringLiteral("contacts")).toArray();
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const QString contact = contacts.at(i).toString();
        if (contact.isEmpty() || contact.contains(u'@') || contact.contains(u' '))
            return fieldError(QStringLiteral("contacts[%1]").arg(i),
                              QStringLiteral("must be a mailbox name such as \"billing\""));
        definition.contacts.append(contact);
    }
    if (definition.contacts.isEmpty())
        return fieldError(QStringLiteral("contacts"), QStringLiteral("must list mailbox names"));
    return {};
}

Status readCustomers(const QJsonObject& root, DemoDefinition& definition) {
    const QJsonArray customers = root.value(QStringLiteral("customers")).toArray();
    std::set<QString> ids;
    for (qsizetype i = 0; i < customers.size(); ++i) {
        const QString where = QStringLiteral("customers[%1]").arg(i);
        auto customer = readCustomer(customers.at(i), where);
        if (!customer)
            return customer.error();
        if (!ids.insert(customer->id).second)
            return fieldError(where + QStringLiteral(".id"),
                              QStringLiteral("'%1' appears twice").arg(customer->id));
        definition.customers.push_back(std::move(customer).value());
    }
    if (definition.customers.empty())
        return fieldError(QStringLiteral("customers"), QStringLiteral("must list customers"));
    return {};
}

Status readUsageWindow(const QJsonObject& root, DemoDefinition& definition) {
    auto now = timeField(root, QStringLiteral("now"));
    if (!now)
        return now.error();
    definition.now = *now;
    return assignTo(definition.usageDays, dayCount(root, QStringLiteral("usage_days"), 366));
}

QDate movedDate(QDate date, qint64 days) {
    return date.isValid() ? date.addDays(days) : date;
}

void moveLicense(DemoLicense& license, qint64 days) {
    license.issued = movedDate(license.issued, days);
    license.upgradedOn = movedDate(license.upgradedOn, days);
    license.revokedOn = movedDate(license.revokedOn, days);
}

}  // namespace

Result<DemoDefinition> DemoDefinition::fromJson(const QByteArray& json) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(
            QStringLiteral("demo definition is not a JSON object (at byte %1: %2)")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    const QJsonObject root = document.object();
    DemoDefinition definition;
    AICP_TRY(readCalendar(root, definition));
    AICP_TRY(readContacts(root, definition));
    AICP_TRY(readCustomers(root, definition));
    definition.passphrase = root.value(QStringLiteral("passphrase")).toString();
    if (definition.passphrase.size() < 8)
        return fieldError(QStringLiteral("passphrase"),
                          QStringLiteral("needs 8 characters or more"));
    AICP_TRY(readUsageWindow(root, definition));
    return definition;
}

DemoDefinition DemoDefinition::movedTo(const QDateTime& at) const {
    DemoDefinition moved = *this;
    const qint64 days = now.toUTC().date().daysTo(at.toUTC().date());
    moved.now = at.toUTC();
    moved.start = start.addDays(days);
    for (DemoCustomer& customer : moved.customers) {
        if (customer.license)
            moveLicense(*customer.license, days);
        for (DemoLicense& earlier : customer.earlier)
            moveLicense(earlier, days);
    }
    return moved;
}

QDateTime DemoDefinition::usageEnd() const {
    const QDateTime utc = now.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
}

QDateTime DemoDefinition::usageStart() const {
    const QDate today = now.toUTC().date();
    return QDateTime(QDate(today.year(), today.month(), 1).addMonths(-2), QTime(0, 0), Qt::UTC);
}

Result<DemoDefinition> DemoDefinition::loadDefault() {
    QFile file(QStringLiteral(":/aicp/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo definition is missing from this build"));
    return fromJson(file.readAll());
}

}  // namespace aicp
