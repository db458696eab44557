#include "billing/verifiedcopy.h"

#include "audit/auditlog.h"
#include "billing/costreport.h"
#include "common/englishcount.h"
#include "metering/yearmonth.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <optional>
#include <utility>

#include <QDateTime>

namespace aicp {

namespace {

// More months than any workspace bills; a range wider is damage.
constexpr std::int64_t kMostMonths = 1200;

Error differs(const QString& what) {
    return Error(Error::Code::Corrupt,
                 QStringLiteral("the copy differs from its source: %1").arg(what));
}

using MonthRange = std::optional<std::pair<YearMonth, YearMonth>>;

void widen(MonthRange& range, YearMonth month) {
    if (!range)
        range.emplace(month, month);
    range->first = std::min(range->first, month);
    range->second = std::max(range->second, month);
}

// The months something was billed, licensed or used in, first to last.
Result<MonthRange> activeMonths(Workspace& workspace) {
    MonthRange range;
    AICP_TRY(visitRows(
        workspace.handle(),
        "SELECT min(m), max(m) FROM (SELECT month AS m FROM invoices UNION ALL SELECT "
        "substr(issued_at, 1, 7) FROM licenses UNION ALL SELECT month FROM closed_periods) AS "
        "months",
        [&range](const Statement& row) -> Status {
            for (int column : {0, 1})
                if (auto month = YearMonth::parse(row.text(column)))
                    widen(range, *month);
            return {};
        }));
    AICP_TRY(visitRows(
        workspace.handle(), "SELECT min(hour), max(hour) FROM usage_hourly",
        [&range](const Statement& row) -> Status {
            for (int column : {0, 1})
                if (!row.isNull(column))
                    widen(range,
                          YearMonth::of(
                              QDateTime::fromSecsSinceEpoch(row.int64(column), Qt::UTC).date()));
            return {};
        }));
    return range;
}

Status compareRows(Workspace& source, Workspace& copy, CopyVerification& verification) {
    auto from = countWorkspaceRows(source);
    if (!from)
        return from.error();
    auto to = countWorkspaceRows(copy);
    if (!to)
        return to.error();
    for (std::size_t i = 0; i < from->size() && i < to->size(); ++i)
        if ((*from)[i] != (*to)[i])
            return differs(QStringLiteral("%1 holds %2 rows, the source %3")
                               .arg((*to)[i].table, englishCount((*to)[i].rows),
                                    englishCount((*from)[i].rows)));
    verification.tables = std::move(from).value();
    return {};
}

Status checkAuditChain(Workspace& copy, CopyVerification& verification) {
    auto chain = AuditLog(copy).verify();
    if (!chain)
        return chain.error();
    if (!chain->isIntact())
        return differs(QStringLiteral("its audit chain is broken (%1)").arg(chain->reason));
    verification.auditEntries = chain->entriesChecked;
    return {};
}

// Both renderings of one month's report, or the words of its refusal: a
// month neither side can report is still a month they agree on.
QByteArray renderedReport(Workspace& workspace, YearMonth month) {
    auto report = costReportFor(workspace, month);
    if (!report)
        return "refused: " + report.error().message().toUtf8();
    return costReportCsv(*report) + costReportJson(*report);
}

Status compareReports(Workspace& source, Workspace& copy, CopyVerification& verification) {
    auto range = activeMonths(source);
    if (!range)
        return range.error();
    if (!*range)
        return {};
    const auto [first, last] = **range;
    if (last.index() - first.index() >= kMostMonths)
        return Error(Error::Code::Corrupt,
                     QStringLiteral("the workspace spans the months %1 to %2, too many to compare")
                         .arg(first.toString(), last.toString()));
    for (YearMonth month = first; month <= last; month = month.next()) {
        if (renderedReport(source, month) != renderedReport(copy, month))
            return differs(
                QStringLiteral("the cost report of %1 is not the same").arg(month.toString()));
        ++verification.costReports;
    }
    return {};
}

}  // namespace

Result<CopyVerification> verifyWorkspaceCopy(Workspace& source, Workspace& copy) {
    if (source.id() != copy.id() || source.createdAt() != copy.createdAt())
        return differs(QStringLiteral("it is another workspace (its id or creation time)"));
    CopyVerification verification;
    AICP_TRY(compareRows(source, copy, verification));
    AICP_TRY(checkAuditChain(copy, verification));
    AICP_TRY(compareReports(source, copy, verification));
    return verification;
}

Result<CopyVerification> copyAndVerifyWorkspace(Workspace& source, const QString& destination,
                                                const WorkspaceCopyOptions& options) {
    // Nothing is written to the source: the transaction only keeps writers
    // out until the copy has been checked.
    auto holding = Transaction::begin(source.handle());
    if (!holding)
        return holding.error();
    auto copied = copyWorkspace(source, destination, options);
    if (!copied)
        return copied.error();
    auto copy = Workspace::open(destination, Workspace::OpenMode::OpenExisting);
    if (!copy)
        return copy.error();
    auto verified = verifyWorkspaceCopy(source, **copy);
    if (!verified)
        return verified.error().withContext(
            QStringLiteral("copy to '%1'").arg(Workspace::shownLocation(destination)));
    return verified;
}

}  // namespace aicp
