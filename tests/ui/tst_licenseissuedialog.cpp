#include "billing/monthlybill.h"
#include "consoletest.h"
#include "customers/customer.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "money/moneyformat.h"
#include "pages/licenses/firstinvoiceview.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "storage/workspace.h"

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace aicp;

namespace {

const QByteArray kPassphrase("correct horse battery");

QDate firstOfNextMonth() {
    const QDate today = QDate::currentDate();
    return QDate(today.year(), today.month(), 1).addMonths(1);
}

}  // namespace

// The issue dialog's contract terms (SPEC section 10) over a real workspace:
// billing period, commitment and trial typed into the form are the terms the
// registry signs; the registry's own reason refuses a trial that does not
// fit; the preview shows the first invoice computeMonthlyBill gives.
class TestLicenseIssueDialog : public test::PageTest<LicensesPage> {
    Q_OBJECT

private:
    LicenseRecord acme_;

    PriceBook priceBook() const { return workspace_->priceBook().value(); }
    std::unique_ptr<LicenseIssueDialog> dialogFor(const QString& customerId) const {
        auto dialog = std::make_unique<LicenseIssueDialog>(
            priceBook(), CustomerStore(*workspace_).list().value());
        dialog->setRegisteredLicenses(LicenseRegistry(*workspace_).list().value());
        dialog->selectCustomer(customerId);
        return dialog;
    }
    template <typename T>
    static T* input(const LicenseIssueDialog& dialog, const char* name) {
        T* found = dialog.findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no input %s", name);
        return found;
    }
    // A 36-month enterprise deal billed annually in advance, at least
    // 60,000.00 a contract year, free for its first month.
    static void enterEnterpriseDeal(LicenseIssueDialog& dialog, QDate start) {
        auto* tier = input<QComboBox>(dialog, "tierInput");
        tier->setCurrentIndex(tier->findData(QStringLiteral("enterprise")));
        input<QDateEdit>(dialog, "startInput")->setDate(start);
        input<QRadioButton>(dialog, "untilDateInput")->setChecked(true);
        input<QDateEdit>(dialog, "untilInput")->setDate(start.addMonths(36));
        auto* term = input<QComboBox>(dialog, "termMonthsInput");
        term->setCurrentIndex(term->findData(36));
        auto* billing = input<QComboBox>(dialog, "billingPeriodInput");
        billing->setCurrentIndex(billing->findData(static_cast<int>(BillingPeriod::Annual)));
        input<QCheckBox>(dialog, "commitmentInput")->setChecked(true);
        QTest::keyClicks(input<QLineEdit>(dialog, "commitmentAmountInput"),
                         QStringLiteral("60000"));
        auto* period = input<QComboBox>(dialog, "commitmentPeriodInput");
        period->setCurrentIndex(period->findData(static_cast<int>(Commitment::Period::Year)));
        input<QCheckBox>(dialog, "trialInput")->setChecked(true);
        input<QDateEdit>(dialog, "trialUntilInput")->setDate(start.addMonths(1));
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void init() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        openNewWorkspace();
        QVERIFY(KeyStore(*workspace_).generate(kPassphrase));
        LicenseRequest first;
        first.customerId = QStringLiteral("acme-corp");
        first.customerName = QStringLiteral("Acme Corp");
        first.tier = QStringLiteral("professional");
        first.expiresAt = QDateTime::currentDateTimeUtc().addDays(365);
        auto issued = LicenseRegistry(*workspace_).issue(first, kPassphrase);
        QVERIFY(issued);
        acme_ = *issued;
        page_ = std::make_unique<LicensesPage>();
        page_->setWorkspace(workspace_.get(), priceBook());
        page_->setPassphraseProvider(
            [](QWidget*, const QString&) { return std::optional<QByteArray>(kPassphrase); });
        QVERIFY(showPage());
    }

    void cleanup() { closePage(); }

