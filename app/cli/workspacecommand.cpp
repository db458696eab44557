#include "audit/auditedsettings.h"
#include "billing/invoicebook.h"
#include "cli/clicommands.h"
#include "customers/customer.h"
#include "licensing/licensepayload.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/workspacefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aicp::cli {
namespace {

QString modeWord(Workspace::Mode mode) {
    return mode == Workspace::Mode::Vendor ? QStringLiteral("vendor") : QStringLiteral("customer");
}

// A new workspace at `path` in `mode`, built whole or not at all: a file
// already there is refused, and a failure after the file was made removes it.
Status createWorkspace(const QString& path, Workspace::Mode mode) {
    if (Workspace::isServerLocation(path)) {
        if (auto existing = Workspace::open(path, Workspace::OpenMode::OpenExisting))
            return Error(Error::Code::Conflict,
                         QStringLiteral("%1 holds a workspace already; give an empty database")
                             .arg((*existing)->path()));
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenOrCreate);
        if (!workspace)
            return workspace.error();
        return setWorkspaceMode(**workspace, mode);
    }
    const QString shown = QDir::toNativeSeparators(path);
    if (QFileInfo::exists(path))
        return Error(Error::Code::Conflict,
                     QStringLiteral("%1 exists already; give a new file name").arg(shown));
    Status made = [&]() -> Status {
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenOrCreate);
        if (!workspace)
            return workspace.error();
        return setWorkspaceMode(**workspace, mode);
    }();
    if (!made.ok() && QFileInfo::exists(path))
        removeWorkspaceFiles(path);
    return made;
}

class CreateWorkspace final : public Command {
public:
    CreateWorkspace() : Command(QStringLiteral("workspace create")) { ownOptions_ = {mode_}; }

private:
    const QCommandLineOption mode_{QStringLiteral("mode"),
                                   QStringLiteral("vendor (issues licenses) or customer (verifies "
                                                  "them). Default: vendor."),
                                   QStringLiteral("MODE")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(modeText, call.value(mode_), fail);
        Workspace::Mode mode = Workspace::Mode::Vendor;
        if (*modeText == QLatin1String("customer"))
            mode = Workspace::Mode::Customer;
        else if (!modeText->isEmpty() && *modeText != QLatin1String("vendor"))
            return call.usage(
                QStringLiteral("--mode must be vendor or customer (got '%1')").arg(*modeText));
        AICP_CLI_TRY(path, call.context().workspacePath(), fail);
        if (const Status created = createWorkspace(*path, mode); !created.ok())
            return call.failure(created.error());
        return call.print(QStringLiteral("Created the %1 workspace %2.\n")
                              .arg(modeWord(mode), Workspace::shownLocation(*path)));
    }
};

// What `workspace info` reports, read once for both its forms.
struct WorkspaceFacts {
    QString path;
    bool onServer = false;
    Workspace::Mode mode = Workspace::Mode::Vendor;
    int schemaVersion = 0;
    QString id;
    QDateTime createdAt;
    qsizetype customers = 0;
    qsizetype licenses = 0;
    qsizetype invoices = 0;
    std::int64_t events = 0;
    QString priceBookVersion;
    QString login;  // a team workspace's
    QString role;
};

Result<WorkspaceFacts> readFacts(Workspace& workspace) {
    WorkspaceFacts facts;
    facts.onServer = workspace.isOnServer();
    facts.path = facts.onServer
                     ? workspace.path()
                     : QDir::toNativeSeparators(QFileInfo(workspace.path()).absoluteFilePath());
    auto mode = workspace.mode();
    if (!mode)
        return mode.error();
    facts.mode = *mode;
    facts.schemaVersion = workspace.schemaVersion();
    facts.id = workspace.id().toString(QUuid::WithoutBraces);
    facts.createdAt = workspace.createdAt();
    auto customers = CustomerStore(workspace).list();
    if (!customers)
        return customers.error();
    facts.customers = qsizetype(customers->size());
    auto licenses = LicenseRegistry(workspace).list();
    if (!licenses)
        return licenses.error();
    facts.licenses = qsizetype(licenses->size());
    auto invoices = InvoiceBook(workspace).list();
    if (!invoices)
        return invoices.error();
    facts.invoices = qsizetype(invoices->size());
    auto events = UsageQuery(workspace).eventCount();
    if (!events)
        return events.error();
    facts.events = *events;
    facts.login = workspace.login();
    facts.role = roleName(workspace.role());
    auto prices = pricesInForceToday(workspace);
    if (!prices)
        return prices.error();
    facts.priceBookVersion = prices->version;
    return facts;
}

QJsonObject factsJson(const WorkspaceFacts& facts) {
    return {{QStringLiteral("kind"),
             facts.onServer ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
            {QStringLiteral("path"), facts.path},
            {QStringLiteral("mode"), modeWord(facts.mode)},
            {QStringLiteral("schema_version"), facts.schemaVersion},
            {QStringLiteral("workspace_id"), facts.id},
            {QStringLiteral("created_at"), toRfc3339(facts.createdAt)},
            {QStringLiteral("customers"), static_cast<double>(facts.customers)},
            {QStringLiteral("licenses"), static_cast<double>(facts.licenses)},
            {QStringLiteral("invoices"), static_cast<double>(facts.invoices)},
            {QStringLiteral("events"), static_cast<double>(facts.events)},
            {QStringLiteral("price_book_version"), facts.priceBookVersion},
            {QStringLiteral("role"), facts.role}};
}

QString factsText(const WorkspaceFacts& facts) {
    const QLocale& locale = cliLocale();
    const QString role =
        facts.onServer ? QStringLiteral("Role:        %1 (login %2)\n").arg(facts.role, facts.login)
                       : QString();
    return QStringLiteral(
               "Workspace:   %1\nKind:        %2\nMode:        %3\nSchema:      %4\n"
               "ID:          %5\nCreated:     %6\nCustomers:   %7\nLicenses:    %8\n"
               "Invoices:    %9\nEvents:      %10\nPrice book:  %11 (in force today)\n")
               .arg(facts.path,
                    facts.onServer ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"),
                    modeWord(facts.mode), QString::number(facts.schemaVersion), facts.id,
                    toRfc3339(facts.createdAt), locale.toString(qint64(facts.customers)),
                    locale.toString(qint64(facts.licenses)),
                    locale.toString(qint64(facts.invoices)))
               .arg(locale.toString(qint64(facts.events)), facts.priceBookVersion) +
           role;
}

int describeWorkspace(Invocation& call) {
    AICP_CLI_TRY(workspace, call.workspace(), failure);
    AICP_CLI_TRY(facts, readFacts(**workspace), failure);
    return call.print(factsJson(*facts), factsText(*facts));
}

}  // namespace

const CommandGroup& workspaceCommands() {
    static const CreateWorkspace create;
    static const PlainCommand info(QStringLiteral("workspace info"), &describeWorkspace);
    static const CommandGroup group{
        QStringLiteral("workspace"),
        QStringLiteral("Creates, describes or copies a workspace, and manages a team's roles."),
        {&create, &info, &workspaceCopyCommand(), &grantRoleCommand(), &revokeRoleCommand()}};
    return group;
}

}  // namespace aicp::cli
