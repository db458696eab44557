// Rows from memory through aicp_rows (storage/rowsource.h): every value
// arrives as given (empty texts are empty, not NULL), a failing row fails
// the whole statement, and the function is usable from our statements only.
#include "storage/query.h"
#include "storage/rowsource.h"
#include "storage/sqlitedatabase.h"
#include "storage/statement.h"

#include <string>
#include <vector>

#include <QTest>

#include <sqlite3.h>

using namespace aicp;

namespace {

// Rows of (number, text).
class Pairs final : public RowSource {
public:
    explicit Pairs(std::vector<std::pair<std::int64_t, std::string>> rows)
        : rows_(std::move(rows)) {}
    [[nodiscard]] std::size_t rowCount() const override { return rows_.size(); }
    [[nodiscard]] bool isText(int column) const override { return column == 1; }
    [[nodiscard]] std::int64_t number(std::size_t row, int) const override {
        return rows_[row].first;
    }
    [[nodiscard]] std::string_view text(std::size_t row, int) const override {
        return rows_[row].second;
    }

private:
    std::vector<std::pair<std::int64_t, std::string>> rows_;
};

constexpr const char* kInsert = "INSERT INTO t (n, s) SELECT c0, c1 FROM aicp_rows(?1)";

}  // namespace

class TestRowSource : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SqliteDatabase> database_;
    Database* db_ = nullptr;

private slots:
    void init() {
        sqlite3* handle = nullptr;
        const int rc = sqlite3_open(":memory:", &handle);
        database_ = std::make_unique<SqliteDatabase>(handle);
        QCOMPARE(rc, SQLITE_OK);
        db_ = database_.get();
        QVERIFY(executeScript(db_, "CREATE TABLE t (n INTEGER UNIQUE, s TEXT NOT NULL)").ok());
    }
    void cleanup() { database_.reset(); }

    void everyRowArrivesInOrderWithItsValues() {
        const Pairs rows({{3, "three"}, {-1, ""}, {std::int64_t(1) << 62, std::string("a\0b", 3)}});
        QVERIFY(insertRows(db_, kInsert, rows).ok());
        QCOMPARE(queryInt64(db_, "SELECT count(*) FROM t").value(), 3);
        const auto numbers =
            queryRows<std::int64_t>(db_, "SELECT n FROM t ORDER BY rowid",
                                    [](const Statement& row) { return row.int64(0); });
        QVERIFY(numbers);
        QCOMPARE(*numbers, (std::vector<std::int64_t>{3, -1, std::int64_t(1) << 62}));
        QCOMPARE(queryInt64(db_, "SELECT length(s) FROM t WHERE n = -1").value(), 0);
        QCOMPARE(queryInt64Or(db_, "SELECT length(CAST(s AS BLOB)) FROM t WHERE n = ?1", -1,
                              std::int64_t(1) << 62)
                     .value(),
                 3);
        QCOMPARE(queryInt64(db_, "SELECT count(*) FROM t WHERE s IS NULL").value(), 0);
        // No rows: nothing happens.
        QVERIFY(insertRows(db_, kInsert, Pairs({})).ok());
    }

    void aRowThatBreaksAConstraintFailsTheStatementWhole() {
        QVERIFY(insertRows(db_, kInsert, Pairs({{1, "one"}})).ok());
        const Status failed = insertRows(db_, kInsert, Pairs({{2, "two"}, {1, "again"}}));
        QVERIFY(!failed.ok());
        QCOMPARE(queryInt64(db_, "SELECT count(*) FROM t").value(), 1);
    }

    void onlyOurStatementsCanReadIt() {
        // Without rows to read there is no plan at all ...
        QVERIFY(!Statement::prepare(db_, "SELECT * FROM aicp_rows").ok());
        // ... a NULL or a text is no row source ...
        auto query = Statement::prepare(db_, "SELECT count(*) FROM aicp_rows('x')");
        QVERIFY(query);
        QCOMPARE(query->step().value(), true);
        QCOMPARE(query->int64(0), 0);
        // ... and no view may use it.
        QVERIFY(executeScript(db_, "CREATE VIEW v AS SELECT * FROM aicp_rows(NULL)").ok());
        QVERIFY(!Statement::prepare(db_, "SELECT count(*) FROM v").ok());
    }
};

QTEST_GUILESS_MAIN(TestRowSource)
#include "tst_rowsource.moc"