    void annualDealWithCommitmentAndTrialIsStoredAsTyped() {
        const QDate start = firstOfNextMonth();
        page_->setIssueDialogRunner([start](LicenseIssueDialog& dialog) {
            auto* customer = input<QComboBox>(dialog, "customerInput");
            customer->setCurrentIndex(customer->count() - 1);  // New customer…
            QTest::keyClicks(input<QLineEdit>(dialog, "newCustomerIdInput"),
                             QStringLiteral("initech"));
            QTest::keyClicks(input<QLineEdit>(dialog, "newCustomerNameInput"),
                             QStringLiteral("Initech"));
            enterEnterpriseDeal(dialog, start);
            return dialog.problem().isEmpty() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        QVERIFY(page_->openIssueDialog());
        QTRY_VERIFY_WITH_TIMEOUT(!page_->isBusy(), 10000);

        const LicenseRecord issued = *page_->selectedRecord();
        const ContractTerms& contract = issued.license.contract;
        QCOMPARE(issued.license.customerId, QStringLiteral("initech"));
        QCOMPARE(contract.termMonths, 36);
        QCOMPARE(contract.billingPeriod, BillingPeriod::Annual);
        QVERIFY(contract.commitment.has_value());
        QCOMPARE(contract.commitment->amount.toDecimalString(), QStringLiteral("60000.00"));
        QCOMPARE(contract.commitment->period, Commitment::Period::Year);
        QCOMPARE(contract.trialUntil, QDateTime(start.addMonths(1), QTime(0, 0), Qt::UTC));
        // And read back from the workspace, as the CLI would.
        auto stored = LicenseRegistry(*workspace_).find(issued.license.id);
        QVERIFY(stored);
        QCOMPARE(stored->license.contract.billingPeriod, BillingPeriod::Annual);
        QCOMPARE(stored->license.contract.commitment, contract.commitment);
        QCOMPARE(stored->license.contract.trialUntil, contract.trialUntil);

        auto* details = page_->findChild<LicenseDetailsView*>(QStringLiteral("licenseDetails"));
        QCOMPARE(details->field(QStringLiteral("Billing")), QStringLiteral("Annually, in advance"));
        QCOMPARE(details->field(QStringLiteral("Commitment")),
                 QStringLiteral("At least $60,000.00 per contract year"));
        QCOMPARE(details->field(QStringLiteral("Term")), QStringLiteral("36 months"));
        QVERIFY2(
            details->field(QStringLiteral("Trial")).startsWith(QStringLiteral("No charge before ")),
            qPrintable(details->field(QStringLiteral("Trial"))));
    }

    void previewShowsTheFirstInvoice() {
        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        auto* tier = input<QComboBox>(*dialog, "tierInput");
        tier->setCurrentIndex(tier->findData(QStringLiteral("professional")));
        // A whole month of Professional, billed monthly: its base price.
        input<QDateEdit>(*dialog, "startInput")->setDate(firstOfNextMonth().addMonths(1));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        auto* invoice = dialog->findChild<FirstInvoiceView*>();
        QVERIFY(invoice);
        QCOMPARE(invoice->totalText(), QStringLiteral("$999.00"));
        QCOMPARE(invoice->lineTexts().constFirst(),
                 QStringLiteral("Professional base subscription: $999.00"));

        // The enterprise deal: whatever the month's bill says, the preview shows.
        enterEnterpriseDeal(*dialog, firstOfNextMonth());
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        auto request = dialog->request();
        QVERIFY(request);
        auto draft = buildLicensePayload(*request, priceBook().latest(), QStringLiteral("k"),
                                         QDateTime::currentDateTimeUtc());
        QVERIFY(draft);
        auto bill =
            draftFirstInvoice(*draft, LicenseRegistry(*workspace_).list().value(), priceBook());
        QVERIFY(bill);
        QCOMPARE(bill->month, YearMonth::of(firstOfNextMonth()));
        QCOMPARE(invoice->totalText(), formatMoney(bill->total, QLocale(), bill->currency));
        QCOMPARE(invoice->lineTexts().size(), qsizetype(bill->lines.size()));
    }

    void previewSettlesAYearlyCommitmentClosingInItsMonth() {
        // Starter for 2026, billed monthly, at least 6,000.00 a contract
        // year, upgraded to professional from 2026-12-10. The year closes on
        // 2027-01-01, so the preview of December settles it over the year,
        // its earlier months previewed like December, without usage:
        // 11 × 299.00 = 3,289.00; starter's 9 December days 299 × 9/31 =
        // 86.806… → 86.81; professional's 22 days 999 × 22/31 = 708.967… →
        // 708.97; charges 4,084.78, true-up 6,000.00 − 4,084.78 = 1,915.22.
        LicenseRecord starter;
        LicensePayload& old = starter.license;
        old.id = QUuid::createUuid();
        old.customerId = QStringLiteral("globex");
        old.customerName = QStringLiteral("Globex");
        old.tier = QStringLiteral("starter");
        old.auditTier = QStringLiteral("basic");
        old.issuedAt = QDateTime(QDate(2025, 12, 20), QTime(0, 0), Qt::UTC);
        old.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        old.expiresAt = old.notBefore.addYears(1);
        old.contract.commitment = Commitment::parse(QStringLiteral("6000.00/year")).value();
        LicensePayload upgrade = old;
        upgrade.id = QUuid::createUuid();
        upgrade.tier = QStringLiteral("professional");
        upgrade.issuedAt = QDateTime(QDate(2026, 12, 9), QTime(0, 0), Qt::UTC);
        upgrade.notBefore = QDateTime(QDate(2026, 12, 10), QTime(0, 0), Qt::UTC);
        upgrade.supersedes = old.id;
        auto bill = draftFirstInvoice(upgrade, {starter}, priceBook());
        QVERIFY2(bill, bill ? "" : qPrintable(bill.error().message()));
        QCOMPARE(bill->axisTotal(BillAxis::CommitmentTrueUp),
                 Money::parse(QStringLiteral("1915.22")).value());
        QCOMPARE(bill->total, Money::parse(QStringLiteral("2711.00")).value());
    }

    void trialAfterTheLicenseDisablesOkWithTheReason() {
        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        input<QSpinBox>(*dialog, "daysInput")->setValue(30);
        QVERIFY(ok->isEnabled());
        input<QCheckBox>(*dialog, "trialInput")->setChecked(true);
        input<QDateEdit>(*dialog, "trialUntilInput")->setDate(QDate::currentDate().addDays(60));
        QVERIFY(!ok->isEnabled());
        QVERIFY2(
            dialog->problem().startsWith(QStringLiteral("contract.trial_until: the trial ends")),
            qPrintable(dialog->problem()));
        QVERIFY(dialog->problem().contains(QStringLiteral("after the license")));
        auto* beside = dialog->findChild<QLabel*>(QStringLiteral("contractTermsProblem"));
        QVERIFY(beside->isVisibleTo(dialog.get()));
        QVERIFY2(beside->text().startsWith(QStringLiteral("Trial: the trial ends")),
                 qPrintable(beside->text()));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("issueProblem"))
                    ->text()
                    .startsWith(QStringLiteral("Cannot issue: Trial: the trial ends")));
        QVERIFY(!dialog->request());
        QVERIFY(dialog->findChild<FirstInvoiceView*>()->totalText().isEmpty());

        // Within the license again: OK comes back, the reason goes.
        input<QDateEdit>(*dialog, "trialUntilInput")->setDate(QDate::currentDate().addDays(10));
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
        QVERIFY(!beside->isVisibleTo(dialog.get()));
    }

