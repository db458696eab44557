#include "consoleoptions.h"
#include "customers/customer.h"
#include "firstrun/customerlicensepage.h"
#include "firstrun/firstrunwizard.h"
#include "firstrun/locationpage.h"
#include "firstrun/newworkspace.h"
#include "firstrun/vendorkeypage.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "licensing/workspaceverification.h"
#include "mainwindow.h"
#include "storage/workspace.h"
#include "workspacesession.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace aicp;

namespace {

const QByteArray kVendorPassphrase("vendor passphrase 1");
const QString kNewPassphrase = QStringLiteral("correct horse battery");

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace

// Drives the welcome through each of its paths over real files: the demo,
// a vendor workspace with its signing key, a customer workspace importing a
// license issued and signed here by the core, cancelling, and the errors.
class TestFirstRun : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString publicKeyPath_;
    QString otherPublicKeyPath_;
    QString licensePath_;
    QString tamperedPath_;
    QString licenseKey_;
    QString licenseExpiry_;
    QString vendorKid_;

    template <typename T>
    static T* child(const QWidget& parent, const char* name) {
        auto* found = parent.findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    static QStringList filesIn(const QString& folder) {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                                      QDir::Name);
    }
    // A fresh folder per test, so leftovers would show.
    QString folder(const QString& name) {
        const QString path = dir_.filePath(name);
        QDir().mkpath(path);
        return path;
    }
    static void goToLocation(FirstRunWizard& wizard) {
        QTest::mouseClick(child<QCommandLinkButton>(wizard, "createWorkspaceButton"),
                          Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::LocationPageId));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("aicp-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_firstrun"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());

