#include "cli/clicommands.h"
#include "common/texttable.h"
#include "money/money.h"
#include "tax/taxrates.h"

#include <QJsonArray>

namespace aicp::cli {
namespace {

QString placeOf(const TaxRate& rate) {
    return rate.region.isEmpty() ? rate.country : rate.region;
}

class AddTaxRate final : public Command {
public:
    AddTaxRate() : Command(QStringLiteral("tax rates add")) {
        ownOptions_ = {country_, region_, rate_, name_, from_};
    }

private:
    const QCommandLineOption country_{
        QStringLiteral("country"),
        QStringLiteral("The country the rate is charged in (ISO 3166-1 alpha-2, e.g. GB)."),
        QStringLiteral("CC")};
    const QCommandLineOption region_{
        QStringLiteral("region"),
        QStringLiteral("One region of the country (ISO 3166-2, e.g. US-CA). Default: the whole "
                       "country."),
        QStringLiteral("XX-YY")};
    const QCommandLineOption rate_{
        QStringLiteral("rate"), QStringLiteral("The rate in percent, 0 to 100 (e.g. 20 or 7.25)."),
        QStringLiteral("PERCENT")};
    const QCommandLineOption name_{
        QStringLiteral("name"),
        QStringLiteral("The name invoices print beside the tax (e.g. VAT)."),
        QStringLiteral("NAME")};
    const QCommandLineOption from_{
        QStringLiteral("from"),
        QStringLiteral("The first day the rate applies (YYYY-MM-DD). Default: today (UTC)."),
        QStringLiteral("DATE")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(country, call.requiredValue(country_, QStringLiteral("--country CC")), fail);
        AICP_CLI_TRY(region, call.value(region_), fail);
        AICP_CLI_TRY(rateText, call.requiredValue(rate_, QStringLiteral("--rate PERCENT")), fail);
        AICP_CLI_TRY(name, call.requiredValue(name_, QStringLiteral("--name NAME")), fail);
        auto rate = Percent::parse(rateText->trimmed());
        if (!rate)
            return call.fail(
                Error::invalidInput(QStringLiteral("--rate: %1").arg(rate.error().message())));
        QDate from = QDateTime::currentDateTimeUtc().date();
        if (call.isSet(from_)) {
            AICP_CLI_TRY(fromText, call.value(from_), fail);
            AICP_CLI_TRY(parsed, parseDate(QStringLiteral("--from"), fromText->trimmed()), fail);
            from = *parsed;
        }
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(added, TaxRateStore(**workspace).add(*country, *region, *name, *rate, from),
                     fail);
        return call.print(taxRateJson(*added),
                          QStringLiteral("Added %1 %2 % for %3 from %4 (rate %5).\n")
                              .arg(added->name, added->rate.toDecimalString(), placeOf(*added),
                                   added->from.toString(Qt::ISODate))
                              .arg(added->id));
    }
};

class ListTaxRates final : public Command {
public:
    ListTaxRates() : Command(QStringLiteral("tax rates list")) {}

private:
    int execute(Invocation& call) const override {
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(rates, TaxRateStore(**workspace).list(), fail);
        QJsonArray array;
        TextTable table(
            {QStringLiteral("Id"), QStringLiteral("Place"), QStringLiteral("Name"),
             QStringLiteral("Rate"), QStringLiteral("From"), QStringLiteral("Added by")},
            {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
             TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left});
        for (const TaxRate& rate : *rates) {
            array.append(taxRateJson(rate));
            table.addRow({QString::number(rate.id), placeOf(rate), rate.name,
                          rate.rate.toDecimalString() + QStringLiteral(" %"),
                          rate.from.toString(Qt::ISODate), rate.addedBy});
        }
        return call.print(QJsonObject{{QStringLiteral("rates"), array}},
                          rates->empty()
                              ? QStringLiteral("No tax rates yet: invoices carry no tax. Add one "
                                               "with 'aicp tax rates add'.\n")
                              : table.render());
    }
};

}  // namespace

const CommandGroup& taxRatesCommands() {
    static const AddTaxRate add;
    static const ListTaxRates list;
    static const CommandGroup group{
        QStringLiteral("tax rates"),
        QStringLiteral("The tax rates invoices charge: each charge line is taxed at the rate of "
                       "the customer's country (or region) in force on the day of issue."),
        {&add, &list}};
    return group;
}

}  // namespace aicp::cli
