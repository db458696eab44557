#include "cli/clicommands.h"
#include "common/texttable.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"

#include <optional>

namespace aicp::cli {
namespace {

QJsonObject customerJson(const Customer& customer) {
    QJsonObject json = billingProfileJson(customer);
    json.insert(QStringLiteral("id"), customer.id);
    json.insert(QStringLiteral("created_at"), toRfc3339(customer.createdAt));
    return json;
}

// Lines after the first indented under it: "Address:        1 Main St\n
//                 London".
QString indentedLines(const QString& text, int width) {
    QString lines = orDash(text);
    lines.replace(u'\n', u'\n' + QString(width, u' '));
    return lines;
}

QString customerText(const Customer& customer) {
    constexpr int kWidth = 16;
    const auto row = [](const char* label, const QString& value) {
        return QStringLiteral("%1%2\n").arg(QString::fromLatin1(label).leftJustified(kWidth),
                                            value);
    };
    return row("Customer:", customer.id) + row("Name:", customer.name) +
           row("Legal name:", orDash(customer.legalName)) + row("Email:", orDash(customer.email)) +
           row("Address:", indentedLines(customer.address, kWidth)) +
           row("Country:", orDash(customer.country)) + row("Region:", orDash(customer.region)) +
           row("Tax id:", orDash(customer.taxId)) + row("Currency:", customer.currency) +
           row("Payment terms:", QStringLiteral("%1 days").arg(customer.paymentTermsDays)) +
           row("Tax exempt:", customer.taxExempt ? QStringLiteral("yes") : QStringLiteral("no")) +
           row("Created:", toRfc3339(customer.createdAt));
}

QCommandLineOption textOption(const char* name, const char* description, const char* value) {
    return {QString::fromLatin1(name), QString::fromUtf8(description), QString::fromLatin1(value)};
}

// What the command line gives; nullopt is "not given" (edit keeps it), an
// empty text is "clear it".
struct GivenProfile {
    std::optional<QString> name, legalName, email, address, country, region, taxId, currency;
    std::optional<int> terms;
    std::optional<bool> taxExempt;

    [[nodiscard]] bool any() const {
        return name || legalName || email || address || country || region || taxId || currency ||
               terms || taxExempt;
    }
    void applyTo(Customer& customer) const {
        const auto set = [](QString& field, const std::optional<QString>& given) {
            if (given)
                field = *given;
        };
        set(customer.name, name);
        set(customer.legalName, legalName);
        set(customer.email, email);
        set(customer.address, address);
        // A region belongs to its country: a new country without a region
        // given leaves none.
        if (country && !region && country->trimmed().toUpper() != customer.country)
            customer.region.clear();
        set(customer.country, country);
        set(customer.region, region);
        set(customer.taxId, taxId);
        set(customer.currency, currency);
        customer.paymentTermsDays = terms.value_or(customer.paymentTermsDays);
        customer.taxExempt = taxExempt.value_or(customer.taxExempt);
    }
};

// add and edit differ in what must be given and in the store call.
class ChangeCustomer final : public Command {
public:
    explicit ChangeCustomer(bool adding)
        : Command(adding ? QStringLiteral("customer add") : QStringLiteral("customer edit")),
          adding_(adding) {
        ownOptions_ = {name_,     legalName_, address_, country_,   region_,     taxId_,
                       currency_, email_,     terms_,   taxExempt_, noTaxExempt_};
    }

private:
    bool adding_;
    const QCommandLineOption name_ =
        textOption("name", "The customer's name as the console and reports show it.", "NAME");
    const QCommandLineOption legalName_ = textOption(
        "legal-name", "The registered name invoices are addressed to (default: the name).", "N");
    const QCommandLineOption address_ = textOption(
        "address", "The postal address; its lines separated by newlines in the one value.", "TEXT");
    const QCommandLineOption country_ =
        textOption("country", "The country, an ISO 3166-1 alpha-2 code (GB, DE, US).", "CC");
    const QCommandLineOption region_ = textOption(
        "region", "The region within the country whose tax rate applies (ISO 3166-2, e.g. US-CA).",
        "XX-YY");
    const QCommandLineOption taxId_ = textOption(
        "tax-id", "The VAT number or other tax id (letters, digits, - . / and spaces).", "T");
    const QCommandLineOption currency_ = textOption(
        "currency", "The billing currency, an ISO 4217 code (default: the price book's).", "CUR");
    const QCommandLineOption email_ =
        textOption("email", "The billing email: where invoices and notices go.", "E");
    const QCommandLineOption terms_ =
        textOption("terms",
                   "Payment terms: days from an invoice's issue to its due date, 0 to 365 "
                   "(default 30).",
                   "DAYS");
    const QCommandLineOption taxExempt_{QStringLiteral("tax-exempt"),
                                        QStringLiteral("The customer pays no tax.")};
    const QCommandLineOption noTaxExempt_{QStringLiteral("no-tax-exempt"),
                                          QStringLiteral("The customer pays tax (the default).")};

    static Status readText(const Invocation& call, const QCommandLineOption& option,
                           std::optional<QString>& into) {
        auto value = singleValue(call.parser(), option);
        if (!value)
            return value.error();
        if (call.isSet(option))
            into = *value;
        return {};
    }

