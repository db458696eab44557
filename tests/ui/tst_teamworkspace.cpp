#include "consoleoptions.h"
#include "consoletest.h"
#include "customers/customer.h"
#include "mainwindow.h"
#include "pages/licenses/licensespage.h"
#include "storage/postgresdatabase.h"
#include "storage/postgresroles.h"
#include "support/scratchdatabase.h"
#include "support/tempworkspace.h"
#include "teamworkspacedialog.h"
#include "workspacesession.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace aicp;
using aicp::test::ScratchDatabase;
using aicp::test::TempWorkspace;

// The console on a team workspace (SPEC section 8): File ▸ Open Team
// Workspace… tries a URI without freezing and without a password; the
// window shows what another connection changes within 2 s, keeping the
// row the user selected.
class TestTeamWorkspace : public QObject {
    Q_OBJECT

    QTemporaryDir scratch_;

    // Clicks Test Connection and waits for its answer.
    static QString testConnection(TeamWorkspaceDialog& dialog, const QString& uri) {
        dialog.setUri(uri);
        dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"))->click();
        if (!QTest::qWaitFor([&] { return !dialog.isTrying(); }, 8000))
            return QStringLiteral("still trying");
        return dialog.resultText();
    }

private slots:
    void initTestCase() { QVERIFY(test::useScratchSettings(scratch_, "tst_teamworkspace")); }
    void init() { QSettings().clear(); }

    void aUriWithAPasswordIsRefusedBeforeConnecting() {
        TeamWorkspaceDialog dialog({});
        const QString said =
            testConnection(dialog, QStringLiteral("postgresql://ann:s3cret@db/aicp"));
        QVERIFY2(said.contains(QStringLiteral("~/.pgpass")), qPrintable(said));
        QVERIFY(!said.contains(QStringLiteral("s3cret")));
        QVERIFY(testConnection(dialog, QStringLiteral("postgresql:///aicp?password=x"))
                    .contains(QStringLiteral("Leave the password out")));
        QVERIFY(testConnection(dialog, QStringLiteral("/tmp/file.aicp"))
                    .contains(QStringLiteral("postgresql://")));
    }

    void aServerThatIsAwayIsOneLineAndTheDialogStaysResponsive() {
        TeamWorkspaceDialog dialog({});
        dialog.setUri(QStringLiteral("postgresql:///aicp?host=/nonexistent-socket-dir"));
        dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"))->click();
        // The click returned at once: the attempt runs off the GUI thread.
        QVERIFY(dialog.isTrying() || !dialog.resultText().startsWith(QStringLiteral("Connecting")));
        QVERIFY(QTest::qWaitFor([&] { return !dialog.isTrying(); }, 8000));
        const QString said = dialog.resultText();
        QVERIFY2(said.contains(QStringLiteral("cannot connect to the PostgreSQL server")),
                 qPrintable(said));
        QVERIFY(!said.contains(u'\n'));
    }

