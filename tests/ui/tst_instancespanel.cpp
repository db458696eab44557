#include "common/idtext.h"
#include "consoletest.h"
#include "licensing/activationfile.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "pages/licenses/activationfiledialog.h"
#include "pages/licenses/instancespanel.h"
#include "pages/licenses/licensespage.h"
#include "storage/workspace.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");

}  // namespace

// The instances under a license's details on the Licenses page: the
// machines the license runs on, a release after confirming, and an
// activation file for an air-gapped site signed from the console.
class TestInstancesPanel : public test::PageTest<LicensesPage> {
    Q_OBJECT

private:
    LicenseRecord license_;
    int confirmations_ = 0;
    bool confirm_ = true;

    InstancesPanel* panel() const {
        return page_->findChild<InstancesPanel*>(QStringLiteral("instancesPanel"));
    }
    QTreeWidget* list() const {
        return page_->findChild<QTreeWidget*>(QStringLiteral("instancesList"));
    }
    QToolButton* button(const char* name) const {
        return page_->findChild<QToolButton*>(QString::fromLatin1(name));
    }
    void selectRow(int row) {
        list()->setCurrentItem(list()->topLevelItem(row));
        list()->topLevelItem(row)->setSelected(true);
    }
    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!page_->isBusy(), 10000); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() {
        openNewWorkspace();
        QVERIFY(KeyStore(*workspace_).generate(kPassphrase));
        LicenseRequest wanted;
        wanted.customerId = QStringLiteral("acme-corp");
        wanted.customerName = QStringLiteral("Acme Corp");
        wanted.tier = QStringLiteral("professional");
        wanted.instances = 3;
        wanted.expiresAt = QDateTime::currentDateTimeUtc().addDays(365);
        license_ = LicenseRegistry(*workspace_).issue(wanted, kPassphrase).value();
        for (const char* machine : {"sha256:gw-a", "sha256:gw-b"})
            QVERIFY(ActivationRegistry(*workspace_)
                        .activate(idText(license_.license.id),
                                  {QString::fromLatin1(machine), QStringLiteral("edge"), {}},
                                  kPassphrase));

        page_ = std::make_unique<LicensesPage>();
        page_->setWorkspace(workspace_.get(), workspace_->priceBook().value());
        page_->setPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(kPassphrase); });
        confirmations_ = 0;
        confirm_ = true;
        panel()->setConfirmer([this](QWidget*, const QString&, const QString&, const QString&) {
            ++confirmations_;
            return confirm_;
        });
        QVERIFY(showPage());
        QVERIFY(page_->selectLicense(license_.license.id));
    }

    void cleanup() { closePage(); }

    void listsTheMachinesWithTheirHeartbeat() {
        QCOMPARE(panel()->rowCount(), 2);
        QCOMPARE(panel()->summary(), QStringLiteral("2 of 3 instances in use."));
        QCOMPARE(list()->topLevelItem(0)->text(0), QStringLiteral("edge"));
        QCOMPARE(list()->topLevelItem(0)->text(1), QStringLiteral("Active"));
        QVERIFY(!list()->topLevelItem(0)->text(2).isEmpty());
        QVERIFY(list()->topLevelItem(0)->toolTip(0).contains(QStringLiteral("sha256:gw-")));
        QVERIFY(button("activationFileButton")->isEnabled());
        QVERIFY(!button("releaseInstanceButton")->isEnabled());  // nothing selected
    }

    void releasesOnlyAfterConfirming() {
        selectRow(0);
        QVERIFY(button("releaseInstanceButton")->isEnabled());
        confirm_ = false;
        QVERIFY(!panel()->releaseSelected());
        QCOMPARE(confirmations_, 1);
        QCOMPARE(ActivationRegistry(*workspace_).activeCount(license_.license.id).value(), 2);
        QCOMPARE(page_->message(), QStringLiteral("Not released."));

        confirm_ = true;
        selectRow(0);
        QVERIFY(panel()->releaseSelected());
        waitUntilIdle();
        QCOMPARE(ActivationRegistry(*workspace_).activeCount(license_.license.id).value(), 1);
        QCOMPARE(panel()->summary(), QStringLiteral("1 of 3 instances in use."));
        QVERIFY(page_->message().startsWith(QStringLiteral("Released the instance")));
        QVERIFY(list()->findItems(QStringLiteral("Released"), Qt::MatchExactly, 1).size() == 1);
    }

    void signsAnActivationFileForAnAirGappedSite() {
        const QString path = dir_.filePath(QStringLiteral("vault.act"));
        panel()->setFileRequestProvider([&path](QWidget*, const LicenseRecord&) {
            return std::optional<InstancesPanel::FileRequest>(
                {{QStringLiteral("sha256:vault"), QStringLiteral("vault-1"), 30}, path});
        });
        QVERIFY(panel()->issueFile());
        waitUntilIdle();
        QVERIFY2(page_->message().startsWith(QStringLiteral("Saved the activation file")),
                 qPrintable(page_->message()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ActivationVerification verdict = verifyActivation(
            file.readAll(), QStringLiteral("sha256:vault"),
            KeyStore(*workspace_).publicKeyRing().value(), QDateTime::currentDateTimeUtc());
        QVERIFY2(verdict.isUsable(), qPrintable(verdict.reason));
        QCOMPARE(panel()->summary(), QStringLiteral("3 of 3 instances in use."));

        // A fourth machine: refused, and no file is left behind.
        const QString fourth = dir_.filePath(QStringLiteral("fourth.act"));
        panel()->setFileRequestProvider([&fourth](QWidget*, const LicenseRecord&) {
            return std::optional<InstancesPanel::FileRequest>(
                {{QStringLiteral("sha256:four"), {}, 30}, fourth});
        });
        QVERIFY(panel()->issueFile());
        waitUntilIdle();
        QVERIFY2(page_->message().contains(QStringLiteral("3 of its 3 instances")),
                 qPrintable(page_->message()));
        QVERIFY(!QFile::exists(fourth));
    }

    void theDialogAcceptsOnlyAFingerprintAicpTakes() {
        ActivationFileDialog dialog(QStringLiteral("Acme Corp's license"),
                                    QDateTime::currentDateTimeUtc().addDays(30));
        QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.setFingerprint(QStringLiteral("has space"));
        QVERIFY(!ok->isEnabled());
        dialog.setFingerprint(QStringLiteral("sha256:4be1c0"));
        QVERIFY(ok->isEnabled());
        dialog.setDays(45);
        QCOMPARE(dialog.request().days, std::optional<std::int64_t>(45));
        QCOMPARE(dialog.request().fingerprint, QStringLiteral("sha256:4be1c0"));
    }
};

QTEST_MAIN(TestInstancesPanel)
#include "tst_instancespanel.moc"
