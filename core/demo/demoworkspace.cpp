#include "demo/demoworkspace.h"

#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demorandom.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aicp {

namespace {

struct DemoContext {
    Workspace& workspace;
    const DemoDefinition& definition;
};

// One part of the demo (customers; later licenses, usage). Steps run in
// order in one transaction, each with its own random stream.
struct DemoStep {
    std::string_view name;
    Status (*run)(DemoContext& context, DemoRandom& random);
};

Status addCustomers(DemoContext& context, DemoRandom& random) {
    const DemoDefinition& definition = context.definition;
    CustomerStore store(context.workspace);
    const std::uint64_t onboardingMinutes =
        static_cast<std::uint64_t>(definition.onboardingDays) * 24 * 60;
    for (const DemoCustomer& demo : definition.customers) {
        const auto minute = static_cast<qint64>(random.below(onboardingMinutes));
        const auto contact = static_cast<qsizetype>(
            random.below(static_cast<std::uint64_t>(definition.contacts.size())));
        const Customer customer{demo.id, demo.name,
                                definition.contacts.at(contact) + u'@' + demo.domain,
                                definition.start.addSecs(minute * 60)};
        const Status saved = store.save(customer);
        if (!saved.ok())
            return saved.error().withContext(QStringLiteral("demo customer '%1'").arg(demo.id));
    }
    return {};
}

constexpr DemoStep kDemoSteps[] = {
    {"customers", &addCustomers},
};

void removeDatabaseFiles(const QString& path) {
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

}  // namespace

Status populateDemoWorkspace(Workspace& workspace) {
    auto definition = DemoDefinition::loadDefault();
    if (!definition)
        return definition.error();

    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    // Checked inside the transaction, so two processes cannot both find the
    // workspace empty and fill it twice.
    auto existing = CustomerStore(workspace).list();
    if (!existing)
        return existing.error();
    if (!existing->empty())
        return Error(Error::Code::Conflict,
                     QStringLiteral("the workspace already holds %1 customers; the demo is made "
                                    "only in an empty workspace")
                         .arg(existing->size()));

    DemoContext context{workspace, *definition};
    for (const DemoStep& step : kDemoSteps) {
        DemoRandom random = DemoRandom::forStep(definition->seed, step.name);
        AICP_TRY(step.run(context, random));
    }
    AICP_TRY(
        workspace.setMetaValue(QStringLiteral("demo_seed"), QString::number(definition->seed)));
    return transaction->commit();
}

Status createDemoWorkspace(const QString& path) {
    if (QFileInfo::exists(path))
        return Error(Error::Code::Conflict,
                     QStringLiteral("'%1' already exists; the demo workspace needs a new file")
                         .arg(QDir::toNativeSeparators(path)));
    Status populated;
    {
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenOrCreate);
        if (!workspace)
            return workspace.error();
        populated = populateDemoWorkspace(**workspace);
    }
    // A half-made demo would make the next attempt fail as "already exists".
    if (!populated.ok())
        removeDatabaseFiles(path);
    return populated;
}

}  // namespace aicp
