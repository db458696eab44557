#include "pages/tiers/tiercomparisonmodel.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "theme.h"

#include <QGuiApplication>

namespace aicp {
namespace {

const QString kYes = QStringLiteral("\u2713");
const QString kNo = QStringLiteral("\u2014");

// Words for the price book's numbers. Whole amounts drop their cents ("$299")
// as a price list does, while sub-cent unit prices keep every digit ("$0.0005").
class Wording {
public:
    Wording(const QLocale& locale, QString currency)
        : locale_(locale), currency_(std::move(currency)) {}

    [[nodiscard]] QString money(Money amount) const {
        return formatMoney(amount, locale_, currency_, 0);
    }
    [[nodiscard]] QString count(std::int64_t value) const { return formatCount(value, locale_); }

    // One line per price; `unit` names what a per-unit price is for (" / request").
    [[nodiscard]] QString charge(const ChargeModel& model, const QString& unit) const {
        switch (model.kind()) {
            case ChargeModel::Kind::Flat:
                return money(model.amount());
            case ChargeModel::Kind::PerUnit:
                return money(model.amount()) + unit;
            case ChargeModel::Kind::Package:
                return TierComparisonModel::tr("%1 per %2")
                    .arg(money(model.amount()), count(model.packageSize()));
            case ChargeModel::Kind::Graduated:
            case ChargeModel::Kind::Volume:
                return bands(model, unit);
        }
        return {};
    }

private:
    [[nodiscard]] QString bands(const ChargeModel& model, const QString& unit) const {
        QStringList parts;
        const auto& all = model.bands();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const PriceBand& band = all[i];
            const QString price = money(band.unitPrice) + (i == 0 ? unit : QString());
            if (i == 0 && band.upTo)
                parts.append(
                    TierComparisonModel::tr("%1 for the first %2").arg(price, count(*band.upTo)));
            else if (band.upTo)
                parts.append(
                    TierComparisonModel::tr("then %1 up to %2").arg(price, count(*band.upTo)));
            else
                parts.append(i == 0 ? price : TierComparisonModel::tr("then %1").arg(price));
        }
        QString text = parts.join(QStringLiteral(", "));
        if (model.kind() == ChargeModel::Kind::Volume)
            text += TierComparisonModel::tr(" (all units at the band reached)");
        return text;
    }

    QLocale locale_;
    QString currency_;
};

}  // namespace

class TierComparisonModel::RowBuilder {
public:
    RowBuilder(const PriceBookVersion& prices, const QLocale& locale)
        : prices_(prices), words_(locale, prices.currency) {}

    [[nodiscard]] std::vector<Row> build() {
        addPriceRows();
        addAllowanceRows();
        addFeatureRows();
        addAuditRows();
        addOtherFeatureRows();
        return std::move(rows_);
    }

private:
    template <typename CellOf>
    void addRow(const QString& label, const QString& toolTip, CellOf cellOf) {
        Row row{label, toolTip, {}};
        for (const TierDefinition& tier : prices_.tiers)
            row.cells.push_back(cellOf(tier));
        rows_.push_back(std::move(row));
    }

    [[nodiscard]] static Cell yesNo(bool yes, const QString& toolTip = {}) {
        return Cell{yes ? kYes : kNo, toolTip, yes ? CellKind::Yes : CellKind::No};
    }
    [[nodiscard]] Cell limit(const std::optional<std::int64_t>& included) const {
        return Cell{included ? words_.count(*included) : tr("Unlimited"), {}, CellKind::Text};
    }
    [[nodiscard]] Cell includedAddOns(const AddOnAllowance& allowance) const {
        return Cell{
            allowance.included ? words_.count(*allowance.included) : tr("All"), {}, CellKind::Text};
    }
    [[nodiscard]] Cell extraAddOn(const AddOnAllowance& allowance) const {
        if (allowance.isUnlimited())
            return Cell{kNo, tr("All are included"), CellKind::No};
        if (!allowance.extra)
            return Cell{tr("Not sold"), tr("This tier cannot add more"), CellKind::No};
        return Cell{words_.charge(*allowance.extra, {}), {}, CellKind::Text};
    }

