#pragma once

#include "common/result.h"

#include <cstdint>
#include <optional>

#include <QJsonObject>
#include <QStringList>

namespace aicp {

// Writing an optional field: null when absent, so a reader sees every key
// (a text is absent when empty). jsonTimeOrNull is beside toRfc3339.
[[nodiscard]] QJsonValue jsonTextOrNull(const QString& text);
// A count as JSON writes numbers (exact up to 2^53).
[[nodiscard]] QJsonValue jsonNumber(std::int64_t value);
[[nodiscard]] QJsonValue jsonCountOrNull(const std::optional<std::int64_t>& count);

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
    // The same reads into a request's field, which keeps its default when
    // the body leaves the key out.
    [[nodiscard]] Status read(const QString& key, QString& target) const;
    [[nodiscard]] Status readRequired(const QString& key, QString& target) const;
    [[nodiscard]] Status read(const QString& key, QStringList& target) const;
    [[nodiscard]] Status read(const QString& key, std::optional<std::int64_t>& target) const;
    [[nodiscard]] Status read(const QString& key, std::int64_t& target) const;
    [[nodiscard]] Status read(const QString& key, bool& target) const;
    // Refuses keys outside `known`, so a typo is not silently ignored.
    [[nodiscard]] Status onlyKnown(const QStringList& known) const;

private:
    QJsonObject object_;
};

}  // namespace aicp
