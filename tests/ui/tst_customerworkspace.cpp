// The customer's own workspace in the console (issue 18), on real
// workspaces and signatures: a demo vendor workspace, a customer workspace
// made from it the way a customer makes theirs, licenses added from files
// (File ▸ Add License…, a drop), vendor-only actions absent in customer
// mode, the upgrade request saved by the customer and opened by the vendor.
#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "consoletest.h"
#include "customerworkspace.h"
#include "demo/demoworkspace.h"
#include "dialogs/creditsection.h"
#include "dialogs/customerdialog.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "pages/dashboard/dashboardpage.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/recommendations/recommendationspage.h"
#include "pages/reports/invoicespanel.h"
#include "pages/settings/settingspage.h"
#include "pages/usage/usagecard.h"
#include "recommend/upgraderequest.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace aicp;

namespace {

// The demo customer whose workspace the tests make: a Starter license with
// usage every month.
const QString kCustomer = QStringLiteral("initech");

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

std::unique_ptr<WorkspaceSession> openSession(const QString& path) {
    auto opened = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
    if (!opened)
        qFatal("open %s: %s", qPrintable(path), qPrintable(opened.error().message()));
    return std::move(opened).value();
}

// Until the window's work is done, and the reloads it queued when done too.
void waitUntilIdle(MainWindow& window) {
    auto* runner = window.findChild<TaskRunner*>();
    for (int round = 0; round < 3; ++round) {
        QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy(), 30000);
        QTest::qWait(30);
    }
}

// The Recommendations page, shown once its recommendation is in and the
// window is idle; null when the recommendation never came.
RecommendationsPage* recommendationsShown(MainWindow& window) {
    window.showPage(MainWindow::Page::Recommendations);
    auto* page = window.findChild<RecommendationsPage*>();
    if (!QTest::qWaitFor([page] { return page->recommendation().has_value(); }, 30000))
        return nullptr;
    waitUntilIdle(window);
    return page;
}

// The text of the refusal the window shows (and closes it).
QString shownProblem(MainWindow& window) {
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("intakeProblem"));
    if (!box)
        return {};
    const QString text = box->text();
    box->close();
    delete box;
    return text;
}

}  // namespace