    // The base price and the requests it covers.
    void addPriceRows() {
        addRow(tr("Base price / month"), tr("The fixed monthly subscription"),
               [&](const TierDefinition& tier) {
                   return Cell{words_.charge(tier.base, {}), {}, CellKind::Text};
               });
        addRow(tr("Requests included / month"),
               tr("Governed AI requests covered by the base price"),
               [&](const TierDefinition& tier) { return limit(tier.includedRequests); });
        addRow(tr("Beyond the included requests"),
               tr("What each request over the monthly quota costs"),
               [&](const TierDefinition& tier) {
                   if (!tier.includedRequests)
                       return Cell{kNo, tr("Requests are unlimited"), CellKind::No};
                   if (!tier.requestOverage)
                       return Cell{tr("Hard cap"),
                                   tr("Traffic over the quota is refused, never billed"),
                                   CellKind::Text};
                   const QString text = words_.charge(*tier.requestOverage, tr(" / request"));
                   return Cell{text, text, CellKind::Text};
               });
    }

    // Policy packs, compliance modules, seats and agents: included, then extra.
    void addAllowanceRows() {
        addRow(tr("Policy packs included"), prices_.policyPacks.join(QStringLiteral(", ")),
               [&](const TierDefinition& tier) { return includedAddOns(tier.policyPacks); });
        addRow(tr("Extra policy pack / month"), {},
               [&](const TierDefinition& tier) { return extraAddOn(tier.policyPacks); });
        addRow(tr("Compliance modules included"),
               prices_.complianceModules.join(QStringLiteral(", ")),
               [&](const TierDefinition& tier) { return includedAddOns(tier.complianceModules); });
        addRow(tr("Extra compliance module / month"), {},
               [&](const TierDefinition& tier) { return extraAddOn(tier.complianceModules); });
        addRow(tr("Seats included"), tr("People who sign in to the control plane"),
               [&](const TierDefinition& tier) { return includedAddOns(tier.seats); });
        addRow(tr("Extra seat / month"), {},
               [&](const TierDefinition& tier) { return extraAddOn(tier.seats); });
        addRow(tr("Agents included"),
               tr("Agents are never charged: a tier allows them or cannot serve"),
               [&](const TierDefinition& tier) { return limit(tier.includedAgents); });
    }

    void addFeatureRows() {
        addRow(featureName(QStringLiteral("sso")), {}, [](const TierDefinition& tier) {
            return yesNo(tier.hasFeature(QStringLiteral("sso")));
        });
        addRow(tr("Plugins, custom policies"), {}, [](const TierDefinition& tier) {
            const bool plugins = tier.hasFeature(QStringLiteral("plugins"));
            const bool custom = tier.hasFeature(QStringLiteral("custom_policies"));
            if (plugins != custom)
                return Cell{plugins ? featureName(QStringLiteral("plugins"))
                                    : featureName(QStringLiteral("custom_policies")),
                            {},
                            CellKind::Text};
            return yesNo(plugins);
        });
        addRow(featureName(QStringLiteral("dedicated_support")), {},
               [](const TierDefinition& tier) {
                   return yesNo(tier.hasFeature(QStringLiteral("dedicated_support")));
               });
    }

    void addAuditRows() {
        addRow(tr("Audit retention included"), {}, [&](const TierDefinition& tier) {
            const AuditTier* audit = prices_.auditTier(tier.includedAuditTier);
            if (!audit)
                return Cell{tier.includedAuditTier, {}, CellKind::Text};
            return Cell{tr("%1, %2 days").arg(audit->name, words_.count(audit->retentionDays)),
                        {},
                        CellKind::Text};
        });
        addRow(tr("Audit upgrades / month"),
               tr("Longer retention, charged at its full monthly price"),
               [&](const TierDefinition& tier) { return auditUpgrades(tier); });
    }

    [[nodiscard]] Cell auditUpgrades(const TierDefinition& tier) const {
        if (!tier.auditUpgradesSold)
            return Cell{tr("Not sold"), {}, CellKind::No};
        QStringList upgrades;
        const int includedRank = prices_.auditTierRank(tier.includedAuditTier);
        for (std::size_t rank = 0; rank < prices_.auditTiers.size(); ++rank) {
            const AuditTier& audit = prices_.auditTiers[rank];
            if (static_cast<int>(rank) > includedRank)
                upgrades.append(
                    QStringLiteral("%1 %2").arg(audit.name, words_.charge(audit.price, {})));
        }
        if (upgrades.isEmpty())
            return Cell{kNo, tr("The longest retention is included"), CellKind::No};
        return Cell{upgrades.join(u'\n'), {}, CellKind::Text};
    }

