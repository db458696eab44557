#include "support/clirunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace aicp::clitest;

namespace {

// Why `workspace create` refuses a place that has a workspace: a file that
// is there, or a database that holds one; each says what to give instead.
QString alreadyThere() {
    return aicp::test::onPostgres()
               ? QStringLiteral("holds a workspace already; give an empty database")
               : QStringLiteral("exists already; give a new file name");
}

// What a command that needs a workspace says where there is none: a missing
// file, or a database without one, the same words but for the location.
void verifyNoWorkspace(const CliRun& result) {
    verifyOneErrorLine(result, 1,
                       QStringLiteral("; give --db FILE (or set AICP_DB), or start one with "
                                      "'aicp workspace create'\n"));
    QVERIFY2(result.err.contains(QStringLiteral(": there is no workspace at ")),
             qPrintable(result.err));
}

}  // namespace

// `aicp workspace create|info` and `aicp customer add|edit|show|list`, run as
// a script runs them, on real SQLite workspaces in a temporary folder, or on
// PostgreSQL databases of their own when the tests run there (onPostgres()).
class TestWorkspaceCli : public QObject {
    Q_OBJECT

private:
    // customer show --json of the customer aCustomerHasABillingProfile adds.
    static QJsonObject zedAsAdded() {
        return {{QStringLiteral("id"), QStringLiteral("zed")},
                {QStringLiteral("name"), QStringLiteral("Zed")},
                {QStringLiteral("legal_name"), QStringLiteral("Zed Größenwahn GmbH")},
                {QStringLiteral("email"), QStringLiteral("ap@zed.example")},
                {QStringLiteral("address"), QStringLiteral("Hauptstraße 1\n10115 Berlin")},
                {QStringLiteral("country"), QStringLiteral("DE")},
                {QStringLiteral("region"), QString()},
                {QStringLiteral("tax_id"), QStringLiteral("DE123456789")},
                {QStringLiteral("currency"), QStringLiteral("EUR")},
                {QStringLiteral("payment_terms_days"), 14},
                {QStringLiteral("tax_exempt"), true}};
    }

    CliSandbox sandbox_;

    CliRun run(const QStringList& arguments) const {
        return sandbox_.run(arguments, sandbox_.environment());
    }
    // `aicp --db <the workspace called name> …`
    CliRun on(const QString& name, const QStringList& arguments) const {
        return run(QStringList{QStringLiteral("--db"), sandbox_.workspace(name)} + arguments);
    }
    [[nodiscard]] bool holdsWorkspace(const QString& name) const {
        return sandbox_.holdsWorkspace(sandbox_.workspace(name));
    }
    [[nodiscard]] QByteArray contentOf(const QString& name) const {
        return sandbox_.contentOf(sandbox_.workspace(name));
    }
    CliRun created(const QString& name, const QStringList& extra = {}) const {
        return on(name, QStringList{QStringLiteral("workspace"), QStringLiteral("create")} + extra);
    }

private slots:
    void initTestCase() { QVERIFY(sandbox_.isReady()); }