    void commitmentWithoutAnAmountIsRefused() {
        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        input<QCheckBox>(*dialog, "commitmentInput")->setChecked(true);
        QCOMPARE(dialog->problem(),
                 QStringLiteral("contract.commitment: give the least amount the customer pays"));
        QTest::keyClicks(input<QLineEdit>(*dialog, "commitmentAmountInput"), QStringLiteral("0"));
        QVERIFY2(dialog->problem().startsWith(QStringLiteral("contract.commitment: ")),
                 qPrintable(dialog->problem()));
        QTest::keyClicks(input<QLineEdit>(*dialog, "commitmentAmountInput"), QStringLiteral("5"));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        QCOMPARE(dialog->request()->contract.commitment->amount.toDecimalString(),
                 QStringLiteral("5.00"));
    }

    void annualShorterThanAMonthIsRefusedByTheRegistry() {
        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        input<QSpinBox>(*dialog, "daysInput")->setValue(20);
        auto* billing = input<QComboBox>(*dialog, "billingPeriodInput");
        billing->setCurrentIndex(billing->findData(static_cast<int>(BillingPeriod::Annual)));
        QVERIFY2(dialog->problem().startsWith(QStringLiteral(
                     "contract.billing_period: an annual license runs at least a month")),
                 qPrintable(dialog->problem()));
    }

