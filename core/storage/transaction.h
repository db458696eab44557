#pragma once

#include "common/result.h"

namespace aicp {

class Database;

// One unit of work on a workspace: everything done while it is alive is
// committed together by commit(), or rolled back when it goes out of scope
// uncommitted (an early return on error). Transactions nest: an inner one is
// a savepoint of the outer, so a service can call another service that opens
// its own transaction.
class Transaction {
public:
    // The outermost transaction takes the workspace's write lock at once, so
    // a writer waits for another at the start rather than failing half-way
    // through.
    [[nodiscard]] static Result<Transaction> begin(Database* db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    [[nodiscard]] Status commit();
    // Undoes the work now instead of at the end of the scope.
    [[nodiscard]] Status rollback();

    [[nodiscard]] bool isNested() const { return nested_; }

private:
    Transaction(Database* db, bool nested) : db_(db), nested_(nested) {}

    Database* db_ = nullptr;
    bool nested_ = false;
};

}  // namespace aicp
