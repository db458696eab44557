#include "billing/contractquote.h"
#include "cli/clicommands.h"
#include "common/assignto.h"
#include "pricing/billformat.h"
#include "pricing/costengine.h"

namespace aicp::cli {
namespace {

struct QuoteOptions {
    QCommandLineOption tier{QStringLiteral("tier"),
                            QStringLiteral("Tier to price (see 'aicp pricebook show')."),
                            QStringLiteral("TIER")};
    QCommandLineOption compare{QStringLiteral("compare"),
                               QStringLiteral("Price every tier instead of one; the cheapest "
                                              "eligible tier is marked.")};
    QCommandLineOption requests{QStringLiteral("requests"),
                                QStringLiteral("AI requests in the month (required)."),
                                QStringLiteral("N")};
    QCommandLineOption seats{QStringLiteral("seats"), QStringLiteral("Seats (console users)."),
                             QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption agents{QStringLiteral("agents"), QStringLiteral("Agents."),
                              QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption policyPacks{QStringLiteral("policy-packs"),
                                   QStringLiteral("Policy packs, comma-separated."),
                                   QStringLiteral("a,b")};
    QCommandLineOption complianceModules{QStringLiteral("compliance-modules"),
                                         QStringLiteral("Compliance modules, comma-separated."),
                                         QStringLiteral("x,y")};
    QCommandLineOption auditTier = auditTierOption();
    QCommandLineOption discount = discountOption();
    QCommandLineOption billingPeriod = billingPeriodOption();
    QCommandLineOption commitment = commitmentOption();
    QCommandLineOption sso{QStringLiteral("sso"), QStringLiteral("Single sign-on is needed.")};
    QCommandLineOption date{QStringLiteral("date"),
                            QStringLiteral("Price with the price book version in force that day. "
                                           "Default: today."),
                            QStringLiteral("YYYY-MM-DD")};
};

// Reads every option into the engine's terms; a malformed value is the
// caller's mistake and comes back as InvalidInput.
Result<Subscription> readSubscription(const QCommandLineParser& parser,
                                      const QuoteOptions& options) {
    Subscription subscription;
    auto tier = singleValue(parser, options.tier);
    if (!tier)
        return tier.error();
    subscription.tier = tier->trimmed();

    const auto count = [&](const QCommandLineOption& option,
                           std::int64_t fallback) -> Result<std::int64_t> {
        auto text = singleValue(parser, option);
        if (!text)
            return text.error();
        if (!parser.isSet(option))
            return fallback;
        return parseCount(QStringLiteral("--") + option.names().constFirst(), *text);
    };
    auto seats = count(options.seats, subscription.seats);
    if (!seats)
        return seats.error();
    subscription.seats = *seats;
    auto agents = count(options.agents, subscription.agents);
    if (!agents)
        return agents.error();
    subscription.agents = *agents;

    const auto list = [&](const QCommandLineOption& option) -> Result<QStringList> {
        auto text = singleValue(parser, option);
        if (!text)
            return text.error();
        return parseList(QStringLiteral("--") + option.names().constFirst(), *text);
    };
    auto packs = list(options.policyPacks);
    if (!packs)
        return packs.error();
    subscription.policyPacks = *packs;
    auto modules = list(options.complianceModules);
    if (!modules)
        return modules.error();
    subscription.complianceModules = *modules;

    auto audit = singleValue(parser, options.auditTier);
    if (!audit)
        return audit.error();
    if (parser.isSet(options.auditTier) && audit->trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("--audit-tier needs a tier id"));
    subscription.auditTier = audit->trimmed();

    auto discount = singleValue(parser, options.discount);
    if (!discount)
        return discount.error();
    if (parser.isSet(options.discount)) {
        auto percent = parseDiscount(*discount);
        if (!percent)
            return percent.error();
        subscription.discount = *percent;
    }
    subscription.needsSso = parser.isSet(options.sso);
    return subscription;
}

// --billing-period and --commitment: the contract terms the quote adds.
Result<QuoteTerms> readTerms(const QCommandLineParser& parser, const QuoteOptions& options) {
    QuoteTerms terms;
    auto period = singleValue(parser, options.billingPeriod);
    if (!period)
        return period.error();
    if (parser.isSet(options.billingPeriod))
        AICP_TRY(assignTo(terms.billingPeriod, parseBillingPeriod(*period)));
    auto commitment = singleValue(parser, options.commitment);
    if (!commitment)
        return commitment.error();
    if (parser.isSet(options.commitment)) {
        auto parsed = Commitment::parse(commitment->trimmed());
        if (!parsed)
            return parsed.error().withContext(QStringLiteral("--commitment"));
        terms.commitment = *parsed;
    }
    return terms;
}

QString annualNote(const std::vector<Bill>& bills, const std::vector<Money>& charges) {
    QStringList amounts;
    for (std::size_t i = 0; i < bills.size(); ++i)
        amounts.append(bills.size() == 1
                           ? cliMoney(charges[i], bills[i].currency)
                           : QStringLiteral("%1 %2").arg(bills[i].tierName,
                                                         cliMoney(charges[i], bills[i].currency)));
    return QStringLiteral(
               "\nBilled annually: the recurring lines of a contract year in advance, on the "
               "invoice of the month it starts (%1); requests beyond the quota monthly, in "
               "arrears.\n")
        .arg(amounts.join(QStringLiteral(", ")));
}

// "billing_period": "annual" and each bill's "annual_in_advance".
void addAnnualJson(QJsonObject& json, const std::vector<Money>& annual, bool compared) {
    json.insert(QStringLiteral("billing_period"), billingPeriodKey(BillingPeriod::Annual));
    if (!compared) {
        json.insert(QStringLiteral("annual_in_advance"), annual.front().toDecimalString());
        return;
    }
    QJsonArray tiers = json.value(QStringLiteral("tiers")).toArray();
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        QJsonObject bill = tiers[i].toObject();
        bill.insert(QStringLiteral("annual_in_advance"),
                    annual[static_cast<std::size_t>(i)].toDecimalString());
        tiers[i] = bill;
    }
    json.insert(QStringLiteral("tiers"), tiers);
}

QString pricesNote(const PriceBookVersion& prices) {
    return QStringLiteral("\nPrices: price book %1, in force from %2.\n")
        .arg(prices.version, prices.effectiveFrom.toString(Qt::ISODate));
}

class QuoteCommand final : public Command {
public:
    QuoteCommand() : Command(QStringLiteral("quote")) {
        ownOptions_ = {options_.tier,
                       options_.compare,
                       options_.requests,
                       options_.seats,
                       options_.agents,
                       options_.policyPacks,
                       options_.complianceModules,
                       options_.auditTier,
                       options_.discount,
                       options_.billingPeriod,
                       options_.commitment,
                       options_.sso,
                       options_.date};
    }

private:
    const QuoteOptions options_;

