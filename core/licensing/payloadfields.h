#pragma once

#include "common/idtext.h"
#include "common/result.h"
#include "licensing/licensepayload.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUuid>

// The typed reads of a signed payload's fields (a license's, an activation
// file's), each refusing a wrong value with the field's name: the payloads
// are read strictly, and alike.
namespace aicp::payloadfields {

[[nodiscard]] inline Error malformed(const QString& field, const QString& problem) {
    return Error::invalidInput(QStringLiteral("%1: %2").arg(field, problem));
}

// A non-empty string; `path` prefixes the key in the error ("limits.").
[[nodiscard]] inline Result<QString> stringField(const QJsonObject& object, const QString& key,
                                                 const QString& path) {
    const QJsonValue value = object.value(key);
    if (!value.isString() || value.toString().isEmpty())
        return malformed(path + key, QStringLiteral("must be a non-empty string"));
    return value.toString();
}

// An RFC 3339 UTC time to the second ("2026-11-24T00:00:00Z").
[[nodiscard]] inline Result<QDateTime> timeField(const QJsonObject& object, const QString& key) {
    auto text = stringField(object, key, QString());
    if (!text)
        return text.error();
    auto time = fromRfc3339(*text);
    if (!time)
        return malformed(key, time.error().message());
    return time;
}

// A UUID in lower-case canonical form, the one spelling of an id.
[[nodiscard]] inline Result<QUuid> uuidField(const QJsonValue& value, const QString& field) {
    const QUuid uuid = idFromCanonicalText(value.toString());
    if (!value.isString() || uuid.isNull())
        return malformed(field, QStringLiteral("must be a UUID in lower-case canonical form"));
    return uuid;
}

}  // namespace aicp::payloadfields