class TestCustomerWorkspace : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString vendorTemplate_;    // the demo, made once; copied for each test
    QString customerTemplate_;  // initech's own workspace, made from it
    QString vendor_;
    QString customer_;
    int round_ = 0;

    QString file(const QString& name) const { return dir_.filePath(name); }

    // The license in force for the demo customer, as the vendor sends it.
    QByteArray licenseFileText() const {
        auto vendor = Workspace::open(vendor_, Workspace::OpenMode::OpenExisting).value();
        auto all = LicenseRegistry(*vendor).list().value();
        auto inForce = licenseInForce(all, kCustomer, QDateTime::currentDateTimeUtc());
        if (!inForce)
            qFatal("no license in force for %s", qPrintable(kCustomer));
        return aicp::licenseFileText(inForce->key, inForce->license);
    }

    std::size_t licensesIn(const QString& path) const {
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting).value();
        return LicenseRegistry(*workspace).list()->size();
    }

    std::size_t auditEntriesIn(const QString& path) const {
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting).value();
        return AuditLog(*workspace).entries()->size();
    }

    // A customer workspace that trusts the vendor's key and holds nothing else.
    QString emptyCustomerWorkspace() {
        const QString path = file(QStringLiteral("empty-%1.aicp").arg(round_));
        auto vendor = Workspace::open(vendor_, Workspace::OpenMode::OpenExisting).value();
        auto customer = Workspace::open(path).value();
        if (!setWorkspaceMode(*customer, Workspace::Mode::Customer).ok())
            qFatal("customer mode");
        for (const SigningKeyInfo& key : KeyStore(*vendor).list().value()) {
            if (!KeyStore(*customer).importPublicKey(key.publicKeyPem))
                qFatal("import key");
        }
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(test::useScratchSettings(dir_, "tst_customerworkspace"));
        vendorTemplate_ = file(QStringLiteral("vendor-template.aicp"));
        customerTemplate_ = file(QStringLiteral("initech-template.aicp"));
        const Status demo = createDemoWorkspace(vendorTemplate_, QDateTime::currentDateTimeUtc());
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().message()));
        auto vendor = Workspace::open(vendorTemplate_, Workspace::OpenMode::OpenExisting).value();
        const Status made =
            test::makeCustomerWorkspace(*vendor, kCustomer, customerTemplate_, systemClock());
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message()));
    }

    void init() {
        QSettings().clear();
        ++round_;
        vendor_ = file(QStringLiteral("vendor-%1.aicp").arg(round_));
        customer_ = file(QStringLiteral("initech-%1.aicp").arg(round_));
        QVERIFY(QFile::copy(vendorTemplate_, vendor_));
        QVERIFY(QFile::copy(customerTemplate_, customer_));
    }

    void aLegacyFirstRunLicenseJoinsTheRegistryOnOpening() {
        const QString path = emptyCustomerWorkspace();
        const QByteArray key = licenseKeyFromText(licenseFileText()).value();
        {
            auto workspace = Workspace::open(path).value();
            QVERIFY(workspace->setMetaValue(QStringLiteral("customer_license"),
                                            QString::fromLatin1(key)));
        }
        auto session = openSession(path);
        QVERIFY2(session->notice().contains(QStringLiteral("now in its registry")),
                 qPrintable(session->notice()));
        auto held = LicenseRegistry(session->workspace()).list();
        QCOMPARE(held->size(), std::size_t(1));
        QCOMPARE(held->front().key, key);
        QCOMPARE(session->customers()->front().id, kCustomer);
        session.reset();
        // Once: opening again finds it held and says nothing.
        QVERIFY(openSession(path)->notice().isEmpty());
        QCOMPARE(licensesIn(path), std::size_t(1));
    }

    void addLicenseStoresTheReceivedLicense() {
        const QString path = emptyCustomerWorkspace();
        const QString lic = file(QStringLiteral("initech.lic"));
        QVERIFY(writeAll(lic, licenseFileText()));
        MainWindow window(openSession(path));
        waitUntilIdle(window);
        auto added = window.addLicenseFile(lic);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message()));
        QVERIFY(!added->alreadyHeld);
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Added ")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.currentPage(), MainWindow::Page::Licenses);
        // The context follows the customer the license is for.
        QCOMPARE(window.findChild<LicensesPage*>()->customerId(), kCustomer);
        waitUntilIdle(window);
        auto again = window.addLicenseFile(lic);
        QVERIFY(again.ok());
        QVERIFY(again->alreadyHeld);
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Already held")));
    }

    void aDroppedLicenseFileIsAdded() {
        const QString path = emptyCustomerWorkspace();
        // A text file holding the bare key counts as a license file too.
        const QString txt = file(QStringLiteral("key-from-mail.txt"));
        QVERIFY(writeAll(txt, licenseKeyFromText(licenseFileText()).value() + '\n'));
        MainWindow window(openSession(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        waitUntilIdle(window);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(txt)});
        QCOMPARE(MainWindow::licenseFiles(&mime), QStringList{txt});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Added ")));
        window.close();
        QCOMPARE(licensesIn(path), std::size_t(1));
    }

    void refusedLicensesAreShownWithTheReasonAndWriteNothing() {
        const QString path = emptyCustomerWorkspace();
        // Changed after signing: one character of the key.
        QByteArray key = licenseKeyFromText(licenseFileText()).value();
        key[key.size() / 2] = key[key.size() / 2] == 'A' ? 'B' : 'A';
        const QString tampered = file(QStringLiteral("tampered.lic"));
        QVERIFY(writeAll(tampered, key));
        // Signed by another vendor's key, which this workspace does not trust.
        test::TempWorkspace stranger(test::TempWorkspace::Content::SigningKey);
        QVERIFY(stranger.ok());
        LicenseRequest request;
        request.customerId = kCustomer;
        request.customerName = QStringLiteral("Initech");
        request.tier = QStringLiteral("starter");
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(100);
        auto foreign = LicenseRegistry(*stranger).issue(request, test::kTestPassphrase);
        QVERIFY(foreign.ok());
        const QString other = file(QStringLiteral("other-vendor.lic"));
        QVERIFY(writeAll(other, aicp::licenseFileText(foreign->key, foreign->license)));
        const std::size_t audited = auditEntriesIn(path);

        MainWindow window(openSession(path));
        waitUntilIdle(window);
        QVERIFY(!window.addLicenseFile(tampered).ok());
        QString shown = shownProblem(window);
        QVERIFY2(shown.contains(QStringLiteral("tampered.lic was not added")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("signature does not match")), qPrintable(shown));

        QVERIFY(!window.addLicenseFile(other).ok());
        shown = shownProblem(window);
        QVERIFY2(shown.contains(QStringLiteral("does not trust")), qPrintable(shown));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("does not trust")));
        window.close();
        QCOMPARE(licensesIn(path), std::size_t(0));
        QCOMPARE(auditEntriesIn(path), audited);
    }

    void customerModeHidesWhatOnlyAVendorMayDo() {
        MainWindow window(openSession(customer_));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        waitUntilIdle(window);
        const auto visible = [&window](const char* name) {
            auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
            if (!action)
                qFatal("no action %s", name);
            return action->isVisible();
        };
        const auto shown = [&window](const char* name) {
            auto* widget = window.findChild<QWidget*>(QString::fromLatin1(name));
            if (!widget)
                qFatal("no widget %s", name);
            return !widget->isHidden();
        };
        const QStringList signing = {
            QStringLiteral("issueLicenseAction"), QStringLiteral("renewLicenseAction"),
            QStringLiteral("upgradeLicenseAction"), QStringLiteral("revokeLicenseAction")};
        const auto checkMode = [&](bool vendor) {
            for (const QString& name : signing) {
                QCOMPARE(visible(qPrintable(name)), vendor);
                QCOMPARE(shown(qPrintable(name + QStringLiteral("Button"))), vendor);
            }
            QCOMPARE(visible("openUpgradeRequestAction"), vendor);
            QVERIFY(visible("addLicenseAction"));
            QCOMPARE(shown("generateKeyButton"), vendor);
            QCOMPARE(shown("rotateKeyButton"), vendor);
            QVERIFY(shown("loadRevocationListButton"));
        };
        checkMode(false);
        // The customer workspace opens on its own customer.
        QCOMPARE(window.findChild<RecommendationsPage*>()->customerId(), kCustomer);

        auto* settings = window.findChild<SettingsPage*>();
        settings->setConfirmer(
            [](QWidget*, const QString&, const QString&, const QString&) { return true; });
        QVERIFY(settings->switchMode());
        waitUntilIdle(window);
        checkMode(true);
        QVERIFY(settings->switchMode());
        waitUntilIdle(window);
        checkMode(false);
    }

    void theDashboardShowsTheCustomersOwnMonth() {
        MainWindow window(openSession(customer_));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Dashboard);
        auto* page = window.findChild<DashboardPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(page->summary() != nullptr, 30000);
        waitUntilIdle(window);
        const auto card = [&window](const char* name) {
            return window.findChild<UsageCard*>(QString::fromLatin1(name));
        };
        QCOMPARE(card("revenueCard")->captionText(),
                 QStringLiteral("Your bill if the month ended now"));
        QVERIFY(card("revenueCard")->valueText().startsWith(QLatin1Char('$')));
        // The projected cost on the customer's own tier, and what it rests on.
        QVERIFY2(card("dashboardRequestsCard")->valueText().startsWith(QLatin1Char('$')),
                 qPrintable(card("dashboardRequestsCard")->valueText()));
        QVERIFY(card("dashboardRequestsCard")->captionText().contains(QStringLiteral("projected")));
        QVERIFY2(card("expiringCard")->captionText().startsWith(QStringLiteral("Starter license")),
                 qPrintable(card("expiringCard")->captionText()));
    }

    void aRevocationListRevokesTheHeldLicense() {
        // The vendor revokes the customer's license and hands out the list.
        const QString list = file(QStringLiteral("revocations-%1.txt").arg(round_));
        QUuid revoked;
        {
            auto vendor = Workspace::open(vendor_, Workspace::OpenMode::OpenExisting).value();
            LicenseRegistry registry(*vendor);
            auto inForce =
                licenseInForce(registry.list().value(), kCustomer, QDateTime::currentDateTimeUtc());
            QVERIFY(inForce);
            revoked = inForce->license.id;
            QVERIFY(registry.revoke(revoked, QStringLiteral("Test"), "demo-passphrase").ok());
            QVERIFY(writeAll(list, registry.currentRevocationList("demo-passphrase").value()));
        }
        MainWindow window(openSession(customer_));
        waitUntilIdle(window);
        auto* settings = window.findChild<SettingsPage*>();
        const Status loaded = settings->loadRevocationList(list);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QVERIFY2(
            settings->message().contains(QStringLiteral("Now revoked here: %1")
                                             .arg(revoked.toString(QUuid::WithoutBraces).left(8))),
            qPrintable(settings->message()));
        const QString inUse = window.findChild<QLabel*>(QStringLiteral("customerLicense"))->text();
        QVERIFY2(inUse.contains(QStringLiteral("no license is in force")), qPrintable(inUse));
        // The same list again changes nothing.
        QVERIFY(settings->loadRevocationList(list).ok());
        QVERIFY2(settings->message().contains(QStringLiteral("nothing changed")),
                 qPrintable(settings->message()));
    }

    void theReportsPageHasNoInvoicesForACustomer() {
        MainWindow window(openSession(customer_));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Reports);
        waitUntilIdle(window);
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("reportTabs"));
        auto* invoices = window.findChild<InvoicesPanel*>();
        QTRY_VERIFY(!tabs->isTabVisible(tabs->indexOf(invoices)));
    }

    void aCustomerWorkspaceGrantsNoCredit() {
        auto workspace = Workspace::open(customer_, Workspace::OpenMode::OpenExisting).value();
        CustomerDialog dialog(*workspace, kCustomer);
        auto* grant = dialog.findChild<QPushButton*>(QStringLiteral("grantCreditButton"));
        QVERIFY(grant);
        QVERIFY(!grant->isEnabled());
        // The core's own refusal, shown as the reason.
        QCOMPARE(dialog.credits()->grantRefusal(),
                 QStringLiteral("This is a customer workspace: credits are granted in the "
                                "vendor's workspace"));
        QCOMPARE(grant->toolTip(), dialog.credits()->grantRefusal());
        QVERIFY(!dialog.credits()->grantCredit());
    }

    void askForUpgradeSavesTheRequestAndItsPdf() {
        MainWindow window(openSession(customer_));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = recommendationsShown(window);
        QVERIFY(page);
        auto* ask = window.findChild<QPushButton*>(QStringLiteral("askUpgradeButton"));
        QVERIFY(!ask->isHidden());
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("prepareUpgradeButton"))->isHidden());
        QVERIFY2(page->canAskForUpgrade(), qPrintable(ask->toolTip()));

        const QString json = file(QStringLiteral("asked-%1.json").arg(round_));
        UpgradeRequest seen;
        page->setUpgradeRequestAsker([&](QWidget*, const UpgradeRequest& request) {
            seen = request;
            return std::optional(RecommendationsPage::UpgradeRequestChoice{
                QStringLiteral("Two more teams start in January."), json});
        });
        QVERIFY(page->askForUpgrade());
        waitUntilIdle(window);
        QVERIFY2(page->requestMessage().startsWith(QStringLiteral("Saved the upgrade request")),
                 qPrintable(page->requestMessage()));

        auto read = UpgradeRequest::fromJson(readAll(json));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message()));
        QCOMPARE(read->customerId, kCustomer);
        QCOMPARE(read->tier, seen.tier);
        QCOMPARE(read->note, QStringLiteral("Two more teams start in January."));
        QCOMPARE(read->currentLicense, page->recommendation()->license->license.id);
        const QString pdf = file(QStringLiteral("asked-%1.pdf").arg(round_));
        QVERIFY(readAll(pdf).startsWith("%PDF"));
    }

    void theVendorOpensTheRequestInTheIssueDialogPrefilled() {
        // The customer's request, as the customer's console saves it.
        const QString json = file(QStringLiteral("request-%1.json").arg(round_));
        UpgradeRequest request;
        {
            MainWindow customer(openSession(customer_));
            customer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&customer));
            auto* page = recommendationsShown(customer);
            QVERIFY(page);
            page->setUpgradeRequestAsker([&](QWidget*, const UpgradeRequest& asked) {
                request = asked;
                return std::optional(RecommendationsPage::UpgradeRequestChoice{{}, json});
            });
            QVERIFY(page->askForUpgrade());
            waitUntilIdle(customer);
        }
        QVERIFY(QFile::exists(json));

        MainWindow vendor(openSession(vendor_));
        vendor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&vendor));
        waitUntilIdle(vendor);
        auto* licenses = vendor.findChild<LicensesPage*>();
        struct Seen {
            QString customer;
            QString tier;
            bool upgrade = false;
            QString problem;
        };
        std::optional<Seen> seen;
        licenses->setIssueDialogRunner([&seen](LicenseIssueDialog& dialog) {
            seen = Seen{
                dialog.findChild<QComboBox*>(QStringLiteral("customerInput"))
                    ->currentData()
                    .toString(),
                dialog.findChild<QComboBox*>(QStringLiteral("tierInput"))->currentData().toString(),
                dialog.isUpgrade(), dialog.problem()};
            return int(QDialog::Rejected);  // the test only looks
        });
        QVERIFY(!vendor.openUpgradeRequest(json));  // rejected: nothing signed
        QVERIFY(seen.has_value());
        QCOMPARE(seen->customer, kCustomer);
        QCOMPARE(seen->tier, request.tier);
        QVERIFY(seen->upgrade);  // the vendor holds the license it upgrades
        QVERIFY2(seen->problem.isEmpty(), qPrintable(seen->problem));
        QCOMPARE(vendor.currentPage(), MainWindow::Page::Licenses);

        // Edited on its way (another tier): refused with the reason, no dialog.
        QJsonObject edited = QJsonDocument::fromJson(readAll(json)).object();
        QJsonObject asked = edited.value(QStringLiteral("asked")).toObject();
        asked.insert(QStringLiteral("tier"), QStringLiteral("enterprise"));
        edited.insert(QStringLiteral("asked"), asked);
        const QString changed = file(QStringLiteral("edited-%1.json").arg(round_));
        QVERIFY(writeAll(changed, QJsonDocument(edited).toJson(QJsonDocument::Compact)));
        seen.reset();
        QVERIFY(!vendor.openUpgradeRequest(changed));
        QVERIFY(!seen.has_value());
        const QString shown = shownProblem(vendor);
        QVERIFY2(shown.contains(QStringLiteral("changed after it was made")), qPrintable(shown));
    }

    void aCustomerWorkspaceDoesNotOpenUpgradeRequests() {
        MainWindow window(openSession(customer_));
        waitUntilIdle(window);
        const QString json = file(QStringLiteral("nothing.json"));
        QVERIFY(writeAll(json, "{}"));
        QVERIFY(!window.openUpgradeRequest(json));
        QVERIFY(shownProblem(window).contains(QStringLiteral("customer workspace")));
    }
};

QTEST_MAIN(TestCustomerWorkspace)
#include "tst_customerworkspace.moc"
