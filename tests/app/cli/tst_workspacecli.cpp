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
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), 10);
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
        QCOMPARE(acme.keys(), (QStringList{QStringLiteral("created_at"), QStringLiteral("email"),
                                           QStringLiteral("id"), QStringLiteral("name")}));
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
            QStringLiteral("give --name NAME or --email E"));
        const CliRun listed =
            on(db, {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(parseObject(listed.out).value(QStringLiteral("customers")).toArray().size(), 1);
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
