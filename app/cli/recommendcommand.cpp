#include "cli/clicommands.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"
#include "metering/yearmonth.h"
#include "money/moneyformat.h"
#include "recommend/recommendationservice.h"
#include "recommend/recommender.h"

namespace aicp::cli {
namespace {

QString marks(const Recommendation& r, std::size_t index) {
    QStringList words;
    if (r.current == index)
        words.append(QStringLiteral("current"));
    if (r.recommended == index)
        words.append(QStringLiteral("recommended"));
    return words.join(QStringLiteral(", "));
}

QString recommendationText(const Recommendation& r) {
    const QLocale& locale = cliLocale();
    QString text =
        QStringLiteral("%1 (%2), %3\n").arg(r.customerName, r.customerId, r.month.toString());
    text += QStringLiteral("Projection: %1\n").arg(r.projection.explanation());
    text += QStringLiteral("Needs: %1\n").arg(r.needs.summary());
    if (r.license)
        text +=
            QStringLiteral("License in force: %1, %2\n")
                .arg(r.license->license.id.toString(QUuid::WithoutBraces).left(8), r.currentTier);
    else
        text += QStringLiteral("License in force: none\n");
    text += QLatin1Char('\n');

    TextTable table({QStringLiteral("TIER"), QStringLiteral("MONTHLY COST"),
                     QStringLiteral("ELIGIBLE"), QStringLiteral(""), QStringLiteral("WHY")},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Left});
    for (std::size_t i = 0; i < r.tiers.size(); ++i) {
        const TierOption& option = r.tiers[i];
        table.addRow({option.bill.tierName, formatMoney(option.total(), locale, r.currency),
                      option.eligible ? QStringLiteral("yes") : QStringLiteral("no"), marks(r, i),
                      option.reason});
    }
    text += table.render();
    text += QLatin1Char('\n');
    const TierOption* best = r.recommendedOption();
    text += QStringLiteral("Recommended: %1\n")
                .arg(best ? best->bill.tierName : QStringLiteral("none"));
    text += QStringLiteral("Reason: %1\n").arg(r.reason);
    if (!r.alerts.empty()) {
        text += QStringLiteral("\nAlerts:\n");
        for (const LimitAlert& alert : r.alerts) {
            // "over" is the machine level from 100 %; people read all of a
            // limit used as being at it, as the console's badge says.
            const QString word = alert.level == AlertLevel::Over && !alert.exceeded
                                     ? QStringLiteral("at limit")
                                     : alertLevelWord(alert.level);
            text += QStringLiteral("  %1  %2\n").arg(word.leftJustified(8), alert.message);
        }
    }
    text += QStringLiteral("\nPrices: price book %1; safety margin %2 %.\n")
                .arg(r.priceBookVersion)
                .arg(r.marginPercent);
    return text;
}

class RecommendCommand final : public Command {
public:
    RecommendCommand()
        : Command(QStringLiteral("recommend"),
                  QStringLiteral("The cheapest tier that serves a customer's projected usage")) {
        ownOptions_ = {customer_, month_, json_};
        workspaceUse_ = WorkspaceUse::Existing;
    }

private:
    const QCommandLineOption customer_{QStringLiteral("customer"),
                                       QStringLiteral("The customer's id."), QStringLiteral("ID")};
    const QCommandLineOption month_{
        QStringLiteral("month"),
        QStringLiteral("The calendar month (UTC), e.g. 2026-11. Default: the current one."),
        QStringLiteral("YYYY-MM")};
    const QCommandLineOption json_ = jsonOption(QStringLiteral("the recommendation"));

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, call.requiredValue(customer_, QStringLiteral("--customer ID")),
                     fail);
        AICP_CLI_TRY(monthText, call.value(month_), fail);
        std::optional<YearMonth> yearMonth;
        if (call.isSet(month_)) {
            yearMonth = YearMonth::parse(*monthText);
            if (!yearMonth)
                return call.usage(QStringLiteral("--month must be YYYY-MM, e.g. 2026-11 (got '%1')")
                                      .arg(*monthText));
        }
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(recommendation,
                     RecommendationService(**workspace).recommend(*customerId, yearMonth), fail);
        return call.print(json_, recommendationToJson(*recommendation),
                          recommendationText(*recommendation));
    }
};

}  // namespace

const Command& recommendCommand() {
    static const RecommendCommand command;
    return command;
}

}  // namespace aicp::cli
