#pragma once

#include "common/result.h"
#include "storage/workspacecopy.h"

#include <cstdint>
#include <span>

namespace aicp {

class Database;

// One table of the workspace schema as a copy reads and writes it. The two
// engines have the same tables and columns (postgresschema.cpp, migrations/).
struct CopiedTable {
    const char* name;
    const char* columns;
    // One letter a column: i integer, t text, b bytes.
    const char* kinds;
    const char* order;
    // An integer first column read in pages of rows, for the large tables:
    // PostgreSQL hands a query's rows over whole.
    bool paged = false;
    // An identity column "id" on PostgreSQL, moved past the copied ids.
    bool identity = false;
};

// Every table, in an order the destination's keys and triggers accept.
[[nodiscard]] std::span<const CopiedTable> copiedTables();

// Writes a source's rows to a destination in batches, counting them.
class TableCopier {
public:
    TableCopier(Database* from, Database* to, const WorkspaceCopyOptions& options,
                std::int64_t total)
        : from_(from), to_(to), options_(options), total_(total) {}

    // Copies every table, then moves PostgreSQL's identities past the ids.
    [[nodiscard]] Status copyAll();

private:
    [[nodiscard]] Status copyTable(const CopiedTable& table);
    [[nodiscard]] Status copyPaged(const CopiedTable& table);
    [[nodiscard]] Status copyInvoicesAndCreditNotes();
    [[nodiscard]] Status advance(std::int64_t rows);
    [[nodiscard]] Status advanceIdentities();

    Database* from_;
    Database* to_;
    const WorkspaceCopyOptions& options_;
    std::int64_t total_;
    std::int64_t copied_ = 0;
};

}  // namespace aicp
