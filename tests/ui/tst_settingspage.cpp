#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "consoletest.h"
#include "dialogs/passphrasedialog.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "pages/settings/pricebookeditor.h"
#include "pages/settings/settingspage.h"
#include "pages/settings/signingkeymodel.h"
#include "payments/stripeaccount.h"
#include "storage/workspace.h"

#include <memory>

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");

}  // namespace

// Drives the Settings page's signing keys and workspace sections over a real
// workspace, with the new-key passphrase and the confirmations answered by
// the test.
class TestSettingsPage : public test::PageTest<SettingsPage> {
    Q_OBJECT

private:
    QStringList confirmations_;
    bool confirmAnswer_ = true;

    QPushButton* button(const char* name) const {
        return page_->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    QString label(const char* name) const {
        return page_->findChild<QLabel*>(QString::fromLatin1(name))->text();
    }
    QAbstractItemModel* keys() const {
        return page_->findChild<QTableView*>(QStringLiteral("signingKeyTable"))->model();
    }
    QStringList states() const {
        QStringList words;
        for (int row = 0; row < keys()->rowCount(); ++row)
            words.append(keys()->index(row, 0).data(SigningKeyModel::StateRole).toString());
        return words;
    }
    QStringList kids() const {
        QStringList values;
        for (int row = 0; row < keys()->rowCount(); ++row)
            values.append(keys()->index(row, SigningKeyModel::KidColumn).data().toString());
        return values;
    }
    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!page_->isBusy(), 10000); }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void init() {
        openNewWorkspace();
        page_ = std::make_unique<SettingsPage>();
        page_->setWorkspace(workspace_.get(), workspace_->priceBook().value());
        page_->setNewPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(kPassphrase); });
        page_->setUnlockPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(kPassphrase); });
        confirmations_.clear();
        confirmAnswer_ = true;
        page_->setConfirmer(
            [this](QWidget*, const QString& title, const QString& text, const QString&) {
                confirmations_.append(title + QLatin1Char('\n') + text);
                return confirmAnswer_;
            });
        QVERIFY(showPage({1000, 700}));
    }

    void cleanup() { closePage(); }

    void anEmptyWorkspaceOffersToGenerateOnly() {
        QCOMPARE(keys()->rowCount(), 0);
        QVERIFY(button("generateKeyButton")->isEnabled());
        QVERIFY(!button("rotateKeyButton")->isEnabled());
        QVERIFY(!button("exportPublicKeyButton")->isEnabled());
    }

    void generateThenRotateKeepsTheOldKeyVerifying() {
        QSignalSpy changed(page_.get(), &SettingsPage::keysChanged);
        QVERIFY(page_->generateKey());
        QVERIFY(page_->isBusy());
        QVERIFY(!button("generateKeyButton")->isEnabled());
        waitUntilIdle();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(states(), QStringList{QStringLiteral("signing")});
        const QString first = kids().front();
        QCOMPARE(first, KeyStore(*workspace_).find()->kid);
        QVERIFY2(page_->message().contains(first), qPrintable(page_->message()));
        QVERIFY(!button("generateKeyButton")->isEnabled());
        QVERIFY(button("rotateKeyButton")->isEnabled());

        QVERIFY(page_->rotateKey());
        waitUntilIdle();
        QCOMPARE(confirmations_.size(), 1);
        QVERIFY(confirmations_.front().contains(first));
        QVERIFY(confirmations_.front().contains(QStringLiteral("keeps verifying")));
        QCOMPARE(states(), (QStringList{QStringLiteral("signing"), QStringLiteral("retired")}));
        QCOMPARE(kids().back(), first);
        QCOMPARE(keys()->index(1, SigningKeyModel::StateColumn).data().toString(),
                 QStringLiteral("Retired — verifies only"));
        QVERIFY(keys()
                    ->index(1, SigningKeyModel::RetiredColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("UTC")));
        QCOMPARE(changed.size(), 2);
    }

    void rotationNeedsTheCurrentPassphrase() {
        QVERIFY(page_->generateKey());
        waitUntilIdle();
        page_->setUnlockPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>("not the one"); });
        QVERIFY(page_->rotateKey());
        waitUntilIdle();
        QCOMPARE(states(), QStringList{QStringLiteral("signing")});
        QVERIFY2(page_->message().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(page_->message()));
    }

    void rotationNotConfirmedChangesNothing() {
        QVERIFY(page_->generateKey());
        waitUntilIdle();
        confirmAnswer_ = false;
        QVERIFY(!page_->rotateKey());
        QCOMPARE(states(), QStringList{QStringLiteral("signing")});
    }

    void aShortPassphraseIsRefusedInWords() {
        page_->setNewPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>("short"); });
        QVERIFY(page_->generateKey());
        waitUntilIdle();
        QCOMPARE(keys()->rowCount(), 0);
        QVERIFY2(page_->message().contains(QStringLiteral("at least 8 characters")),
                 qPrintable(page_->message()));
    }

    void newPassphraseDialogAsksTwice() {
        PassphraseDialog dialog(PassphraseDialog::Kind::NewKey, QStringLiteral("First key"));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* first = dialog.findChild<QLineEdit*>(QStringLiteral("passphraseInput"));
        auto* second = dialog.findChild<QLineEdit*>(QStringLiteral("passphraseRepeatInput"));
        QCOMPARE(first->echoMode(), QLineEdit::Password);
        QCOMPARE(second->echoMode(), QLineEdit::Password);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(first, QStringLiteral("short"));
        QCOMPARE(dialog.problem(), QStringLiteral("Too short: at least 8 characters."));
        QTest::keyClicks(first, QStringLiteral(" but now long"));
        QCOMPARE(dialog.problem(), QStringLiteral("The two passphrases differ."));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(second, QStringLiteral("short but now long"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.passphrase(), QByteArray("short but now long"));
    }

    void exportWritesThePemAndImportTrustsIt() {
        QVERIFY(page_->generateKey());
        waitUntilIdle();
        const QString path = dir_.filePath(QStringLiteral("public.pem"));
        QVERIFY(page_->exportPublicKey(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        QCOMPARE(pem, KeyStore(*workspace_).find()->publicKeyPem);

        // A customer workspace imports it and lists it as verify-only.
        auto customer = Workspace::open(dir_.filePath(QStringLiteral("customer.aicp"))).value();
        QVERIFY(aicp::setWorkspaceMode(*customer, Workspace::Mode::Customer));
        page_->setWorkspace(customer.get(), customer->priceBook().value());
        QVERIFY(!button("generateKeyButton")->isEnabled());
        QVERIFY(button("generateKeyButton")->toolTip().contains(QStringLiteral("customer")));
        // Absent, not only disabled: a customer workspace never signs.
        QVERIFY(button("generateKeyButton")->isHidden());
        QVERIFY(button("rotateKeyButton")->isHidden());
        QVERIFY(!button("loadRevocationListButton")->isHidden());
        QVERIFY(button("importPublicKeyButton")->isEnabled());
        QVERIFY(page_->importPublicKey(path));
        QCOMPARE(states(), QStringList{QStringLiteral("verify-only")});
        QCOMPARE(kids(), QStringList{KeyStore(*workspace_).find()->kid});

        // The license in force, from the registry, is shown by name.
        QVERIFY2(label("customerLicense").startsWith(QStringLiteral("None received yet")),
                 qPrintable(label("customerLicense")));
        LicenseRequest request;
        request.customerId = QStringLiteral("acme-corp");
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("professional");
        request.expiresAt = QDateTime::currentDateTimeUtc().addDays(400);
        auto issued = LicenseRegistry(*workspace_).issue(request, kPassphrase);
        QVERIFY(issued.ok());
        QVERIFY(LicenseRegistry(*customer).add(issued->key).ok());
        page_->reload();
        QVERIFY2(label("customerLicense")
                     .startsWith(QStringLiteral("Professional for Acme Corp, until ")),
                 qPrintable(label("customerLicense")));

        const QString junk = dir_.filePath(QStringLiteral("junk.pem"));
        QFile bad(junk);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a key");
        bad.close();
        QVERIFY(!page_->importPublicKey(junk));
        page_->setWorkspace(nullptr, workspace_->priceBook().value());
    }

    void loadPriceBookStoresTheVendorsBookAndRefusesJunk() {
        // The vendor's book: the version held here and a newer one.
        QJsonObject newer = workspace_->priceBook()->latest().toJson();
        newer.insert(QStringLiteral("version"), QStringLiteral("2026.9-vendor"));
        newer.insert(QStringLiteral("effective_from"), QStringLiteral("2026-12-01"));
        const QByteArray vendorBook =
            QJsonDocument(
                QJsonObject{{QStringLiteral("schema"), 1},
                            {QStringLiteral("versions"),
                             QJsonArray{workspace_->priceBook()->latest().toJson(), newer}}})
                .toJson();
        const QString path = dir_.filePath(QStringLiteral("vendor-pricebook.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(vendorBook);
        file.close();

        QSignalSpy changed(page_.get(), &SettingsPage::priceBookChanged);
        QVERIFY(!button("loadPriceBookButton")->isHidden());
        const Status loaded = page_->loadPriceBook(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(workspace_->priceBook()->latest().version, QStringLiteral("2026.9-vendor"));
        QVERIFY(label("priceBookMessage").contains(QStringLiteral("2026.9-vendor")));
        // The same again changes nothing.
        QVERIFY(page_->loadPriceBook(path).ok());
        QCOMPARE(changed.count(), 1);
        QVERIFY(label("priceBookMessage").contains(QStringLiteral("already")));

        const QString junk = dir_.filePath(QStringLiteral("junk.json"));
        QFile bad(junk);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"versions\": 3}");
        bad.close();
        const Status refused = page_->loadPriceBook(junk);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().startsWith(
                     QStringLiteral("junk.json is not a usable price book: ")),
                 qPrintable(refused.error().message()));
        QCOMPARE(workspace_->priceBook()->latest().version, QStringLiteral("2026.9-vendor"));
        QCOMPARE(changed.count(), 1);
    }

    void newVersionIsSavedAsOneAuditedImport() {
        QSignalSpy changed(page_.get(), &SettingsPage::priceBookChanged);
        QString seededId;
        QDate seededFrom;
        page_->setEditorRunner([&](PriceBookEditor& editor) {
            seededId = editor.findChild<QLineEdit*>(QStringLiteral("versionIdInput"))->text();
            seededFrom = editor.findChild<QDateEdit*>(QStringLiteral("effectiveFromInput"))->date();
            editor.table()->item(2, 1)->setText(QStringLiteral("359"));  // starter's base
            // The edit is checked 300 ms after it is typed.
            QTest::qWait(400);
            return QTest::qWaitFor([&editor] { return editor.problem().isEmpty(); }, 5000);
        });
        QVERIFY(button("newPriceBookVersionButton")->isEnabled());
        const Status saved = page_->newPriceBookVersion();
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message()));
        // The first of next month, under its year and month.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate next = QDate(today.year(), today.month(), 1).addMonths(1);
        QCOMPARE(seededFrom, next);
        QCOMPARE(seededId, QStringLiteral("%1.%2").arg(next.year()).arg(next.month()));
        QCOMPARE(changed.count(), 1);
        auto book = workspace_->priceBook();
        QCOMPARE(book->versions().size(), std::size_t(2));
        QCOMPARE(book->latest().tier(QStringLiteral("starter"))->base.amount().toDecimalString(),
                 QStringLiteral("359.00"));
        QCOMPARE(AuditLog(*workspace_).entries()->back().action,
                 QStringLiteral("pricebook.import"));
        const auto* versions = page_->findChild<QTableWidget*>(QStringLiteral("priceBookVersions"));
        QCOMPARE(versions->rowCount(), 2);
        QCOMPARE(versions->item(1, 3)->text(), QStringLiteral("scheduled"));

        // Cancelled: nothing is written.
        page_->setEditorRunner([](PriceBookEditor&) { return false; });
        QVERIFY(page_->newPriceBookVersion().ok());
        QCOMPARE(workspace_->priceBook()->versions().size(), std::size_t(2));
        QCOMPARE(changed.count(), 1);
    }

    void workspaceSectionShowsModeAndSwitchesWithConfirmation() {
        QVERIFY(label("workspaceFile").endsWith(QStringLiteral(".aicp")));
        QVERIFY(label("workspaceMode").startsWith(QStringLiteral("Vendor")));
        QVERIFY(label("schemaVersion").startsWith(QString::number(Workspace::kSchemaVersion)));
        QVERIFY(!label("priceBookVersion").isEmpty());

        QSignalSpy changed(page_.get(), &SettingsPage::modeChanged);
        confirmAnswer_ = false;
        QVERIFY(!page_->switchMode());
        QCOMPARE(*workspace_->mode(), Workspace::Mode::Vendor);
        confirmAnswer_ = true;
        QVERIFY(page_->switchMode());
        QCOMPARE(*workspace_->mode(), Workspace::Mode::Customer);
        QVERIFY(confirmations_.back().contains(QStringLiteral("only verifies licenses")));
        QVERIFY(label("workspaceMode").startsWith(QStringLiteral("Customer")));
        QCOMPARE(button("switchModeButton")->text(), QStringLiteral("Switch to Vendor Mode…"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(page_->switchMode());
        QCOMPARE(*workspace_->mode(), Workspace::Mode::Vendor);
    }

    // Configure Stripe…: the key pasted in, stored, shown masked and audited
    // masked; a publishable key refused in words, with nothing stored.
    void stripeIsConfiguredWithTheKeyShownMasked() {
        QVERIFY(page_->stripeSummary().contains(QStringLiteral("not configured")));
        page_->setStripeProvider([](QWidget*) {
            return std::optional<SettingsPage::StripeChoice>({"pk_test_0123456789abcdef", QUrl()});
        });
        QVERIFY(!page_->configureStripe());
        QVERIFY2(page_->message().contains(QStringLiteral("publishable key")),
                 qPrintable(page_->message()));
        QVERIFY(!StripeSettings(*workspace_).account().value());

        const QByteArray key = "sk_live_51SettingsPage0123456789WXYZ";
        page_->setStripeProvider([&key](QWidget*) {
            return std::optional<SettingsPage::StripeChoice>({key, QUrl()});
        });
        QVERIFY(page_->configureStripe());
        QCOMPARE(page_->stripeSummary(),
                 QStringLiteral("Stripe: key sk_live_••••••••WXYZ, live mode at api.stripe.com"));
        QVERIFY(!page_->message().contains(QString::fromLatin1(key)));
        QCOMPARE(StripeSettings(*workspace_).account().value()->secretKey, key);
        const auto entries = AuditLog(*workspace_).entries().value();
        QCOMPARE(entries.back().action, QStringLiteral("stripe.configure"));
        QVERIFY(!QJsonDocument(entries.back().details).toJson().contains(key));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
