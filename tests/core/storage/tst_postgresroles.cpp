#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "notify/outbox.h"
#include "notify/webhookdelivery.h"
#include "notify/webhooks.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"
#include "storage/postgresdatabase.h"
#include "storage/postgresroles.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/scratchdatabase.h"
#include "support/tempworkspace.h"
#include "tax/taxrates.h"

#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace aicp;
using aicp::test::ScratchDatabase;

// SPEC section 8's roles as PostgreSQL enforces them: what each login may
// change through aicp and through its own connection (as with psql), what
// a refusal says, and who the audit log names. Skipped on SQLite.
class TestPostgresRoles : public QObject {
    Q_OBJECT

    // A workspace made by the cluster's superuser (its owner) and four
    // logins of this run, dropped at the end with the workspace's groups.
    std::unique_ptr<ScratchDatabase> database_;
    QString suffix_;

    [[nodiscard]] QString login(const char* name) const {
        return QString::fromLatin1(name) + suffix_;
    }
    // The workspace's URI as `name` connects.
    [[nodiscard]] QString as(const char* name) const { return as(database_->uri(), name); }
    [[nodiscard]] QString as(QString uri, const char* name) const {
        return uri.replace(QStringLiteral("://"), QStringLiteral("://%1@").arg(login(name)));
    }
    static SellerProfile seller(const QString& name) {
        SellerProfile profile;
        profile.name = name;
        profile.country = QStringLiteral("IE");
        return profile;
    }
    static void run(const QString& uri, const std::string& sql) {
        auto db = PostgresDatabase::connect(uri);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message()));
        const Status done = (*db)->executeScript(sql);
        QVERIFY2(done.ok(), qPrintable(done.error().message()));
    }
    [[nodiscard]] static std::unique_ptr<Workspace> open(const QString& uri) {
        auto workspace = Workspace::open(uri, Workspace::OpenMode::OpenExisting);
        if (!workspace)
            qWarning("%s", qPrintable(workspace.error().message()));
        return workspace ? std::move(workspace).value() : nullptr;
    }
    [[nodiscard]] static Status addCustomer(Workspace& workspace, const QString& id) {
        return CustomerStore(workspace).add({id, QStringLiteral("Customer"), {}, {}});
    }

