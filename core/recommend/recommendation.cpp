#include "recommend/recommendation.h"

#include "common/jsonfields.h"

#include <QJsonArray>

namespace aicp {
namespace {

QJsonArray names(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QJsonObject projectionJson(const UsageProjection& p) {
    return {
        {QStringLiteral("at"), toRfc3339(p.at)},
        {QStringLiteral("complete"), p.complete},
        {QStringLiteral("requests_so_far"), jsonNumber(p.requestsSoFar)},
        {QStringLiteral("basis_days"), p.basisDays},
        {QStringLiteral("basis_from"), p.basisFrom.isValid()
                                           ? QJsonValue(p.basisFrom.toString(Qt::ISODate))
                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("basis_to"), p.basisTo.isValid()
                                         ? QJsonValue(p.basisTo.toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("basis_requests"), jsonNumber(p.basisRequests)},
        {QStringLiteral("daily_rate"), jsonNumber(p.dailyRate())},
        {QStringLiteral("seconds_left"), jsonNumber(p.secondsLeft)},
        {QStringLiteral("projected"), jsonNumber(p.projected)},
        {QStringLiteral("explanation"), p.explanation()},
    };
}

QJsonObject needsJson(const Needs& n) {
    return {
        {QStringLiteral("requests"), jsonNumber(n.requests)},
        {QStringLiteral("seats"), jsonNumber(n.seats)},
        {QStringLiteral("agents"), jsonNumber(n.agents)},
        {QStringLiteral("policy_packs"), names(n.policyPacks)},
        {QStringLiteral("compliance_modules"), names(n.complianceModules)},
        {QStringLiteral("policy_packs_in_use"), names(n.policyPacksInUse)},
        {QStringLiteral("compliance_modules_in_use"), names(n.complianceModulesInUse)},
        {QStringLiteral("sso"), n.sso},
        {QStringLiteral("audit_tier"), jsonTextOrNull(n.auditTier)},
        {QStringLiteral("discount"), n.discount.toDecimalString()},
        {QStringLiteral("commitment"),
         n.commitment ? QJsonValue(n.commitment->toText()) : QJsonValue()},
    };
}

QJsonObject tierJson(const Recommendation& r, std::size_t index) {
    const TierOption& option = r.tiers[index];
    QJsonArray lines;
    for (const BillLine& line : option.bill.lines)
        lines.append(QJsonObject{{QStringLiteral("axis"), billAxisKey(line.axis)},
                                 {QStringLiteral("amount"), line.amount.toDecimalString()}});
    QJsonValue saving(QJsonValue::Null);
    if (r.current) {
        if (auto difference = r.tiers[*r.current].total().minus(option.total()))
            saving = difference->toDecimalString();
    }
    return {
        {QStringLiteral("tier"), option.tier()},
        {QStringLiteral("name"), option.bill.tierName},
        {QStringLiteral("eligible"), option.eligible},
        {QStringLiteral("total"), option.total().toDecimalString()},
        {QStringLiteral("reason"), option.reason},
        {QStringLiteral("reasons"), names(option.reasons)},
        {QStringLiteral("refused_requests"), option.refusedRequests
                                                 ? jsonNumber(*option.refusedRequests)
                                                 : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("saving"), saving},
        {QStringLiteral("current"), r.current == index},
        {QStringLiteral("recommended"), r.recommended == index},
        {QStringLiteral("lines"), lines},
    };
}

}  // namespace

QString alertLevelWord(AlertLevel level) {
    return level == AlertLevel::Over ? QStringLiteral("over") : QStringLiteral("near");
}

QString Recommendation::tierName(const QString& tierId) const {
    for (const TierOption& option : tiers) {
        if (option.tier() == tierId && !option.bill.tierName.isEmpty())
            return option.bill.tierName;
    }
    return tierId;
}

QString Recommendation::changeInWords() const {
    const TierOption* best = recommendedOption();
    if (!best)
        return {};
    if (currentTier.isEmpty())
        return best->bill.tierName;
    return QStringLiteral("%1 → %2").arg(tierName(currentTier), best->bill.tierName);
}

QJsonObject recommendationToJson(const Recommendation& r) {
    QJsonArray tiers;
    for (std::size_t i = 0; i < r.tiers.size(); ++i)
        tiers.append(tierJson(r, i));
    QJsonArray alerts;
    for (const LimitAlert& alert : r.alerts)
        alerts.append(QJsonObject{
            {QStringLiteral("limit"), licenseLimitKey(alert.limit)},
            {QStringLiteral("level"), alertLevelWord(alert.level)},
            {QStringLiteral("exceeded"), alert.exceeded},
            {QStringLiteral("used"), jsonNumber(alert.used)},
            {QStringLiteral("allowed"), jsonNumber(alert.allowed)},
            {QStringLiteral("percent"),
             alert.percent ? jsonNumber(*alert.percent) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("message"), alert.message},
        });
    const TierOption* best = r.recommendedOption();
    return {
        {QStringLiteral("customer"), r.customerId},
        {QStringLiteral("customer_name"), r.customerName},
        {QStringLiteral("month"), r.month.toString()},
        {QStringLiteral("currency"), r.currency},
        {QStringLiteral("price_book_version"), r.priceBookVersion},
        {QStringLiteral("license_id"),
         r.license ? QJsonValue(r.license->license.id.toString(QUuid::WithoutBraces))
                   : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("current_tier"), jsonTextOrNull(r.currentTier)},
        {QStringLiteral("recommended_tier"),
         best ? QJsonValue(best->tier()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("projected_requests"), jsonNumber(r.projection.projected)},
        {QStringLiteral("projection"), projectionJson(r.projection)},
        {QStringLiteral("needs"), needsJson(r.needs)},
        {QStringLiteral("margin_percent"), r.marginPercent},
        {QStringLiteral("tiers"), tiers},
        {QStringLiteral("saving"),
         r.saving ? QJsonValue(r.saving->toDecimalString()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("alerts"), alerts},
    };
}

}  // namespace aicp