    void upgradeKeepsTheContractTerms() {
        LicenseRequest annual = LicenseRequest::from(acme_.license);
        annual.notBefore = {};
        annual.contract.billingPeriod = BillingPeriod::Annual;
        annual.contract.commitment = Commitment::parse(QStringLiteral("1500.00/month")).value();
        auto issued = LicenseRegistry(*workspace_).issue(annual, kPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));

        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        dialog->setUpgradeOf(issued->license);
        QCOMPARE(input<QComboBox>(*dialog, "billingPeriodInput")->currentData().toInt(),
                 static_cast<int>(BillingPeriod::Annual));
        QVERIFY(input<QCheckBox>(*dialog, "commitmentInput")->isChecked());
        QCOMPARE(input<QLineEdit>(*dialog, "commitmentAmountInput")->text(),
                 QStringLiteral("1500.00"));
        auto changes = dialog->request();
        QVERIFY2(changes, changes ? "" : qPrintable(changes.error().message()));
        QCOMPARE(changes->contract.billingPeriod, BillingPeriod::Annual);
        QCOMPARE(changes->contract.commitment, annual.contract.commitment);
    }

    // Instances and activation start at the tier's (professional: 10,
    // floating, every 600 s); what is changed goes into the request and the
    // signed license; an upgrade shows the terms chosen before.
    void activationTermsStartAtTheTiersAndAreSigned() {
        auto dialog = dialogFor(QStringLiteral("acme-corp"));
        auto* tier = input<QComboBox>(*dialog, "tierInput");
        tier->setCurrentIndex(tier->findData(QStringLiteral("professional")));
        auto* instances = input<QSpinBox>(*dialog, "instancesInput");
        QCOMPARE(instances->value(), 0);
        QCOMPARE(instances->specialValueText(), QStringLiteral("Tier's (10)"));
        auto untouched = dialog->request();
        QVERIFY(untouched);
        QVERIFY(!untouched->instances.has_value());
        QVERIFY(!untouched->activationMode.has_value());

        instances->setValue(12);
        auto* mode = input<QComboBox>(*dialog, "activationModeInput");
        mode->setCurrentIndex(mode->findData(static_cast<int>(ActivationMode::NodeLocked)));
        input<QSpinBox>(*dialog, "heartbeatInput")->setValue(300);
        auto chosen = dialog->request();
        QVERIFY2(chosen, chosen ? "" : qPrintable(chosen.error().message()));
        QCOMPARE(*chosen->instances, std::optional<std::int64_t>(12));
        QCOMPARE(*chosen->activationMode, ActivationMode::NodeLocked);
        QCOMPARE(*chosen->heartbeatSeconds, 300);
        auto issued = LicenseRegistry(*workspace_).issue(*chosen, kPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));
        QCOMPARE(issued->license.activation,
                 (ActivationTerms{12, ActivationMode::NodeLocked, 300}));

        // Too short a heartbeat is the registry's reason, and Sign is off.
        input<QSpinBox>(*dialog, "heartbeatInput")->setValue(30);
        QVERIFY2(dialog->problem().contains(QStringLiteral("60 to 86400")),
                 qPrintable(dialog->problem()));

        auto upgrade = dialogFor(QStringLiteral("acme-corp"));
        upgrade->setUpgradeOf(issued->license);
        QCOMPARE(input<QSpinBox>(*upgrade, "instancesInput")->value(), 12);
        QCOMPARE(input<QComboBox>(*upgrade, "activationModeInput")->currentData().toInt(),
                 static_cast<int>(ActivationMode::NodeLocked));
        input<QCheckBox>(*upgrade, "unlimitedInstancesInput")->setChecked(true);
        auto unlimited = upgrade->request();
        QVERIFY(unlimited);
        QVERIFY(unlimited->instances.has_value() && !unlimited->instances->has_value());
    }
};

QTEST_MAIN(TestLicenseIssueDialog)
#include "tst_licenseissuedialog.moc"
