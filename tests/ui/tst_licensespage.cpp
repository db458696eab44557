#include "audit/auditedsettings.h"
#include "consoletest.h"
#include "customers/customer.h"
#include "dialogs/passphrasedialog.h"
#include "licensing/keystore.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/licenses/licensetablemodel.h"
#include "pages/licenses/revokelicensedialog.h"
#include "pages/licenses/verifylicensedialog.h"
#include "storage/workspace.h"
#include "workspacesession.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");

LicenseRequest request(const QString& customerId, const QString& name, const QString& tier,
                       int days) {
    LicenseRequest r;
    r.customerId = customerId;
    r.customerName = name;
    r.tier = tier;
    r.expiresAt = QDateTime::currentDateTimeUtc().addDays(days);
    return r;
}

}  // namespace

// Drives the Licenses page over a real workspace: a signing key and two
// licenses issued through the registry before the page is built, then the
// page's own issue, upgrade, renew, revoke and verify, with the passphrase
// and the revocation confirmation answered by the test.
class TestLicensesPage : public test::PageTest<LicensesPage> {
    Q_OBJECT

private:
    LicenseRecord acme_;
    LicenseRecord globex_;

    QTableView* table() const {
        return page_->findChild<QTableView*>(QStringLiteral("licenseTable"));
    }
    int rows() const { return table()->model()->rowCount(); }
    QStringList column(int column, int role = Qt::DisplayRole) const {
        QStringList values;
        for (int row = 0; row < rows(); ++row)
            values.append(table()->model()->index(row, column).data(role).toString());
        return values;
    }
    QString stateOf(const QUuid& id) const {
        auto* model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, LicenseTableModel::IdColumn).data(Qt::ToolTipRole).toString() ==
                id.toString(QUuid::WithoutBraces))
                return model->index(row, 0).data(LicenseTableModel::StateRole).toString();
        }
        return QStringLiteral("<not shown>");
    }
    QAction* action(const char* name) const {
        return page_->findChild<QAction*>(QString::fromLatin1(name));
    }
    LicenseDetailsView* details() const {
        return page_->findChild<LicenseDetailsView*>(QStringLiteral("licenseDetails"));
    }
    PriceBook priceBook() const { return workspace_->priceBook().value(); }
    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!page_->isBusy(), 10000); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() {
        openNewWorkspace();
        QVERIFY(KeyStore(*workspace_).generate(kPassphrase));
        for (auto [record, wanted] :
             {std::pair{&acme_, request(QStringLiteral("acme-corp"), QStringLiteral("Acme Corp"),
                                        QStringLiteral("professional"), 365)},
              std::pair{&globex_, request(QStringLiteral("globex"), QStringLiteral("Globex"),
                                          QStringLiteral("starter"), 20)}}) {
            auto issued = LicenseRegistry(*workspace_).issue(wanted, kPassphrase);
            QVERIFY(issued);
            *record = *issued;
        }

        page_ = std::make_unique<LicensesPage>();
        page_->setWorkspace(workspace_.get(), priceBook());
        page_->setPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(kPassphrase); });
        QVERIFY(showPage());
    }

    void cleanup() { closePage(); }

    void registryListsEveryLicenseWithItsState() {
        QCOMPARE(rows(), 2);
        QCOMPARE(column(LicenseTableModel::CustomerColumn).size(), 2);
        QVERIFY(column(LicenseTableModel::CustomerColumn).contains(QStringLiteral("Acme Corp")));
        QVERIFY(column(LicenseTableModel::TierColumn).contains(QStringLiteral("Professional")));
        QCOMPARE(column(LicenseTableModel::StateColumn),
                 (QStringList{QStringLiteral("Active"), QStringLiteral("Active")}));
        QCOMPARE(stateOf(acme_.license.id), QStringLiteral("active"));
        QCOMPARE(page_->findChild<QLabel*>(QStringLiteral("licenseCount"))->text(),
                 QStringLiteral("2 licenses"));
        QVERIFY(column(LicenseTableModel::IdColumn)
                    .contains(acme_.license.id.toString(QUuid::WithoutBraces).left(8)));
    }

    void filtersFollowTheCustomerTierStateAndText() {
        page_->setCustomerFilter(QStringLiteral("acme-corp"));
        QCOMPARE(column(LicenseTableModel::CustomerColumn),
                 QStringList{QStringLiteral("Acme Corp")});
        QCOMPARE(page_->findChild<QLabel*>(QStringLiteral("licenseCount"))->text(),
                 QStringLiteral("1 of 2 licenses"));

        auto* tier = page_->findChild<QComboBox*>(QStringLiteral("tierFilter"));
        tier->setCurrentIndex(tier->findData(QStringLiteral("starter")));
        QCOMPARE(rows(), 0);
        page_->setCustomerFilter(QString());
        QCOMPARE(column(LicenseTableModel::CustomerColumn), QStringList{QStringLiteral("Globex")});
        tier->setCurrentIndex(0);

        // Globex's license ends in 20 days: expiring soon, and flagged in the Expires column.
        auto* state = page_->findChild<QComboBox*>(QStringLiteral("stateFilter"));
        state->setCurrentIndex(state->findData(QStringLiteral("expiring-soon")));
        QCOMPARE(column(LicenseTableModel::CustomerColumn), QStringList{QStringLiteral("Globex")});
        QVERIFY(table()
                    ->model()
                    ->index(0, LicenseTableModel::ExpiresColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Expires in")));
        state->setCurrentIndex(state->findData(QStringLiteral("revoked")));
        QCOMPARE(rows(), 0);
        state->setCurrentIndex(0);

        QTest::keyClicks(page_->findChild<QLineEdit*>(QStringLiteral("licenseSearch")),
                         QStringLiteral("acme"));
        QCOMPARE(column(LicenseTableModel::CustomerColumn),
                 QStringList{QStringLiteral("Acme Corp")});
    }

    void sortsByExpiry() {
        table()->sortByColumn(LicenseTableModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(column(LicenseTableModel::CustomerColumn),
                 (QStringList{QStringLiteral("Globex"), QStringLiteral("Acme Corp")}));
        table()->sortByColumn(LicenseTableModel::ExpiresColumn, Qt::DescendingOrder);
        QCOMPARE(column(LicenseTableModel::CustomerColumn),
                 (QStringList{QStringLiteral("Acme Corp"), QStringLiteral("Globex")}));
    }

    void detailsShowEveryEntitlement() {
        QVERIFY(page_->selectLicense(acme_.license.id));
        LicenseDetailsView* view = details();
        QCOMPARE(view->field(QStringLiteral("Customer id")), QStringLiteral("acme-corp"));
        QCOMPARE(view->field(QStringLiteral("Tier")),
                 QStringLiteral("Professional (professional)"));
        QCOMPARE(view->field(QStringLiteral("Requests / month")), QStringLiteral("1,000,000"));
        QCOMPARE(view->field(QStringLiteral("Seats")), QStringLiteral("10"));
        QCOMPARE(view->field(QStringLiteral("Agents")), QStringLiteral("25"));
        QVERIFY(view->field(QStringLiteral("Features")).contains(QStringLiteral("Single sign-on")));
        QCOMPARE(view->field(QStringLiteral("Audit")), QStringLiteral("Basic, 30 days' retention"));
        QCOMPARE(view->field(QStringLiteral("Discount")), QStringLiteral("None"));
        QCOMPARE(view->field(QStringLiteral("Term")), QStringLiteral("Month to month"));
        QCOMPARE(view->field(QStringLiteral("Grace period")).left(8), QStringLiteral("14 days,"));
        QCOMPARE(view->field(QStringLiteral("Signing key")), KeyStore(*workspace_).find()->kid);
        QCOMPARE(view->field(QStringLiteral("License id")),
                 acme_.license.id.toString(QUuid::WithoutBraces));
        QVERIFY(view->field(QStringLiteral("Reason")).isEmpty());  // not revoked
    }

    void issueDialogPreviewsAndRefusesWithTheReason() {
        auto customers = CustomerStore(*workspace_).list().value();
        LicenseIssueDialog dialog(priceBook(), customers);
        dialog.show();
        dialog.selectCustomer(QStringLiteral("acme-corp"));
        auto* tier = dialog.findChild<QComboBox*>(QStringLiteral("tierInput"));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* preview = dialog.findChild<LicenseDetailsView*>();

        tier->setCurrentIndex(tier->findData(QStringLiteral("professional")));
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
        QCOMPARE(preview->field(QStringLiteral("Seats")), QStringLiteral("10"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("previewPrice"))->text(),
                 QStringLiteral("$999.00 / month"));

        dialog.findChild<QSpinBox*>(QStringLiteral("seatsInput"))->setValue(15);
        QCOMPARE(preview->field(QStringLiteral("Seats")), QStringLiteral("15"));
        dialog.findChild<QCheckBox*>(QStringLiteral("pack_toxicity"))->setChecked(true);
        QCOMPARE(preview->field(QStringLiteral("Policy packs")), QStringLiteral("Toxicity"));
        auto request = dialog.request();
        QVERIFY(request);
        QCOMPARE(request->customerName, QStringLiteral("Acme Corp"));
        QCOMPARE(request->seats, std::optional<std::int64_t>(15));
        QCOMPARE(request->policyPacks, QStringList{QStringLiteral("toxicity")});

        // Packs on open_source: the registry's own refusal, OK disabled.
        dialog.findChild<QSpinBox*>(QStringLiteral("seatsInput"))->setValue(0);
        tier->setCurrentIndex(tier->findData(QStringLiteral("open_source")));
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.problem(),
                 QStringLiteral("the open_source tier has no policy packs; choose a paid tier"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("issueProblem"))->text(),
                 QStringLiteral("Cannot issue: The open_source tier has no policy packs; choose "
                                "a paid tier"));
        QVERIFY(!dialog.request());

        dialog.findChild<QCheckBox*>(QStringLiteral("pack_toxicity"))->setChecked(false);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("previewPrice"))->text(),
                 QStringLiteral("$0.00 / month"));
    }

    void issueDialogRefusesAnExpiryBeforeTheStart() {
        LicenseIssueDialog dialog(priceBook(), CustomerStore(*workspace_).list().value());
        dialog.findChild<QRadioButton*>(QStringLiteral("untilDateInput"))->setChecked(true);
        dialog.findChild<QDateEdit*>(QStringLiteral("untilInput"))
            ->setDate(QDate::currentDate().addDays(-3));
        QVERIFY2(dialog.problem().startsWith(QStringLiteral("the license would expire")),
                 qPrintable(dialog.problem()));
    }

    void issueDialogTakesANewCustomer() {
        LicenseIssueDialog dialog(priceBook(), CustomerStore(*workspace_).list().value());
        auto* customer = dialog.findChild<QComboBox*>(QStringLiteral("customerInput"));
        customer->setCurrentIndex(customer->count() - 1);  // New customer…
        QCOMPARE(dialog.problem(), QStringLiteral("Give the new customer an id."));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("newCustomerIdInput")),
                         QStringLiteral("initech"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("newCustomerNameInput")),
                         QStringLiteral("Initech"));
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        auto made = dialog.request();
        QVERIFY(made);
        QCOMPARE(made->customerId, QStringLiteral("initech"));

        // Issued through the page, in the background; the new row is selected.
        QSignalSpy finished(page_.get(), &LicensesPage::operationFinished);
        QVERIFY(page_->issue(*made));
        QVERIFY(page_->isBusy());
        QVERIFY(!action("issueLicenseAction")->isEnabled());
        waitUntilIdle();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.front().at(0).toBool(), true);
        QCOMPARE(rows(), 3);
        QVERIFY2(page_->message().startsWith(QStringLiteral("Issued Professional license ")),
                 qPrintable(page_->message()));
        QCOMPARE(page_->selectedRecord()->license.customerId, QStringLiteral("initech"));
        QCOMPARE(CustomerStore(*workspace_).find(QStringLiteral("initech"))->name,
                 QStringLiteral("Initech"));
    }

    void wrongPassphraseIsRefusedInWords() {
        page_->setPassphraseProvider([](QWidget*, const QString&) {
            return std::optional<QByteArray>("not the passphrase");
        });
        QVERIFY(page_->issue(request(QStringLiteral("acme-corp"), QStringLiteral("Acme Corp"),
                                     QStringLiteral("starter"), 30)));
        waitUntilIdle();
        QCOMPARE(rows(), 2);
        QVERIFY2(page_->message().contains(QStringLiteral("passphrase"), Qt::CaseInsensitive),
                 qPrintable(page_->message()));
    }

    void cancelledPassphraseSignsNothing() {
        page_->setPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(); });
        QVERIFY(!page_->issue(request(QStringLiteral("acme-corp"), QStringLiteral("Acme Corp"),
                                      QStringLiteral("starter"), 30)));
        QCOMPARE(rows(), 2);
        QCOMPARE(page_->message(), QStringLiteral("Cancelled; nothing was signed."));
    }

    void upgradeSupersedesTheOldLicense() {
        QVERIFY(page_->selectLicense(acme_.license.id));
        LicenseIssueDialog dialog(priceBook(), CustomerStore(*workspace_).list().value());
        dialog.setUpgradeOf(acme_.license);
        auto* tier = dialog.findChild<QComboBox*>(QStringLiteral("tierInput"));
        QCOMPARE(tier->currentData().toString(), QStringLiteral("professional"));
        QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("customerInput"))->isEnabled());
        tier->setCurrentIndex(tier->findData(QStringLiteral("enterprise")));
        auto changes = dialog.request();
        QVERIFY2(changes, changes ? "" : qPrintable(changes.error().message()));
        QCOMPARE(changes->supersedes, std::optional<QUuid>(acme_.license.id));
        QCOMPARE(changes->expiresAt, acme_.license.expiresAt);  // keeps the old end

        QVERIFY(page_->upgradeSelected(*changes));
        waitUntilIdle();
        QCOMPARE(rows(), 3);
        const LicenseRecord upgraded = *page_->selectedRecord();
        QCOMPARE(upgraded.license.tier, QStringLiteral("enterprise"));
        QCOMPARE(upgraded.license.supersedes, std::optional<QUuid>(acme_.license.id));
        QCOMPARE(stateOf(acme_.license.id), QStringLiteral("superseded"));
        QVERIFY(column(LicenseTableModel::SupersedesColumn)
                    .contains(acme_.license.id.toString(QUuid::WithoutBraces).left(8)));
        QCOMPARE(details()->field(QStringLiteral("Supersedes")),
                 acme_.license.id.toString(QUuid::WithoutBraces));
    }

    void renewStartsWhenTheOldOneEnds() {
        QVERIFY(page_->selectLicense(globex_.license.id));
        QVERIFY(page_->renewSelected());
        waitUntilIdle();
        const LicenseRecord renewed = *page_->selectedRecord();
        QCOMPARE(renewed.license.notBefore, globex_.license.expiresAt);
        QCOMPARE(stateOf(renewed.license.id), QStringLiteral("not-yet-valid"));
        QCOMPARE(stateOf(globex_.license.id), QStringLiteral("superseded"));
    }

    void revokeAsksWhyThenRecordsIt() {
        QVERIFY(page_->selectLicense(globex_.license.id));
        QString askedAbout;
        page_->setRevocationReasonProvider(
            [&askedAbout](QWidget*, const LicenseRecord& record, const QString& tier) {
                askedAbout = record.license.customerName + QLatin1Char('/') + tier;
                return std::optional<QString>(QStringLiteral("Contract terminated"));
            });
        QVERIFY2(action("revokeLicenseAction")->isEnabled(),
                 qPrintable(action("revokeLicenseAction")->toolTip()));
        action("revokeLicenseAction")->trigger();
        waitUntilIdle();
        QCOMPARE(askedAbout, QStringLiteral("Globex/Starter"));
        QCOMPARE(stateOf(globex_.license.id), QStringLiteral("revoked"));
        QCOMPARE(details()->field(QStringLiteral("Reason")), QStringLiteral("Contract terminated"));
        QVERIFY(!details()->field(QStringLiteral("Revoked by")).isEmpty());
        QVERIFY(!action("revokeLicenseAction")->isEnabled());
        QVERIFY(!action("renewLicenseAction")->isEnabled());
        QVERIFY(
            action("revokeLicenseAction")->toolTip().contains(QStringLiteral("already revoked")));

        // The published list makes the verifier refuse the key.
        VerifyLicenseDialog verify(*workspace_, priceBook());
        verify.setText(QString::fromLatin1(globex_.key));
        verify.verify();
        QCOMPARE(verify.outcomeWord(), QStringLiteral("revoked"));
    }

    void revokeBackedOutChangesNothing() {
        QVERIFY(page_->selectLicense(globex_.license.id));
        page_->setRevocationReasonProvider([](QWidget*, const LicenseRecord&, const QString&) {
            return std::optional<QString>();
        });
        QVERIFY(!page_->revokeSelected());
        QCOMPARE(stateOf(globex_.license.id), QStringLiteral("active"));
    }

    void revokeDialogNeedsAReasonAndAnAcknowledgement() {
        RevokeLicenseDialog dialog(globex_, QStringLiteral("Starter"));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("revokeLead"))
                    ->text()
                    .contains(QStringLiteral("Globex")));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("revokeConsequences"))
                    ->text()
                    .contains(globex_.license.id.toString(QUuid::WithoutBraces)));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("revokeConsequences"))
                    ->text()
                    .contains(QStringLiteral("cannot be undone")));
        QVERIFY(!ok->isEnabled());
        dialog.setReason(QStringLiteral("   "));
        dialog.setAcknowledged(true);
        QVERIFY(!ok->isEnabled());
        dialog.setReason(QStringLiteral("Fraud"));
        QVERIFY(ok->isEnabled());
        dialog.setAcknowledged(false);
        QVERIFY(!ok->isEnabled());
    }

    void verifyShowsTheOutcomeAndEveryEntitlement() {
        VerifyLicenseDialog verify(*workspace_, priceBook());
        verify.setText(QString::fromLatin1(acme_.key));
        verify.verify();
        QCOMPARE(verify.outcomeWord(), QStringLiteral("valid"));
        QCOMPARE(verify.findChild<QLabel*>(QStringLiteral("verifyOutcome"))->text(),
                 QStringLiteral("valid"));
        QCOMPARE(verify.details()->field(QStringLiteral("Customer id")),
                 QStringLiteral("acme-corp"));
        QCOMPARE(verify.details()->field(QStringLiteral("Agents")), QStringLiteral("25"));

        // The license file reads the same.
        verify.setText(QString::fromUtf8(licenseFileText(acme_.key, acme_.license)));
        verify.verify();
        QCOMPARE(verify.outcomeWord(), QStringLiteral("valid"));

        // One character of the signature changed.
        QByteArray tampered = acme_.key;
        const qsizetype at = tampered.size() - 10;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        verify.setText(QString::fromLatin1(tampered));
        verify.verify();
        QCOMPARE(verify.outcomeWord(), QStringLiteral("bad-signature"));
        QVERIFY(!verify.reason().isEmpty());
        QVERIFY(verify.details()->field(QStringLiteral("Customer id")).isEmpty());

        verify.setText(QStringLiteral("hello"));
        verify.verify();
        QCOMPARE(verify.outcomeWord(), QStringLiteral("malformed"));
    }

    void verifyReadsALicenseFile() {
        QVERIFY(page_->selectLicense(acme_.license.id));
        const QString path = dir_.filePath(QStringLiteral("acme.lic"));
        QVERIFY(page_->saveSelectedLicenseFile(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(licenseKeyFromText(file.readAll()).value(), acme_.key);

        VerifyLicenseDialog verify(*workspace_, priceBook());
        QVERIFY(verify.loadLicenseFile(path));
        QCOMPARE(verify.outcomeWord(), QStringLiteral("valid"));
        QVERIFY(!verify.loadLicenseFile(dir_.filePath(QStringLiteral("missing.lic"))));
    }

    void copyKeyPutsTheKeyOnTheClipboard() {
        QVERIFY(page_->selectLicense(globex_.license.id));
        action("copyLicenseKeyAction")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(globex_.key));
    }

    void customerWorkspaceCannotSign() {
        QVERIFY(aicp::setWorkspaceMode(*workspace_, Workspace::Mode::Customer));
        page_->reload();
        QVERIFY(page_->selectLicense(acme_.license.id));
        for (const char* name : {"issueLicenseAction", "renewLicenseAction", "upgradeLicenseAction",
                                 "revokeLicenseAction"}) {
            QVERIFY2(!action(name)->isEnabled(), name);
            QVERIFY2(action(name)->toolTip().contains(QStringLiteral("customer workspace")),
                     qPrintable(action(name)->toolTip()));
        }
        QVERIFY(action("verifyLicenseAction")->isEnabled());
        QVERIFY(action("copyLicenseKeyAction")->isEnabled());
        QVERIFY(!page_->findChild<QLabel*>(QStringLiteral("customerModeBanner"))->isHidden());
        QVERIFY(!page_->issue(request(QStringLiteral("acme-corp"), QStringLiteral("Acme Corp"),
                                      QStringLiteral("starter"), 30)));
        QCOMPARE(rows(), 2);
    }

    void noKeyYetSaysWhereToMakeOne() {
        auto fresh = Workspace::open(dir_.filePath(QStringLiteral("nokey.aicp"))).value();
        page_->setWorkspace(fresh.get(), priceBook());
        QCOMPARE(rows(), 0);
        QVERIFY(!action("issueLicenseAction")->isEnabled());
        QVERIFY2(action("issueLicenseAction")->toolTip().contains(QStringLiteral("Settings")),
                 qPrintable(action("issueLicenseAction")->toolTip()));
        page_->setWorkspace(nullptr, priceBook());
    }
};

QTEST_MAIN(TestLicensesPage)
#include "tst_licensespage.moc"