    // What to price: the subscription, its month's requests and the terms.
    struct Quote {
        Subscription subscription;
        std::int64_t requests = 0;
        QuoteTerms terms;
    };
    Result<Quote> readQuote(const Invocation& call) const;
    // The version in force on --date, else today's.
    Result<PriceBookVersion> prices(Invocation& call) const;
    int execute(Invocation& call) const override;
};

Result<QuoteCommand::Quote> QuoteCommand::readQuote(const Invocation& call) const {
    const QCommandLineParser& parser = call.parser();
    const QuoteOptions& options = options_;
    const bool comparing = parser.isSet(options.compare);
    if (comparing && parser.isSet(options.tier))
        return Error::invalidInput(
            QStringLiteral("--tier and --compare cannot be used together (--compare prices every "
                           "tier)"));
    if (!comparing && !parser.isSet(options.tier))
        return Error::invalidInput(
            QStringLiteral("give --tier TIER, or --compare to price every tier"));
    if (!parser.isSet(options.requests))
        return Error::invalidInput(QStringLiteral("--requests N is required"));
    auto requestsText = singleValue(parser, options.requests);
    if (!requestsText)
        return requestsText.error();
    auto requests = parseCount(QStringLiteral("--requests"), *requestsText);
    if (!requests)
        return requests.error();
    auto subscription = readSubscription(parser, options);
    if (!subscription)
        return subscription.error();
    if (!comparing && subscription->tier.isEmpty())
        return Error::invalidInput(QStringLiteral("--tier needs a tier id"));
    auto terms = readTerms(parser, options);
    if (!terms)
        return terms.error();
    return Quote{std::move(subscription).value(), *requests, std::move(terms).value()};
}

Result<PriceBookVersion> QuoteCommand::prices(Invocation& call) const {
    auto dateText = call.value(options_.date);
    if (!dateText)
        return dateText.error();
    std::optional<QDate> date;
    if (!dateText->isEmpty()) {
        auto parsed = parseDate(QStringLiteral("--date"), *dateText);
        if (!parsed)
            return parsed.error();
        date = *parsed;
    }
    auto workspace = call.workspace();
    if (!workspace)
        return stateError(workspace.error());
    auto book = (*workspace)->priceBook();
    if (!book)
        return stateError(book.error());
    if (!date)
        return pricesInForceToday(*book);
    auto inForce = book->versionAt(*date);
    if (!inForce)
        return Error::invalidInput(inForce.error().message());
    return inForce;
}

int QuoteCommand::execute(Invocation& call) const {
    auto quote = readQuote(call);
    if (!quote)
        return call.usage(quote.error().message());
    AICP_CLI_TRY(prices, this->prices(call), fail);
    const CostEngine engine(std::move(prices).value());
    const MonthlyUsage usage{quote->requests};
    const QuoteTerms& terms = quote->terms;
    TierComparison comparison;
    if (call.isSet(options_.compare)) {
        AICP_CLI_TRY(compared, engine.compare(quote->subscription, usage), fail);
        comparison = std::move(compared).value();
    } else {
        AICP_CLI_TRY(bill, engine.quote(quote->subscription, usage), fail);
        comparison.bills.push_back(std::move(bill).value());
    }
    // A commitment in another currency than the price book's is the
    // caller's mistake, like an unknown tier.
    if (terms.commitment) {
        const Status floor = applyCommitmentFloor(comparison, *terms.commitment);
        if (!floor)
            return call.usage(floor.error().withContext(QStringLiteral("--commitment")).message());
    }
    std::vector<Money> annual;
    if (terms.isAnnual()) {
        AICP_CLI_TRY(
            charges,
            annualInAdvance(comparison.bills, engine.prices(), quote->subscription.discount), fail);
        annual = std::move(charges).value();
    }
    const QString annualText = annual.empty() ? QString() : annualNote(comparison.bills, annual);
    QJsonObject json = call.isSet(options_.compare) ? comparisonToJson(comparison)
                                                    : billToJson(comparison.bills.front());
    if (terms.isAnnual())
        addAnnualJson(json, annual, call.isSet(options_.compare));
    const QString text = call.isSet(options_.compare)
                             ? comparisonToText(comparison, cliLocale())
                             : billToText(comparison.bills.front(), cliLocale());
    return call.print(json, text + annualText + pricesNote(engine.prices()));
}

}  // namespace

const Command& quoteCommand() {
    static const QuoteCommand command;
    return command;
}

}  // namespace aicp::cli
