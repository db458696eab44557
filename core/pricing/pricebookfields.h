#pragma once

#include "common/billingfields.h"
#include "common/result.h"
#include "money/money.h"
#include "pricing/chargemodel.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace aicp {

// Reads one JSON object with errors that name the full path of the field,
// so "versions[0].tiers[2].seats.included: must be a whole number" tells an
// editor of the price book exactly where to look.
class FieldReader {
public:
    FieldReader(QJsonObject object, QString path)
        : object_(std::move(object)), path_(std::move(path)) {}

    [[nodiscard]] QString pathOf(const QString& key) const {
        return path_.isEmpty() ? key : path_ + u'.' + key;
    }
    [[nodiscard]] Error error(const QString& key, const QString& problem) const {
        return Error::invalidInput(QStringLiteral("%1: %2").arg(pathOf(key), problem));
    }

    [[nodiscard]] bool has(const QString& key) const { return object_.contains(key); }

    Result<QJsonValue> required(const QString& key) const {
        const QJsonValue value = object_.value(key);
        if (value.isUndefined())
            return error(key, QStringLiteral("is missing"));
        return value;
    }

    // The value at `key` when `fits` holds for it, else "<path>: <problem>".
    template <typename Fits>
    Result<QJsonValue> checked(const QString& key, Fits fits, const char* problem) const {
        auto value = required(key);
        if (value && !fits(*value))
            return error(key, QString::fromLatin1(problem));
        return value;
    }

    Result<QString> string(const QString& key) const {
        auto value = checked(
            key,
            [](const QJsonValue& v) { return v.isString() && !v.toString().trimmed().isEmpty(); },
            "must be a non-empty string");
        if (!value)
            return value.error();
        return value->toString();
    }

    // A reader of the object at `key`, its path extended by the key.
    Result<FieldReader> child(const QString& key) const {
        auto value = checked(key, std::mem_fn(&QJsonValue::isObject), "must be an object");
        if (!value)
            return value.error();
        return FieldReader(value->toObject(), pathOf(key));
    }

    // Readers of the objects of the array at `key`, which must hold one.
    Result<std::vector<FieldReader>> children(const QString& key, const char* whenEmpty) const {
        auto value = checked(key, std::mem_fn(&QJsonValue::isArray), "must be an array");
        if (!value)
            return value.error();
        const QJsonArray array = value->toArray();
        if (array.isEmpty())
            return error(key, QString::fromLatin1(whenEmpty));
        std::vector<FieldReader> readers;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = pathOf(QStringLiteral("%1[%2]").arg(key).arg(i));
            if (!array.at(i).isObject())
                return Error::invalidInput(path + QStringLiteral(": must be an object"));
            readers.emplace_back(array.at(i).toObject(), path);
        }
        return readers;
    }

    Result<bool> boolean(const QString& key) const {
        auto value = checked(key, std::mem_fn(&QJsonValue::isBool), "must be true or false");
        if (!value)
            return value.error();
        return value->toBool();
    }

    // A count, or nullopt for JSON null (meaning "unlimited" / "all").
    Result<std::optional<std::int64_t>> countOrNull(const QString& key) const {
        auto value = required(key);
        if (!value)
            return value.error();
        if (value->isNull())
            return std::optional<std::int64_t>();
        constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
        const double number = value->toDouble(-1);
        if (!value->isDouble() || number < 0 || number > kLargestExactInteger ||
            number != static_cast<double>(static_cast<std::int64_t>(number)))
            return error(key, QStringLiteral("must be a whole number of 0 or more, or null"));
        return std::optional<std::int64_t>(static_cast<std::int64_t>(number));
    }

    Result<std::optional<ChargeModel>> chargeOrNull(const QString& key) const {
        auto value = required(key);
        if (!value)
            return value.error();
        if (value->isNull())
            return std::optional<ChargeModel>();
        if (!value->isObject())
            return error(key, QStringLiteral("must be a price object or null"));
        auto model = ChargeModel::fromJson(value->toObject(), pathOf(key));
        if (!model)
            return model.error();
        return std::optional<ChargeModel>(std::move(model).value());
    }

    Result<ChargeModel> charge(const QString& key) const {
        auto model = chargeOrNull(key);
        if (!model)
            return model.error();
        if (!model->has_value())
            return error(key, QStringLiteral("must be a price object"));
        return std::move(**model);
    }

    // A price that must be flat; `problem` says so when it is not.
    Result<ChargeModel> flatCharge(const QString& key, const char* problem) const {
        auto model = charge(key);
        if (model && model->kind() != ChargeModel::Kind::Flat)
            return error(key, QString::fromLatin1(problem));
        return model;
    }

    // One identifier (a tier's id): what licenses, URLs and the CLI name it by.
    Result<QString> identifier(const QString& key) const {
        auto text = string(key);
        if (!text)
            return text.error();
        if (!identifierPattern().match(*text).hasMatch())
            return error(key, QStringLiteral("'%1' is not a lower-case identifier").arg(*text));
        return text;
    }

    static const QRegularExpression& identifierPattern() {
        static const QRegularExpression kIdentifier(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
        return kIdentifier;
    }

    // A list of unique identifiers such as pack names.
    Result<QStringList> identifiers(const QString& key) const {
        auto value = checked(key, std::mem_fn(&QJsonValue::isArray), "must be an array");
        if (!value)
            return value.error();
        const QJsonArray array = value->toArray();
        const QRegularExpression& kIdentifier = identifierPattern();
        QStringList ids;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString id = array.at(i).toString();
            const QString where = QStringLiteral("%1[%2]").arg(key).arg(i);
            if (!kIdentifier.match(id).hasMatch())
                return error(where, QStringLiteral("'%1' is not a lower-case identifier").arg(id));
            if (ids.contains(id))
                return error(where, QStringLiteral("'%1' is listed twice").arg(id));
            ids.append(id);
        }
        return ids;
    }

    [[nodiscard]] const QString& path() const { return path_; }

private:
    QJsonObject object_;
    QString path_;
};

}  // namespace aicp
