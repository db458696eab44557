#include "billing/pricebookimport.h"

#include "audit/auditedsettings.h"
#include "billing/monthlybill.h"
#include "billing/monthlybilling.h"
#include "customers/customer.h"
#include "licensing/licenseregistry.h"
#include "storage/query.h"
#include "storage/transaction.h"
#include "storage/workspace.h"

#include <QJsonArray>

namespace aicp {
namespace {

// Refuses an added version that would re-price an invoiced month.
Status checkNothingInvoicedIsRepriced(Workspace& workspace, const PriceBook& incoming,
                                      const PriceBookMerge& merge) {
    for (std::size_t i = 0; i < incoming.versions().size(); ++i) {
        const PriceBookVersion& version = incoming.versions()[i];
        if (!merge.added.contains(version.version))
            continue;
        auto firstDay = firstRepriceableDay(workspace, version.currency);
        if (!firstDay)
            return firstDay.error();
        if (!*firstDay || version.effectiveFrom >= **firstDay)
            continue;
        return Error(Error::Code::Conflict,
                     QStringLiteral("versions[%1].effective_from: version '%2' would take effect "
                                    "on %3, but months up to %4 are invoiced already and the "
                                    "past is never re-priced; give it a date from %5 on")
                         .arg(i)
                         .arg(version.version, version.effectiveFrom.toString(Qt::ISODate),
                              YearMonth::of((*firstDay)->addDays(-1)).toString(),
                              (*firstDay)->toString(Qt::ISODate)));
    }
    return {};
}

// The bills of the month each added version takes effect in, before and after.
Result<std::vector<PriceBookImpact>> impactOf(Workspace& workspace, const PriceBook& current,
                                              const PriceBookMerge& merge) {
    std::vector<PriceBookImpact> impact;
    if (merge.added.isEmpty())
        return impact;
    auto licenses = LicenseRegistry(workspace).list();
    if (!licenses)
        return licenses.error();
    auto customers = CustomerStore(workspace).list();
    if (!customers)
        return customers.error();
    const MonthlyBilling before(workspace, current);
    const MonthlyBilling after(workspace, merge.book);
    for (const QString& name : merge.added) {
        const PriceBookVersion& version = *merge.book.find(name);
        // In force as bills see it: from not_before to expires_at, grace not
        // included, on the first second of the day.
        const QDateTime start(version.effectiveFrom, QTime(0, 0), Qt::UTC);
        QStringList licensed;
        for (const Customer& customer : *customers) {
            if (!licenseCoverage(*licenses, customer.id, start, start.addSecs(1)).empty())
                licensed.append(customer.id);
        }
        if (licensed.isEmpty())
            continue;
        const YearMonth month = YearMonth::of(version.effectiveFrom);
        auto was = before.bills(month, licensed);
        if (!was)
            return was.error();
        auto becomes = after.bills(month, licensed);
        if (!becomes)
            return becomes.error();
        for (std::size_t i = 0; i < was->size(); ++i) {
            const MonthlyBill& old = (*was)[i];
            impact.push_back({name, old.customerId, old.customerName, month, (*becomes)[i].currency,
                              old.net, (*becomes)[i].net});
        }
    }
    return impact;
}

QJsonObject auditDetails(const PriceBookMerge& merge) {
    return {{QStringLiteral("added"), QJsonArray::fromStringList(merge.added)},
            {QStringLiteral("held"), QJsonArray::fromStringList(merge.held)}};
}

}  // namespace

Result<std::optional<QDate>> firstRepriceableDay(Workspace& workspace, const QString& currency) {
    auto last = queryFirstRow<QString>(
        workspace.handle(), "SELECT max(month) FROM invoices WHERE currency = ?1",
        [](const Statement& row) { return row.text(0); }, currency);
    if (!last)
        return last.error();
    if (!*last || (*last)->isEmpty())
        return std::optional<QDate>();
    const auto month = YearMonth::parse(**last);
    if (!month)
        return Error(
            Error::Code::Corrupt,
            QStringLiteral("stored invoice data is damaged: '%1' is no month").arg(**last));
    return std::optional<QDate>(month->firstDay().addMonths(1));
}

Result<PriceBookImport> importPriceBook(Workspace& workspace, const PriceBook& incoming,
                                        PriceBookImportMode mode) {
    // Read and written under the write lock, so an invoice issued meanwhile
    // cannot slip between the check and the store.
    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    auto current = workspace.priceBook();
    if (!current)
        return current.error();
    auto merge = current->merged(incoming);
    if (!merge)
        return merge.error();
    AICP_TRY(checkNothingInvoicedIsRepriced(workspace, incoming, *merge));
    PriceBookImport result;
    auto impact = impactOf(workspace, *current, *merge);
    if (!impact)
        return impact.error();
    result.impact = std::move(impact).value();
    if (mode == PriceBookImportMode::Store && !merge->added.isEmpty()) {
        AICP_TRY(storePriceBook(workspace, merge->book, QStringLiteral("pricebook.import"),
                                auditDetails(*merge)));
        result.stored = true;
    }
    AICP_TRY(transaction->commit());
    result.merge = std::move(merge).value();
    return result;
}

}  // namespace aicp
