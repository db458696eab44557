// The upgrade to schema 10 (billing profiles) from schema 9, on the kind of
// storage the tests run on: a SQLite file by SQLite's migration, a
// PostgreSQL database by its schema step; customers keep their rows and read
// with the default profile, and the new fields and the seller work at once.
#include "company/seller.h"
#include "customers/customer.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/scratchdatabase.h"
#include "support/tempworkspace.h"

#include <memory>

#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

constexpr const char* kOldCustomers = R"sql(
    INSERT INTO customers (id, name, email, created_at) VALUES
        ('acme', 'Acme', 'billing@acme.example', '2026-02-01T08:00:00Z'),
        ('globex', 'Globex', '', '2026-02-02T08:00:00Z');
)sql";

}  // namespace

class TestCustomerMigration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<test::ScratchDatabase> database_;

    // A schema-9 workspace with two customers, at its location.
    QString oldWorkspace() {
        if (!test::onPostgres()) {
            const QString path = dir_.filePath(QStringLiteral("v9-%1.aicp").arg(++made_));
            const Status written = test::writeOldWorkspace(path, 9, kOldCustomers);
            if (!written.ok())
                qFatal("%s", qPrintable(written.error().message()));
            return path;
        }
        database_ = std::make_unique<test::ScratchDatabase>();
        if (database_->uri().isEmpty())
            qFatal("%s", qPrintable(database_->error()));
        const Status written = test::writeOldPostgresWorkspace(database_->uri(), 9, kOldCustomers);
        if (!written.ok())
            qFatal("%s", qPrintable(written.error().message()));
        return database_->uri();
    }
    int made_ = 0;

    static std::unique_ptr<Workspace> open(const QString& location) {
        auto workspace = Workspace::open(location, Workspace::OpenMode::OpenExisting);
        if (!workspace)
            qFatal("%s", qPrintable(workspace.error().message()));
        return std::move(workspace).value();
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void customersKeepTheirRowsWithTheDefaultProfile() {
        const QString location = oldWorkspace();
        auto workspace = open(location);
        QCOMPARE(workspace->schemaVersion(), Workspace::kSchemaVersion);
        auto customers = CustomerStore(*workspace).list();
        QVERIFY(customers);
        QCOMPARE(customers->size(), std::size_t(2));
        const Customer& acme = customers->at(0);
        QCOMPARE(acme.id, QStringLiteral("acme"));
        QCOMPARE(acme.email, QStringLiteral("billing@acme.example"));
        QCOMPARE(acme.createdAt, QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(acme.currency, QStringLiteral("USD"));
        QCOMPARE(acme.paymentTermsDays, 30);
        QCOMPARE(acme.taxExempt, false);
        QCOMPARE(acme.legalName, QString());
        QCOMPARE(acme.country, QString());

        // The new fields and the seller work in the upgraded workspace.
        Customer edited = acme;
        edited.country = QStringLiteral("DE");
        edited.taxId = QStringLiteral("DE123456789");
        edited.currency = QStringLiteral("EUR");
        QVERIFY(CustomerStore(*workspace).update(edited).ok());
        SellerProfile seller;
        seller.name = QStringLiteral("AICP Software Ltd");
        seller.country = QStringLiteral("IE");
        QVERIFY(SellerStore(*workspace).save(seller).ok());

        // Opened again, it is at 10 already and keeps what was written.
        workspace.reset();
        auto again = open(location);
        QCOMPARE(again->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(CustomerStore(*again).find(QStringLiteral("acme"))->currency,
                 QStringLiteral("EUR"));
        QCOMPARE(SellerStore(*again).load()->value().country, QStringLiteral("IE"));
    }

    void theUpgradedSchemaChecksTheNewColumns() {
        auto workspace = open(oldWorkspace());
        Database* db = workspace->handle();
        QVERIFY(!executeScript(db, "UPDATE customers SET country = 'de' WHERE id = 'acme'").ok());
        QVERIFY(!executeScript(db, "UPDATE customers SET payment_terms_days = 400").ok());
        QVERIFY(!executeScript(db, "UPDATE customers SET currency = 'EURO'").ok());
        QVERIFY(!executeScript(db, "UPDATE customers SET tax_id = 'de 1'").ok());
        QVERIFY(executeScript(db, "UPDATE customers SET country = 'DE' WHERE id = 'acme'").ok());
        QVERIFY(!executeScript(db,
                               "INSERT INTO seller (id, name, updated_at) VALUES "
                               "(1, ' ', '2026-01-01T00:00:00Z')")
                     .ok());
    }

    void theNewTableTellsListenersOnPostgres() {
        if (!test::onPostgres())
            QSKIP("PostgreSQL only: LISTEN/NOTIFY");
        auto workspace = open(oldWorkspace());
        QCOMPARE(queryInt64(workspace->handle(),
                            "SELECT count(*) FROM pg_trigger WHERE tgname = 'seller_notifies'")
                     .value(),
                 1);
    }

    void aNewWorkspaceHasTheSameColumns() {
        test::TempWorkspace fresh;
        QVERIFY2(fresh.ok(), qPrintable(fresh.error()));
        QCOMPARE(fresh->schemaVersion(), Workspace::kSchemaVersion);
        auto upgraded = open(oldWorkspace());
        const auto columns = [](Workspace& workspace, const char* table) {
            const std::string sql =
                workspace.isOnServer()
                    ? std::string(
                          "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                          "FROM information_schema.columns WHERE table_schema = 'aicp' "
                          "AND table_name = '") +
                          table + "'"
                    : std::string("SELECT group_concat(name, ',') FROM pragma_table_info('") +
                          table + "')";
            return queryFirstRow<QString>(workspace.handle(), sql,
                                          [](const Statement& row) { return row.text(0); })
                .value()
                .value_or(QString());
        };
        for (const char* table : {"customers", "seller"})
            QCOMPARE(columns(*upgraded, table), columns(*fresh, table));
        QVERIFY(columns(*fresh, "customers")
                    .endsWith(QStringLiteral(
                        "legal_name,address,country,tax_id,currency,payment_terms_days,"
                        "tax_exempt,region")));
    }
};

QTEST_GUILESS_MAIN(TestCustomerMigration)
#include "tst_customermigration.moc"
