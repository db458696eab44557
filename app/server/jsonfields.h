#pragma once

#include "common/result.h"

#include <cstdint>
#include <optional>

#include <QJsonObject>
#include <QStringList>

namespace aicp {

// Typed reads of a request body's fields, each refusing a wrong type with
// the field's name ("'seats' must be a whole number, not a string").
class JsonFields {
public:
    explicit JsonFields(QJsonObject object) : object_(std::move(object)) {}

    [[nodiscard]] Result<std::optional<QString>> text(const QString& key) const;
    [[nodiscard]] Result<QString> requiredText(const QString& key) const;
    [[nodiscard]] Result<std::optional<std::int64_t>> count(const QString& key) const;
    [[nodiscard]] Result<QStringList> textList(const QString& key) const;  // absent: empty
    [[nodiscard]] Result<bool> flag(const QString& key) const;             // absent: false
    // Refuses keys outside `known`, so a typo is not silently ignored.
    [[nodiscard]] Status onlyKnown(const QStringList& known) const;

private:
    QJsonObject object_;
};

}  // namespace aicp
