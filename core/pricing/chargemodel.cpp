#include "pricing/chargemodel.h"

#include <QJsonArray>
#include <QJsonValue>

namespace aicp {
namespace {

Error fieldError(const QString& path, const QString& problem) {
    return Error::invalidInput(QStringLiteral("%1: %2").arg(path, problem));
}

Result<Money> moneyField(const QJsonObject& json, const QString& key, const QString& path) {
    const QString field = path + u'.' + key;
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fieldError(field, QStringLiteral("is missing"));
    // Prices are decimal strings so they never pass through a binary double.
    if (!value.isString())
        return fieldError(field, QStringLiteral("must be a decimal string such as \"0.0005\""));
    auto money = Money::parse(value.toString());
    if (!money)
        return fieldError(field, money.error().message());
    if (money->isNegative())
        return fieldError(field, QStringLiteral("must not be negative"));
    return money;
}

Result<std::int64_t> countValue(const QJsonValue& value, const QString& field) {
    // JSON numbers are doubles: accept only integers a double holds exactly.
    constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
    if (!value.isDouble())
        return fieldError(field, QStringLiteral("must be a whole number"));
    const double number = value.toDouble();
    if (number < 0 || number > kLargestExactInteger ||
        number != static_cast<double>(static_cast<std::int64_t>(number)))
        return fieldError(field, QStringLiteral("must be a whole number from 0 to 2^53"));
    return static_cast<std::int64_t>(number);
}

Result<std::vector<PriceBand>> bandsField(const QJsonObject& json, const QString& path) {
    const QString field = path + QStringLiteral(".bands");
    const QJsonValue value = json.value(QStringLiteral("bands"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fieldError(field, QStringLiteral("must be a non-empty array"));
    std::vector<PriceBand> bands;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString bandPath = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!array.at(i).isObject())
            return fieldError(bandPath, QStringLiteral("must be an object"));
        const QJsonObject band = array.at(i).toObject();
        PriceBand parsed;
        const QJsonValue upTo = band.value(QStringLiteral("up_to"));
        if (upTo.isUndefined())
            return fieldError(bandPath + QStringLiteral(".up_to"),
                              QStringLiteral("is missing (use null for no upper bound)"));
        if (!upTo.isNull()) {
            auto limit = countValue(upTo, bandPath + QStringLiteral(".up_to"));
            if (!limit)
                return limit.error();
            parsed.upTo = *limit;
        }
        auto price = moneyField(band, QStringLiteral("unit_price"), bandPath);
        if (!price)
            return price.error();
        parsed.unitPrice = *price;
        bands.push_back(parsed);
    }
    return bands;
}

QJsonValue bandLimitToJson(const std::optional<std::int64_t>& upTo) {
    return upTo ? QJsonValue(static_cast<double>(*upTo)) : QJsonValue(QJsonValue::Null);
}

}  // namespace

ChargeModel ChargeModel::flat(Money amount) {
    ChargeModel model;
    model.kind_ = Kind::Flat;
    model.amount_ = amount;
    return model;
}

ChargeModel ChargeModel::perUnit(Money unitPrice) {
    ChargeModel model;
    model.kind_ = Kind::PerUnit;
    model.amount_ = unitPrice;
    return model;
}

Result<std::vector<PriceBand>> ChargeModel::checkedBands(std::vector<PriceBand> bands) {
    if (bands.empty())
        return Error::invalidInput(QStringLiteral("a tiered price needs at least one band"));
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const bool last = i + 1 == bands.size();
        if (bands[i].unitPrice.isNegative())
            return Error::invalidInput(QStringLiteral("band %1 has a negative price").arg(i + 1));
        if (!bands[i].upTo) {
            if (!last)
                return Error::invalidInput(
                    QStringLiteral("only the last band may be unbounded (band %1 is)").arg(i + 1));
            continue;
        }
        if (*bands[i].upTo <= previous)
            return Error::invalidInput(
                QStringLiteral("band limits must increase (band %1 ends at %2, after %3)")
                    .arg(i + 1)
                    .arg(*bands[i].upTo)
                    .arg(previous));
        previous = *bands[i].upTo;
    }
    if (bands.back().upTo)
        return Error::invalidInput(
            QStringLiteral("the last band must be unbounded (up_to null) so every quantity has a "
                           "price"));
    return bands;
}

Result<ChargeModel> ChargeModel::graduated(std::vector<PriceBand> bands) {
    auto checked = checkedBands(std::move(bands));
    if (!checked)
        return checked.error();
    ChargeModel model;
    model.kind_ = Kind::Graduated;
    model.bands_ = std::move(checked).value();
    return model;
}

Result<ChargeModel> ChargeModel::volume(std::vector<PriceBand> bands) {
    // The same bands as graduated; only the pricing of a quantity differs.
    auto model = graduated(std::move(bands));
    if (model)
        model->kind_ = Kind::Volume;
    return model;
}

Result<ChargeModel> ChargeModel::package(std::int64_t packageSize, Money packagePrice) {
    if (packageSize <= 0)
        return Error::invalidInput(QStringLiteral("a package must hold at least one unit"));
    if (packagePrice.isNegative())
        return Error::invalidInput(QStringLiteral("a package price must not be negative"));
    ChargeModel model;
    model.kind_ = Kind::Package;
    model.amount_ = packagePrice;
    model.packageSize_ = packageSize;
    return model;
}