    void testConnectionNamesTheWorkspaceAndTheRole() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        TempWorkspace workspace;
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        TeamWorkspaceDialog dialog({});
        const QString said = testConnection(dialog, workspace.path());
        QVERIFY2(said.startsWith(QStringLiteral("Connected")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("a vendor workspace")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("your role is admin")), qPrintable(said));
    }

    void aDatabaseWithoutAWorkspaceSaysHowToMakeOne() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        ScratchDatabase empty;
        QVERIFY2(!empty.uri().isEmpty(), qPrintable(empty.error()));
        TeamWorkspaceDialog dialog({});
        const QString said = testConnection(dialog, empty.uri());
        QVERIFY2(said.contains(QStringLiteral("aicp workspace create")), qPrintable(said));
    }

    void theUriIsRememberedWithoutPasswordAndReopenedAtStart() {
        rememberTeamWorkspace(QStringLiteral("postgresql://ann:s3cret@db.example/aicp"));
        rememberTeamWorkspace(QStringLiteral("postgresql:///team?host=/run/postgresql"));
        QCOMPARE(recentTeamWorkspaces(),
                 (QStringList{QStringLiteral("postgresql:///team?host=/run/postgresql"),
                              QStringLiteral("postgresql://ann@db.example/aicp")}));
        QCOMPARE(lastTeamWorkspace(), QStringLiteral("postgresql:///team?host=/run/postgresql"));
        const StartWorkspace start = StartWorkspace::decide(
            {}, {}, scratch_.filePath(QStringLiteral("none.aicp")), false, lastTeamWorkspace());
        QCOMPARE(start.kind, StartWorkspace::Kind::Existing);
        QCOMPARE(start.path, QStringLiteral("postgresql:///team?host=/run/postgresql"));
        // Opening a file since: files again at start, the URI still offered.
        forgetLastTeamWorkspace();
        QVERIFY(lastTeamWorkspace().isEmpty());
        QCOMPARE(recentTeamWorkspaces().size(), 2);
        // The dialog offers them, newest first.
        TeamWorkspaceDialog dialog(recentTeamWorkspaces());
        QCOMPARE(dialog.uri(), QStringLiteral("postgresql:///team?host=/run/postgresql"));
    }

    void aCustomerAddedElsewhereShowsWithinTwoSecondsKeepingTheSelection() {
        // On both kinds: LISTEN on a server, PRAGMA data_version on SQLite.
        TempWorkspace workspace(TempWorkspace::Content::Demo);
        QVERIFY2(workspace.ok(), qPrintable(workspace.error()));
        auto session =
            WorkspaceSession::open(workspace.path(), WorkspaceSession::WhenMissing::Refuse);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message()));
        MainWindow window(std::move(session).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Licenses);
        QVERIFY(test::settle(window, 5000));
        auto* live = window.findChild<QLabel*>(QStringLiteral("liveState"));
        if (test::onPostgres()) {
            QTRY_VERIFY_WITH_TIMEOUT(live->text().contains(QStringLiteral("live")), 5000);
            QVERIFY2(live->text().contains(QStringLiteral("admin")), qPrintable(live->text()));
        } else {
            QVERIFY(live->isHidden());
        }

        auto* page = window.findChild<LicensesPage*>();
        auto* table = page->findChild<QTableView*>();
        QVERIFY(table && table->model()->rowCount() > 2);
        table->selectRow(2);
        const auto chosen = page->selectedRecord();
        QVERIFY(chosen);
        auto* customers = window.findChild<QComboBox*>(QStringLiteral("customerSelector"));
        const int before = customers->count();

        // Another program's connection writes; nothing here is told.
        auto other = Workspace::open(workspace.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(other);
        const Customer zeta{
            QStringLiteral("aaa-zeta-labs"), QStringLiteral("AAA Zeta Labs"), {}, {}};
        QVERIFY(CustomerStore(**other).add(zeta).ok());
        QTRY_COMPARE_WITH_TIMEOUT(customers->count(), before + 1, 2000);
        QVERIFY(customers->findData(zeta.id) >= 0);
        QVERIFY(test::settle(window, 5000));
        QVERIFY(page->selectedRecord());
        QCOMPARE(page->selectedRecord()->license.id, chosen->license.id);
    }

    void aViewerSeesWhatItMayNotChangeGreyedWithTheReason() {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run through packaging/with-postgres.sh");
        auto workspace = std::make_unique<TempWorkspace>(TempWorkspace::Content::Demo);
        QVERIFY2(workspace->ok(), qPrintable(workspace->error()));
        const QString vera =
            QStringLiteral("vera_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString database = QUrl(workspace->path()).path().mid(1);
        const auto dropRoles = qScopeGuard([&] {
            workspace.reset();  // the database first, then its groups and the login
            std::string sql;
            for (const char* role : {"viewer", "account_manager", "finance", "admin"})
                sql += QStringLiteral("DROP ROLE IF EXISTS \"aicp_%1_%2\";")
                           .arg(database, QLatin1String(role))
                           .toStdString();
            sql += QStringLiteral("DROP ROLE IF EXISTS %1;").arg(vera).toStdString();
            if (auto admin = PostgresDatabase::connect(test::testPostgres()))
                static_cast<void>((*admin)->executeScript(sql));
        });
        {
            auto admin = PostgresDatabase::connect(test::testPostgres());
            QVERIFY(admin);
            QVERIFY(
                (*admin)
                    ->executeScript(QStringLiteral("CREATE ROLE %1 LOGIN").arg(vera).toStdString())
                    .ok());
        }
        QVERIFY(grantPostgresRole((*workspace)->handle(), vera, WorkspaceRole::Viewer).ok());
        QString asVera = workspace->path();
        asVera.replace(QStringLiteral("://"), QStringLiteral("://%1@").arg(vera));
        auto session = WorkspaceSession::open(asVera, WorkspaceSession::WhenMissing::Refuse);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message()));
        QCOMPARE((*session)->workspace().role(), WorkspaceRole::Viewer);

        MainWindow window(std::move(session).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::settle(window, 5000));
        const QString licensesWhy = QStringLiteral(
            "Changing licenses and signing keys needs the account-manager role; you are a viewer.");
        for (const char* name : {"issueLicenseAction", "renewLicenseAction", "revokeLicenseAction",
                                 "addLicenseAction"}) {
            auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
            QVERIFY2(action, name);
            QVERIFY2(!action->isEnabled(), name);
            QCOMPARE(action->toolTip(), licensesWhy);
            QCOMPARE(action->statusTip(), licensesWhy);
        }
        const struct {
            const char* button;
            const char* why;
        } buttons[] = {
            {"importUsageButton",
             "Changing usage imports and pulls needs the account-manager "
             "role; you are a viewer."},
            {"loadPriceBookButton",
             "Changing price books needs the finance role; you are a "
             "viewer."},
            {"issueInvoiceButton",
             "Changing invoices and credit notes needs the finance role; "
             "you are a viewer."},
        };
        for (const auto& each : buttons) {
            window.showPage(QLatin1String(each.button) == QLatin1String("importUsageButton")
                                ? MainWindow::Page::Usage
                            : QLatin1String(each.button) == QLatin1String("loadPriceBookButton")
                                ? MainWindow::Page::Settings
                                : MainWindow::Page::Reports);
            QVERIFY(test::settle(window, 5000));
            auto* button = window.findChild<QPushButton*>(QString::fromLatin1(each.button));
            QVERIFY2(button, each.button);
            QVERIFY2(!button->isEnabled(), each.button);
            QCOMPARE(button->toolTip(), QString::fromLatin1(each.why));
        }
        // Reading stays open to a viewer.
        QVERIFY(window.findChild<QAction*>(QStringLiteral("verifyLicenseAction"))->isEnabled());
        auto* live = window.findChild<QLabel*>(QStringLiteral("liveState"));
        QTRY_VERIFY_WITH_TIMEOUT(live->text().contains(QStringLiteral("%1 (viewer)").arg(vera)),
                                 5000);
    }
};

QTEST_MAIN(TestTeamWorkspace)
#include "tst_teamworkspace.moc"
