#pragma once

#include "common/result.h"
#include "money/money.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QString>

namespace aicp {

// One band of a tiered price: quantities up to and including `upTo`
// (cumulative; nullopt = no upper bound) cost `unitPrice` each.
struct PriceBand {
    std::optional<std::int64_t> upTo;
    Money unitPrice;
};

// The part of a charge that one band (or the single rate) contributed.
struct ChargePortion {
    std::int64_t quantity = 0;
    Money unitPrice;
    Money amount;  // exact, not rounded
};

// What a charge model asks for a quantity: the exact amount, unrounded, and
// how it was made up so a bill line can explain itself.
struct Charge {
    Money amount;
    std::vector<ChargePortion> portions;
};

// How a quantity turns into money: flat recurring, per unit, graduated (each
// band at its own rate), volume (the whole quantity at the band it reaches)
// or package (per started block of N).
class ChargeModel {
public:
    enum class Kind { Flat, PerUnit, Graduated, Volume, Package };

    static ChargeModel flat(Money amount);
    static ChargeModel perUnit(Money unitPrice);
    static Result<ChargeModel> graduated(std::vector<PriceBand> bands);
    static Result<ChargeModel> volume(std::vector<PriceBand> bands);
    static Result<ChargeModel> package(std::int64_t packageSize, Money packagePrice);

    // Reads {"model": "graduated", "bands": [...]} and friends; errors name
    // the offending field relative to `path` ("tiers[2].requests.beyond.bands[0].up_to").
    static Result<ChargeModel> fromJson(const QJsonObject& json, const QString& path);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] const std::vector<PriceBand>& bands() const { return bands_; }
    [[nodiscard]] Money amount() const { return amount_; }  // flat amount, unit or package price
    [[nodiscard]] std::int64_t packageSize() const { return packageSize_; }

    // The price of `quantity` units (quantity >= 0). A flat charge ignores
    // the quantity. Fails only when the amount would leave Money's range.
    [[nodiscard]] Result<Charge> charge(std::int64_t quantity) const;

    // The single rate a line can show, or nullopt when several bands applied.
    [[nodiscard]] static std::optional<Money> singleUnitPrice(const Charge& charge);

private:
    ChargeModel() = default;
    static Result<std::vector<PriceBand>> checkedBands(std::vector<PriceBand> bands);

    Kind kind_ = Kind::Flat;
    Money amount_;
    std::int64_t packageSize_ = 0;
    std::vector<PriceBand> bands_;
};

[[nodiscard]] QString chargeModelKindName(ChargeModel::Kind kind);

}  // namespace aicp