        // A vendor issues Initech's license with the core; the customer
        // receives the license file and the vendor's public key.
        auto vendor = Workspace::open(dir_.filePath(QStringLiteral("vendor.aicp"))).value();
        auto key = KeyStore(*vendor).generate(kVendorPassphrase);
        QVERIFY(key.ok());
        LicenseRequest request;
        request.customerId = QStringLiteral("initech");
        request.customerName = QStringLiteral("Initech");
        request.tier = QStringLiteral("professional");
        request.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(365);
        auto issued = LicenseRegistry(*vendor).issue(request, kVendorPassphrase);
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().message()));
        licenseKey_ = QString::fromLatin1(issued->key);
        licenseExpiry_ = issued->license.expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
        vendorKid_ = key->kid;
        const QByteArray fileText = licenseFileText(issued->key, issued->license);
        publicKeyPath_ = dir_.filePath(QStringLiteral("aicp-public-key.pem"));
        licensePath_ = dir_.filePath(QStringLiteral("initech.lic"));
        QVERIFY(writeFile(publicKeyPath_, key->publicKeyPem));
        QVERIFY(writeFile(licensePath_, fileText));
        // One letter of the signed payload changed: the signature no longer fits.
        QByteArray tampered = issued->key;
        const qsizetype at = tampered.indexOf('.') + 10;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        tamperedPath_ = dir_.filePath(QStringLiteral("tampered.lic"));
        QVERIFY(writeFile(tamperedPath_, tampered));
        // Another vendor's key, which did not sign it.
        auto other = Workspace::open(dir_.filePath(QStringLiteral("other.aicp"))).value();
        auto otherKey = KeyStore(*other).generate(kVendorPassphrase);
        QVERIFY(otherKey.ok());
        otherPublicKeyPath_ = dir_.filePath(QStringLiteral("other-public-key.pem"));
        QVERIFY(writeFile(otherPublicKeyPath_, otherKey->publicKeyPem));
    }

    void demoIsOneKeystrokeAndKeptApart() {
        const QString where = folder(QStringLiteral("demo"));
        const QString demoPath = QDir(where).filePath(QStringLiteral("demo.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.setDemoPath(demoPath);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::WelcomePageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isVisible());
        // The demo is the default: Enter explores it.
        QVERIFY(child<QCommandLinkButton>(wizard, "exploreDemoButton")->hasFocus());
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 120000);
        auto session = wizard.takeSession();
        QVERIFY(session);
        QCOMPARE(session->path(), demoPath);
        QVERIFY(session->createdDemo());
        QVERIFY(session->customers()->size() > 10);
        QVERIFY(!QFile::exists(Workspace::defaultPath()));
        session.reset();
        QCOMPARE(filesIn(where), QStringList{QStringLiteral("demo.aicp")});
    }

    void demoMadeEarlierIsOpenedNotRemade() {
        const QString demoPath = dir_.filePath(QStringLiteral("demo/demo.aicp"));
        QVERIFY(QFile::exists(demoPath));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.setDemoPath(demoPath);
        wizard.show();
        QVERIFY(child<QCommandLinkButton>(wizard, "exploreDemoButton")
                    ->description()
                    .startsWith(QStringLiteral("Open the demo workspace made earlier")));
        wizard.exploreDemo();
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 30000);
        auto session = wizard.takeSession();
        QVERIFY(session);
        QVERIFY(!session->createdDemo());
    }

    void welcomeDoesNotComeBackAfterExploringTheDemo() {
        // The demo sits beside the per-user default workspace, which does not exist.
        const QString home = dir_.filePath(QStringLiteral("home/workspace.aicp"));
        const QString demoPath = dir_.filePath(QStringLiteral("home/demo.aicp"));
        QVERIFY(QDir().mkpath(dir_.filePath(QStringLiteral("home"))));
        QVERIFY(QFile::copy(dir_.filePath(QStringLiteral("demo/demo.aicp")), demoPath));
        rememberDemo(false);
        QCOMPARE(StartWorkspace::decide({}, {}, home, demoRemembered()).kind,
                 StartWorkspace::Kind::FirstRun);

        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.setDemoPath(demoPath);
        wizard.show();
        wizard.exploreDemo();
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 30000);
        QVERIFY(demoRemembered());
        // The next start opens the demo straight away, not the welcome.
        const StartWorkspace next = StartWorkspace::decide({}, {}, home, demoRemembered());
        QCOMPARE(next.kind, StartWorkspace::Kind::Demo);
        QCOMPARE(next.path, demoPath);

        // Opening a workspace of one's own ends it: the welcome is back.
        FirstRunWizard again(FirstRunWizard::Purpose::FirstRun);
        again.setFileChooser([&](QWidget*, const QString&, const QString&, const QString&, bool) {
            return dir_.filePath(QStringLiteral("vendor.aicp"));
        });
        again.show();
        again.openExisting();
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QVERIFY(!demoRemembered());
        QCOMPARE(StartWorkspace::decide({}, {}, home, demoRemembered()).kind,
                 StartWorkspace::Kind::FirstRun);
    }

    void vendorPathCreatesAVendorWorkspaceWithItsKey() {
        const QString where = folder(QStringLiteral("vendor"));
        const QString path = QDir(where).filePath(QStringLiteral("acme.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.show();
        goToLocation(wizard);
        auto* pathInput = child<QLineEdit>(wizard, "workspacePathInput");
        QVERIFY(!pathInput->text().isEmpty());  // the per-user default, suggested
        pathInput->setText(path);
        QVERIFY(child<QRadioButton>(wizard, "vendorModeButton")->isChecked());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::VendorPageId));

        QAbstractButton* finish = wizard.button(QWizard::FinishButton);
        auto* hint = child<QLabel>(wizard, "passphraseHint");
        QVERIFY(!finish->isEnabled());
        QCOMPARE(hint->text(), QStringLiteral("Type the name licenses are issued under."));
        QTest::keyClicks(child<QLineEdit>(wizard, "vendorNameInput"), QStringLiteral("Acme AI"));
        QTest::keyClicks(child<QLineEdit>(wizard, "passphraseInput"), QStringLiteral("short"));
        QCOMPARE(hint->text(), QStringLiteral("Too short: at least 8 characters."));
        QVERIFY(!finish->isEnabled());
        child<QLineEdit>(wizard, "passphraseInput")->setText(kNewPassphrase);
        QTest::keyClicks(child<QLineEdit>(wizard, "passphraseRepeatInput"),
                         QStringLiteral("correct horse"));
        QCOMPARE(hint->text(), QStringLiteral("The two passphrases differ."));
        QVERIFY(!finish->isEnabled());
        QTest::keyClicks(child<QLineEdit>(wizard, "passphraseRepeatInput"),
                         QStringLiteral(" battery"));
        QVERIFY(finish->isEnabled());
        QVERIFY(!QFile::exists(path));  // nothing before Finish

        QTest::mouseClick(finish, Qt::LeftButton);
        // Cancel is refused while the key is being made; Back and Cancel are off.
        if (wizard.isBusy()) {
            QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled());
            QVERIFY(!wizard.button(QWizard::CancelButton)->isEnabled());
            QVERIFY(!child<QLineEdit>(wizard, "passphraseInput")->isEnabled());
        }
        wizard.reject();
        QVERIFY(wizard.isVisible() || wizard.result() == QDialog::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 30000);
        auto session = wizard.takeSession();
        QVERIFY(session);
        QCOMPARE(session->path(), path);
        QCOMPARE(session->workspace().mode().value(), Workspace::Mode::Vendor);
        QCOMPARE(session->workspace().metaValue(QStringLiteral("vendor_name")).value(),
                 std::optional<QString>(QStringLiteral("Acme AI")));
        KeyStore keys(session->workspace());
        auto signing = keys.find();
        QVERIFY(signing.ok());
        QVERIFY(signing->isSigning && signing->hasPrivateKey);
        QVERIFY(keys.unlockSigningKey(kNewPassphrase.toUtf8()).ok());
        QVERIFY(!keys.unlockSigningKey("wrong passphrase").ok());
        // Built under a temporary name and renamed: nothing else is left.
        session.reset();
        QCOMPARE(filesIn(where), QStringList{QStringLiteral("acme.aicp")});
    }

    void customerPathImportsTheLicenseReceived() {
        const QString where = folder(QStringLiteral("customer"));
        const QString path = QDir(where).filePath(QStringLiteral("initech.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.show();
        goToLocation(wizard);
        child<QLineEdit>(wizard, "workspacePathInput")->setText(path);
        child<QRadioButton>(wizard, "customerModeButton")->click();
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::CustomerPageId));

        auto* page = child<CustomerLicensePage>(wizard, "customerLicensePage");
        QAbstractButton* finish = wizard.button(QWizard::FinishButton);
        QVERIFY(!finish->isEnabled());
        // A file changed after signing: refused in words, with the way on.
        page->setPublicKeyPath(publicKeyPath_);
        page->setLicensePath(tamperedPath_);
        QVERIFY(!finish->isEnabled());
        QVERIFY2(page->outcome().contains(QStringLiteral("does not match its signature")),
                 qPrintable(page->outcome()));
        QVERIFY(page->outcome().contains(QStringLiteral("Choose another file to try again")));
        // The right license with another vendor's key.
        page->setPublicKeyPath(otherPublicKeyPath_);
        page->setLicensePath(licensePath_);
        QVERIFY(!finish->isEnabled());
        QVERIFY2(page->outcome().contains(QStringLiteral("was not signed with this public key")),
                 qPrintable(page->outcome()));
        // A key that is no key.
        page->setPublicKeyPath(licensePath_);
        QVERIFY2(page->outcome().contains(QStringLiteral("is not a public key")),
                 qPrintable(page->outcome()));
        // Retry with the right pair.
        page->setPublicKeyPath(publicKeyPath_);
        QVERIFY(finish->isEnabled());
        QCOMPARE(page->outcome(),
                 QStringLiteral("✓ Valid until %1: Initech (initech), tier professional. Signed "
                                "by the vendor's key %2.")
                     .arg(licenseExpiry_, vendorKid_));

        QTest::mouseClick(finish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 30000);
        auto session = wizard.takeSession();
        QVERIFY(session);
        Workspace& workspace = session->workspace();
        QCOMPARE(workspace.mode().value(), Workspace::Mode::Customer);
        auto keys = KeyStore(workspace).list();
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), std::size_t(1));
        QVERIFY(!keys->front().hasPrivateKey);
        auto customers = session->customers();
        QCOMPARE(customers->size(), std::size_t(1));
        QCOMPARE(customers->front().id, QStringLiteral("initech"));
        QCOMPARE(customers->front().name, QStringLiteral("Initech"));
        // The license is in the registry, which every page reads, and nowhere else.
        auto held = LicenseRegistry(workspace).list();
        QVERIFY(held.ok());
        QCOMPARE(held->size(), std::size_t(1));
        QCOMPARE(QString::fromLatin1(held->front().key), licenseKey_);
        QCOMPARE(held->front().license.customerId, QStringLiteral("initech"));
        QCOMPARE(held->front().stateAt(QDateTime::currentDateTimeUtc()), LicenseState::Active);
        QCOMPARE(workspace.metaValue(QStringLiteral("customer_license")).value(), std::nullopt);
        const WorkspaceVerification again =
            verifyInWorkspace(workspace, licenseKey_.toLatin1(), QDateTime::currentDateTimeUtc());
        QCOMPARE(again.result.status, LicenseStatus::Valid);
        // A customer workspace never signs.
        QVERIFY(!KeyStore(workspace).generate("another passphrase").ok());
        session.reset();
        QCOMPARE(filesIn(where), QStringList{QStringLiteral("initech.aicp")});
    }

    void customerCanSkipTheLicense() {
        const QString where = folder(QStringLiteral("skip"));
        const QString path = QDir(where).filePath(QStringLiteral("later.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::NewWorkspace);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::LocationPageId));
        wizard.locationPage()->setPath(path);
        wizard.locationPage()->setMode(Workspace::Mode::Customer);
        wizard.next();
        auto* page = child<CustomerLicensePage>(wizard, "customerLicensePage");
        page->setLicensePath(tamperedPath_);
        page->setPublicKeyPath(publicKeyPath_);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        child<QCheckBox>(wizard, "skipLicenseCheck")->click();
        QVERIFY(!child<QLineEdit>(wizard, "licensePathInput")->isEnabled());
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 30000);
        auto session = wizard.takeSession();
        QVERIFY(session);
        QCOMPARE(session->workspace().mode().value(), Workspace::Mode::Customer);
        QVERIFY(KeyStore(session->workspace()).list()->empty());
        QVERIFY(session->customers()->empty());
    }

    void cancelLeavesNoFile() {
        const QString where = folder(QStringLiteral("cancel"));
        const QString path = QDir(where).filePath(QStringLiteral("never.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        wizard.show();
        QCOMPARE(wizard.button(QWizard::CancelButton)->text(), QStringLiteral("&Quit"));
        goToLocation(wizard);
        child<QLineEdit>(wizard, "workspacePathInput")->setText(path);
        wizard.next();
        child<QLineEdit>(wizard, "vendorNameInput")->setText(QStringLiteral("Acme AI"));
        child<QLineEdit>(wizard, "passphraseInput")->setText(kNewPassphrase);
        child<QLineEdit>(wizard, "passphraseRepeatInput")->setText(kNewPassphrase);
        QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Rejected));
        QVERIFY(!wizard.takeSession());
        QVERIFY(filesIn(where).isEmpty());
        QVERIFY(!QFile::exists(Workspace::defaultPath()));
    }

    void failedCreationLeavesNothing() {
        const QString where = folder(QStringLiteral("failed"));
        NewWorkspace plan;
        plan.path = QDir(where).filePath(QStringLiteral("half.aicp"));
        plan.vendorName = QStringLiteral("Acme AI");
        plan.passphrase = "short";  // KeyStore refuses it after the file was made
        auto made = plan.create();
        QVERIFY(!made.ok());
        QVERIFY2(made.error().message().startsWith(QStringLiteral("generating the signing key")),
                 qPrintable(made.error().message()));
        QVERIFY(filesIn(where).isEmpty());
    }

    void existingFileIsNotOverwritten() {
        const QString where = folder(QStringLiteral("existing"));
        const QString path = QDir(where).filePath(QStringLiteral("taken.aicp"));
        QVERIFY(writeFile(path, "someone's file"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::NewWorkspace);
        wizard.show();
        wizard.locationPage()->setPath(path);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<QLabel>(wizard, "workspacePathHint")
                    ->text()
                    .startsWith(QStringLiteral("A file already exists there.")));
        wizard.locationPage()->setPath(where);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("someone's file"));
    }

    void openExistingOpensTheChosenFile() {
        const QString path = dir_.filePath(QStringLiteral("vendor.aicp"));
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        QStringList asked;
        wizard.setFileChooser(
            [&](QWidget*, const QString& title, const QString&, const QString&, bool save) {
                asked.append(title + (save ? QStringLiteral(" (save)") : QString()));
                return path;
            });
        wizard.show();
        QTest::mouseClick(child<QCommandLinkButton>(wizard, "openWorkspaceButton"), Qt::LeftButton);
        QCOMPARE(asked, QStringList{QStringLiteral("Open Workspace")});
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        auto session = wizard.takeSession();
        QVERIFY(session);
        QCOMPARE(session->path(), path);
    }

    void everyInputHasANameAndATip() {
        FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
        for (QWidget* widget : wizard.findChildren<QWidget*>()) {
            if (!qobject_cast<QLineEdit*>(widget) && !qobject_cast<QAbstractButton*>(widget))
                continue;
            if (widget->objectName().isEmpty() || widget->objectName().startsWith(u'_') ||
                widget->objectName().startsWith(QStringLiteral("qt_")))
                continue;  // QWizard's own buttons
            auto* button = qobject_cast<QAbstractButton*>(widget);
            QVERIFY2(!widget->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                     qPrintable(widget->objectName()));
            QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(widget->objectName()));
        }
    }

    void mainWindowNewWorkspaceRunsTheCreateFlow() {
        const QString where = folder(QStringLiteral("menu"));
        const QString path = QDir(where).filePath(QStringLiteral("second.aicp"));
        auto first = WorkspaceSession::open(dir_.filePath(QStringLiteral("vendor.aicp")),
                                            WorkspaceSession::WhenMissing::Refuse);
        QVERIFY(first.ok());
        MainWindow window(std::move(first).value());
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("newWorkspaceAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
        // Disabled while the pages load from the first workspace.
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
        bool drove = false;
        QTimer::singleShot(0, this, [&] {
            auto* wizard = qobject_cast<FirstRunWizard*>(QApplication::activeModalWidget());
            if (!wizard)
                return;
            // From the menu there is no welcome page: it starts on the location.
            drove = wizard->currentId() == FirstRunWizard::LocationPageId;
            wizard->locationPage()->setPath(path);
            wizard->locationPage()->setMode(Workspace::Mode::Customer);
            wizard->next();
            child<QCheckBox>(*wizard, "skipLicenseCheck")->click();
            wizard->button(QWizard::FinishButton)->click();
        });
        action->trigger();  // returns when the wizard is done
        QVERIFY(drove);
        QCOMPARE(window.windowFilePath(), path);
        QVERIFY(QFile::exists(path));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
