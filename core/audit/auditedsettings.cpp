#include "audit/auditedsettings.h"

#include "audit/auditlog.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace aicp {

Status setWorkspaceMode(Workspace& workspace, Workspace::Mode mode) {
    auto current = workspace.mode();
    if (!current)
        return current.error();
    if (*current == mode)
        return {};
    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    AICP_TRY(workspace.storeMode(mode));
    const QString word =
        mode == Workspace::Mode::Vendor ? QStringLiteral("vendor") : QStringLiteral("customer");
    auto logged = AuditLog(workspace).append(QStringLiteral("workspace.mode"), word);
    if (!logged)
        return logged.error();
    return transaction->commit();
}

Status storePriceBook(Workspace& workspace, const PriceBook& book, const QString& action,
                      QJsonObject details) {
    const QByteArray document = book.toJson();
    // Parsing our own output proves the stored document can be read back:
    // an empty or inconsistent book is refused here, not at the next start.
    auto reread = PriceBook::fromJson(document);
    if (!reread)
        return reread.error();

    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    auto stored = workspace.storePriceBookDocument(document);
    if (!stored)
        return stored.error();
    if (*stored) {
        QJsonArray versions;
        for (const PriceBookVersion& version : book.versions())
            versions.append(version.version);
        const QByteArray digest =
            QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex();
        details.insert(QStringLiteral("versions"), versions);
        details.insert(QStringLiteral("sha256"), QString::fromLatin1(digest));
        auto logged = AuditLog(workspace).append(action, book.latest().version, details);
        if (!logged)
            return logged.error();
    }
    return transaction->commit();
}

}  // namespace aicp
