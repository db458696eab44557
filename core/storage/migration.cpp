#include "storage/migration.h"

#include "storage/migrations/migrations.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace aicp {

namespace {

constexpr Migration kWorkspaceMigrations[] = {
    {1, "meta, price book history and customers", &migration0001},
    {2, "signing keys, licenses, revocations and the audit log", &migration0002},
    {3, "usage events, imports and aggregates", &migration0003},
    {4, "invoices, invoice lines and credit notes", &migration0004},
    {5, "API tokens, pull cursors and the export order of usage events", &migration0005},
    {6, "live usage sources for the console", &migration0006},
    {7, "OpenMeter sources and the windows pulled from them", &migration0007},
    {8, "OpenMeter live sources for the console", &migration0008},
    {9, "usage events in import order with a fixed-size deduplication key", &migration0009},
    {10, "billing profiles of customers and the seller", &migration0010},
    {11, "prepaid credits", &migration0011},
    {12, "tax rates, invoice tax, due dates and parties", &migration0012},
    {13, "activations of licenses on machines", &migration0013},
    {14, "webhook endpoints, the outbox and its deliveries", &migration0014},
    {15, "the Stripe account and what was pushed to it", &migration0015},
};

Status checkNumbering(std::span<const Migration> steps) {
    if (steps.empty())
        return Error::internal(QStringLiteral("a schema needs at least one migration step"));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != static_cast<int>(i) + 1 || !steps[i].apply)
            return Error::internal(
                QStringLiteral("migration step %1 is out of sequence or empty").arg(i + 1));
    }
    return {};
}

}  // namespace

std::span<const Migration> workspaceMigrations() {
    return kWorkspaceMigrations;
}

Error newerSchemaError(int fileVersion, int supportedVersion) {
    return {Error::Code::Unsupported,
            QStringLiteral("made by a newer aicp (schema %1); this aicp reads up to %2")
                .arg(fileVersion)
                .arg(supportedVersion)};
}

Result<int> migrate(Database* db, std::span<const Migration> steps,
                    const std::function<Status()>& initializeEmpty) {
    AICP_TRY(checkNumbering(steps));
    const int target = steps.back().version;

    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    // Read inside the write transaction: another process may have migrated
    // the file between our checks and taking the lock.
    auto current = db->schemaVersion();
    if (!current)
        return current.error();
    // The version is any number a crafted file chose; a negative one would
    // index before the first step.
    if (*current < 0)
        return Error(
            Error::Code::Corrupt,
            QStringLiteral("is damaged: its schema version %1 is impossible").arg(*current));
    const int from = static_cast<int>(*current);
    if (from > target)
        return newerSchemaError(from, target);
    if (from == target) {
        AICP_TRY(transaction->commit());
        return from;
    }

    for (const Migration& step : steps.subspan(static_cast<std::size_t>(from))) {
        const Status applied = step.apply(db);
        if (!applied.ok())
            return applied.error().withContext(QStringLiteral("schema step %1 (%2)")
                                                   .arg(step.version)
                                                   .arg(QString::fromUtf8(step.summary)));
    }
    if (from == 0 && initializeEmpty)
        AICP_TRY(initializeEmpty());
    AICP_TRY(db->setSchemaVersion(target));
    AICP_TRY(transaction->commit());
    return from;
}

}  // namespace aicp
