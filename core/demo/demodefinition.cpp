#include "demo/demodefinition.h"

#include "customers/customer.h"
#include "storage/statement.h"

#include <cmath>
#include <set>

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

Result<double> wholeNumber(const QJsonObject& object, const QString& field, double minimum) {
    const QJsonValue value = object.value(field);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < minimum || number > kLargestExactInteger ||
        std::floor(number) != number)
        return fieldError(field, QStringLiteral("must be a whole number of at least %1")
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
    return customer;
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

    auto schema = wholeNumber(root, QStringLiteral("schema"), 1);
    if (!schema)
        return schema.error();
    if (*schema > kDefinitionSchema)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("demo definition schema %1 is newer than this aicp reads")
                         .arg(static_cast<qint64>(*schema)));

    DemoDefinition definition;
    auto seed = wholeNumber(root, QStringLiteral("seed"), 0);
    if (!seed)
        return seed.error();
    definition.seed = static_cast<std::uint64_t>(*seed);

    auto start = nonEmptyString(root, QStringLiteral("start"), QString());
    if (!start)
        return start.error();
    definition.start = parseStoredTime(*start);
    if (!definition.start.isValid())
        return fieldError(QStringLiteral("start"),
                          QStringLiteral("'%1' is not an RFC 3339 time").arg(*start));

    auto days = wholeNumber(root, QStringLiteral("onboarding_days"), 1);
    if (!days)
        return days.error();
    if (*days > 3660)
        return fieldError(QStringLiteral("onboarding_days"),
                          QStringLiteral("must be at most 3660"));
    definition.onboardingDays = static_cast<int>(*days);

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
    return definition;
}

Result<DemoDefinition> DemoDefinition::loadDefault() {
    QFile file(QStringLiteral(":/aicp/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo definition is missing from this build"));
    return fromJson(file.readAll());
}

}  // namespace aicp
