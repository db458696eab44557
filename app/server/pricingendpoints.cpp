#include "pricing/billformat.h"
#include "pricing/costengine.h"
#include "server/apiendpoints.h"
#include "server/requestplan.h"
#include "storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace aicp {

namespace {

// The price book version in force today (UTC), or its first when it starts
// later: the prices a quote is made with, as in the CLI.
Result<PriceBookVersion> pricesToday(const PriceBook& book) {
    auto version = book.versionAt(QDateTime::currentDateTimeUtc().date());
    if (version)
        return version;
    if (book.versions().empty())
        return Error(Error::Code::Corrupt, QStringLiteral("the price book has no version"));
    return book.versions().front();
}

ApiResponse tiers(Workspace& workspace) {
    auto book = workspace.priceBook();
    if (!book)
        return ApiResponse::fromError(book.error());
    auto prices = pricesToday(*book);
    if (!prices)
        return ApiResponse::fromError(prices.error());
    // The tiers exactly as the stored document writes them, for the version
    // in force: one description of a tier, whoever reads it.
    const QJsonObject document = QJsonDocument::fromJson(book->toJson()).object();
    for (const QJsonValue& version : document.value(u"versions").toArray()) {
        const QJsonObject object = version.toObject();
        if (object.value(u"version").toString() == prices->version)
            return ApiResponse::json(
                {{QStringLiteral("version"), prices->version},
                 {QStringLiteral("effective_from"), prices->effectiveFrom.toString(Qt::ISODate)},
                 {QStringLiteral("currency"), prices->currency},
                 {QStringLiteral("tiers"), object.value(u"tiers")}});
    }
    return ApiResponse::error(500, QStringLiteral("internal"),
                              QStringLiteral("the price book version in force is missing"));
}

Result<QJsonObject> cost(Workspace& workspace, const ApiRequest& request) {
    auto body = jsonBody(request,
                         u"tier requests policy_packs compliance_modules seats agents "
                         u"audit_tier discount_percent needs_sso");
    if (!body)
        return body.error();
    const JsonFields& fields = *body;
    Subscription subscription;
    MonthlyUsage usage;
    auto requests = fields.count(QStringLiteral("requests"));
    if (!requests)
        return requests.error();
    if (!*requests)
        return Error::invalidInput(QStringLiteral("'requests' is required"));
    usage.requests = **requests;
    AICP_TRY(fields.read(QStringLiteral("tier"), subscription.tier));
    AICP_TRY(readPlan(fields, subscription));
    AICP_TRY(fields.read(QStringLiteral("needs_sso"), subscription.needsSso));
    auto discount = fields.text(QStringLiteral("discount_percent"));
    if (!discount)
        return discount.error();
    if (*discount) {
        auto percent = Percent::parse(**discount);
        if (!percent)
            return percent.error().withContext(QStringLiteral("'discount_percent'"));
        subscription.discount = *percent;
    }

    auto book = workspace.priceBook();
    if (!book)
        return book.error();
    auto prices = pricesToday(*book);
    if (!prices)
        return prices.error();
    const CostEngine engine(*prices);
    if (subscription.tier.isEmpty()) {
        auto comparison = engine.compare(subscription, usage);
        if (!comparison)
            return comparison.error();
        return comparisonToJson(*comparison);
    }
    auto bill = engine.quote(subscription, usage);
    if (!bill)
        return bill.error();
    return billToJson(*bill);
}

}  // namespace

void addPricingEndpoints(ApiRouter& router, Workspace& workspace) {
    router.add("GET", QStringLiteral("/api/pricing/tiers"), ApiRole::Read,
               [&workspace](const ApiRequest&, const QStringList&) { return tiers(workspace); });
    router.add("GET", QStringLiteral("/api/pricing/pricebook"), ApiRole::Read,
               [&workspace](const ApiRequest&, const QStringList&) {
                   auto book = workspace.priceBook();
                   if (!book)
                       return ApiResponse::fromError(book.error());
                   ApiResponse response;
                   response.body = book->toJson();
                   return response;
               });
    router.add("POST", QStringLiteral("/api/pricing/cost"), ApiRole::Read,
               [&workspace](const ApiRequest& request, const QStringList&) {
                   auto result = cost(workspace, request);
                   return result ? ApiResponse::json(*result)
                                 : ApiResponse::fromError(result.error());
               });
}

}  // namespace aicp
