#pragma once

#include <QString>
#include <QUuid>

namespace aicp {

// Ids as people and files read them: one spelling per id everywhere (keys,
// JSON, SQL, messages), so text compares as the ids do.

// The canonical lower-case form, "1b4e28ba-2fa1-11d2-883f-0016d3cca427".
[[nodiscard]] inline QString idText(const QUuid& id) {
    return id.toString(QUuid::WithoutBraces);
}

// Its first eight hex digits: what tables and messages show; registries
// accept it as a prefix.
[[nodiscard]] inline QString shortIdText(const QUuid& id) {
    return idText(id).left(8);
}

// Only the canonical form reads back: "{…}" or upper case are refused (a null
// QUuid), so one license has one spelling.
[[nodiscard]] inline QUuid idFromCanonicalText(const QString& text) {
    const QUuid id = QUuid::fromString(text);
    return !id.isNull() && idText(id) == text ? id : QUuid();
}

}  // namespace aicp