    // Features not already covered by a row above, so a feature added to the
    // price book shows up here without a code change.
    void addOtherFeatureRows() {
        const QStringList covered = {QStringLiteral("sso"),
                                     QStringLiteral("plugins"),
                                     QStringLiteral("custom_policies"),
                                     QStringLiteral("dedicated_support"),
                                     QStringLiteral("policy_packs"),
                                     QStringLiteral("compliance_modules")};
        for (const QString& feature : prices_.features) {
            if (covered.contains(feature))
                continue;
            addRow(featureName(feature), {},
                   [&](const TierDefinition& tier) { return yesNo(tier.hasFeature(feature)); });
        }
    }

    const PriceBookVersion& prices_;
    const Wording words_;
    std::vector<Row> rows_;
};

TierComparisonModel::TierComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void TierComparisonModel::setPrices(const PriceBookVersion& prices, const QLocale& locale) {
    beginResetModel();
    tierIds_.clear();
    tierNames_.clear();
    for (const TierDefinition& tier : prices.tiers) {
        tierIds_.push_back(tier.id);
        tierNames_.push_back(tier.name);
    }
    rows_ = RowBuilder(prices, locale).build();
    endResetModel();
}

void TierComparisonModel::setHighlightedTier(const QString& tierId) {
    if (tierId == highlightedTier_)
        return;
    highlightedTier_ = tierId;
    if (!rows_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int TierComparisonModel::columnOfTier(const QString& tierId) const {
    for (std::size_t i = 0; i < tierIds_.size(); ++i) {
        if (tierIds_[i] == tierId)
            return static_cast<int>(i) + 1;
    }
    return -1;
}

int TierComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int TierComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(tierIds_.size()) + 1;
}

QVariant TierComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    if (index.column() == kLabelColumn) {
        switch (role) {
            case Qt::DisplayRole:
                return row.label;
            case Qt::ToolTipRole:
                return row.toolTip.isEmpty() ? QVariant() : row.toolTip;
            case Qt::TextAlignmentRole:
                return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
            default:
                return {};
        }
    }

    const auto tier = static_cast<std::size_t>(index.column() - 1);
    const Cell& cell = row.cells[tier];
    // Colours are read from the palette at paint time, so a theme switch
    // needs no model reset.
    const QPalette palette = QGuiApplication::palette();
    switch (role) {
        case Qt::DisplayRole:
            return cell.text;
        case Qt::ToolTipRole:
            return cell.toolTip.isEmpty() ? QVariant() : cell.toolTip;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignCenter);
        case Qt::ForegroundRole:
            if (cell.kind == CellKind::Yes)
                return theme::accent(palette);
            if (cell.kind == CellKind::No)
                return theme::mutedText(palette);
            return {};
        case Qt::BackgroundRole:
            if (!highlightedTier_.isEmpty() && tierIds_[tier] == highlightedTier_)
                return theme::accentWash(palette);
            return {};
        case CellKindRole:
            return static_cast<int>(cell.kind);
        default:
            return {};
    }
}

QVariant TierComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == kLabelColumn)
        return role == Qt::DisplayRole ? QVariant(QString()) : QVariant();
    const auto tier = static_cast<std::size_t>(section - 1);
    const bool highlighted = !highlightedTier_.isEmpty() && tierIds_[tier] == highlightedTier_;
    switch (role) {
        case Qt::DisplayRole:
            return tierNames_[tier];
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignCenter);
        case Qt::ForegroundRole:
            return highlighted ? QVariant(theme::accent(QGuiApplication::palette())) : QVariant();
        default:
            return {};
    }
}

Qt::ItemFlags TierComparisonModel::flags(const QModelIndex& index) const {
    // Read-only and not selectable: the table is a reference, not a form.
    return index.isValid() ? Qt::ItemIsEnabled : Qt::NoItemFlags;
}

}  // namespace aicp