    Status readTerms(const Invocation& call, GivenProfile& given) const {
        if (!call.isSet(terms_))
            return {};
        auto text = singleValue(call.parser(), terms_);
        if (!text)
            return text.error();
        auto days = parseCount(QStringLiteral("--terms"), *text);
        if (!days)
            return days.error();
        if (*days > CustomerStore::kMaxPaymentTermsDays)
            return Error::invalidInput(
                QStringLiteral("--terms: payment terms of %1 days are outside 0 to %2 days")
                    .arg(*text)
                    .arg(CustomerStore::kMaxPaymentTermsDays));
        given.terms = int(*days);
        return {};
    }

    Result<GivenProfile> given(const Invocation& call) const {
        GivenProfile given;
        for (const auto& [option, field] :
             {std::pair{&name_, &given.name}, std::pair{&legalName_, &given.legalName},
              std::pair{&email_, &given.email}, std::pair{&address_, &given.address},
              std::pair{&country_, &given.country}, std::pair{&region_, &given.region},
              std::pair{&taxId_, &given.taxId}, std::pair{&currency_, &given.currency}})
            AICP_TRY(readText(call, *option, *field));
        AICP_TRY(readTerms(call, given));
        if (call.isSet(taxExempt_) && call.isSet(noTaxExempt_))
            return Error::invalidInput(
                QStringLiteral("give --tax-exempt or --no-tax-exempt, not both"));
        if (call.isSet(taxExempt_) || call.isSet(noTaxExempt_))
            given.taxExempt = call.isSet(taxExempt_);
        if (adding_ && (!given.name || given.name->trimmed().isEmpty()))
            return Error::invalidInput(QStringLiteral("give --name NAME"));
        if (!adding_ && !given.any())
            return Error::invalidInput(QStringLiteral(
                "give what to change: --name NAME, --legal-name N, --address TEXT, "
                "--country CC, --region XX-YY, --tax-id T, --currency CUR, --email E, --terms DAYS "
                "or --tax-exempt / --no-tax-exempt"));
        return given;
    }

    static Status edit(CustomerStore& store, const QString& id, const GivenProfile& given) {
        auto stored = store.find(id);
        if (!stored)
            return stored.error();
        given.applyTo(*stored);
        return store.update(*stored);
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(id, call.argument(QStringLiteral("customer ID")), fail);
        AICP_CLI_TRY(profile, given(call), fail);
        Customer customer{*id, {}, {}, {}};
        profile->applyTo(customer);
        // A new customer is refused before the workspace is opened; an edit
        // is checked whole, with what it keeps, by the store.
        if (const Status valid = validateCustomer(customer); adding_ && !valid.ok())
            return call.fail(valid.error());
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(book, (*workspace)->priceBook(), failure);
        // Billed in the price book's own currency unless told otherwise.
        if (adding_ && !profile->currency)
            customer.currency = book->homeCurrency();
        CustomerStore store(**workspace);
        const Status saved = adding_ ? store.add(customer) : edit(store, *id, *profile);
        if (!saved.ok())
            return call.fail(saved.error());
        QString text = QStringLiteral("%1 customer %2.\n")
                           .arg(adding_ ? QStringLiteral("Added") : QStringLiteral("Updated"), *id);
        const QString currency =
            profile->currency ? profile->currency->trimmed().toUpper() : QString();
        if (!currency.isEmpty() && !book->currencies().contains(currency))
            text += QStringLiteral(
                        "The price book has no prices in %1 yet: import a version in "
                        "%1 before billing %2 ('aicp pricebook import').\n")
                        .arg(currency, *id);
        return call.print(text);
    }
};

int showCustomer(Invocation& call) {
    AICP_CLI_TRY(id, call.argument(QStringLiteral("customer ID")), fail);
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(customer, CustomerStore(**workspace).find(*id), fail);
    return call.print(customerJson(*customer), customerText(*customer));
}

int listCustomers(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(customers, CustomerStore(**workspace).list(), failure);
    return printListing(
        call, QStringLiteral("customers"), *customers, &customerJson,
        QStringLiteral("No customers; add one with 'aicp customer add ID --name NAME'.\n"),
        TextTable({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("COUNTRY"),
                   QStringLiteral("CURRENCY"), QStringLiteral("EMAIL"), QStringLiteral("CREATED")}),
        [](const Customer& customer) {
            return QStringList{
                customer.id,       customer.name,          orDash(customer.country),
                customer.currency, orDash(customer.email), toRfc3339(customer.createdAt)};
        });
}

}  // namespace

const CommandGroup& customerCommands() {
    static const ChangeCustomer add(true);
    static const ChangeCustomer edit(false);
    static const PlainCommand show(QStringLiteral("customer show"), &showCustomer);
    static const PlainCommand list(QStringLiteral("customer list"), &listCustomers);
    static const CommandGroup group{QStringLiteral("customer"),
                                    QStringLiteral("Manages the workspace's customers."),
                                    {&add, &edit, &show, &list}};
    return group;
}

}  // namespace aicp::cli
