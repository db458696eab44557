#include "billing/pricebookimport.h"
#include "cli/clicommands.h"
#include "common/englishcount.h"
#include "common/texttable.h"
#include "money/moneyformat.h"
#include "pricing/pricebook.h"
#include "pricing/pricebookdiff.h"

#include <QDir>
#include <QJsonArray>

namespace aicp::cli {
namespace {

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
            return cliMoney(model.amount(), currency);
        case ChargeModel::Kind::PerUnit:
            return QStringLiteral("%1 each").arg(cliMoney(model.amount(), currency));
        case ChargeModel::Kind::Package:
            return QStringLiteral("%1 per started %2")
                .arg(cliMoney(model.amount(), currency), count(model.packageSize()));
        case ChargeModel::Kind::Graduated: {
            QStringList lines;
            std::int64_t previous = 0;
            for (const PriceBand& band : model.bands()) {
                const QString rate = cliMoney(band.unitPrice, currency);
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
                const QString rate = cliMoney(band.unitPrice, currency);
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

// The version named by --version, else the one in force today.
Result<PriceBookVersion> chosenVersion(const PriceBook& book, const QString& name) {
    if (name.isEmpty())
        return pricesInForceToday(book);
    auto only = book.only(name.trimmed());
    if (!only)
        return Error::invalidInput(only.error().message());
    return only->latest();
}

const QCommandLineOption& versionOption() {
    static const QCommandLineOption option(
        QStringLiteral("version"),
        QStringLiteral("The price book version (see 'aicp pricebook versions'). Default: the "
                       "one in force today."),
        QStringLiteral("V"));
    return option;
}

class ShowCommand final : public Command {
public:
    ShowCommand() : Command(QStringLiteral("pricebook show")) { ownOptions_ = {versionOption()}; }

private:
    int execute(Invocation& call) const override {
        AICP_CLI_TRY(name, call.value(versionOption()), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(book, (*workspace)->priceBook(), failure);
        // Without --version, --json prints every version: the whole document.
        if (call.asJson() && name->isEmpty())
            return call.print(QString::fromUtf8(book->toJson()));
        AICP_CLI_TRY(shown, chosenVersion(*book, *name), fail);
        if (call.asJson())
            return call.print(QString::fromUtf8(book->only(shown->version)->toJson()));
        return call.print(priceBookText(*book, *shown));
    }
};

QString versionState(const PriceBook& book, const PriceBookVersion& version, QDate today) {
    auto inForce = book.versionAt(today, version.currency);
    if (inForce && inForce->version == version.version)
        return QStringLiteral("in force");
    return version.effectiveFrom > today ? QStringLiteral("scheduled") : QStringLiteral("past");
}

QStringList retiredTiers(const PriceBookVersion& version) {
    QStringList ids;
    for (const TierDefinition& tier : version.tiers) {
        if (tier.retired)
            ids.append(tier.id);
    }
    return ids;
}

int listVersions(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(book, (*workspace)->priceBook(), failure);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    TextTable table({QStringLiteral("Version"), QStringLiteral("In force from"),
                     QStringLiteral("Currency"), QStringLiteral("Tiers"), QStringLiteral("State")},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Left});
    return printListing(
        call, QStringLiteral("versions"), book->versions(),
        [&](const PriceBookVersion& version) {
            return QJsonObject{
                {QStringLiteral("version"), version.version},
                {QStringLiteral("effective_from"), version.effectiveFrom.toString(Qt::ISODate)},
                {QStringLiteral("currency"), version.currency},
                {QStringLiteral("tiers"), QJsonArray::fromStringList(version.tierIds())},
                {QStringLiteral("retired_tiers"),
                 QJsonArray::fromStringList(retiredTiers(version))},
                {QStringLiteral("state"), versionState(*book, version, today)}};
        },
        QString(), table,
        [&](const PriceBookVersion& version) {
            QStringList tiers;
            for (const TierDefinition& tier : version.tiers)
                tiers.append(tier.retired ? tier.id + QStringLiteral(" (retired)") : tier.id);
            return QStringList{version.version, version.effectiveFrom.toString(Qt::ISODate),
                               version.currency, tiers.join(QStringLiteral(", ")),
                               versionState(*book, version, today)};
        });
}

class ExportCommand final : public Command {
public:
    ExportCommand() : Command(QStringLiteral("pricebook export")) {
        ownOptions_ = {version_, output_};
    }

private:
    const QCommandLineOption version_{
        QStringLiteral("version"),
        QStringLiteral("Export only this version. Default: every version."), QStringLiteral("V")};
    const QCommandLineOption output_ =
        outputOption(QStringLiteral("Write the document to FILE instead of standard output."));

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(name, call.value(version_), fail);
        AICP_CLI_TRY(path, call.value(output_), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(book, (*workspace)->priceBook(), failure);
        Result<PriceBook> exported = *book;
        if (!name->isEmpty())
            exported = book->only(name->trimmed());
        if (!exported)
            return call.fail(exported.error());
        const QByteArray document = exported->toJson();
        if (path->isEmpty() || *path == QLatin1String("-"))
            return call.print(QString::fromUtf8(document));
        if (const Status written = writeOutputFile(*path, document); !written.ok())
            return call.failure(written.error());
        QStringList names;
        for (const PriceBookVersion& version : exported->versions())
            names.append(version.version);
        return call.print(
            QStringLiteral("Wrote price book %1 to %2.\n")
                .arg(names.join(QStringLiteral(", ")), QDir::toNativeSeparators(*path)));
    }
};

int diffVersions(Invocation& call) {
    const QStringList names = call.parser().positionalArguments();
    if (names.size() != 2)
        return call.usage(
            QStringLiteral("give the two versions to compare, the older first. Try 'aicp "
                           "pricebook versions'"));
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(book, (*workspace)->priceBook(), failure);
    AICP_CLI_TRY(from, book->only(names.at(0)), fail);
    AICP_CLI_TRY(to, book->only(names.at(1)), fail);
    const std::vector<PriceBookChange> changes = diffVersions(from->latest(), to->latest());
    QJsonArray json;
    QString text =
        QStringLiteral("Price book %1 → %2: %3\n")
            .arg(names.at(0), names.at(1),
                 changes.empty()
                     ? QStringLiteral("the same prices and terms")
                     : englishCount(static_cast<std::int64_t>(changes.size()),
                                    QStringLiteral("change"), QStringLiteral("changes")));
    for (const PriceBookChange& change : changes) {
        json.append(QJsonObject{
            {QStringLiteral("path"), change.path},
            {QStringLiteral("before"),
             change.before.isUndefined() ? QJsonValue(QJsonValue::Null) : change.before},
            {QStringLiteral("after"),
             change.after.isUndefined() ? QJsonValue(QJsonValue::Null) : change.after}});
        if (change.before.isUndefined())
            text += QStringLiteral("  %1: added\n").arg(change.path);
        else if (change.after.isUndefined())
            text += QStringLiteral("  %1: removed\n").arg(change.path);
        else
            text += QStringLiteral("  %1: %2 → %3\n")
                        .arg(change.path, changeValueText(change.before),
                             changeValueText(change.after));
    }
    return call.print({{QStringLiteral("from"), names.at(0)},
                       {QStringLiteral("to"), names.at(1)},
                       {QStringLiteral("changes"), json}},
                      text);
}

QString impactText(const std::vector<PriceBookImpact>& impact) {
    if (impact.empty())
        return QStringLiteral("No customer has a license in force when it takes effect.\n");
    TextTable table(
        {QStringLiteral("Version"), QStringLiteral("Customer"), QStringLiteral("Month"),
         QStringLiteral("Bill before"), QStringLiteral("Bill after"), QStringLiteral("Change")},
        {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right});
    for (const PriceBookImpact& row : impact) {
        const auto change = row.after.minus(row.before);
        table.addRow({row.version, row.customerId, row.month.toString(),
                      cliMoney(row.before, row.currency), cliMoney(row.after, row.currency),
                      change ? cliMoney(*change, row.currency) : QStringLiteral("-")});
    }
    return table.render();
}

QJsonArray impactJson(const std::vector<PriceBookImpact>& impact) {
    QJsonArray rows;
    for (const PriceBookImpact& row : impact)
        rows.append(QJsonObject{{QStringLiteral("version"), row.version},
                                {QStringLiteral("customer"), row.customerId},
                                {QStringLiteral("month"), row.month.toString()},
                                {QStringLiteral("currency"), row.currency},
                                {QStringLiteral("before"), row.before.toDecimalString()},
                                {QStringLiteral("after"), row.after.toDecimalString()}});
    return rows;
}

QString importText(const PriceBookImport& result, bool dryRun) {
    const PriceBookMerge& merge = result.merge;
    if (merge.added.isEmpty())
        return QStringLiteral(
                   "The workspace holds every version of this price book already (%1); "
                   "nothing was changed.\n")
            .arg(merge.held.join(QStringLiteral(", ")));
    QString text = dryRun ? QStringLiteral(
                                "Would add price book version %1; nothing was "
                                "changed (--dry-run).\n")
                                .arg(merge.added.join(QStringLiteral(", ")))
                          : QStringLiteral(
                                "Added price book version %1; bills are computed with "
                                "each from the day it takes effect.\n")
                                .arg(merge.added.join(QStringLiteral(", ")));
    if (!merge.held.isEmpty())
        text += QStringLiteral("Held already: %1.\n").arg(merge.held.join(QStringLiteral(", ")));
    text += QStringLiteral("\nImpact on the month each takes effect in:\n");
    return text + impactText(result.impact);
}

class ImportCommand final : public Command {
public:
    ImportCommand() : Command(QStringLiteral("pricebook import")) { ownOptions_ = {dryRun_}; }

private:
    const QCommandLineOption dryRun_{
        QStringLiteral("dry-run"),
        QStringLiteral("Check the document and print its impact; change nothing.")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(path, call.argument(QStringLiteral("price book FILE (JSON)")), fail);
        AICP_CLI_TRY(document, readInputFile(*path, PriceBook::kMaxDocumentSize), fail);
        // A document that is no valid price book is the file's fault: exit 1.
        AICP_CLI_TRY(book, PriceBook::fromJson(*document), failure);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        const bool dryRun = call.isSet(dryRun_);
        AICP_CLI_TRY(
            result,
            importPriceBook(**workspace, *book,
                            dryRun ? PriceBookImportMode::DryRun : PriceBookImportMode::Store),
            failure);
        return call.print(
            {{QStringLiteral("added"), QJsonArray::fromStringList(result->merge.added)},
             {QStringLiteral("held"), QJsonArray::fromStringList(result->merge.held)},
             {QStringLiteral("changed"), result->stored},
             {QStringLiteral("dry_run"), dryRun},
             {QStringLiteral("impact"), impactJson(result->impact)}},
            importText(*result, dryRun));
    }
};

}  // namespace

const CommandGroup& priceBookCommands() {
    static const PlainCommand versions(QStringLiteral("pricebook versions"), &listVersions);
    static const ShowCommand show;
    static const ExportCommand exportCommand;
    static const PlainCommand diff(QStringLiteral("pricebook diff"), &diffVersions);
    static const ImportCommand import;
    static const CommandGroup group{QStringLiteral("pricebook"),
                                    QStringLiteral("Works with the workspace's price book."),
                                    {&versions, &show, &exportCommand, &diff, &import}};
    return group;
}

}  // namespace aicp::cli
