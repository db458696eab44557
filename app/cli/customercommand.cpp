#include "cli/clicommands.h"
#include "common/texttable.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"

namespace aicp::cli {
namespace {

QJsonObject customerJson(const Customer& customer) {
    return {{QStringLiteral("id"), customer.id},
            {QStringLiteral("name"), customer.name},
            {QStringLiteral("email"), customer.email},
            {QStringLiteral("created_at"), toRfc3339(customer.createdAt)}};
}

QString customerText(const Customer& customer) {
    return QStringLiteral("Customer:  %1\nName:      %2\nEmail:     %3\nCreated:   %4\n")
        .arg(customer.id, customer.name,
             customer.email.isEmpty() ? QStringLiteral("-") : customer.email,
             toRfc3339(customer.createdAt));
}

QCommandLineOption nameOption() {
    return {QStringLiteral("name"), QStringLiteral("The customer's name as invoices show it."),
            QStringLiteral("NAME")};
}

QCommandLineOption emailOption() {
    return {QStringLiteral("email"), QStringLiteral("Where invoices and notices go."),
            QStringLiteral("E")};
}

// add and edit differ in what must be given and in the store call.
class ChangeCustomer final : public Command {
public:
    explicit ChangeCustomer(bool adding)
        : Command(adding ? QStringLiteral("customer add") : QStringLiteral("customer edit")),
          adding_(adding) {
        ownOptions_ = {name_, email_};
    }

private:
    bool adding_;
    const QCommandLineOption name_ = nameOption();
    const QCommandLineOption email_ = emailOption();

    // The id and what the command line gives; for edit, empty is "keep".
    Result<Customer> given(const Invocation& call, const QString& id) const {
        auto name = call.value(name_);
        if (!name)
            return name.error();
        auto email = call.value(email_);
        if (!email)
            return email.error();
        if (adding_ && name->isEmpty())
            return Error::invalidInput(QStringLiteral("give --name NAME"));
        if (!adding_ && name->isEmpty() && email->isEmpty())
            return Error::invalidInput(QStringLiteral("give --name NAME or --email E to change"));
        return Customer{id, *name, *email, {}};
    }

    static Status edit(CustomerStore& store, const Customer& given) {
        auto stored = store.find(given.id);
        if (!stored)
            return stored.error();
        return store.update({given.id, given.name.isEmpty() ? stored->name : given.name,
                             given.email.isEmpty() ? stored->email : given.email,
                             stored->createdAt});
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(id, call.argument(QStringLiteral("customer ID")), fail);
        AICP_CLI_TRY(customer, given(call, *id), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        CustomerStore store(**workspace);
        const Status saved = adding_ ? store.add(*customer) : edit(store, *customer);
        if (!saved.ok())
            return call.fail(saved.error());
        return call.print(
            QStringLiteral("%1 customer %2.\n")
                .arg(adding_ ? QStringLiteral("Added") : QStringLiteral("Updated"), customer->id));
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
        TextTable({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("EMAIL"),
                   QStringLiteral("CREATED")}),
        [](const Customer& customer) {
            return QStringList{customer.id, customer.name,
                               customer.email.isEmpty() ? QStringLiteral("-") : customer.email,
                               toRfc3339(customer.createdAt)};
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
