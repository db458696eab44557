// The dialogs and the first-run welcome, shot on their own (not from inside
// the window's event loop) so each can be filled in first.

#include "customers/customer.h"
#include "dialogs/companydialog.h"
#include "dialogs/customerdialog.h"
#include "dialogs/grantcreditdialog.h"
#include "dialogs/passphrasedialog.h"
#include "firstrun/customerlicensepage.h"
#include "firstrun/firstrunwizard.h"
#include "firstrun/locationpage.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "metering/livesources.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/revokelicensedialog.h"
#include "pages/licenses/verifylicensedialog.h"
#include "pages/settings/pricebookeditor.h"
#include "pages/usage/livesourcedialog.h"
#include "shooter.h"
#include "storage/workspace.h"
#include "teamworkspacedialog.h"
#include "workspacesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>

namespace aicp::shots {

namespace {

template <typename T>
T* child(const QWidget& parent, const char* name) {
    return parent.findChild<T*>(QString::fromLatin1(name));
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The customer's license in force and one revoked license of the workspace.
struct Licenses {
    std::optional<LicenseRecord> shown;
    std::optional<LicenseRecord> revoked;
};

Licenses pickLicenses(Workspace& workspace, const Scene& scene) {
    Licenses picked;
    const auto all = LicenseRegistry(workspace).list();
    if (!all)
        return picked;
    picked.shown = licenseInForce(*all, scene.customer, scene.now);
    for (const LicenseRecord& record : *all)
        if (record.revocation)
            picked.revoked = record;
    return picked;
}

// A 36-month enterprise deal billed annually in advance, with a minimum
// commitment and a month's trial, starting on the first of next month.
void enterEnterpriseDeal(LicenseIssueDialog& issue) {
    const QDate today = QDate::currentDate();
    const QDate start = QDate(today.year(), today.month(), 1).addMonths(1);
    auto* tier = child<QComboBox>(issue, "tierInput");
    tier->setCurrentIndex(tier->findData(QStringLiteral("enterprise")));
    child<QDateEdit>(issue, "startInput")->setDate(start);
    child<QRadioButton>(issue, "untilDateInput")->setChecked(true);
    child<QDateEdit>(issue, "untilInput")->setDate(start.addMonths(36));
    auto* term = child<QComboBox>(issue, "termMonthsInput");
    term->setCurrentIndex(term->findData(36));
    auto* billing = child<QComboBox>(issue, "billingPeriodInput");
    billing->setCurrentIndex(billing->findData(static_cast<int>(BillingPeriod::Annual)));
    child<QCheckBox>(issue, "commitmentInput")->setChecked(true);
    child<QLineEdit>(issue, "commitmentAmountInput")->setText(QStringLiteral("60000"));
    auto* period = child<QComboBox>(issue, "commitmentPeriodInput");
    period->setCurrentIndex(period->findData(static_cast<int>(Commitment::Period::Year)));
    child<QCheckBox>(issue, "trialInput")->setChecked(true);
    child<QDateEdit>(issue, "trialUntilInput")->setDate(start.addMonths(1));
}

void shootIssueTerms(Shooter& shooter, WorkspaceSession& session, const QString& folder) {
    LicenseIssueDialog issue(session.priceBook(), session.customers().valueOr({}));
    issue.setRegisteredLicenses(LicenseRegistry(session.workspace()).list().valueOr({}));
    issue.selectCustomer(QStringLiteral("initech"));
    enterEnterpriseDeal(issue);
    shooter.expect(issue.problem().isEmpty(),
                   QStringLiteral("the enterprise deal is refused: %1").arg(issue.problem()));
    // As the console opens it on a 1280x800 screen.
    issue.resize(issue.sizeHint().boundedTo(QSize(1240, 740)));
    issue.show();
    shooter.save(issue, folder + QStringLiteral("issue-terms.png"));
    // A trial that ends after the license: refused beside the field.
    child<QDateEdit>(issue, "trialUntilInput")
        ->setDate(child<QDateEdit>(issue, "untilInput")->date().addMonths(1));
    shooter.save(issue, folder + QStringLiteral("issue-terms-refused.png"));
}

void shootIssue(Shooter& shooter, WorkspaceSession& session, const QString& folder) {
    LicenseIssueDialog issue(session.priceBook(), session.customers().valueOr({}));
    issue.setRegisteredLicenses(LicenseRegistry(session.workspace()).list().valueOr({}));
    issue.selectCustomer(QStringLiteral("globex"));
    child<QCheckBox>(issue, "pack_toxicity")->setChecked(true);
    child<QCheckBox>(issue, "module_gdpr")->setChecked(true);
    child<QLineEdit>(issue, "discountInput")->setText(QStringLiteral("10"));
    issue.resize(1060, 680);
    issue.show();
    shooter.save(issue, folder + QStringLiteral("issue.png"));
    auto* tier = child<QComboBox>(issue, "tierInput");
    tier->setCurrentIndex(tier->findData(QStringLiteral("open_source")));
    shooter.save(issue, folder + QStringLiteral("issue-refused.png"));
}

void shootVerify(Shooter& shooter, WorkspaceSession& session, const Licenses& licenses,
                 const QString& folder) {
    VerifyLicenseDialog verify(session.workspace(), session.priceBook());
    verify.resize(1060, 640);
    verify.show();
    const struct {
        const std::optional<LicenseRecord>& record;
        const char* file;
    } cases[] = {{licenses.shown, "verify.png"}, {licenses.revoked, "verify-revoked.png"}};
    for (const auto& each : cases) {
        if (!shooter.expect(each.record.has_value(),
                            QStringLiteral("no license for %1").arg(QLatin1String(each.file))))
            continue;
        verify.setText(QString::fromLatin1(each.record->key));
        verify.verify();
        shooter.save(verify, folder + QLatin1String(each.file));
    }
}

}  // namespace

// Settings ▸ Price book ▸ New Version…: starter up to $359 from December,
// with its impact; then a mistake, named by tier and row.
void shootPriceBookEditor(Shooter& shooter, Workspace& workspace, const QString& folder) {
    auto book = workspace.priceBook();
    if (!shooter.expect(book.ok(), QStringLiteral("the demo has no price book")))
        return;
    PriceBookEditor editor(book->latest(), QStringLiteral("2026.12"), QDate(2026, 12, 1),
                           [&workspace](const PriceBook& edited) {
                               return importPriceBook(workspace, edited,
                                                      PriceBookImportMode::DryRun);
                           });
    editor.show();
    editor.table()->item(2, 1)->setText(QStringLiteral("359"));
    QTest::qWait(400);  // the edit is checked 300 ms after it is typed
    shooter.expect(
        QTest::qWaitFor([&] { return editor.problem().isEmpty(); }, 5000),
        QStringLiteral("the edited price book version is not valid: %1").arg(editor.problem()));
    shooter.save(editor, folder + QStringLiteral("pricebook-version.png"));
    editor.table()->item(9, 2)->setText(QStringLiteral("ten"));
    QTest::qWait(400);
    shooter.expect(QTest::qWaitFor([&] { return !editor.problem().isEmpty(); }, 5000),
                   QStringLiteral("a count of 'ten' seats was taken"));
    shooter.save(editor, folder + QStringLiteral("pricebook-version-refused.png"));
    PriceBookEditor viewer(book->latest());
    viewer.show();
    shooter.save(viewer, folder + QStringLiteral("pricebook-view.png"));
}

void shootLicenseDialogs(Shooter& shooter, const Scene& scene, const QString& folder) {
    auto session = WorkspaceSession::open(scene.db, WorkspaceSession::WhenMissing::Refuse);
    if (!shooter.expect(session.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
        return;
    const Licenses licenses = pickLicenses((*session)->workspace(), scene);
    shootIssue(shooter, **session, folder);
    shootIssueTerms(shooter, **session, folder);
    shootVerify(shooter, **session, licenses, folder);
    if (licenses.shown) {
        const TierDefinition* tier =
            (*session)->priceBook().latest().tier(licenses.shown->license.tier);
        RevokeLicenseDialog revoke(*licenses.shown, tier ? tier->name : QString());
        revoke.setReason(QStringLiteral("Contract terminated for non-payment"));
        revoke.show();
        shooter.save(revoke, folder + QStringLiteral("revoke.png"));
    }
    shootPriceBookEditor(shooter, (*session)->workspace(), folder);
    PassphraseDialog passphrase(PassphraseDialog::Kind::NewKey,
                                QStringLiteral("Choose the passphrase for the new signing key."));
    passphrase.show();
    QTest::keyClicks(child<QLineEdit>(passphrase, "passphraseInput"), QStringLiteral("abc"));
    shooter.save(passphrase, folder + QStringLiteral("passphrase.png"));
}

void shootProfileDialogs(Shooter& shooter, const Scene& scene, const QString& folder) {
    auto session = WorkspaceSession::open(scene.db, WorkspaceSession::WhenMissing::Refuse);
    if (!shooter.expect(session.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
        return;
    Workspace& workspace = (*session)->workspace();
    // Filled in, never saved: the demo workspace stays as it was.
    CompanyDialog company(workspace);
    child<QLineEdit>(company, "sellerNameInput")->setText(QStringLiteral("Acme AI Ltd"));
    child<QPlainTextEdit>(company, "sellerAddressInput")
        ->setPlainText(QStringLiteral("1 Dock Street\nLondon E1 8AA"));
    child<QLineEdit>(company, "sellerCountryInput")->setText(QStringLiteral("GB"));
    child<QLineEdit>(company, "sellerTaxIdInput")->setText(QStringLiteral("GB 123 4567 89"));
    child<QLineEdit>(company, "sellerEmailInput")->setText(QStringLiteral("billing@acme.ai"));
    child<QPlainTextEdit>(company, "sellerPaymentInput")
        ->setPlainText(QStringLiteral("Barclays, IBAN GB33 BUKB 2020 1555 5555 55\nReference: "
                                      "the invoice number"));
    company.show();
    shooter.save(company, folder + QStringLiteral("company.png"));
    child<QLineEdit>(company, "sellerCountryInput")->setText(QStringLiteral("UK"));
    shooter.save(company, folder + QStringLiteral("company-refused.png"));

    CustomerDialog customer(workspace, scene.customer);
    child<QLineEdit>(customer, "customerLegalNameInput")->setText(QStringLiteral("Initech GmbH"));
    child<QLineEdit>(customer, "customerCountryInput")->setText(QStringLiteral("DE"));
    child<QLineEdit>(customer, "customerCurrencyInput")->setText(QStringLiteral("EUR"));
    child<QLineEdit>(customer, "customerTaxIdInput")->setText(QStringLiteral("DE 123 456 789"));
    customer.show();
    shooter.save(customer, folder + QStringLiteral("customer.png"));
    child<QLineEdit>(customer, "customerTaxIdInput")->setText(QStringLiteral("DE 12#"));
    shooter.save(customer, folder + QStringLiteral("customer-refused.png"));

    // Grant Credit…, filled in; then an amount the core refuses (nothing is written).
    const auto found = CustomerStore(workspace).find(scene.customer);
    GrantCreditDialog grant(workspace, scene.customer,
                            found ? found->currency : QStringLiteral("USD"));
    child<QLineEdit>(grant, "creditAmountInput")->setText(QStringLiteral("10000.00"));
    child<QLineEdit>(grant, "creditPaidInput")->setText(QStringLiteral("9000.00"));
    child<QCheckBox>(grant, "creditExpiresCheck")->setChecked(true);
    child<QDateEdit>(grant, "creditExpiryInput")->setDate(scene.now.date().addYears(1));
    child<QLineEdit>(grant, "creditReasonInput")
        ->setText(QStringLiteral("Prepaid annual commitment, 10 % bonus"));
    grant.show();
    shooter.save(grant, folder + QStringLiteral("grantcredit.png"));
    child<QLineEdit>(grant, "creditAmountInput")->setText(QStringLiteral("0"));
    shooter.expect(!grant.grant().ok(), QStringLiteral("a credit of 0 was granted"));
    shooter.save(grant, folder + QStringLiteral("grantcredit-refused.png"));
}

void shootLiveSourceDialogs(Shooter& shooter, const QString& folder) {
    LiveSource openMeter;
    openMeter.name = QStringLiteral("OpenMeter (self-hosted)");
    openMeter.kind = LiveSourceKind::OpenMeter;
    openMeter.url = QUrl(QStringLiteral("https://openmeter.example.com"));
    openMeter.intervalMinutes = 30;
    openMeter.openMeter.requestsMeter = QStringLiteral("governed_requests");
    openMeter.openMeter.packsMeter = QStringLiteral("pack_requests");
    openMeter.openMeter.packKey = QStringLiteral("pack");
    openMeter.openMeter.usersMeter = QStringLiteral("user_requests");
    LiveSourceDialog dialog(openMeter);
    dialog.show();
    dialog.accept();  // the users meter without its key: the message shows
    shooter.save(dialog, folder + QStringLiteral("livesource-openmeter.png"));
    // An aicp source's dialog shows none of the meters.
    LiveSource gateway;
    gateway.name = QStringLiteral("Gateway EU");
    gateway.url = QUrl(QStringLiteral("https://gateway-eu.example.com"));
    gateway.intervalMinutes = 15;
    LiveSourceDialog plain(gateway);
    plain.show();
    shooter.save(plain, folder + QStringLiteral("livesource-aicp.png"));
}

void shootTeamWorkspaceDialog(Shooter& shooter, const QString& folder) {
    // Offered from the recent list; the server is not there, so the test
    // says why in its one line.
    TeamWorkspaceDialog dialog({QStringLiteral("postgresql:///aicp?host=/run/postgresql"),
                                QStringLiteral("postgresql://finance@db.example.com/aicp")});
    dialog.show();
    dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"))->click();
    shooter.expect(QTest::qWaitFor([&] { return !dialog.isTrying(); }, 8000),
                   QStringLiteral("the team workspace's connection test did not end"));
    shooter.save(dialog, folder + QStringLiteral("teamworkspace.png"));
}

namespace {

// The files a customer is sent (the demo vendor's public key and the
// customer's license) and another vendor's key, which did not sign it.
struct CustomerFiles {
    QString publicKey;
    QString otherPublicKey;
    QString license;
};

std::optional<CustomerFiles> writeCustomerFiles(const Scene& scene) {
    CustomerFiles files{QDir(scene.scratch).filePath(QStringLiteral("aicp-public-key.pem")),
                        QDir(scene.scratch).filePath(QStringLiteral("other-public-key.pem")),
                        QDir(scene.scratch).filePath(QStringLiteral("customer.lic"))};
    if (QFile::exists(files.license))
        return files;
    auto demo = Workspace::open(scene.db);
    if (!demo)
        return std::nullopt;
    const auto key = KeyStore(**demo).find();
    const Licenses licenses = pickLicenses(**demo, scene);
    auto other = Workspace::open(QDir(scene.scratch).filePath(QStringLiteral("other-vendor.aicp")));
    if (!key || !licenses.shown || !other)
        return std::nullopt;
    const auto otherKey = KeyStore(**other).generate("other vendor passphrase");
    if (!otherKey || !writeFile(files.publicKey, key->publicKeyPem) ||
        !writeFile(files.otherPublicKey, otherKey->publicKeyPem) ||
        !writeFile(files.license, licenseFileText(licenses.shown->key, licenses.shown->license)))
        return std::nullopt;
    return files;
}

}  // namespace

void shootFirstRun(Shooter& shooter, const Scene& scene, const QString& folder) {
    const auto files = writeCustomerFiles(scene);
    if (!shooter.expect(files.has_value(), QStringLiteral("cannot write the customer's files")))
        return;
    const QString fresh = QDir(scene.scratch).filePath(QStringLiteral("workspace.aicp"));
    const auto save = [&](FirstRunWizard& wizard, const char* name) {
        shooter.save(wizard, folder + QLatin1String(name) + QStringLiteral(".png"));
    };
    FirstRunWizard wizard(FirstRunWizard::Purpose::FirstRun);
    wizard.setDemoPath(QDir(scene.scratch).filePath(QStringLiteral("demo.aicp")));
    wizard.show();
    save(wizard, "welcome");
    QTest::mouseClick(child<QCommandLinkButton>(wizard, "createWorkspaceButton"), Qt::LeftButton);
    wizard.locationPage()->setPath(fresh);
    save(wizard, "location");
    wizard.locationPage()->setPath(scene.db);
    save(wizard, "location-taken");
    wizard.locationPage()->setPath(fresh);
    wizard.next();
    child<QLineEdit>(wizard, "vendorNameInput")->setText(QStringLiteral("Acme AI"));
    child<QLineEdit>(wizard, "passphraseInput")->setText(QStringLiteral("short"));
    save(wizard, "vendor");
    const QString passphrase = QStringLiteral("correct horse battery");
    child<QLineEdit>(wizard, "passphraseInput")->setText(passphrase);
    child<QLineEdit>(wizard, "passphraseRepeatInput")->setText(passphrase);
    save(wizard, "vendor-ready");
    wizard.back();
    wizard.locationPage()->setMode(Workspace::Mode::Customer);
    wizard.next();
    auto* page = child<CustomerLicensePage>(wizard, "customerLicensePage");
    save(wizard, "customer");
    page->setPublicKeyPath(files->otherPublicKey);
    page->setLicensePath(files->license);
    save(wizard, "customer-wrong-key");
    page->setPublicKeyPath(files->publicKey);
    save(wizard, "customer-ready");
    page->showBusy(QStringLiteral("Creating the workspace…"));
    page->setInputsEnabled(false);
    save(wizard, "customer-busy");
    wizard.reject();
}

}  // namespace aicp::shots
