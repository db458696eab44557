#include "storage/bulkwriter.h"

#include "storage/postgrescopyin.h"
#include "storage/postgresdatabase.h"

namespace aicp {

namespace {

std::string columnList(const std::vector<BulkWriter::Column>& columns) {
    std::string list;
    for (const BulkWriter::Column& column : columns) {
        if (!list.empty())
            list += ", ";
        list += column.name;
    }
    return list;
}

// The statement that writes one row (?1 … ?N) or, on PostgreSQL, a batch
// from the staging table.
std::string insertSql(std::string_view table, const std::vector<BulkWriter::Column>& columns,
                      std::string_view conflict, bool fromStaging) {
    std::string sql = "INSERT INTO " + std::string(table) + " AS t (" + columnList(columns) + ") ";
    if (fromStaging) {
        sql += "SELECT " + columnList(columns) + " FROM aicp_bulk_" + std::string(table);
    } else {
        sql += "VALUES (";
        for (std::size_t i = 1; i <= columns.size(); ++i)
            sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
        sql += ")";
    }
    return sql + " " + std::string(conflict);
}

std::string stagingSql(std::string_view table, const std::vector<BulkWriter::Column>& columns) {
    std::string sql = "CREATE TEMP TABLE IF NOT EXISTS aicp_bulk_" + std::string(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += i > 0 ? ", " : "";
        sql += columns[i].name;
        sql += columns[i].type == BulkWriter::Type::Text ? " text" : " bigint";
    }
    return sql + ") ON COMMIT DELETE ROWS; TRUNCATE aicp_bulk_" + std::string(table);
}

}  // namespace

Result<BulkWriter> BulkWriter::create(Database* db, std::string_view table,
                                      std::vector<Column> columns, std::string_view conflict) {
    auto* postgres = dynamic_cast<PostgresDatabase*>(db);
    auto insert = Statement::prepare(db, insertSql(table, columns, conflict, postgres != nullptr),
                                     Statement::Lifetime::Reused);
    if (!insert)
        return insert.error();
    BulkWriter writer(db, columns.size(), std::move(insert).value());
    writer.postgres_ = postgres;
    if (postgres) {
        writer.staging_ = stagingSql(table, columns);
        writer.copy_ =
            "COPY aicp_bulk_" + std::string(table) + " (" + columnList(columns) + ") FROM STDIN";
        writer.copyStraight_ =
            "COPY " + std::string(table) + " (" + columnList(columns) + ") FROM STDIN";
    }
    return writer;
}

BulkWriter::BulkWriter(Database* db, std::size_t columns, Statement insert)
    : db_(db), columns_(columns), insert_(std::move(insert)), row_(columns) {}

Status BulkWriter::bindUtf8View(int column, std::string_view value) {
    if (!held())
        return insert_.bindUtf8View(column, value);
    QByteArray& field = row_[std::size_t(column - 1)];
    field.clear();
    appendCopyText(field, QByteArrayView(value.data(), qsizetype(value.size())));
    return {};
}

Status BulkWriter::bindInt64(int column, std::int64_t value) {
    if (!held())
        return insert_.bindInt64(column, value);
    row_[std::size_t(column - 1)] = QByteArray::number(qlonglong(value));
    return {};
}

Status BulkWriter::addRow() {
    if (!held())
        return insert_.execute();
    for (std::size_t i = 0; i < columns_; ++i) {
        rows_ += row_[i];
        rows_ += i + 1 < columns_ ? '\t' : '\n';
    }
    if (++heldRows_ >= kBatchRows)
        return finish();
    return {};
}

Status BulkWriter::finish() {
    if (!held() || heldRows_ == 0)
        return {};
    if (straight_) {
        auto straight = copyInUnlessDuplicate(*postgres_, copyStraight_, rows_);
        if (!straight)
            return straight.error();
        straight_ = *straight;
        if (straight_) {
            rows_.clear();
            heldRows_ = 0;
            return {};
        }
    }
    AICP_TRY(executeScript(db_, staging_));
    AICP_TRY(copyIn(*postgres_, copy_, rows_));
    rows_.clear();
    heldRows_ = 0;
    return insert_.execute();
}

}  // namespace aicp
