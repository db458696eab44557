#include "common/jsonfields.h"

#include <cmath>

#include <QJsonArray>

namespace aicp {

QJsonValue jsonTextOrNull(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue jsonNumber(std::int64_t value) {
    return static_cast<double>(value);
}

QJsonValue jsonCountOrNull(const std::optional<std::int64_t>& count) {
    return count ? QJsonValue(static_cast<qint64>(*count)) : QJsonValue(QJsonValue::Null);
}

namespace {

QString typeName(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        default:
            return QStringLiteral("undefined");
    }
}

Error wrongType(const QString& key, const QString& wanted, const QJsonValue& value) {
    return Error::invalidInput(
        QStringLiteral("'%1' must be %2, not %3").arg(key, wanted, typeName(value)));
}

}  // namespace

Result<std::optional<QString>> JsonFields::text(const QString& key) const {
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    if (!value.isString())
        return wrongType(key, QStringLiteral("a string"), value);
    return std::optional<QString>(value.toString());
}

Result<QString> JsonFields::requiredText(const QString& key) const {
    auto value = text(key);
    if (!value)
        return value.error();
    if (!*value || (*value)->isEmpty())
        return Error::invalidInput(QStringLiteral("'%1' is required").arg(key));
    return **value;
}

Result<std::optional<std::int64_t>> JsonFields::count(const QString& key) const {
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<std::int64_t>();
    const double number = value.toDouble(-1);
    // Doubles hold integers exactly up to 2^53; more is no real count.
    if (!value.isDouble() || number < 0 || number > 9.0e15 || std::floor(number) != number)
        return wrongType(key, QStringLiteral("a whole number of 0 or more"), value);
    return std::optional<std::int64_t>(static_cast<std::int64_t>(number));
}

Result<QStringList> JsonFields::textList(const QString& key) const {
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return wrongType(key, QStringLiteral("an array of strings"), value);
    QStringList list;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString())
            return wrongType(key, QStringLiteral("an array of strings"), item);
        list.append(item.toString());
    }
    return list;
}

Result<bool> JsonFields::flag(const QString& key) const {
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return wrongType(key, QStringLiteral("true or false"), value);
    return value.toBool();
}

namespace {

template <typename T>
Status assign(Result<T> read, T& target) {
    if (!read)
        return read.error();
    target = std::move(read).value();
    return {};
}

// Leaves `target` as it is when the key was left out.
template <typename T>
Status assignPresent(Result<std::optional<T>> read, T& target) {
    if (!read)
        return read.error();
    if (*read)
        target = **read;
    return {};
}

}  // namespace

Status JsonFields::read(const QString& key, QString& target) const {
    return assignPresent(text(key), target);
}

Status JsonFields::readRequired(const QString& key, QString& target) const {
    return assign(requiredText(key), target);
}

Status JsonFields::read(const QString& key, QStringList& target) const {
    return assign(textList(key), target);
}

Status JsonFields::read(const QString& key, std::optional<std::int64_t>& target) const {
    return assign(count(key), target);
}

Status JsonFields::read(const QString& key, std::int64_t& target) const {
    return assignPresent(count(key), target);
}

Status JsonFields::read(const QString& key, bool& target) const {
    return assign(flag(key), target);
}

Status JsonFields::onlyKnown(const QStringList& known) const {
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (!known.contains(it.key()))
            return Error::invalidInput(QStringLiteral("unknown field '%1' (known: %2)")
                                           .arg(it.key(), known.join(QStringLiteral(", "))));
    return {};
}

}  // namespace aicp
