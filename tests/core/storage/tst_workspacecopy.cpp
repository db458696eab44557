#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "billing/verifiedcopy.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "demo/demoworkspace.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenserequest.h"
#include "notify/outbox.h"
#include "notify/webhooks.h"
#include "storage/postgresdatabase.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "storage/workspacecopy.h"
#include "support/fakeclock.h"
#include "support/scratchdatabase.h"
#include "support/why.h"

#include <algorithm>
#include <stop_token>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;
using aicp::test::fixedClock;
using aicp::test::onPostgres;
using aicp::test::ScratchDatabase;
using aicp::test::utcAt;
using aicp::test::why;

namespace {

// Every table of schema 14, written out by hand.
const char* const kTables[] = {"meta",
                               "price_books",
                               "customers",
                               "seller",
                               "signing_keys",
                               "licenses",
                               "revocations",
                               "activations",
                               "revocation_lists",
                               "audit_log",
                               "usage_imports",
                               "usage_events",
                               "usage_hourly",
                               "usage_hourly_policy_packs",
                               "usage_hourly_compliance_modules",
                               "usage_monthly_users",
                               "usage_monthly_agents",
                               "closed_periods",
                               "invoices",
                               "credit_notes",
                               "invoice_lines",
                               "credit_grants",
                               "credit_uses",
                               "invoice_payments",
                               "credit_note_lines",
                               "tax_rates",
                               "api_tokens",
                               "usage_pull_sources",
                               "openmeter_sources",
                               "openmeter_windows",
                               "live_sources",
                               "webhook_endpoints",
                               "webhook_messages",
                               "webhook_deliveries",
                               "stripe_account",
                               "stripe_objects",
                               "stripe_invoices"};

// A table's rows as bytes (hex per column, NULL apart), sorted here: the two
// engines sort text differently.
QStringList dump(Workspace& workspace, const char* table) {
    QStringList rows;
    const Status read = visitRows(
        workspace.handle(), std::string("SELECT * FROM ") + table,
        [&rows](const Statement& row) -> Status {
            QStringList values;
            for (int column = 0; column < row.columnCount(); ++column)
                values << (row.isNull(column) ? QStringLiteral("NULL")
                                              : QString::fromLatin1(row.blob(column).toHex()));
            rows << values.join(u'|');
            return {};
        });
    if (!read.ok())
        rows << QStringLiteral("error: ") + read.error().message();
    rows.sort();
    return rows;
}

std::unique_ptr<Workspace> openExisting(const QString& location) {
    auto opened = Workspace::open(location, Workspace::OpenMode::OpenExisting);
    if (!opened)
        qFatal("open %s: %s", qPrintable(location), qPrintable(opened.error().message()));
    return std::move(opened).value();
}

// What the demo lacks: invoices (one credited and issued again), a credit
// note, a token with bytes that are not text, pull sources, text beyond ASCII
// with the characters COPY's text format escapes.
void addExtras(Workspace& workspace) {
    // $10.00 of credit, used by the invoice that is credited and then again
    // by the one issued after it: a copy brings both uses.
    QVERIFY(CreditBook(workspace, fixedClock("2026-12-01T00:00:00Z"))
                .grant(QStringLiteral("globex"), Money::fromUnits(10), Money(), {},
                       QStringLiteral("goodwill")));
    InvoiceBook book(workspace, fixedClock("2026-12-05T10:00:00Z"));
    QVERIFY2(book.issue(QStringLiteral("globex"), {2026, 10}), "globex");
    QVERIFY(book.credit(QStringLiteral("AICP-2026-000001"), QStringLiteral("wrong seats")));
    QVERIFY(book.issue(QStringLiteral("globex"), {2026, 10}));
    QVERIFY(book.issue(QStringLiteral("stark-analytics"), {2026, 10}));
    Database* db = workspace.handle();
    QByteArray digest(32, '\0');
    for (int i = 0; i < digest.size(); ++i)
        digest[i] = char(255 - i * 7);
    QVERIFY(executeWith(db,
                        "INSERT INTO api_tokens (name, role, token_sha256, created_at) VALUES "
                        "(?1, 'ingest', ?2, '2026-11-01T00:00:00Z')",
                        QStringLiteral("gateway"), digest)
                .ok());
    QVERIFY(executeWith(db,
                        "INSERT INTO customers (id, name, email, created_at) VALUES ('zoe', ?1, "
                        "'', '2026-11-02T00:00:00Z')",
                        QStringLiteral("Zoë “Ünïcode” ✓ 🚀 back\\slash\ttab\r\nline"))
                .ok());
    // Two machines of a license: one active, one that lapsed.
    QVERIFY(
        executeWith(db,
                    "INSERT INTO activations (id, license_id, fingerprint, hostname, mode, "
                    "heartbeat_seconds, lease_seconds, activated_at, activated_by, last_heartbeat, "
                    "expires_at, released_at, released_by, release_reason) SELECT "
                    "'5b0c2f7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', id, 'sha256:gw1', 'gw-1\tedge', "
                    "'floating', 600, 1200, '2026-11-20T08:00:00Z', 'ops', '2026-11-20T08:10:00Z', "
                    "'2026-11-20T08:30:00Z', NULL, NULL, NULL FROM licenses ORDER BY id LIMIT 1")
            .ok());
    QVERIFY(executeWith(
                db,
                "INSERT INTO activations (id, license_id, fingerprint, hostname, mode, "
                "heartbeat_seconds, lease_seconds, activated_at, activated_by, last_heartbeat, "
                "expires_at, released_at, released_by, release_reason) SELECT "
                "'6c1d3a8f-2e3b-4d4c-8f9a-1b2c3d4e5f60', id, 'sha256:gw2', '', 'node-locked', 600, "
                "0, '2026-11-19T08:00:00Z', 'ops', '2026-11-19T08:00:00Z', "
                "'2026-11-21T08:00:00Z', '2026-11-21T08:00:00Z', 'aicp', 'lapsed' FROM licenses "
                "ORDER BY id LIMIT 1")
                .ok());
    // A webhook, a message it was delivered and one told once, pending.
    auto endpoint = WebhookEndpoints(workspace, fixedClock("2026-12-01T00:00:00Z"))
                        .add(QUrl(QStringLiteral("https://hooks.example.com/aicp?a=1&b=\\")),
                             {QStringLiteral("usage.threshold"), QStringLiteral("invoice.paid")});
    QVERIFY2(endpoint, why(endpoint));
    Outbox outbox(workspace, fixedClock("2026-12-02T00:00:00Z"));
    QVERIFY(outbox.publish({QStringLiteral("invoice.paid"),
                            {{QStringLiteral("number"), QStringLiteral("AICP-2026-000002")}},
                            {}}));
    QVERIFY(outbox.publish({QStringLiteral("usage.threshold"),
                            {{QStringLiteral("note"), QStringLiteral("tab\tand\nnewline")}},
                            QStringLiteral("globex:requests:80:2026-12")}));
    QVERIFY(executeWith(db,
                        "UPDATE webhook_deliveries SET state = 'delivered', attempts = 2, "
                        "next_attempt_at = NULL, last_attempt_at = '2026-12-02T00:00:05Z', "
                        "last_status = 204, delivered_at = '2026-12-02T00:00:05Z' "
                        "WHERE id = (SELECT min(id) FROM webhook_deliveries)")
                .ok());
    // A billing profile and the seller, with text COPY escapes.
    Customer zed{QStringLiteral("zed"), QStringLiteral("Zed"), QStringLiteral("ap@zed.example")};
    zed.legalName = QStringLiteral("Zed Größenwahn GmbH");
    zed.address = QStringLiteral("Straße 1\\2\n10115 Berlin Mitte");
    zed.country = QStringLiteral("DE");
    zed.taxId = QStringLiteral("DE 123.456.789");
    zed.currency = QStringLiteral("EUR");
    zed.paymentTermsDays = 14;
    zed.taxExempt = true;
    QVERIFY(CustomerStore(workspace).add(zed).ok());
    SellerProfile seller;
    seller.name = QStringLiteral("AICP Software Ltd");
    seller.address = QStringLiteral("2 Grand Canal Quay\nDublin D02 A342");
    seller.country = QStringLiteral("IE");
    seller.taxId = QStringLiteral("IE6388047V");
    seller.paymentInstructions = QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D");
    seller.footer = QStringLiteral("Registered in Ireland — no. 123456");
    QVERIFY(SellerStore(workspace).save(seller).ok());
    QVERIFY(executeScript(db,
                          "INSERT INTO usage_pull_sources VALUES ('https://a.example/export', "
                          "'c42', '2026-11-03T00:00:00Z', 42);"
                          "INSERT INTO openmeter_sources VALUES ('https://m.example', 7200, "
                          "'2026-11-03T00:00:00Z');"
                          "INSERT INTO openmeter_windows VALUES ('https://m.example', 'requests', "
                          "'globex', 3600, '', 'reqs', 5, 5, '2026-11-03T00:00:00Z');"
                          "INSERT INTO live_sources (name, kind, url, token, openmeter_mapping, "
                          "interval_minutes, created_at) VALUES ('meter', 'openmeter', "
                          "'https://m.example', '', '{}', 5, '2026-11-03T00:00:00Z');"
                          // What a push to Stripe left: an invoice part way, one paid.
                          "INSERT INTO stripe_account VALUES (1, 'sk_test_0123456789abcdef', "
                          "'https://api.stripe.com', '2026-11-03T00:00:00Z', 'ann');"
                          "INSERT INTO stripe_objects VALUES ('customer', 'zed', 'cus_Zed1', "
                          "'2026-11-03T00:00:00Z'), ('invoice_item', 'AICP-2026-000002/tax', "
                          "'ii_Tax1', '2026-11-03T00:00:01Z');"
                          "INSERT INTO stripe_invoices VALUES ('AICP-2026-000001', 'in_A1', "
                          "'paid', 'ZED-0001', 'https://invoice.stripe.com/i/x', 12345, "
                          "'2026-11-04T10:00:00Z', '2026-11-03T00:00:00Z', "
                          "'2026-11-05T00:00:00Z'), ('AICP-2026-000002', 'in_A2', 'draft', "
                          "NULL, NULL, NULL, NULL, '2026-11-03T00:00:00Z', NULL)")
                .ok());
}

}  // namespace