    void createMakesAVendorWorkspaceThatInfoDescribes() {
        const CliRun made = created(QStringLiteral("vendor.aicp"));
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(made.out.startsWith(QStringLiteral("Created the vendor workspace ")),
                 qPrintable(made.out));
        QVERIFY(holdsWorkspace(QStringLiteral("vendor.aicp")));

        const CliRun info =
            on(QStringLiteral("vendor.aicp"),
               {QStringLiteral("workspace"), QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject json = parseObject(info.out);
        const QStringList keys{QStringLiteral("created_at"),
                               QStringLiteral("customers"),
                               QStringLiteral("events"),
                               QStringLiteral("invoices"),
                               QStringLiteral("kind"),
                               QStringLiteral("licenses"),
                               QStringLiteral("mode"),
                               QStringLiteral("path"),
                               QStringLiteral("price_book_version"),
                               QStringLiteral("role"),
                               QStringLiteral("schema_version"),
                               QStringLiteral("workspace_id")};
        QCOMPARE(json.keys(), keys);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), aicp::test::onPostgres()
                                                                    ? QStringLiteral("postgresql")
                                                                    : QStringLiteral("sqlite"));
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("vendor"));
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), 15);
        QCOMPARE(json.value(QStringLiteral("customers")).toInt(-1), 0);
        QCOMPARE(json.value(QStringLiteral("licenses")).toInt(-1), 0);
        QCOMPARE(json.value(QStringLiteral("invoices")).toInt(-1), 0);
        QCOMPARE(json.value(QStringLiteral("events")).toInt(-1), 0);
        QCOMPARE(json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(json.value(QStringLiteral("workspace_id")).toString().size(), 36);

        const CliRun text = on(QStringLiteral("vendor.aicp"),
                               {QStringLiteral("workspace"), QStringLiteral("info")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("Mode:        vendor\n")));
        QVERIFY(text.out.contains(QStringLiteral("Customers:   0\n")));
    }

    void createWithCustomerModeMakesACustomerWorkspace() {
        QCOMPARE(created(QStringLiteral("customer.aicp"),
                         {QStringLiteral("--mode"), QStringLiteral("customer")})
                     .exitCode,
                 0);
        const CliRun info =
            on(QStringLiteral("customer.aicp"),
               {QStringLiteral("workspace"), QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(parseObject(info.out).value(QStringLiteral("mode")).toString(),
                 QStringLiteral("customer"));
        // A customer workspace verifies; it cannot have a signing key.
        const CliRun keys =
            on(QStringLiteral("customer.aicp"), {QStringLiteral("keys"), QStringLiteral("list")});
        QCOMPARE(keys.exitCode, 0);
    }

    void createRefusesAnUnknownModeAndWritesNothing() {
        verifyOneErrorLine(created(QStringLiteral("odd.aicp"),
                                   {QStringLiteral("--mode"), QStringLiteral("reseller")}),
                           2, QStringLiteral("--mode must be vendor or customer (got 'reseller')"));
        QVERIFY(!holdsWorkspace(QStringLiteral("odd.aicp")));
    }

    void createRefusesAnExistingFileAndLeavesItAlone() {
        QCOMPARE(created(QStringLiteral("twice.aicp")).exitCode, 0);
        QCOMPARE(on(QStringLiteral("twice.aicp"),
                    {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("acme"),
                     QStringLiteral("--name"), QStringLiteral("Acme")})
                     .exitCode,
                 0);
        const QByteArray before = contentOf(QStringLiteral("twice.aicp"));
        QVERIFY(!before.isEmpty());
        verifyOneErrorLine(created(QStringLiteral("twice.aicp")), 1, alreadyThere());
        QCOMPARE(contentOf(QStringLiteral("twice.aicp")), before);
        const CliRun list =
            on(QStringLiteral("twice.aicp"), {QStringLiteral("customer"), QStringLiteral("list")});
        QVERIFY(list.out.contains(QStringLiteral("acme")));
    }

    void tokensWorkOnANewWorkspaceWithoutASigningKey() {
        QCOMPARE(created(QStringLiteral("service.aicp")).exitCode, 0);
        const CliRun token =
            on(QStringLiteral("service.aicp"),
               {QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--role"),
                QStringLiteral("ingest"), QStringLiteral("--name"), QStringLiteral("gateway")});
        QCOMPARE(token.exitCode, 0);
        QVERIFY2(token.out.startsWith(QStringLiteral("aicp_")), qPrintable(token.out));
        const CliRun keys =
            on(QStringLiteral("service.aicp"),
               {QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(parseObject(keys.out).value(QStringLiteral("keys")).toArray().size(), 0);
    }

    void tokensOnAMissingWorkspacePointToWorkspaceCreate() {
        verifyNoWorkspace(
            on(QStringLiteral("missing.aicp"), {QStringLiteral("tokens"), QStringLiteral("create"),
                                                QStringLiteral("--role"), QStringLiteral("read")}));
        QVERIFY(!holdsWorkspace(QStringLiteral("missing.aicp")));
    }

    void customersAreAddedEditedShownAndListed() {
        const QString db = QStringLiteral("customers.aicp");
        QCOMPARE(created(db).exitCode, 0);
        const CliRun added =
            on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("globex"),
                    QStringLiteral("--name"), QStringLiteral("Globex"), QStringLiteral("--email"),
                    QStringLiteral("billing@globex.example")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out, QStringLiteral("Added customer globex.\n"));
        QCOMPARE(on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("acme"),
                         QStringLiteral("--name"), QStringLiteral("Acme Corp")})
                     .exitCode,
                 0);
        const CliRun edited =
            on(db, {QStringLiteral("customer"), QStringLiteral("edit"), QStringLiteral("acme"),
                    QStringLiteral("--email"), QStringLiteral("ops@acme.example")});
        QCOMPARE(edited.exitCode, 0);

        const CliRun shown = on(db, {QStringLiteral("customer"), QStringLiteral("show"),
                                     QStringLiteral("acme"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject acme = parseObject(shown.out);
        QCOMPARE(acme.keys(),
                 (QStringList{QStringLiteral("address"), QStringLiteral("country"),
                              QStringLiteral("created_at"), QStringLiteral("currency"),
                              QStringLiteral("email"), QStringLiteral("id"),
                              QStringLiteral("legal_name"), QStringLiteral("name"),
                              QStringLiteral("payment_terms_days"), QStringLiteral("region"),
                              QStringLiteral("tax_exempt"), QStringLiteral("tax_id")}));
        // The edit changed the email and kept the name.
        QCOMPARE(acme.value(QStringLiteral("name")).toString(), QStringLiteral("Acme Corp"));
        QCOMPARE(acme.value(QStringLiteral("email")).toString(),
                 QStringLiteral("ops@acme.example"));

        const CliRun listed =
            on(db, {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray customers =
            parseObject(listed.out).value(QStringLiteral("customers")).toArray();
        QCOMPARE(customers.size(), 2);
        // By name: Acme Corp before Globex.
        QCOMPARE(customers.at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("acme"));
        QCOMPARE(customers.at(1).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("globex"));

        const CliRun text = on(db, {QStringLiteral("customer"), QStringLiteral("list")});
        QCOMPARE(text.outLines().size(), 3);
        QVERIFY(text.outLines().at(2).startsWith(QStringLiteral("globex  Globex")));
        QCOMPARE(parseObject(on(db, {QStringLiteral("workspace"), QStringLiteral("info"),
                                     QStringLiteral("--json")})
                                 .out)
                     .value(QStringLiteral("customers"))
                     .toInt(),
                 2);
    }

    void customerMistakesAreRefusedAndChangeNothing() {
        const QString db = QStringLiteral("mistakes.aicp");
        QCOMPARE(created(db).exitCode, 0);
        QCOMPARE(on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("acme"),
                         QStringLiteral("--name"), QStringLiteral("Acme")})
                     .exitCode,
                 0);
        // A duplicate id is the workspace's state: exit 1, the first stays.
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("acme"),
                    QStringLiteral("--name"), QStringLiteral("Other")}),
            1, QStringLiteral("there is already a customer 'acme'"));
        const CliRun shown = on(db, {QStringLiteral("customer"), QStringLiteral("show"),
                                     QStringLiteral("acme"), QStringLiteral("--json")});
        QCOMPARE(parseObject(shown.out).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme"));
        // An unknown id is never created by edit, nor found by show.
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("edit"), QStringLiteral("nobody"),
                    QStringLiteral("--name"), QStringLiteral("N")}),
            2, QStringLiteral("there is no customer 'nobody'"));
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("nobody")}),
            2, QStringLiteral("there is no customer 'nobody'"));
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("Bad_Id"),
                    QStringLiteral("--name"), QStringLiteral("B")}),
            2, QStringLiteral("'Bad_Id' is not valid"));
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("nameless")}),
            2, QStringLiteral("give --name NAME"));
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("mailer"),
                    QStringLiteral("--name"), QStringLiteral("M"), QStringLiteral("--email"),
                    QStringLiteral("not-an-address")}),
            2, QStringLiteral("is not an email address"));
        verifyOneErrorLine(
            on(db, {QStringLiteral("customer"), QStringLiteral("edit"), QStringLiteral("acme")}), 2,
            QStringLiteral("give what to change: --name NAME, --legal-name N"));
        const CliRun listed =
            on(db, {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(parseObject(listed.out).value(QStringLiteral("customers")).toArray().size(), 1);
    }

    void aCustomerHasABillingProfile() {
        const QString db = QStringLiteral("profiles.aicp");
        QCOMPARE(created(db).exitCode, 0);
        const CliRun added = on(db, {QStringLiteral("customer"),
                                     QStringLiteral("add"),
                                     QStringLiteral("zed"),
                                     QStringLiteral("--name"),
                                     QStringLiteral("Zed"),
                                     QStringLiteral("--legal-name"),
                                     QStringLiteral("Zed Größenwahn GmbH"),
                                     QStringLiteral("--address"),
                                     QStringLiteral("Hauptstraße 1\n10115 Berlin"),
                                     QStringLiteral("--country"),
                                     QStringLiteral("de"),
                                     QStringLiteral("--tax-id"),
                                     QStringLiteral("DE 123.456.789"),
                                     QStringLiteral("--currency"),
                                     QStringLiteral("eur"),
                                     QStringLiteral("--email"),
                                     QStringLiteral("ap@zed.example"),
                                     QStringLiteral("--terms"),
                                     QStringLiteral("14"),
                                     QStringLiteral("--tax-exempt")});
        QCOMPARE(added.exitCode, 0);
        // Saved, with a word that the price book cannot bill it yet.
        QCOMPARE(added.out, QStringLiteral("Added customer zed.\nThe price book has no prices in "
                                           "EUR yet: import a version in EUR before billing zed "
                                           "('aicp pricebook import').\n"));

        const CliRun shown =
            on(db, {QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("zed")});
        QCOMPARE(shown.exitCode, 0);
        // Every line but the last (the time it was added).
        QCOMPARE(shown.out.section(u'\n', 0, -3) + u'\n',
                 QStringLiteral("Customer:       zed\n"
                                "Name:           Zed\n"
                                "Legal name:     Zed Größenwahn GmbH\n"
                                "Email:          ap@zed.example\n"
                                "Address:        Hauptstraße 1\n"
                                "                10115 Berlin\n"
                                "Country:        DE\n"
                                "Region:         -\n"
                                "Tax id:         DE123456789\n"
                                "Currency:       EUR\n"
                                "Payment terms:  14 days\n"
                                "Tax exempt:     yes\n"));
        QVERIFY(shown.outLines().constLast().startsWith(QStringLiteral("Created:        20")));

        QJsonObject zed = parseObject(on(db, {QStringLiteral("customer"), QStringLiteral("show"),
                                              QStringLiteral("zed"), QStringLiteral("--json")})
                                          .out);
        zed.remove(QStringLiteral("created_at"));
        QCOMPARE(zed, zedAsAdded());

        // Edit: what is not given stays, an empty value clears, and
        // --no-tax-exempt takes the exemption back.
        QCOMPARE(on(db, {QStringLiteral("customer"), QStringLiteral("edit"), QStringLiteral("zed"),
                         QStringLiteral("--tax-id"), QString(), QStringLiteral("--terms"),
                         QStringLiteral("0"), QStringLiteral("--no-tax-exempt")})
                     .exitCode,
                 0);
        const CliRun listed =
            on(db, {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject edited =
            parseObject(listed.out).value(QStringLiteral("customers")).toArray().at(0).toObject();
        QCOMPARE(edited.value(QStringLiteral("tax_id")).toString(), QString());
        QCOMPARE(edited.value(QStringLiteral("payment_terms_days")).toInt(-1), 0);
        QCOMPARE(edited.value(QStringLiteral("tax_exempt")).toBool(true), false);
        QCOMPARE(edited.value(QStringLiteral("country")).toString(), QStringLiteral("DE"));
        QCOMPARE(edited.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        const CliRun table = on(db, {QStringLiteral("customer"), QStringLiteral("list")});
        QVERIFY2(table.outLines().value(1).startsWith(QStringLiteral("zed  Zed   DE       EUR")),
                 qPrintable(table.out));

        // Both changes are in the audit log, by name.
        const QString audit =
            on(db, {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out;
        QVERIFY2(audit.contains(QStringLiteral("customer.add")), qPrintable(audit));
        QVERIFY2(audit.contains(QStringLiteral("customer.edit")), qPrintable(audit));
    }

    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("country") << QStringList{QStringLiteral("--country"), QStringLiteral("UK")}
                                 << QStringLiteral(
                                        "country 'UK' is not an ISO 3166-1 alpha-2 "
                                        "code; the United Kingdom is GB");
        QTest::newRow("currency") << QStringList{QStringLiteral("--currency"),
                                                 QStringLiteral("EURO")}
                                  << QStringLiteral("currency 'EURO' is not the ISO 4217 code");
        QTest::newRow("tax id") << QStringList{QStringLiteral("--tax-id"),
                                               QStringLiteral("GB123;DROP")}
                                << QStringLiteral("tax id 'GB123;DROP': a tax id has no ';'");
        QTest::newRow("terms") << QStringList{QStringLiteral("--terms"), QStringLiteral("400")}
                               << QStringLiteral("payment terms of 400 days are outside 0 to 365");
        QTest::newRow("terms not a number")
            << QStringList{QStringLiteral("--terms"), QStringLiteral("30d")}
            << QStringLiteral("--terms must be a whole number");
        QTest::newRow("email") << QStringList{QStringLiteral("--email"), QStringLiteral("ap@zed")}
                               << QStringLiteral("email 'ap@zed' is not an email address");
        QTest::newRow("both exemptions")
            << QStringList{QStringLiteral("--tax-exempt"), QStringLiteral("--no-tax-exempt")}
            << QStringLiteral("not both");
    }
    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten() {
        QFETCH(QStringList, options);
        QFETCH(QString, phrase);
        const QString db = QStringLiteral("refused-%1.aicp")
                               .arg(QLatin1String(QTest::currentDataTag()))
                               .replace(u' ', u'-');
        QCOMPARE(created(db).exitCode, 0);
        QCOMPARE(on(db, {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("acme"),
                         QStringLiteral("--name"), QStringLiteral("Acme")})
                     .exitCode,
                 0);
        const QStringList read{QStringLiteral("customer"), QStringLiteral("list"),
                               QStringLiteral("--json")};
        const QString before = on(db, read).out;
        const QString auditBefore =
            on(db, {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out;
        verifyOneErrorLine(on(db, QStringList{QStringLiteral("customer"), QStringLiteral("add"),
                                              QStringLiteral("newco"), QStringLiteral("--name"),
                                              QStringLiteral("New")} +
                                      options),
                           2, phrase);
        verifyOneErrorLine(on(db, QStringList{QStringLiteral("customer"), QStringLiteral("edit"),
                                              QStringLiteral("acme")} +
                                      options),
                           2, phrase);
        QCOMPARE(on(db, read).out, before);
        QCOMPARE(
            on(db, {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out,
            auditBefore);
    }

    void theSellerIsSetAndShown() {
        const QString db = QStringLiteral("seller.aicp");
        QCOMPARE(created(db).exitCode, 0);
        const CliRun none = on(db, {QStringLiteral("seller"), QStringLiteral("show")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out, QStringLiteral("No seller profile yet; set one with 'aicp seller set "
                                          "--name NAME …'.\n"));
        // The first time, the name is needed.
        verifyOneErrorLine(on(db, {QStringLiteral("seller"), QStringLiteral("set"),
                                   QStringLiteral("--country"), QStringLiteral("IE")}),
                           2, QStringLiteral("seller: the name is empty"));
        verifyOneErrorLine(on(db, {QStringLiteral("seller"), QStringLiteral("set")}), 2,
                           QStringLiteral("give what to set"));

        const CliRun set = on(
            db, {QStringLiteral("seller"), QStringLiteral("set"), QStringLiteral("--name"),
                 QStringLiteral("AICP Software Ltd"), QStringLiteral("--address"),
                 QStringLiteral("2 Grand Canal Quay\nDublin D02 A342"), QStringLiteral("--country"),
                 QStringLiteral("IE"), QStringLiteral("--tax-id"), QStringLiteral("IE 6388047V"),
                 QStringLiteral("--email"), QStringLiteral("billing@aicp.example"),
                 QStringLiteral("--payment-instructions"),
                 QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D"),
                 QStringLiteral("--footer"), QStringLiteral("Registered in Ireland, no. 123456")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.out, QStringLiteral("Saved the seller profile.\n"));
        // What is not given stays.
        QCOMPARE(on(db, {QStringLiteral("seller"), QStringLiteral("set"),
                         QStringLiteral("--footer"), QStringLiteral("Thank you.")})
                     .exitCode,
                 0);
        // A bad field is refused and nothing is written.
        verifyOneErrorLine(on(db, {QStringLiteral("seller"), QStringLiteral("set"),
                                   QStringLiteral("--country"), QStringLiteral("EU")}),
                           2, QStringLiteral("seller: country 'EU' is not an ISO 3166-1"));

        const CliRun text = on(db, {QStringLiteral("seller"), QStringLiteral("show")});
        QCOMPARE(text.out.section(u'\n', 0, -3) + u'\n',
                 QStringLiteral("Seller:               AICP Software Ltd\n"
                                "Address:              2 Grand Canal Quay\n"
                                "                      Dublin D02 A342\n"
                                "Country:              IE\n"
                                "Tax id:               IE6388047V\n"
                                "Email:                billing@aicp.example\n"
                                "Payment instructions: IBAN IE29 AIBK 9311 5212 3456 78\n"
                                "                      BIC AIBKIE2D\n"
                                "Footer:               Thank you.\n"));
        QJsonObject json = parseObject(
            on(db, {QStringLiteral("seller"), QStringLiteral("show"), QStringLiteral("--json")})
                .out);
        QVERIFY(json.value(QStringLiteral("updated_at")).toString().startsWith(u"20"));
        json.remove(QStringLiteral("updated_at"));
        QCOMPARE(json,
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("AICP Software Ltd")},
                              {QStringLiteral("address"),
                               QStringLiteral("2 Grand Canal Quay\nDublin D02 A342")},
                              {QStringLiteral("country"), QStringLiteral("IE")},
                              {QStringLiteral("tax_id"), QStringLiteral("IE6388047V")},
                              {QStringLiteral("email"), QStringLiteral("billing@aicp.example")},
                              {QStringLiteral("payment_instructions"),
                               QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D")},
                              {QStringLiteral("footer"), QStringLiteral("Thank you.")}}));
        const QString audit =
            on(db, {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out;
        QCOMPARE(audit.count(QStringLiteral("seller.set")), 2);
    }

    void customerCommandsNeedAnExistingWorkspace() {
        verifyNoWorkspace(on(QStringLiteral("absent.aicp"),
                             {QStringLiteral("customer"), QStringLiteral("list")}));
        QVERIFY(!holdsWorkspace(QStringLiteral("absent.aicp")));
    }

    void helpListsTheNewCommands() {
        const CliRun help = run({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("\n  workspace ")));
        QVERIFY(help.out.contains(QStringLiteral("\n  customer ")));
        const CliRun group = run({QStringLiteral("help"), QStringLiteral("customer")});
        QCOMPARE(group.exitCode, 0);
        for (const char* word : {"add", "edit", "show", "list"})
            QVERIFY(group.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(word))));
        const CliRun create =
            run({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("--help")});
        QVERIFY(create.out.contains(QStringLiteral("--mode MODE")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceCli)
#include "tst_workspacecli.moc"
