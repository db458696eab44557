#include "storage/bulkwriter.h"

#include "storage/postgrescopyin.h"
#include "storage/postgresdatabase.h"
#include "storage/rowsource.h"

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

// The statement that writes a batch: on PostgreSQL from the staging table,
// on SQLite from the held rows. "WHERE true" keeps SQLite from reading the
// ON of ON CONFLICT as a join's.
std::string insertSql(std::string_view table, const std::vector<BulkWriter::Column>& columns,
                      std::string_view conflict, bool fromStaging) {
    std::string sql = "INSERT INTO " + std::string(table) + " AS t (" + columnList(columns) + ") ";
    if (fromStaging) {
        sql += "SELECT " + columnList(columns) + " FROM aicp_bulk_" + std::string(table);
    } else {
        sql += "SELECT ";
        for (std::size_t i = 0; i < columns.size(); ++i)
            sql += (i > 0 ? ", c" : "c") + std::to_string(i);
        sql += " FROM aicp_rows(?1) WHERE true";
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

// The rows held on SQLite, row after row: each value a number or a text in
// one arena.
class BulkWriter::HeldRows final : public RowSource {
public:
    explicit HeldRows(const std::vector<Column>& columns) {
        for (const Column& column : columns)
            text_.push_back(column.type == Type::Text);
    }

    void set(int column, std::int64_t number) { row_[std::size_t(column)] = {number, 0}; }
    void set(int column, std::string_view text) {
        row_[std::size_t(column)] = {std::int64_t(arena_.size()), text.size()};
        arena_.append(text);
    }
    void addRow() { values_.insert(values_.end(), row_.begin(), row_.end()); }
    void clear() {
        values_.clear();
        arena_.clear();
    }
    void startRows() { row_.assign(text_.size(), {}); }

    [[nodiscard]] std::size_t rowCount() const override {
        return text_.empty() ? 0 : values_.size() / text_.size();
    }
    [[nodiscard]] bool isText(int column) const override { return text_[std::size_t(column)]; }
    [[nodiscard]] std::int64_t number(std::size_t row, int column) const override {
        return at(row, column).value;
    }
    [[nodiscard]] std::string_view text(std::size_t row, int column) const override {
        const Value& value = at(row, column);
        return std::string_view(arena_).substr(std::size_t(value.value), value.size);
    }

private:
    struct Value {
        std::int64_t value = 0;  // the number, or the text's place in the arena
        std::size_t size = 0;    // the text's
    };
    [[nodiscard]] const Value& at(std::size_t row, int column) const {
        return values_[row * text_.size() + std::size_t(column)];
    }

    std::vector<bool> text_;
    std::vector<Value> row_;
    std::vector<Value> values_;
    std::string arena_;
};

Result<BulkWriter> BulkWriter::create(Database* db, std::string_view table,
                                      std::vector<Column> columns, std::string_view conflict) {
    auto* postgres = dynamic_cast<PostgresDatabase*>(db);
    const std::string sql = insertSql(table, columns, conflict, postgres != nullptr);
    // Prepared on SQLite too, so that a mistake shows now; run by insertRows.
    auto insert = Statement::prepare(db, sql, Statement::Lifetime::Reused);
    if (!insert)
        return insert.error();
    BulkWriter writer(db, columns.size(), std::move(insert).value());
    writer.postgres_ = postgres;
    if (!postgres) {
        writer.insertHeld_ = sql;
        writer.sqliteRows_ = std::make_shared<HeldRows>(columns);
        writer.sqliteRows_->startRows();
    } else {
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
    if (sqliteRows_) {
        sqliteRows_->set(column - 1, value);
        return {};
    }
    QByteArray& field = row_[std::size_t(column - 1)];
    field.clear();
    appendCopyText(field, QByteArrayView(value.data(), qsizetype(value.size())));
    return {};
}

Status BulkWriter::bindInt64(int column, std::int64_t value) {
    if (sqliteRows_) {
        sqliteRows_->set(column - 1, value);
        return {};
    }
    row_[std::size_t(column - 1)] = QByteArray::number(qlonglong(value));
    return {};
}

Status BulkWriter::addRow() {
    if (sqliteRows_) {
        sqliteRows_->addRow();
        return ++heldRows_ >= kBatchRows ? finishInSqlite() : Status();
    }
    for (std::size_t i = 0; i < columns_; ++i) {
        rows_ += row_[i];
        rows_ += i + 1 < columns_ ? '\t' : '\n';
    }
    if (++heldRows_ >= kBatchRows)
        return finish();
    return {};
}

Status BulkWriter::finishInSqlite() {
    const Status inserted = insertRows(db_, insertHeld_, *sqliteRows_);
    sqliteRows_->clear();
    heldRows_ = 0;
    return inserted;
}

Status BulkWriter::finish() {
    if (heldRows_ == 0)
        return {};
    if (sqliteRows_)
        return finishInSqlite();
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