// `aicp workspace copy` in the core: a workspace copied whole between the
// engines (SPEC 8), every row the same, a copy that keeps working, and
// nothing left behind by a refusal or a stop.
class TestWorkspaceCopy : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demo_;

    QString freshSource() {
        const QString path = dir_.filePath(QStringLiteral("source-%1.aicp").arg(++made_));
        if (!QFile::copy(demo_, path))
            qFatal("cannot copy the demo workspace");
        return path;
    }
    int made_ = 0;

    // A destination: a new file here, or a new database on the test cluster.
    QString destination(std::unique_ptr<ScratchDatabase>& database, const QString& file) {
        if (!onPostgres())
            return dir_.filePath(file);
        database = std::make_unique<ScratchDatabase>();
        return database->uri();
    }

    static void compareEveryTable(Workspace& source, Workspace& copy) {
        for (const char* table : kTables) {
            const QStringList expected = dump(source, table);
            QVERIFY2(expected.isEmpty() || !expected.front().startsWith(QStringLiteral("error")),
                     qPrintable(expected.value(0)));
            QCOMPARE(dump(copy, table), expected);
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        demo_ = dir_.filePath(QStringLiteral("demo.aicp"));
        QVERIFY(createDemoWorkspace(demo_, utcAt("2026-11-25T00:00:00Z")).ok());
        auto workspace = openExisting(demo_);
        addExtras(*workspace);
    }

    void theDemoCopiesToPostgresAndBackRowForRow() {
        auto source = openExisting(freshSource());
        std::unique_ptr<ScratchDatabase> database;
        const QString middle = destination(database, QStringLiteral("middle.aicp"));
        QVERIFY(!middle.isEmpty());
        auto there = copyAndVerifyWorkspace(*source, middle);
        QVERIFY2(there, why(there));
        QCOMPARE(there->tables.size(), std::size(kTables));
        // By hand: the demo's three months (Sept to Nov 2026) and the months
        // its licenses were issued in, and the extras' invoices.
        QVERIFY(there->costReports >= 3);
        QVERIFY(there->auditEntries > 10);
        const auto rows = [&](const char* table) {
            return std::find_if(there->tables.begin(), there->tables.end(),
                                [table](auto& t) { return t.table == QLatin1String(table); })
                ->rows;
        };
        QCOMPARE(rows("invoices"), 3);
        QCOMPARE(rows("credit_notes"), 1);
        QCOMPARE(rows("credit_grants"), 1);
        QCOMPARE(rows("credit_uses"), 2);
        QCOMPARE(rows("api_tokens"), 1);
        QCOMPARE(rows("live_sources"), 1);
        QCOMPARE(rows("seller"), 1);
        QVERIFY(rows("usage_events") > 1000);
        QVERIFY(rows("revocations") >= 1);

        auto copy = openExisting(middle);
        QCOMPARE(copy->isOnServer(), onPostgres());
        QCOMPARE(copy->id(), source->id());
        compareEveryTable(*source, *copy);

        const QString back = dir_.filePath(QStringLiteral("back.aicp"));
        auto returned = copyAndVerifyWorkspace(*copy, back);
        QVERIFY2(returned, why(returned));
        auto again = openExisting(back);
        compareEveryTable(*source, *again);
        // The profiles read back as they were written, both ways.
        for (Workspace* workspace : {copy.get(), again.get()}) {
            auto zed = CustomerStore(*workspace).find(QStringLiteral("zed"));
            QVERIFY2(zed, why(zed));
            QCOMPARE(zed->address, QStringLiteral("Straße 1\\2\n10115 Berlin Mitte"));
            QCOMPARE(zed->taxId, QStringLiteral("DE123456789"));
            QCOMPARE(zed->paymentTermsDays, 14);
            QCOMPARE(zed->taxExempt, true);
            QCOMPARE(SellerStore(*workspace).load()->value(), SellerStore(*source).load()->value());
        }
    }

    void theCopyKeepsNumberingWithoutGapsOrClashes() {
        auto source = openExisting(freshSource());
        std::unique_ptr<ScratchDatabase> database;
        const QString to = destination(database, QStringLiteral("keeps.aicp"));
        QVERIFY2(copyAndVerifyWorkspace(*source, to), "copy");
        auto copy = openExisting(to);

        auto invoice = InvoiceBook(*copy, fixedClock("2026-12-05T10:00:00Z"))
                           .issue(QStringLiteral("stark-analytics"), {2026, 11});
        QVERIFY2(invoice, why(invoice));
        QCOMPARE(invoice->number, QStringLiteral("AICP-2026-000004"));
        QCOMPARE(queryInt64(copy->handle(), "SELECT max(id) FROM invoices").value(), 4);

        LicenseRequest request;
        request.customerId = QStringLiteral("zoe");
        request.customerName = QStringLiteral("Zoë");
        request.tier = QStringLiteral("starter");
        request.expiresAt = utcAt("2027-12-01T00:00:00Z");
        auto license = LicenseRegistry(*copy, fixedClock("2026-12-05T11:00:00Z"))
                           .issue(request, "demo-passphrase");
        QVERIFY2(license, why(license));

        auto token = insertWith(copy->handle(),
                                "INSERT INTO api_tokens (name, role, token_sha256, created_at) "
                                "VALUES ('second', 'read', ?1, '2026-12-05T00:00:00Z')",
                                QByteArray(32, 'x'));
        QVERIFY2(token, why(token));
        QCOMPARE(*token, 2);
        auto book = copy->storePriceBookDocument(copy->priceBook()->toJson() + ' ');
        QVERIFY2(book, why(book));
        QCOMPARE(queryInt64(copy->handle(), "SELECT count(*) FROM price_books").value(),
                 queryInt64(source->handle(), "SELECT count(*) FROM price_books").value() + 1);

        auto chain = AuditLog(*copy).verify();
        QVERIFY(chain && chain->isIntact());
    }

    void aDestinationThatHoldsAnythingIsRefusedUntouched() {
        auto source = openExisting(freshSource());
        const QString taken = dir_.filePath(QStringLiteral("taken.aicp"));
        QVERIFY(QFile::copy(demo_, taken));
        const QByteArray before = [&] {
            QFile file(taken);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        auto refused = copyWorkspace(*source, taken);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QVERIFY2(refused.error().message().contains(QStringLiteral("exists already")),
                 why(refused));
        QFile file(taken);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);

        auto itself = copyWorkspace(*source, source->path());
        QVERIFY(!itself);
        QVERIFY2(itself.error().message().contains(QStringLiteral("the workspace being copied")),
                 why(itself));
    }

    void aDatabaseWithAWorkspaceOrAwayIsRefused() {
        if (!onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        auto source = openExisting(freshSource());
        ScratchDatabase occupied;
        {
            auto other = Workspace::open(occupied.uri());
            QVERIFY(other);
        }
        auto refused = copyWorkspace(*source, occupied.uri());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QVERIFY2(refused.error().message().contains(QStringLiteral("holds a workspace already")),
                 why(refused));
        auto still = openExisting(occupied.uri());
        QCOMPARE(queryInt64(still->handle(), "SELECT count(*) FROM customers").value(), 0);

        auto away = copyWorkspace(*source, QStringLiteral("postgresql:///x?host=/nonexistent"));
        QVERIFY(!away);
        QCOMPARE(away.error().code(), Error::Code::Io);
        QVERIFY2(away.error().message().contains(QStringLiteral("cannot connect")), why(away));
    }

    void aConnectionLostMidCopyLeavesTheDatabaseEmpty() {
        if (!onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        auto source = openExisting(freshSource());
        ScratchDatabase database;
        auto admin = PostgresDatabase::connect(database.uri());
        QVERIFY(admin);
        bool cut = false;
        WorkspaceCopyOptions options;
        options.progress = [&](const WorkspaceCopyProgress& progress) {
            if (cut || progress.rowsCopied < 1000)
                return;
            cut = true;
            static_cast<void>(queryInt64(admin->get(),
                                         "SELECT count(pg_terminate_backend(pid)) FROM "
                                         "pg_stat_activity WHERE datname = current_database() AND "
                                         "pid <> pg_backend_pid()"));
        };
        auto lost = copyWorkspace(*source, database.uri(), options);
        QVERIFY(cut);
        QVERIFY(!lost);
        QCOMPARE(lost.error().code(), Error::Code::Io);
        QVERIFY2(lost.error().message().contains(QStringLiteral("connection")), why(lost));
        QCOMPARE(queryInt64(admin->get(),
                            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
                     .value(),
                 0);
    }

    void aStoppedCopyLeavesNothing() {
        auto source = openExisting(freshSource());
        std::unique_ptr<ScratchDatabase> database;
        const QString to = destination(database, QStringLiteral("stopped.aicp"));
        std::stop_source stop;
        WorkspaceCopyOptions options;
        std::int64_t seen = 0;
        options.progress = [&](const WorkspaceCopyProgress& progress) {
            seen = progress.rowsCopied;
            if (progress.rowsCopied > 1000)
                stop.request_stop();
        };
        options.stop = stop.get_token();
        auto stopped = copyWorkspace(*source, to, options);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code(), Error::Code::Cancelled);
        QVERIFY(seen > 1000);
        if (onPostgres()) {
            auto db = PostgresDatabase::connect(to);
            QVERIFY(db);
            QCOMPARE(queryInt64(db->get(),
                                "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                "current_schema()")
                         .value(),
                     0);
        } else {
            QVERIFY(!QFile::exists(to));
            QVERIFY(!QFile::exists(to + QStringLiteral("-wal")));
        }
        const QStringList partial =
            QDir(dir_.path()).entryList({QStringLiteral("*partial*")}, QDir::Files | QDir::Hidden);
        QCOMPARE(partial, QStringList());
        // An empty file given as the destination is left empty.
        const QString empty = dir_.filePath(QStringLiteral("empty.aicp"));
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        stop = std::stop_source();
        options.stop = stop.get_token();
        QVERIFY(!copyWorkspace(*source, empty, options));
        QVERIFY(QFile::exists(empty));
        QCOMPARE(QFileInfo(empty).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceCopy)
#include "tst_workspacecopy.moc"
