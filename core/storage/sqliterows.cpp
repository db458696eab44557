#include "storage/sqliterows.h"

#include "storage/rowsource.h"
#include "storage/sqlitedatabase.h"

#include <string>

#include <sqlite3.h>

namespace aicp {

namespace {

// aicp_rows(?1) is an eponymous virtual table (it needs no CREATE VIRTUAL
// TABLE) whose hidden column `rows` takes a RowSource through SQLite's
// pointer passing (sqlite3_bind_pointer): a pointer of this type can come
// from C++ only, never from SQL text.
constexpr const char* kPointerType = "aicp_row_source";
constexpr int kRowsColumn = kRowSourceColumns;  // the hidden argument

struct RowsCursor {
    sqlite3_vtab_cursor base{};  // first: SQLite casts between the two
    const RowSource* rows = nullptr;
    std::size_t row = 0;
};

int rowsConnect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** table, char**) {
    std::string schema = "CREATE TABLE x(";
    for (int column = 0; column < kRowSourceColumns; ++column)
        schema += "c" + std::to_string(column) + ", ";
    schema += "rows HIDDEN)";
    int rc = sqlite3_declare_vtab(db, schema.c_str());
    // Not for views, triggers or the schema: from statements of ours only.
    if (rc == SQLITE_OK)
        rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    if (rc != SQLITE_OK)
        return rc;
    *table = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (*table == nullptr)
        return SQLITE_NOMEM;
    **table = sqlite3_vtab{};
    return SQLITE_OK;
}

int rowsDisconnect(sqlite3_vtab* table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

// Only `rows = ?` makes a plan: without it there are no rows to read.
int rowsBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& constraint = info->aConstraint[i];
        if (constraint.iColumn != kRowsColumn || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!constraint.usable)
            return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->idxNum = 1;
        info->estimatedCost = 1;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int rowsOpen(sqlite3_vtab*, sqlite3_vtab_cursor** cursor) {
    auto* made = new (std::nothrow) RowsCursor;
    if (made == nullptr)
        return SQLITE_NOMEM;
    *cursor = &made->base;
    return SQLITE_OK;
}

RowsCursor* rowsCursorOf(sqlite3_vtab_cursor* cursor) {
    return reinterpret_cast<RowsCursor*>(cursor);
}

int rowsClose(sqlite3_vtab_cursor* cursor) {
    delete rowsCursorOf(cursor);
    return SQLITE_OK;
}

int rowsFilter(sqlite3_vtab_cursor* cursor, int idxNum, const char*, int argc,
               sqlite3_value** argv) {
    RowsCursor* rows = rowsCursorOf(cursor);
    rows->rows = idxNum == 1 && argc == 1
                     ? static_cast<const RowSource*>(sqlite3_value_pointer(argv[0], kPointerType))
                     : nullptr;
    rows->row = 0;
    return SQLITE_OK;
}

int rowsNext(sqlite3_vtab_cursor* cursor) {
    ++rowsCursorOf(cursor)->row;
    return SQLITE_OK;
}

int rowsEof(sqlite3_vtab_cursor* cursor) {
    const RowsCursor* rows = rowsCursorOf(cursor);
    return rows->rows == nullptr || rows->row >= rows->rows->rowCount() ? 1 : 0;
}

int rowsColumn(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int column) {
    const RowsCursor* rows = rowsCursorOf(cursor);
    if (column >= kRowsColumn) {
        sqlite3_result_null(context);
    } else if (rows->rows->isText(column)) {
        const std::string_view text = rows->rows->text(rows->row, column);
        sqlite3_result_text64(context, text.empty() ? "" : text.data(), text.size(), SQLITE_STATIC,
                              SQLITE_UTF8);
    } else {
        sqlite3_result_int64(context, rows->rows->number(rows->row, column));
    }
    return SQLITE_OK;
}

int rowsRowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* id) {
    *id = static_cast<sqlite3_int64>(rowsCursorOf(cursor)->row);
    return SQLITE_OK;
}

const sqlite3_module kRowsModule = {
    /* iVersion */ 0,
    /* xCreate: eponymous only */ nullptr,
    rowsConnect,
    rowsBestIndex,
    rowsDisconnect,
    /* xDestroy */ nullptr,
    rowsOpen,
    rowsClose,
    rowsFilter,
    rowsNext,
    rowsEof,
    rowsColumn,
    rowsRowid,
    /* xUpdate .. xShadowName: none */ nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

}  // namespace

int registerRowsFunction(sqlite3* db) {
    return sqlite3_create_module_v2(db, "aicp_rows", &kRowsModule, nullptr, nullptr);
}

Status insertRows(Database* db, std::string_view insertSql, const RowSource& rows) {
    auto* sqlite = dynamic_cast<SqliteDatabase*>(db);
    if (sqlite == nullptr)
        return Error::internal(QStringLiteral("rows from memory need SQLite"));
    if (rows.rowCount() == 0)
        return {};
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(sqlite->handle(), insertSql.data(), int(insertSql.size()),
                                &statement, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_pointer(statement, 1, const_cast<RowSource*>(&rows), kPointerType,
                                  nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(statement);
    const Status done = rc == SQLITE_DONE ? Status() : Status(databaseError(sqlite->handle(), rc));
    sqlite3_finalize(statement);
    return done;
}

}  // namespace aicp
