#include "billing/verifiedcopy.h"
#include "cli/clicommands.h"
#include "cli/interruption.h"
#include "cli/progressline.h"

#include <optional>

#include <QJsonObject>

namespace aicp::cli {
namespace {

std::int64_t rowsOf(const CopyVerification& verification, QLatin1String table) {
    for (const TableRows& rows : verification.tables)
        if (rows.table == table)
            return rows.rows;
    return 0;
}

QString copiedText(const QString& source, const QString& destination,
                   const CopyVerification& verification) {
    const QLocale& locale = cliLocale();
    std::int64_t rows = 0;
    for (const TableRows& table : verification.tables)
        rows += table.rows;
    return QStringLiteral(
               "Copied %1 tables, %2 rows (%3 customers, %4 licenses, %5 usage events, %6 "
               "invoices) from %7 into %8.\nVerified: row counts equal, audit chain intact (%9 "
               "entries), %10 monthly cost reports identical.\n")
        .arg(locale.toString(qint64(verification.tables.size())), locale.toString(qint64(rows)),
             locale.toString(qint64(rowsOf(verification, QLatin1String("customers")))),
             locale.toString(qint64(rowsOf(verification, QLatin1String("licenses")))),
             locale.toString(qint64(rowsOf(verification, QLatin1String("usage_events")))),
             locale.toString(qint64(rowsOf(verification, QLatin1String("invoices")))), source,
             destination, locale.toString(qint64(verification.auditEntries)),
             locale.toString(verification.costReports));
}

QJsonObject copiedJson(const QString& source, const QString& destination,
                       const CopyVerification& verification) {
    QJsonObject tables;
    for (const TableRows& table : verification.tables)
        tables.insert(table.table, double(table.rows));
    return {{QStringLiteral("source"), source},
            {QStringLiteral("destination"), destination},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("audit_entries"), double(verification.auditEntries)},
            {QStringLiteral("cost_reports"), verification.costReports},
            {QStringLiteral("verified"), true}};
}

class CopyWorkspace final : public Command {
public:
    CopyWorkspace() : Command(QStringLiteral("workspace copy")) { ownOptions_ = {to_}; }

private:
    const QCommandLineOption to_{
        QStringLiteral("to"),
        QStringLiteral("Where the copy goes: a new workspace file, or the postgresql:// URI of an "
                       "empty database."),
        QStringLiteral("DEST")};

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(destination, call.requiredValue(to_, QStringLiteral("--to DEST")), fail);
        AICP_CLI_TRY(source, call.workspace(), failure);
        std::optional<ProgressLine> progress;
        if (ProgressLine::wanted())
            progress.emplace(call.err());
        // Ctrl-C stops the copy between batches, which removes what it
        // made at the destination, rather than leaving half a workspace.
        Interruption interruption;
        WorkspaceCopyOptions options;
        options.stop = interruption.token();
        options.progress = [&progress, &interruption](const WorkspaceCopyProgress& state) {
            interruption.stopIfAsked();
            if (!progress)
                return;
            const QLocale& locale = cliLocale();
            progress->show(QStringLiteral("Copying … %1 of %2 rows")
                               .arg(locale.toString(qint64(state.rowsCopied)),
                                    locale.toString(qint64(state.rowsTotal))));
        };
        auto verified = copyAndVerifyWorkspace(**source, *destination, options);
        if (progress)
            progress->clear();
        if (!verified && verified.error().code() == Error::Code::Cancelled)
            return call.failure(QStringLiteral("the copy was stopped; nothing was left at %1")
                                    .arg(Workspace::shownLocation(*destination)));
        if (!verified)
            return call.failure(verified.error());
        const QString from = Workspace::shownLocation((*source)->path());
        const QString to = Workspace::shownLocation(*destination);
        return call.print(copiedJson(from, to, *verified), copiedText(from, to, *verified));
    }
};

}  // namespace

const Command& workspaceCopyCommand() {
    static const CopyWorkspace command;
    return command;
}

}  // namespace aicp::cli