private slots:
    void init() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        suffix_ = QStringLiteral("_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        database_ = std::make_unique<ScratchDatabase>();
        QVERIFY2(!database_->uri().isEmpty(), qPrintable(database_->error()));
        QVERIFY(open(database_->uri()) == nullptr);
        auto owner = Workspace::open(database_->uri());
        QVERIFY2(owner, owner ? "" : qPrintable(owner.error().message()));
        QCOMPARE((*owner)->role(), WorkspaceRole::Admin);
        for (const char* name : {"vera", "alma", "fin", "adam"})
            run(test::testPostgres(),
                QStringLiteral("CREATE ROLE %1 LOGIN").arg(login(name)).toStdString());
        Database* db = (*owner)->handle();
        QVERIFY(grantPostgresRole(db, login("vera"), WorkspaceRole::Viewer).ok());
        QVERIFY(grantPostgresRole(db, login("alma"), WorkspaceRole::AccountManager).ok());
        QVERIFY(grantPostgresRole(db, login("fin"), WorkspaceRole::Finance).ok());
        QVERIFY(grantPostgresRole(db, login("adam"), WorkspaceRole::Admin).ok());
    }

    void cleanup() {
        if (!database_)
            return;
        const QString name = QUrl(database_->uri()).path().mid(1);
        database_.reset();
        std::string sql;
        for (const char* role : {"viewer", "account_manager", "finance", "admin"})
            sql += QStringLiteral("DROP ROLE IF EXISTS \"aicp_%1_%2\";")
                       .arg(name, QLatin1String(role))
                       .toStdString();
        for (const char* name2 : {"vera", "alma", "fin", "adam"})
            sql += QStringLiteral("DROP ROLE IF EXISTS %1;").arg(login(name2)).toStdString();
        run(test::testPostgres(), sql);
    }

    void eachLoginHasItsRole() {
        const std::pair<const char*, WorkspaceRole> expected[] = {
            {"vera", WorkspaceRole::Viewer},
            {"alma", WorkspaceRole::AccountManager},
            {"fin", WorkspaceRole::Finance},
            {"adam", WorkspaceRole::Admin}};
        for (const auto& [name, role] : expected) {
            auto workspace = open(as(name));
            QVERIFY(workspace);
            QCOMPARE(workspace->role(), role);
            QCOMPARE(workspace->login(), login(name));
        }
    }

    // Refused by the server, said with the role it needs; nothing written.
    void aViewerReadsButChangesNothing() {
        auto workspace = open(as("vera"));
        QVERIFY(workspace);
        QVERIFY(CustomerStore(*workspace).list());
        const Status refused = addCustomer(*workspace, QStringLiteral("zed"));
        QVERIFY(!refused.ok());
        const QString message = refused.error().message();
        QVERIFY2(message.contains(QStringLiteral("needs the account-manager role")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("aicp workspace grant %1 --role account-manager")
                                      .arg(login("vera"))),
                 qPrintable(message));
        QCOMPARE(CustomerStore(*workspace).list()->size(), std::size_t(0));
    }

    // The same login with its own connection (psql) can do no more.
    void aLoginsOwnConnectionCanDoNoMore() {
        auto viewer = PostgresDatabase::connect(as("vera"));
        QVERIFY(viewer);
        for (const char* sql : {"INSERT INTO customers (id, name, email, created_at) VALUES "
                                "('x', 'X', '', '2026-01-01T00:00:00Z')",
                                "UPDATE meta SET value = 'customer' WHERE key = 'mode'",
                                "INSERT INTO audit_log VALUES (99, '', '', '', '', '', '', '')"})
            QVERIFY2(!(*viewer)->executeScript(sql).ok(), sql);
        auto manager = PostgresDatabase::connect(as("alma"));
        QVERIFY(manager);
        // Row-level security hides the settings rows from its UPDATE.
        QVERIFY((*manager)
                    ->executeScript("UPDATE meta SET value = 'customer' WHERE key = 'mode'")
                    .ok());
        QVERIFY(!(*manager)->executeScript("INSERT INTO meta VALUES ('mode2', 'x')").ok());
        QVERIFY(
            !(*manager)
                 ->executeScript("INSERT INTO price_books (stored_at, document) VALUES ('', '')")
                 .ok());
        QVERIFY(!(*manager)->executeScript("DELETE FROM price_books").ok());
        QVERIFY(!(*manager)->executeScript("DELETE FROM api_tokens").ok());
        auto owner = open(database_->uri());
        QVERIFY(owner);
        QCOMPARE(owner->mode().value(), Workspace::Mode::Vendor);
    }

    void eachRoleChangesItsOwnPart() {
        auto manager = open(as("alma"));
        QVERIFY(manager);
        QVERIFY(addCustomer(*manager, QStringLiteral("acme")).ok());

        auto finance = open(as("fin"));
        QVERIFY(finance);
        const Status customer = addCustomer(*finance, QStringLiteral("globex"));
        QVERIFY(!customer.ok());
        QVERIFY(!setWorkspaceMode(*finance, Workspace::Mode::Customer).ok());

        QVERIFY(AuditLog(*manager).append(QStringLiteral("customer.add"), QStringLiteral("acme")));
        auto entries = AuditLog(*manager).entries();
        QVERIFY(entries);
        QVERIFY(!entries->empty());
        QCOMPARE(entries->back().actor, login("alma"));
        QVERIFY(AuditLog(*finance).verify()->isIntact());
    }

    // Customers' billing profiles are the account manager's; the seller
    // profile is finance's (it is what invoices say), and the admin's.
    void theProfilesBelongToTheirRoles() {
        auto manager = open(as("alma"));
        QVERIFY(manager);
        Customer acme{QStringLiteral("acme"), QStringLiteral("Acme")};
        acme.country = QStringLiteral("GB");
        acme.currency = QStringLiteral("GBP");
        QVERIFY(CustomerStore(*manager).add(acme).ok());
        const Status sellerRefused = SellerStore(*manager).save(seller(QStringLiteral("X")));
        QVERIFY(!sellerRefused.ok());
        QVERIFY2(sellerRefused.error().message().contains(QStringLiteral("needs the finance role")),
                 qPrintable(sellerRefused.error().message()));

        auto finance = open(as("fin"));
        QVERIFY(finance);
        QVERIFY(SellerStore(*finance).save(seller(QStringLiteral("AICP Ltd"))).ok());
        acme.currency = QStringLiteral("EUR");
        const Status customerRefused = CustomerStore(*finance).update(acme);
        QVERIFY(!customerRefused.ok());
        QVERIFY2(customerRefused.error().message().contains(
                     QStringLiteral("needs the account-manager role")),
                 qPrintable(customerRefused.error().message()));
        QCOMPARE(CustomerStore(*finance).find(QStringLiteral("acme"))->currency,
                 QStringLiteral("GBP"));

        auto admin = open(as("adam"));
        QVERIFY(SellerStore(*admin).save(seller(QStringLiteral("AICP Software Ltd"))).ok());
        QVERIFY(CustomerStore(*admin).update(acme).ok());
        auto viewer = open(as("vera"));
        QCOMPARE(SellerStore(*viewer).load()->value().name, QStringLiteral("AICP Software Ltd"));
        QVERIFY(!SellerStore(*viewer).save(seller(QStringLiteral("V"))).ok());
        auto entries = AuditLog(*viewer).entries();
        QCOMPARE(entries->back().action, QStringLiteral("customer.edit"));
        QCOMPARE(entries->back().actor, login("adam"));
    }

    // Prepaid credit is finance's, like invoices: an account manager may
    // not grant it, finance may, and the grant names finance's login.
    void creditsAreFinances() {
        auto manager = open(as("alma"));
        QVERIFY(manager);
        QVERIFY(addCustomer(*manager, QStringLiteral("acme")).ok());
        auto refused = CreditBook(*manager).grant(QStringLiteral("acme"), Money::fromUnits(100),
                                                  Money(), {}, QStringLiteral("goodwill"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("needs the finance role")),
                 qPrintable(refused.error().message()));

        auto finance = open(as("fin"));
        QVERIFY(finance);
        auto granted = CreditBook(*finance).grant(QStringLiteral("acme"), Money::fromUnits(100),
                                                  Money(), {}, QStringLiteral("goodwill"));
        QVERIFY2(granted, granted ? "" : qPrintable(granted.error().message()));
        QCOMPARE(granted->grantedBy, login("fin"));
        auto viewer = open(as("vera"));
        QCOMPARE(CreditBook(*viewer).balance(QStringLiteral("acme"))->balance,
                 Money::fromUnits(100));
    }

    // Every writer's change may tell the webhooks: the outbox is everyone's,
    // like the audit log; the webhooks themselves are the admin's.
    void everyWriterTellsTheWebhooks() {
        auto owner = open(database_->uri());
        QVERIFY(owner);
        QVERIFY(WebhookEndpoints(*owner).add(
            QUrl(QStringLiteral("https://hooks.example.com/")),
            {QStringLiteral("license.issued"), QStringLiteral("invoice.paid")}));
        auto manager = open(as("alma"));
        QVERIFY(manager);
        QVERIFY(!WebhookEndpoints(*manager).add(QUrl(QStringLiteral("https://evil.example/")),
                                                {QStringLiteral("license.issued")}));
        QVERIFY(Outbox(*manager).publish({QStringLiteral("license.issued"), {}, {}}));
        auto finance = open(as("fin"));
        QVERIFY(finance);
        QVERIFY(Outbox(*finance).publish({QStringLiteral("invoice.paid"), {}, {}}));
        QVERIFY(!Outbox(*open(as("vera"))).publish({QStringLiteral("invoice.paid"), {}, {}}));
        QCOMPARE(WebhookDeliveries(*owner).list()->size(), std::size_t(2));
    }

    // The Stripe key moves money: only finance (who pushes invoices) and
    // admins (who configure it) read it; a viewer still sees what was pushed.
    void onlyFinanceAndAdminsReadTheStripeKey() {
        auto owner = open(database_->uri());
        QVERIFY(owner);
        QVERIFY(StripeSettings(*owner).configure("sk_test_0123456789abcdefXYZ"));
        auto finance = open(as("fin"));
        QVERIFY(finance);
        auto key = StripeSettings(*finance).account();
        QVERIFY2(key && *key, key ? "no account" : qPrintable(key.error().message()));
        QVERIFY(!StripeSettings(*finance).configure("sk_test_0123456789abcdefOTHER"));
        QVERIFY(executeWith(finance->handle(),
                            "INSERT INTO stripe_invoices (invoice_number, stripe_id, status, "
                            "pushed_at) VALUES ('AICP-2026-000009', 'in_X1', 'open', "
                            "'2026-12-01T00:00:00Z')")
                    .ok());
        for (const char* login : {"alma", "vera"}) {
            auto other = open(as(login));
            QVERIFY(other);
            QVERIFY2(!StripeSettings(*other).account(), login);
            QVERIFY(StripeBilling::links(*other));
        }
    }

    // Every table but the audit log and the webhook outbox (everyone
    // appends) and the schema version (the owner's) is some role's part.
    void everyTableBelongsToAnArea() {
        auto owner = Workspace::open(database_->uri());
        QVERIFY(owner);
        auto tables = queryRows<QString>(
            (*owner)->handle(),
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'aicp' "
            "AND table_type = 'BASE TABLE' AND table_name NOT IN ('aicp_schema', 'audit_log', "
            "'webhook_messages', 'webhook_deliveries') "
            "ORDER BY table_name",
            [](const Statement& row) { return row.text(0); });
        QVERIFY(tables);
        QVERIFY(tables->size() > 20);
        for (const QString& table : *tables)
            QVERIFY2(areaOfTable(table).has_value(), qPrintable(table));
    }

    void taxRatesAreFinances() {
        auto manager = open(as("alma"));
        QVERIFY(manager);
        auto refused = TaxRateStore(*manager).add(QStringLiteral("GB"), {}, QStringLiteral("VAT"),
                                                  Percent::fromWhole(20), {2017, 1, 1});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("needs the finance role")),
                 qPrintable(refused.error().message()));
        auto finance = open(as("fin"));
        QVERIFY(finance);
        auto added = TaxRateStore(*finance).add(QStringLiteral("GB"), {}, QStringLiteral("VAT"),
                                                Percent::fromWhole(20), {2017, 1, 1});
        QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
        QCOMPARE(added->addedBy, login("fin"));
    }

    // A workspace of schema 9 whose roles were granted: only its owner
    // upgrades it, and the upgrade gives the roles the new table.
    void theOwnerUpgradesAndTheRolesGetTheNewTable() {
        auto old = std::make_unique<ScratchDatabase>();
        QVERIFY2(!old->uri().isEmpty(), qPrintable(old->error()));
        const QString oldName = QUrl(old->uri()).path().mid(1);
        QVERIFY(test::writeOldPostgresWorkspace(
                    old->uri(), 9,
                    "INSERT INTO customers (id, name, email, created_at) VALUES "
                    "('acme', 'Acme', '', '2026-02-01T00:00:00Z')")
                    .ok());
        {
            auto raw = PostgresDatabase::connect(old->uri());
            QVERIFY(raw);
            QVERIFY(grantPostgresRole(raw->get(), login("vera"), WorkspaceRole::Viewer).ok());
            QVERIFY(grantPostgresRole(raw->get(), login("fin"), WorkspaceRole::Finance).ok());
        }
        auto early = Workspace::open(as(old->uri(), "fin"), Workspace::OpenMode::OpenExisting);
        QVERIFY(!early);
        QVERIFY2(early.error().message().contains(
                     QStringLiteral("has schema 9 and this aicp needs %1; the workspace's owner "
                                    "upgrades it")
                         .arg(Workspace::kSchemaVersion)),
                 qPrintable(early.error().message()));

        auto owner = open(old->uri());
        QVERIFY(owner);
        QCOMPARE(owner->schemaVersion(), Workspace::kSchemaVersion);
        owner.reset();
        auto finance = open(as(old->uri(), "fin"));
        QVERIFY(finance);
        QVERIFY(SellerStore(*finance).save(seller(QStringLiteral("AICP Ltd"))).ok());
        finance.reset();
        auto viewer = open(as(old->uri(), "vera"));
        QVERIFY(viewer);
        QCOMPARE(SellerStore(*viewer).load()->value().name, QStringLiteral("AICP Ltd"));
        QCOMPARE(CustomerStore(*viewer).find(QStringLiteral("acme"))->currency,
                 QStringLiteral("USD"));
        viewer.reset();

        old.reset();
        std::string sql;
        for (const char* role : {"viewer", "account_manager", "finance", "admin"})
            sql += QStringLiteral("DROP ROLE IF EXISTS \"aicp_%1_%2\";")
                       .arg(oldName, QLatin1String(role))
                       .toStdString();
        run(test::testPostgres(), sql);
    }

    // An admin who is not the owner grants the other roles, and revoking
    // leaves the login outside.
    void anAdminGrantsAndRevokes() {
        auto admin = open(as("adam"));
        QVERIFY(admin);
        QVERIFY(grantPostgresRole(admin->handle(), login("vera"), WorkspaceRole::Finance).ok());
        QCOMPARE(open(as("vera"))->role(), WorkspaceRole::Finance);
        QVERIFY(revokePostgresRoles(admin->handle(), login("vera")).ok());
        auto outside = Workspace::open(as("vera"), Workspace::OpenMode::OpenExisting);
        QVERIFY(!outside);
        QVERIFY2(outside.error().message().contains(QStringLiteral("has no role")),
                 qPrintable(outside.error().message()));
        const Status unknown = grantPostgresRole(admin->handle(), QStringLiteral("nobody_here"),
                                                 WorkspaceRole::Viewer);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestPostgresRoles)
#include "tst_postgresroles.moc"
