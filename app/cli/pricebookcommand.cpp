#include "audit/auditedsettings.h"
#include "cli/clicommands.h"
#include "common/texttable.h"
#include "money/moneyformat.h"
#include "pricing/pricebook.h"

namespace aicp::cli {
namespace {

QString money(Money amount, const QString& currency) {
    return formatMoney(amount, cliLocale(), currency);
}

QString count(std::int64_t value) {
    return formatCount(value, cliLocale());
}

QString countOrUnlimited(const std::optional<std::int64_t>& value) {
    return value ? count(*value) : QStringLiteral("unlimited");
}

// A charge model in a few words; the row label already names the unit.
// Banded models get one line per band so the table cell stays narrow.
QString describeCharge(const ChargeModel& model, const QString& currency) {
    switch (model.kind()) {
        case ChargeModel::Kind::Flat:
            return money(model.amount(), currency);
        case ChargeModel::Kind::PerUnit:
            return QStringLiteral("%1 each").arg(money(model.amount(), currency));
        case ChargeModel::Kind::Package:
            return QStringLiteral("%1 per started %2")
                .arg(money(model.amount(), currency), count(model.packageSize()));
        case ChargeModel::Kind::Graduated: {
            QStringList lines;
            std::int64_t previous = 0;
            for (const PriceBand& band : model.bands()) {
                const QString rate = money(band.unitPrice, currency);
                if (!band.upTo)
                    lines.append(QStringLiteral("then %1 each").arg(rate));
                else if (previous == 0)
                    lines.append(QStringLiteral("first %1 at %2").arg(count(*band.upTo), rate));
                else
                    lines.append(
                        QStringLiteral("next %1 at %2").arg(count(*band.upTo - previous), rate));
                previous = band.upTo.value_or(previous);
            }
            return lines.join(u'\n');
        }
        case ChargeModel::Kind::Volume: {
            // Volume pricing charges the whole quantity at the band it reaches.
            QStringList lines;
            std::int64_t previous = 0;
            for (const PriceBand& band : model.bands()) {
                const QString rate = money(band.unitPrice, currency);
                if (band.upTo)
                    lines.append(QStringLiteral("%1 each up to %2").arg(rate, count(*band.upTo)));
                else
                    lines.append(QStringLiteral("%1 each above %2").arg(rate, count(previous)));
                previous = band.upTo.value_or(previous);
            }
            lines.append(QStringLiteral("(all at one rate)"));
            return lines.join(u'\n');
        }
    }
    return {};
}

QString includedCount(const AddOnAllowance& allowance) {
    return allowance.isUnlimited() ? QStringLiteral("all") : count(*allowance.included);
}

QString extraPrice(const AddOnAllowance& allowance, const QString& currency) {
    if (allowance.isUnlimited())
        return QStringLiteral("-");
    return allowance.extra ? describeCharge(*allowance.extra, currency)
                           : QStringLiteral("not sold");
}

QString requestOverage(const TierDefinition& tier, const QString& currency) {
    if (!tier.includedRequests)
        return QStringLiteral("-");
    if (!tier.requestOverage)
        return QStringLiteral("hard cap");
    return describeCharge(*tier.requestOverage, currency);
}

// "2026-01 (from 2026-01-01)", one per version, oldest first.
QStringList versionNames(const PriceBook& book) {
    QStringList names;
    for (const PriceBookVersion& version : book.versions())
        names.append(QStringLiteral("%1 (from %2)")
                         .arg(version.version, version.effectiveFrom.toString(Qt::ISODate)));
    return names;
}

QString priceBookText(const PriceBook& book, const PriceBookVersion& shown) {
    const QString& currency = shown.currency;
    QStringList headers{QString()};
    std::vector<TextTable::Align> align{TextTable::Align::Left};
    for (const TierDefinition& tier : shown.tiers) {
        headers.append(tier.name);
        align.push_back(TextTable::Align::Left);
    }
    TextTable tiers(headers, align);
    tiers.addRule();
    const auto row = [&](const QString& label, auto cell) {
        QStringList cells{label};
        for (const TierDefinition& tier : shown.tiers)
            cells.append(cell(tier));
        tiers.addRow(cells);
    };
    row(QStringLiteral("Tier id"), [](const TierDefinition& t) { return t.id; });
    row(QStringLiteral("Base price / month"),
        [&](const TierDefinition& t) { return describeCharge(t.base, currency); });
    row(QStringLiteral("Requests included / month"),
        [](const TierDefinition& t) { return countOrUnlimited(t.includedRequests); });
    row(QStringLiteral("Beyond the included requests"),
        [&](const TierDefinition& t) { return requestOverage(t, currency); });
    row(QStringLiteral("Policy packs included"),
        [](const TierDefinition& t) { return includedCount(t.policyPacks); });
    row(QStringLiteral("Extra policy pack / month"),
        [&](const TierDefinition& t) { return extraPrice(t.policyPacks, currency); });
    row(QStringLiteral("Compliance modules included"),
        [](const TierDefinition& t) { return includedCount(t.complianceModules); });
    row(QStringLiteral("Extra compliance module / month"),
        [&](const TierDefinition& t) { return extraPrice(t.complianceModules, currency); });
    row(QStringLiteral("Seats included"),
        [](const TierDefinition& t) { return includedCount(t.seats); });
    row(QStringLiteral("Extra seat / month"),
        [&](const TierDefinition& t) { return extraPrice(t.seats, currency); });
    row(QStringLiteral("Agents included"),
        [](const TierDefinition& t) { return countOrUnlimited(t.includedAgents); });
    row(QStringLiteral("Audit retention included"), [&](const TierDefinition& t) {
        const AuditTier* audit = shown.auditTier(t.includedAuditTier);
        return audit ? audit->name.toLower() : t.includedAuditTier;
    });
    row(QStringLiteral("Audit upgrades"), [](const TierDefinition& t) {
        return t.auditUpgradesSold ? QStringLiteral("sold") : QStringLiteral("not sold");
    });
    tiers.addRule();
    tiers.addRow({QStringLiteral("Features")});
    for (const QString& feature : shown.features)
        row(QStringLiteral("  %1").arg(feature), [&feature](const TierDefinition& t) {
            return t.hasFeature(feature) ? QStringLiteral("yes") : QStringLiteral("-");
        });

    TextTable audits({QStringLiteral("Audit tier"), QStringLiteral("Name"),
                      QStringLiteral("Retention"), QStringLiteral("Price / month")},
                     {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Right,
                      TextTable::Align::Right});
    for (const AuditTier& audit : shown.auditTiers)
        audits.addRow({audit.id, audit.name,
                       QStringLiteral("%1 days").arg(count(audit.retentionDays)),
                       describeCharge(audit.price, currency)});

    QString text = QStringLiteral("Price book %1, in force from %2, prices in %3\n\n")
                       .arg(shown.version, shown.effectiveFrom.toString(Qt::ISODate), currency);
    text += tiers.render();
    text += u'\n' + audits.render();
    text += QStringLiteral("\nPolicy packs:        %1\n")
                .arg(shown.policyPacks.join(QStringLiteral(", ")));
    text += QStringLiteral("Compliance modules:  %1\n")
                .arg(shown.complianceModules.join(QStringLiteral(", ")));
    if (book.versions().size() > 1)
        text += QStringLiteral("\nVersions: %1; --json prints them all.\n")
                    .arg(versionNames(book).join(QStringLiteral(", ")));
    return text;
}

int showPriceBook(Invocation& call) {
    auto workspace = call.workspace();
    if (!workspace)
        return call.context().failure(workspace.error());
    auto book = (*workspace)->priceBook();
    if (!book)
        return call.context().failure(book.error());
    if (call.asJson())
        return call.print(QString::fromUtf8(book->toJson()));
    auto shown = pricesInForceToday(*book);
    if (!shown)
        return call.context().failure(shown.error());
    return call.print(priceBookText(*book, *shown));
}

// A price book document is a few kilobytes; far more is no price book.

int importPriceBook(Invocation& call) {
    AICP_CLI_TRY(path, call.argument(QStringLiteral("price book FILE (JSON)")), fail);
    AICP_CLI_TRY(document, readInputFile(*path, PriceBook::kMaxDocumentSize), fail);
    // A document that is no valid price book is the file's fault: exit 1.
    AICP_CLI_TRY(book, PriceBook::fromJson(*document), failure);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(current, (*workspace)->priceBook(), failure);
    const bool unchanged = current->toJson() == book->toJson();
    if (const Status stored = storePriceBook(**workspace, *book); !stored.ok())
        return call.failure(stored.error());
    QJsonArray versions;
    for (const PriceBookVersion& version : book->versions())
        versions.append(version.version);
    const QString text = unchanged
                             ? QStringLiteral(
                                   "The workspace holds this price book already (%1); nothing "
                                   "was changed.\n")
                                   .arg(versionNames(*book).join(QStringLiteral(", ")))
                             : QStringLiteral(
                                   "Imported price book %1; bills are computed with it from "
                                   "now on.\n")
                                   .arg(versionNames(*book).join(QStringLiteral(", ")));
    return call.print({{QStringLiteral("versions"), versions},
                       {QStringLiteral("latest"), book->latest().version},
                       {QStringLiteral("changed"), !unchanged}},
                      text);
}

}  // namespace

const CommandGroup& priceBookCommands() {
    static const PlainCommand show(QStringLiteral("pricebook show"), &showPriceBook);
    static const PlainCommand import(QStringLiteral("pricebook import"), &importPriceBook);
    static const CommandGroup group{QStringLiteral("pricebook"),
                                    QStringLiteral("Works with the workspace's price book."),
                                    {&show, &import}};
    return group;
}

}  // namespace aicp::cli
