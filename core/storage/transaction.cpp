#include "storage/transaction.h"

#include "storage/statement.h"

#include <utility>

#include <QtGlobal>

namespace aicp {

Result<Transaction> Transaction::begin(Database* db) {
    if (!db)
        return Error::internal(QStringLiteral("transaction begun on a closed workspace"));
    const bool nested = db->inTransaction();
    // Nested savepoints share one name: RELEASE and ROLLBACK TO act on the
    // most recent savepoint of that name, which with scoped nesting is always
    // the innermost live one.
    AICP_TRY(nested ? executeScript(db, "SAVEPOINT aicp_nested") : db->beginWriteTransaction());
    return Transaction(db, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), nested_(other.nested_) {}

Transaction::~Transaction() {
    if (!db_)
        return;
    const Status undone = rollback();
    if (!undone.ok())
        qWarning("aicp: could not roll back a workspace transaction: %s",
                 qUtf8Printable(undone.error().message()));
}

Status Transaction::commit() {
    if (!db_)
        return Error::internal(QStringLiteral("transaction committed twice"));
    if (!db_->inTransaction()) {
        // SQLite rolls back by itself after some failures (disk full, I/O
        // error); committing then would pretend the work was saved.
        db_ = nullptr;
        return Error(Error::Code::Database,
                     QStringLiteral("the transaction was rolled back after an earlier error"));
    }
    AICP_TRY(executeScript(db_, nested_ ? "RELEASE aicp_nested" : "COMMIT"));
    db_ = nullptr;
    return {};
}

Status Transaction::rollback() {
    if (!db_)
        return {};
    Database* db = std::exchange(db_, nullptr);
    if (!db->inTransaction())
        return {};  // the engine already rolled everything back
    if (!nested_)
        return executeScript(db, "ROLLBACK");
    // ROLLBACK TO undoes the work but keeps the savepoint open; RELEASE ends it.
    AICP_TRY(executeScript(db, "ROLLBACK TO aicp_nested"));
    return executeScript(db, "RELEASE aicp_nested");
}

}  // namespace aicp