Result<ChargeModel> ChargeModel::fromJson(const QJsonObject& json, const QString& path) {
    const QString model = json.value(QStringLiteral("model")).toString();
    const auto wrap = [&path](Result<ChargeModel> result) -> Result<ChargeModel> {
        if (!result)
            return fieldError(path, result.error().message());
        return result;
    };
    if (model == QStringLiteral("flat")) {
        auto amount = moneyField(json, QStringLiteral("amount"), path);
        if (!amount)
            return amount.error();
        return flat(*amount);
    }
    if (model == QStringLiteral("per_unit")) {
        auto price = moneyField(json, QStringLiteral("unit_price"), path);
        if (!price)
            return price.error();
        return perUnit(*price);
    }
    if (model == QStringLiteral("graduated") || model == QStringLiteral("volume")) {
        auto bands = bandsField(json, path);
        if (!bands)
            return bands.error();
        return wrap(model == QStringLiteral("graduated") ? graduated(std::move(bands).value())
                                                         : volume(std::move(bands).value()));
    }
    if (model == QStringLiteral("package")) {
        auto size = countValue(json.value(QStringLiteral("package_size")),
                               path + QStringLiteral(".package_size"));
        if (!size)
            return size.error();
        auto price = moneyField(json, QStringLiteral("package_price"), path);
        if (!price)
            return price.error();
        return wrap(package(*size, *price));
    }
    return fieldError(
        path + QStringLiteral(".model"),
        QStringLiteral("'%1' is not one of flat, per_unit, graduated, volume, package").arg(model));
}

QJsonObject ChargeModel::toJson() const {
    QJsonObject json{{QStringLiteral("model"), chargeModelKindName(kind_)}};
    switch (kind_) {
        case Kind::Flat:
            json.insert(QStringLiteral("amount"), amount_.toDecimalString(0));
            break;
        case Kind::PerUnit:
            json.insert(QStringLiteral("unit_price"), amount_.toDecimalString(0));
            break;
        case Kind::Graduated:
        case Kind::Volume: {
            QJsonArray bands;
            for (const PriceBand& band : bands_)
                bands.append(
                    QJsonObject{{QStringLiteral("up_to"), bandLimitToJson(band.upTo)},
                                {QStringLiteral("unit_price"), band.unitPrice.toDecimalString(0)}});
            json.insert(QStringLiteral("bands"), bands);
            break;
        }
        case Kind::Package:
            json.insert(QStringLiteral("package_size"), static_cast<double>(packageSize_));
            json.insert(QStringLiteral("package_price"), amount_.toDecimalString(0));
            break;
    }
    return json;
}

Result<Charge> ChargeModel::charge(std::int64_t quantity) const {
    if (quantity < 0)
        return Error::invalidInput(
            QStringLiteral("a quantity cannot be negative (%1)").arg(quantity));

    Charge result;
    const auto addPortion = [&result](std::int64_t units, Money unitPrice) -> Status {
        auto amount = unitPrice.times(units);
        if (!amount)
            return amount.error();
        auto total = result.amount.plus(*amount);
        if (!total)
            return total.error();
        result.amount = *total;
        result.portions.push_back({units, unitPrice, *amount});
        return {};
    };

    switch (kind_) {
        case Kind::Flat:
            result.amount = amount_;
            result.portions.push_back({1, amount_, amount_});
            return result;
        case Kind::PerUnit:
            AICP_TRY(addPortion(quantity, amount_));
            return result;
        case Kind::Graduated: {
            std::int64_t bandStart = 0;
            for (const PriceBand& band : bands_) {
                if (quantity <= bandStart)
                    break;
                const std::int64_t bandEnd = band.upTo ? std::min(*band.upTo, quantity) : quantity;
                AICP_TRY(addPortion(bandEnd - bandStart, band.unitPrice));
                bandStart = bandEnd;
            }
            if (result.portions.empty())
                AICP_TRY(addPortion(0, bands_.front().unitPrice));
            return result;
        }
        case Kind::Volume: {
            // The band the whole quantity reaches sets the price of every unit.
            for (const PriceBand& band : bands_) {
                if (!band.upTo || quantity <= *band.upTo) {
                    AICP_TRY(addPortion(quantity, band.unitPrice));
                    return result;
                }
            }
            return Error::internal(QStringLiteral("volume price has no unbounded band"));
        }
        case Kind::Package: {
            // Every started package is charged in full.
            const std::int64_t packages =
                quantity / packageSize_ + (quantity % packageSize_ == 0 ? 0 : 1);
            AICP_TRY(addPortion(packages, amount_));
            return result;
        }
    }
    return Error::internal(QStringLiteral("unknown charge model"));
}

std::optional<Money> ChargeModel::singleUnitPrice(const Charge& charge) {
    std::optional<Money> price;
    for (const ChargePortion& portion : charge.portions) {
        if (portion.quantity == 0)
            continue;
        if (price && *price != portion.unitPrice)
            return std::nullopt;
        price = portion.unitPrice;
    }
    if (!price && !charge.portions.empty())
        price = charge.portions.front().unitPrice;
    return price;
}

QString chargeModelKindName(ChargeModel::Kind kind) {
    switch (kind) {
        case ChargeModel::Kind::Flat:
            return QStringLiteral("flat");
        case ChargeModel::Kind::PerUnit:
            return QStringLiteral("per_unit");
        case ChargeModel::Kind::Graduated:
            return QStringLiteral("graduated");
        case ChargeModel::Kind::Volume:
            return QStringLiteral("volume");
        case ChargeModel::Kind::Package:
            return QStringLiteral("package");
    }
    return {};
}

}  // namespace aicp
