#include "storage/sqlitedatabase.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QTest>

#include <sqlite3.h>

using aicp::Statement;
using aicp::Transaction;

class TestTransaction : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<aicp::SqliteDatabase> database_;
    aicp::Database* db_ = nullptr;

    std::int64_t rows() {
        auto query = Statement::prepare(db_, "SELECT count(*) FROM t");
        return query && query->step().value() ? query->int64(0) : -1;
    }
    void insert(int value) {
        auto statement = Statement::prepare(db_, "INSERT INTO t (x) VALUES (?1)");
        QVERIFY(statement);
        QVERIFY(statement->bindAll(value).ok());
        QVERIFY(statement->execute().ok());
    }

private slots:
    void init() {
        sqlite3* handle = nullptr;
        const int rc = sqlite3_open(":memory:", &handle);
        database_ = std::make_unique<aicp::SqliteDatabase>(handle);
        QCOMPARE(rc, SQLITE_OK);
        db_ = database_.get();
        QVERIFY(aicp::executeScript(db_, "CREATE TABLE t (x INTEGER UNIQUE)").ok());
    }
    void cleanup() { database_.reset(); }

    void commitKeepsTheWork() {
        auto transaction = Transaction::begin(db_);
        QVERIFY(transaction);
        insert(1);
        QVERIFY(transaction->commit().ok());
        QCOMPARE(rows(), 1);
        QVERIFY(!transaction->commit().ok());  // twice is a bug, reported
    }

    void leavingScopeRollsBack() {
        {
            auto transaction = Transaction::begin(db_);
            QVERIFY(transaction);
            insert(1);
        }
        QCOMPARE(rows(), 0);
        QVERIFY(!db_->inTransaction());
    }

    void nestedRollbackUndoesOnlyTheInnerWork() {
        auto outer = Transaction::begin(db_);
        QVERIFY(outer);
        insert(1);
        {
            auto inner = Transaction::begin(db_);
            QVERIFY(inner && inner->isNested());
            insert(2);
            QVERIFY(inner->rollback().ok());
        }
        {
            auto inner = Transaction::begin(db_);
            insert(3);
            QVERIFY(inner->commit().ok());
        }
        QVERIFY(outer->commit().ok());
        auto query =
            Statement::prepare(db_, "SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)");
        QVERIFY(query && query->step().value());
        QCOMPARE(query->text(0), QStringLiteral("1,3"));
    }

    void failedStatementReportsSqlitesReason() {
        insert(7);
        auto statement = Statement::prepare(db_, "INSERT INTO t (x) VALUES (7)");
        QVERIFY(statement);
        const aicp::Status status = statement->execute();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), aicp::Error::Code::Database);
        QVERIFY2(status.error().message().contains(QStringLiteral("UNIQUE")),
                 qPrintable(status.error().message()));
        // The failed statement was reset and can run again with new values.
        QVERIFY(Statement::prepare(db_, "SELECT 1").value().step().value());
    }

    void prepareRefusesTwoStatements() {
        auto statement = Statement::prepare(db_, "SELECT 1; SELECT 2");
        QVERIFY(!statement);
        QCOMPARE(statement.error().code(), aicp::Error::Code::Internal);
        QVERIFY(!Statement::prepare(db_, "  -- nothing\n"));
    }

    void bindsEveryType() {
        QVERIFY(aicp::executeScript(db_, "CREATE TABLE v (i, s, b, n, d)").ok());
        auto insert = Statement::prepare(db_, "INSERT INTO v VALUES (?1, ?2, ?3, ?4, ?5)");
        QVERIFY(insert);
        const QDateTime when(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
        QVERIFY(insert
                    ->bindAll(std::int64_t{9'000'000'000'000'000'000}, QStringLiteral("é ü"),
                              QByteArray("\0\1", 2), std::optional<int>(), when)
                    .ok());
        QVERIFY(insert->execute().ok());
        auto read = Statement::prepare(db_, "SELECT i, s, b, n, d, typeof(d) FROM v");
        QVERIFY(read && read->step().value());
        QCOMPARE(read->int64(0), std::int64_t{9'000'000'000'000'000'000});
        QCOMPARE(read->text(1), QStringLiteral("é ü"));
        QCOMPARE(read->blob(2), QByteArray("\0\1", 2));
        QVERIFY(read->isNull(3));
        QCOMPARE(read->time(4), when);
        QCOMPARE(read->text(4), QStringLiteral("2026-01-05T09:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
