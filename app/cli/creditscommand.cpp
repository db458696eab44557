#include "billing/creditbook.h"
#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "common/texttable.h"
#include "licensing/licensepayload.h"

#include <QJsonArray>

namespace aicp::cli {
namespace {

QJsonObject grantJson(const CreditGrant& grant, const QDateTime& now) {
    return {{QStringLiteral("id"), qint64(grant.id)},
            {QStringLiteral("customer"), grant.customerId},
            {QStringLiteral("currency"), grant.currency},
            {QStringLiteral("amount"), grant.amount.toDecimalString()},
            {QStringLiteral("paid"), grant.paid.toDecimalString()},
            {QStringLiteral("used"), grant.used.toDecimalString()},
            {QStringLiteral("available"), grant.availableAt(now).toDecimalString()},
            {QStringLiteral("forfeited"), grant.forfeitedAt(now).toDecimalString()},
            {QStringLiteral("granted_at"), toRfc3339(grant.grantedAt)},
            {QStringLiteral("expires_at"), jsonTimeOrNull(grant.expiresAt)},
            {QStringLiteral("reason"), grant.reason},
            {QStringLiteral("granted_by"), grant.grantedBy}};
}

class GrantCredits final : public Command {
public:
    GrantCredits() : Command(QStringLiteral("credits grant")) {
        ownOptions_ = {customer_, amount_, paid_, expires_, reason_};
    }

private:
    const QCommandLineOption customer_ =
        customerIdOption(QStringLiteral("The customer the credit is for; it is in the "
                                        "customer's billing currency."));
    const QCommandLineOption amount_{QStringLiteral("amount"),
                                     QStringLiteral("The credit, e.g. 10000.00 (above 0)."),
                                     QStringLiteral("X")};
    const QCommandLineOption paid_{
        QStringLiteral("paid"),
        QStringLiteral("What the customer paid for it (0 up to the amount). Default: the amount."),
        QStringLiteral("Y")};
    const QCommandLineOption expires_{
        QStringLiteral("expires"),
        QStringLiteral("When unused credit is forfeited: YYYY-MM-DD (midnight UTC) or an RFC 3339 "
                       "time. Default: never."),
        QStringLiteral("DATE")};
    const QCommandLineOption reason_{QStringLiteral("reason"),
                                     QStringLiteral("Why it is granted (the audit log keeps it)."),
                                     QStringLiteral("TEXT")};

    static Result<Money> amountOf(const QString& option, const QString& text) {
        auto amount = Money::parse(text.trimmed());
        if (!amount)
            return Error::invalidInput(
                QStringLiteral("%1 is a plain decimal amount such as 10000.00, not '%2'")
                    .arg(option, text));
        return amount;
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, requiredCustomer(call, customer_), fail);
        AICP_CLI_TRY(amountText, call.requiredValue(amount_, QStringLiteral("--amount X")), fail);
        AICP_CLI_TRY(amount, amountOf(QStringLiteral("--amount"), *amountText), fail);
        AICP_CLI_TRY(reason, call.requiredValue(reason_, QStringLiteral("--reason TEXT")), fail);
        Money paid = *amount;
        if (call.isSet(paid_)) {
            AICP_CLI_TRY(paidText, call.value(paid_), fail);
            AICP_CLI_TRY(parsed, amountOf(QStringLiteral("--paid"), *paidText), fail);
            paid = *parsed;
        }
        QDateTime expires;
        if (call.isSet(expires_)) {
            AICP_CLI_TRY(expiresText, call.value(expires_), fail);
            AICP_CLI_TRY(parsed, parseDateOption(QStringLiteral("--expires"), *expiresText), fail);
            expires = *parsed;
        }
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(grant,
                     CreditBook(**workspace).grant(*customerId, *amount, paid, expires, *reason),
                     fail);
        return call.print(
            grantJson(*grant, grant->grantedAt),
            QStringLiteral("Granted %1 of credit to %2 (grant %3)%4.\n")
                .arg(cliMoney(grant->amount, grant->currency), grant->customerId)
                .arg(grant->id)
                .arg(grant->expiresAt.isValid()
                         ? QStringLiteral(", expiring %1").arg(toRfc3339(grant->expiresAt))
                         : QString()));
    }
};

class CreditBalanceCommand final : public Command {
public:
    CreditBalanceCommand() : Command(QStringLiteral("credits balance")) {
        ownOptions_ = {customer_};
    }

private:
    const QCommandLineOption customer_ = customerOption();

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, call.customer(customer_), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(balance, CreditBook(**workspace).balance(*customerId), fail);
        const QJsonObject json{{QStringLiteral("customer"), balance->customerId},
                               {QStringLiteral("currency"), balance->currency},
                               {QStringLiteral("balance"), balance->balance.toDecimalString()}};
        QString text = QStringLiteral("%1: %2 of prepaid credit available\n")
                           .arg(balance->customerId, cliMoney(balance->balance, balance->currency));
        if (!balance->forfeited.isZero())
            text += QStringLiteral("%1 expired unused and was forfeited\n")
                        .arg(cliMoney(balance->forfeited, balance->currency));
        return call.print(json, text);
    }
};

class ListCredits final : public Command {
public:
    ListCredits() : Command(QStringLiteral("credits list")) { ownOptions_ = {customer_}; }

private:
    const QCommandLineOption customer_ =
        customerIdOption(QStringLiteral("Only this customer's grants."));

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, call.value(customer_), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(grants, CreditBook(**workspace).list(customerId->trimmed()), fail);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonArray array;
        TextTable table(
            {QStringLiteral("Grant"), QStringLiteral("Customer"), QStringLiteral("Granted"),
             QStringLiteral("Expires"), QStringLiteral("Amount"), QStringLiteral("Used"),
             QStringLiteral("Available"), QStringLiteral("Forfeited"), QStringLiteral("Reason")},
            {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
             TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
             TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left});
        for (const CreditGrant& grant : *grants) {
            array.append(grantJson(grant, now));
            table.addRow(
                {QString::number(grant.id), grant.customerId,
                 grant.grantedAt.date().toString(Qt::ISODate),
                 grant.expiresAt.isValid() ? toRfc3339(grant.expiresAt) : QStringLiteral("never"),
                 cliMoney(grant.amount, grant.currency), cliMoney(grant.used, grant.currency),
                 cliMoney(grant.availableAt(now), grant.currency),
                 cliMoney(grant.forfeitedAt(now), grant.currency), grant.reason});
        }
        return call.print(
            QJsonObject{{QStringLiteral("grants"), array}},
            grants->empty() ? QStringLiteral("No credit granted yet.\n") : table.render());
    }
};

}  // namespace

const CommandGroup& creditsCommands() {
    static const GrantCredits grant;
    static const CreditBalanceCommand balance;
    static const ListCredits list;
    static const CommandGroup group{
        QStringLiteral("credits"),
        QStringLiteral("Prepaid credit: invoices apply it, soonest to expire first."),
        {&grant, &balance, &list}};
    return group;
}

}  // namespace aicp::cli
