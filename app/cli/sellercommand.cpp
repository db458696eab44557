#include "cli/clicommands.h"
#include "company/seller.h"
#include "licensing/licensepayload.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace aicp::cli {
namespace {

QJsonObject sellerShownJson(const std::optional<SellerProfile>& seller) {
    QJsonObject json = sellerJson(seller.value_or(SellerProfile{}));
    json.insert(QStringLiteral("updated_at"),
                seller ? QJsonValue(toRfc3339(seller->updatedAt)) : QJsonValue());
    return json;
}

QString sellerText(const std::optional<SellerProfile>& stored) {
    if (!stored)
        return QStringLiteral(
            "No seller profile yet; set one with 'aicp seller set --name NAME "
            "…'.\n");
    constexpr int kWidth = 22;
    const auto row = [](const char* label, const QString& value) {
        QString lines = orDash(value);
        lines.replace(u'\n', u'\n' + QString(kWidth, u' '));
        return QStringLiteral("%1%2\n").arg(QString::fromLatin1(label).leftJustified(kWidth),
                                            lines);
    };
    const SellerProfile& seller = *stored;
    return row("Seller:", seller.name) + row("Address:", seller.address) +
           row("Country:", seller.country) + row("Tax id:", seller.taxId) +
           row("Email:", seller.email) + row("Payment instructions:", seller.paymentInstructions) +
           row("Footer:", seller.footer) + row("Updated:", toRfc3339(seller.updatedAt));
}

class SetSeller final : public Command {
public:
    SetSeller() : Command(QStringLiteral("seller set")) {
        for (const auto& [option, field] : fields())
            ownOptions_.append(*option);
    }

private:
    const QCommandLineOption name_{QStringLiteral("name"),
                                   QStringLiteral("The company's legal name, as invoices show it."),
                                   QStringLiteral("N")};
    const QCommandLineOption address_{
        QStringLiteral("address"),
        QStringLiteral("The postal address; its lines separated by newlines in the one value."),
        QStringLiteral("TEXT")};
    const QCommandLineOption country_{
        QStringLiteral("country"),
        QStringLiteral("The country, an ISO 3166-1 alpha-2 code (GB, DE, IE, US)."),
        QStringLiteral("CC")};
    const QCommandLineOption taxId_{
        QStringLiteral("tax-id"),
        QStringLiteral("The VAT number or other tax id (letters, digits, - . / and spaces)."),
        QStringLiteral("T")};
    const QCommandLineOption email_{QStringLiteral("email"),
                                    QStringLiteral("Where customers write about invoices."),
                                    QStringLiteral("E")};
    const QCommandLineOption paymentInstructions_{
        QStringLiteral("payment-instructions"),
        QStringLiteral("How to pay: bank, IBAN, reference; several lines allowed."),
        QStringLiteral("TEXT")};
    const QCommandLineOption footer_{QStringLiteral("footer"),
                                     QStringLiteral("Text at the foot of every invoice."),
                                     QStringLiteral("TEXT")};

    using Field = QString SellerProfile::*;
    [[nodiscard]] std::array<std::pair<const QCommandLineOption*, Field>, 7> fields() const {
        return {{{&name_, &SellerProfile::name},
                 {&address_, &SellerProfile::address},
                 {&country_, &SellerProfile::country},
                 {&taxId_, &SellerProfile::taxId},
                 {&email_, &SellerProfile::email},
                 {&paymentInstructions_, &SellerProfile::paymentInstructions},
                 {&footer_, &SellerProfile::footer}}};
    }

    // The stored profile (or an empty one) with what the command line gives;
    // an empty value clears that field.
    Result<SellerProfile> given(const Invocation& call, SellerProfile seller) const {
        for (const auto& [option, field] : fields()) {
            auto value = singleValue(call.parser(), *option);
            if (!value)
                return value.error();
            if (call.isSet(*option))
                seller.*field = *value;
        }
        return seller;
    }

    int execute(Invocation& call) const override {
        const auto& all = fields();
        const bool any = std::any_of(all.begin(), all.end(), [&call](const auto& field) {
            return call.isSet(*field.first);
        });
        if (!any)
            return call.usage(QStringLiteral(
                "give what to set: --name N, --address TEXT, --country CC, --tax-id T, --email E, "
                "--payment-instructions TEXT or --footer TEXT"));
        AICP_CLI_TRY(check, given(call, {}), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        SellerStore store(**workspace);
        AICP_CLI_TRY(stored, store.load(), failure);
        AICP_CLI_TRY(seller, given(call, stored->value_or(SellerProfile{})), fail);
        if (const Status saved = store.save(*seller); !saved.ok())
            return call.fail(saved.error());
        return call.print(QStringLiteral("Saved the seller profile.\n"));
    }
};

int showSeller(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(seller, SellerStore(**workspace).load(), failure);
    return call.print(sellerShownJson(*seller), sellerText(*seller));
}

}  // namespace

const CommandGroup& sellerCommands() {
    static const SetSeller set;
    static const PlainCommand show(QStringLiteral("seller show"), &showSeller);
    static const CommandGroup group{
        QStringLiteral("seller"),
        QStringLiteral("The workspace's own company, as its invoices name the seller."),
        {&set, &show}};
    return group;
}

}  // namespace aicp::cli
