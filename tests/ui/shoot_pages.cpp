// Saves a 1280x800 PNG of every console page, as the README shows them, and
// of the dialogs, the first-run welcome and the pages' other states:
//   shoot_pages --db WORKSPACE --out DIR [--customer ID] [--month YYYY-MM]
// DIR/<page>.png       the README's pages (light, English)
// DIR/dark/…           the same pages, dialogs and welcome in a dark palette
// DIR/de/…             the pages and dialogs in German
// DIR/dialogs/…        issue, verify, revoke, passphrase, live source
// DIR/firstrun/…       every page and state of the welcome
// DIR/states/…         the pages' other states (itemised, revoked, hourly, …)
// DIR/customer/…       a customer's own workspace made from the demo, its
//                      upgrade request and the vendor's dialog opened from it
// The real MainWindow on an existing workspace (packaging/screenshots.sh makes
// the demo one), so the pictures are what a user sees, never a mock-up.

#include "accounting/ledger.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "billing/pricebookimport.h"
#include "common/idtext.h"
#include "company/seller.h"
#include "customers/customer.h"
#include "customerworkspace.h"
#include "demo/demoworkspace.h"
#include "desktopnotices.h"
#include "licensing/activationregistry.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "metering/livesources.h"
#include "pages/consolepage.h"
#include "pages/licenses/activationfiledialog.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/recommendations/recommendationspage.h"
#include "pages/recommendations/upgraderequestfiles.h"
#include "pages/reports/creditnotedialog.h"
#include "pages/reports/invoicespanel.h"
#include "pages/reports/ledgerpanel.h"
#include "pages/reports/reportspage.h"
#include "pages/usage/usagepage.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"
#include "recommend/upgraderequest.h"
#include "shooter.h"
#include "storage/workspace.h"
#include "support/darkpalette.h"
#include "support/stripestandin.h"
#include "tax/taxrates.h"
#include "workspacesession.h"

#include <cstdio>
#include <memory>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace aicp;
using namespace aicp::shots;

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "shoot_pages: %s\n", qPrintable(message));
    return 1;
}

bool select(MainWindow& window, const char* selector, const QVariant& value) {
    auto* box = window.findChild<QComboBox*>(QString::fromLatin1(selector));
    const int index = box ? box->findData(value) : -1;
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

// Selects the first row of a page's table whose `column` shows `text` (or
// whose `role` holds it), so the page shows that row in detail.
bool selectRow(MainWindow& window, const char* table, int column, const QString& text,
               int role = Qt::DisplayRole) {
    auto* view = window.findChild<QTableView*>(QString::fromLatin1(table));
    if (!view || !view->model())
        return false;
    const auto hits =
        view->model()->match(view->model()->index(0, column), role, text, 1, Qt::MatchExactly);
    if (hits.isEmpty())
        return false;
    view->selectRow(hits.front().row());
    return true;
}

// The main window on the scene's workspace, customer and month, its pages
// measuring against the scene's "now" so the pictures do not drift with the
// date they are taken on.
std::unique_ptr<MainWindow> openWindow(Shooter& shooter, const Scene& scene) {
    auto session = WorkspaceSession::open(scene.db, WorkspaceSession::WhenMissing::Refuse);
    if (!shooter.expect(session.ok(), session ? QString() : session.error().message()))
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(session).value());
    window->resize(1280, 800);
    window->show();
    const QDateTime now = scene.now;
    for (ConsolePage* page : window->findChildren<ConsolePage*>())
        page->setClock([now] { return now; });
    if (!shooter.expect(QTest::qWaitForWindowExposed(window.get()),
                        QStringLiteral("the window was never shown")) ||
        !shooter.expect(select(*window, "customerSelector", scene.customer),
                        QStringLiteral("no customer %1 in the workspace").arg(scene.customer)) ||
        !shooter.expect(select(*window, "monthSelector", scene.month),
                        QStringLiteral("the month %1 is not offered").arg(scene.month.toString())))
        return nullptr;
    return window;
}

// Shows `page`, waits for its work and saves the window as `name`.
void shootPage(Shooter& shooter, MainWindow& window, MainWindow::Page page, const QString& name) {
    window.showPage(page);
    if (shooter.expect(settle(window), QStringLiteral("%1: the work never finished").arg(name)))
        shooter.save(window, name);
}

// Every page, named as the README names them, below `folder`.
void shootPages(Shooter& shooter, const Scene& scene, const QString& folder) {
    const auto window = openWindow(shooter, scene);
    if (!window)
        return;
    const struct {
        MainWindow::Page page;
        const char* file;
        const char* table;  // whose customer row is selected, if any
        int customerColumn;
    } shots[] = {{MainWindow::Page::Dashboard, "dashboard.png", nullptr, 0},
                 {MainWindow::Page::Tiers, "tiers.png", nullptr, 0},
                 {MainWindow::Page::Licenses, "licenses.png", "licenseTable", 1},
                 {MainWindow::Page::Usage, "usage.png", nullptr, 0},
                 {MainWindow::Page::Recommendations, "recommendations.png", nullptr, 0},
                 {MainWindow::Page::Reports, "reports.png", "costReportTable", 0},
                 {MainWindow::Page::Settings, "settings.png", nullptr, 0}};
    const QString customerName =
        window->findChild<QComboBox*>(QStringLiteral("customerSelector"))->currentText();
    for (const auto& shot : shots) {
        window->showPage(shot.page);
        shooter.expect(
            settle(*window),
            QStringLiteral("%1: the page's work never finished").arg(QLatin1String(shot.file)));
        if (shot.table) {
            selectRow(*window, shot.table, shot.customerColumn, customerName);
            settle(*window);
        }
        shooter.save(*window, folder + QLatin1String(shot.file));
    }
}

// A license of the workspace that was revoked.
std::optional<QUuid> revokedLicense(const Scene& scene) {
    auto workspace = Workspace::open(scene.db);
    const auto all = workspace ? LicenseRegistry(**workspace).list()
                               : Result<std::vector<LicenseRecord>>(workspace.error());
    if (!all)
        return std::nullopt;
    for (const LicenseRecord& record : *all)
        if (record.revocation)
            return record.license.id;
    return std::nullopt;
}

// Tiers with a quote entered and itemised; Licenses on a revoked license;
// Usage per hour over three months and the whole page; the whole
// Recommendations page.
void shootPageStates(Shooter& shooter, const Scene& scene, const QString& folder) {
    const auto window = openWindow(shooter, scene);
    if (!window)
        return;
    window->showPage(MainWindow::Page::Tiers);
    settle(*window);
    QTest::keyClicks(window->findChild<QLineEdit*>(QStringLiteral("requestsInput")),
                     QStringLiteral("250000"));
    window->findChild<QCheckBox*>(QStringLiteral("ssoInput"))->setChecked(true);
    window->findChild<QToolButton*>(QStringLiteral("breakdownToggle"))->setChecked(true);
    shooter.save(*window, folder + QStringLiteral("tiers-itemised.png"));
    // The same needs under an annual contract with a yearly commitment.
    QTest::keyClicks(window->findChild<QLineEdit*>(QStringLiteral("commitmentInput")),
                     QStringLiteral("18000"));
    window->findChild<QComboBox*>(QStringLiteral("commitmentPeriodInput"))->setCurrentIndex(1);
    window->findChild<QComboBox*>(QStringLiteral("billingPeriodInput"))->setCurrentIndex(1);
    shooter.save(*window, folder + QStringLiteral("tiers-contract.png"));

    window->showPage(MainWindow::Page::Licenses);
    settle(*window);
    // Only when the page lists it (its filter may hide revoked licenses).
    const auto revoked = revokedLicense(scene);
    if (revoked && window->findChild<LicensesPage*>()->selectLicense(*revoked))
        shootPage(shooter, *window, MainWindow::Page::Licenses,
                  folder + QStringLiteral("licenses-revoked.png"));

    auto* usage = window->findChild<UsagePage*>();
    window->showPage(MainWindow::Page::Usage);
    settle(*window);
    window->findChild<QAbstractButton*>(QStringLiteral("perHourButton"))->click();
    usage->setSpan(UsagePage::Span::ThreeMonths);
    shootPage(shooter, *window, MainWindow::Page::Usage,
              folder + QStringLiteral("usage-hourly.png"));
    usage->setSpan(UsagePage::Span::Month);
    window->findChild<QAbstractButton*>(QStringLiteral("perDayButton"))->click();
    settle(*window);
    usage->setMinimumHeight(1200);  // the whole page, below the fold too
    shooter.save(*usage, folder + QStringLiteral("usage-page.png"));

    auto* recommendations = window->findChild<RecommendationsPage*>();
    window->showPage(MainWindow::Page::Recommendations);
    settle(*window);
    recommendations->setMinimumHeight(1100);
    shooter.save(*recommendations, folder + QStringLiteral("recommendations-page.png"));
}

// The scene's customer in a workspace of their own, made from the demo the
// way a customer makes theirs (their license and their gateway's usage).
std::optional<Scene> customerScene(Shooter& shooter, const Scene& scene) {
    Scene mine = scene;
    mine.db = QDir(scene.scratch).filePath(QStringLiteral("%1-own.aicp").arg(scene.customer));
    if (QFileInfo::exists(mine.db))
        return mine;
    auto vendor = Workspace::open(scene.db);
    if (!shooter.expect(vendor.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
        return std::nullopt;
    const QDateTime now = scene.now;
    const Status made =
        test::makeCustomerWorkspace(**vendor, scene.customer, mine.db, [now] { return now; });
    if (!shooter.expect(made.ok(), made.ok() ? QString() : made.error().message()))
        return std::nullopt;
    return mine;
}

// The customer's pages (Recommendations with "Ask for Upgrade…"), the
// request dialog, and the vendor's issue dialog opened from
// the request saved.
void shootCustomerWorkspace(Shooter& shooter, const Scene& scene, const QString& folder) {
    const std::optional<Scene> mine = customerScene(shooter, scene);
    if (!mine)
        return;
    const QString request = QDir(scene.scratch).filePath(QStringLiteral("upgrade-request.json"));
    {
        const auto window = openWindow(shooter, *mine);
        if (!window)
            return;
        shootPage(shooter, *window, MainWindow::Page::Dashboard,
                  folder + QStringLiteral("dashboard.png"));
        shootPage(shooter, *window, MainWindow::Page::Usage, folder + QStringLiteral("usage.png"));
        shootPage(shooter, *window, MainWindow::Page::Recommendations,
                  folder + QStringLiteral("recommendations.png"));
        shootPage(shooter, *window, MainWindow::Page::Licenses,
                  folder + QStringLiteral("licenses.png"));
        shootPage(shooter, *window, MainWindow::Page::Reports,
                  folder + QStringLiteral("reports.png"));
        shootPage(shooter, *window, MainWindow::Page::Settings,
                  folder + QStringLiteral("settings.png"));
        window->showPage(MainWindow::Page::Recommendations);
        auto* page = window->findChild<RecommendationsPage*>();
        page->setUpgradeRequestAsker([&](QWidget* parent, const UpgradeRequest& asked) {
            AskUpgradeDialog dialog(asked, page->tierName(asked.tier),
                                    page->tierName(asked.currentTier), parent);
            dialog.findChild<QPlainTextEdit*>(QStringLiteral("upgradeNote"))
                ->setPlainText(QStringLiteral("Two more teams start using the gateway in "
                                              "January."));
            dialog.show();
            shooter.save(dialog, folder + QStringLiteral("ask-upgrade.png"));
            return std::optional(RecommendationsPage::UpgradeRequestChoice{dialog.note(), request});
        });
        shooter.expect(
            page->askForUpgrade(),
            QStringLiteral("Ask for Upgrade did not start: %1").arg(page->requestMessage()));
        settle(*window);
        shooter.save(*window, folder + QStringLiteral("recommendations-asked.png"));
    }
    const auto vendor = openWindow(shooter, scene);
    if (!vendor)
        return;
    settle(*vendor);
    bool shown = false;
    vendor->findChild<LicensesPage*>()->setIssueDialogRunner([&](LicenseIssueDialog& dialog) {
        dialog.show();
        settle(dialog);
        shown = shooter.save(dialog, folder + QStringLiteral("vendor-issue-from-request.png"));
        return int(QDialog::Rejected);
    });
    vendor->openUpgradeRequest(request);
    shooter.expect(shown, QStringLiteral("the vendor's issue dialog did not open the request"));
}

// The credit note dialog over the window, a net amount typed in: it runs
// modal, so it is found, filled in and shot once it shows, then closed.
void shootCreditNoteDialog(Shooter& shooter, QWidget& window, const Invoice& invoice,
                           const QString& path) {
    bool shot = false;
    QTimer::singleShot(0, &window, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        dialog->findChildren<QRadioButton*>().at(1)->setChecked(true);
        dialog->findChild<QLineEdit*>(QStringLiteral("creditAmount"))
            ->setText(QStringLiteral("120.00"));
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("creditReason"))
            ->setPlainText(QStringLiteral("Pilot discount agreed on 3 November"));
        settle(*dialog);
        shooter.save(*dialog, path);
        shot = true;
        qobject_cast<QDialog*>(dialog)->reject();
    });
    (void)askCreditNote(&window, invoice);
    shooter.expect(shot, QStringLiteral("the credit note dialog never showed"));
}

// Two of the invoices pushed to a Stripe stand-in, Globex's paid there and
// read back: the Invoices tab's Payment column.
void pushToStripe(Shooter& shooter, Workspace& workspace, const Clock& clock) {
    test::StripeStandIn stripe("sk_test_51ShotsOnly0123456789abcdWXYZ");
    stripe.setNow(clock().toSecsSinceEpoch());
    if (!shooter.expect(StripeSettings(workspace, clock)
                            .configure("sk_test_51ShotsOnly0123456789abcdWXYZ", stripe.url())
                            .ok(),
                        QStringLiteral("cannot configure Stripe")))
        return;
    auto client = StripeSettings(workspace).client();
    if (!client)
        return;
    StripeBilling billing(workspace, *client, clock);
    auto pushed = billing.pushOpen();
    if (!shooter.expect(pushed && pushed->size() >= 2, QStringLiteral("nothing pushed to Stripe")))
        return;
    for (const StripePushOutcome& outcome : *pushed)
        if (outcome.invoiceNumber == pushed->at(1).invoiceNumber)
            (void)stripe.markPaid(outcome.link.stripeId.toLatin1(),
                                  clock().addDays(1).toSecsSinceEpoch());
    const QDateTime later = clock().addDays(2);
    auto synced = StripeBilling(workspace, *client, [later] { return later; }).sync();
    shooter.expect(synced.ok(), QStringLiteral("cannot sync with Stripe: %1")
                                    .arg(synced ? QString() : synced.error().message()));
}

// States that change the workspace, so they come last: last month's invoices
// issued (Globex's using prepaid credit), and live sources on Settings (never pulled: nothing to
// pull from).
void shootWorkspaceStates(Shooter& shooter, const Scene& scene, const QString& folder) {
    {
        auto workspace = Workspace::open(scene.db);
        if (!shooter.expect(workspace.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
            return;
        const QDate last = scene.month.addMonths(-1);
        const YearMonth lastMonth{last.year(), last.month()};
        // Globex prepaid some credit: its invoice shows the credit and what is due.
        // Both at the scene's instant, so the ledger's dates are the same every run.
        const Clock sceneClock = [now = scene.now] { return now; };
        (void)CreditBook(**workspace, sceneClock)
            .grant(QStringLiteral("globex"), Money::fromUnits(100), Money::fromUnits(100), {},
                   QStringLiteral("Prepaid pilot credit"));
        InvoiceBook book(**workspace, sceneClock);
        for (const char* id : {"acme-corp", "globex", "initech"})
            (void)book.issue(QString::fromLatin1(id), lastMonth);
        pushToStripe(shooter, **workspace, sceneClock);
        LiveSources sources(**workspace);
        LiveSource gateway;
        gateway.name = QStringLiteral("Gateway EU");
        gateway.url = QUrl(QStringLiteral("https://gateway-eu.example.com"));
        gateway.token = "aicp_read_0123456789abcdef";
        gateway.intervalMinutes = 15;
        (void)sources.add(gateway, scene.now);
    }
    Scene lastMonth = scene;
    lastMonth.month = scene.month.addMonths(-1);
    const auto window = openWindow(shooter, lastMonth);
    if (!window)
        return;
    window->showPage(MainWindow::Page::Reports);
    settle(*window);
    auto* reports = window->findChild<ReportsPage*>();
    reports->findChild<QTabWidget*>(QStringLiteral("reportTabs"))->setCurrentIndex(1);
    if (shooter.expect(!reports->invoicesPanel()->invoices().empty(),
                       QStringLiteral("no invoices to show"))) {
        reports->invoicesPanel()->selectInvoice(
            reports->invoicesPanel()->invoices().front().number);
        shooter.save(*window, folder + QStringLiteral("invoices.png"));
        shootCreditNoteDialog(shooter, *window, reports->invoicesPanel()->invoices().front(),
                              folder + QStringLiteral("creditnote.png"));
    }
    // The ledger of the month they were issued in.
    select(*window, "monthSelector", scene.month);
    reports->findChild<QTabWidget*>(QStringLiteral("reportTabs"))->setCurrentIndex(2);
    if (shooter.expect(settle(*window) && reports->ledgerPanel()->ledger() &&
                           !reports->ledgerPanel()->ledger()->postings.empty(),
                       QStringLiteral("no ledger postings to show")))
        shooter.save(*window, folder + QStringLiteral("ledger.png"));
    shootPage(shooter, *window, MainWindow::Page::Settings,
              folder + QStringLiteral("settings-livesources.png"));
    // Configure Stripe…, a key pasted in (dots); closed without saving.
    bool stripeShot = false;
    QTimer::singleShot(0, window.get(), [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        dialog->findChild<QLineEdit*>(QStringLiteral("stripeKey"))
            ->setText(QStringLiteral("sk_live_51NotARealKey0123456789"));
        settle(*dialog);
        shooter.save(*dialog, folder + QStringLiteral("configure-stripe.png"));
        stripeShot = true;
        qobject_cast<QDialog*>(dialog)->reject();
    });
    if (auto* configure = window->findChild<QPushButton*>(QStringLiteral("configureStripeButton")))
        configure->click();
    shooter.expect(stripeShot, QStringLiteral("the Configure Stripe dialog never showed"));
}

// The month with one customer billed in euros beside the others in dollars:
// an Irish seller, Irish VAT, a EUR price book version, and Cyberdyne an
// Irish business billed in EUR. Last, as it changes the workspace.
void shootCurrencyStates(Shooter& shooter, const Scene& scene, const QString& folder) {
    {
        auto workspace = Workspace::open(scene.db);
        if (!shooter.expect(workspace.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
            return;
        Workspace& ws = **workspace;
        const PriceBook book = ws.priceBook().value();
        QJsonObject euros = book.latest().toJson();
        euros.insert(QStringLiteral("version"), book.latest().version + QStringLiteral("-eur"));
        euros.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
        const QJsonObject document{{QStringLiteral("schema"), PriceBook::kSchemaVersion},
                                   {QStringLiteral("versions"), QJsonArray{euros}}};
        const auto eurBook = PriceBook::fromJson(QJsonDocument(document).toJson());
        SellerProfile seller;
        seller.name = QStringLiteral("Control Plane Ltd");
        seller.country = QStringLiteral("IE");
        seller.taxId = QStringLiteral("IE6388047V");
        auto customer = CustomerStore(ws).find(QStringLiteral("cyberdyne"));
        if (!shooter.expect(eurBook.ok() && customer.ok(), QStringLiteral("no EUR book")))
            return;
        customer->country = QStringLiteral("IE");
        customer->taxId = QStringLiteral("IE9825613N");
        customer->currency = QStringLiteral("EUR");
        const bool ready = importPriceBook(ws, *eurBook, PriceBookImportMode::Store).ok() &&
                           SellerStore(ws).save(seller).ok() &&
                           TaxRateStore(ws)
                               .add(QStringLiteral("IE"), {}, QStringLiteral("VAT"),
                                    Percent::fromWhole(23), QDate(2020, 1, 1))
                               .ok() &&
                           CustomerStore(ws).update(*customer).ok();
        if (!shooter.expect(ready, QStringLiteral("cannot bill Cyberdyne in euros")))
            return;
    }
    const auto window = openWindow(shooter, scene);
    if (!window)
        return;
    shootPage(shooter, *window, MainWindow::Page::Reports,
              folder + QStringLiteral("reports-currencies.png"));
    shootPage(shooter, *window, MainWindow::Page::Dashboard,
              folder + QStringLiteral("dashboard-currencies.png"));
}

// The selected customer's license with the machines it runs on: two
// air-gapped sites and a gateway released; and the dialog that signs an
// activation file. Last, as it changes the workspace.
void shootInstanceStates(Shooter& shooter, const Scene& scene, const QString& folder) {
    std::optional<LicenseRecord> license;
    {
        auto workspace = Workspace::open(scene.db);
        if (!shooter.expect(workspace.ok(), QStringLiteral("cannot open %1").arg(scene.db)))
            return;
        auto all = LicenseRegistry(**workspace).list();
        if (all)
            license = licenseInForce(*all, scene.customer, scene.now);
        if (!shooter.expect(license.has_value(),
                            QStringLiteral("%1 has no license in force").arg(scene.customer)))
            return;
        ActivationRegistry registry(**workspace, [now = scene.now] { return now; });
        const QString id = idText(license->license.id);
        const QByteArray passphrase("demo-passphrase");
        const auto activate = [&](const char* fingerprint, const char* hostname) {
            auto granted = registry.activate(
                id, {QString::fromLatin1(fingerprint), QString::fromLatin1(hostname), 365},
                passphrase);
            return granted && granted->outcome == ActivationGrant::Outcome::Created
                       ? std::optional(granted->record.id)
                       : std::nullopt;
        };
        // Two sites, the first moved to a new machine: released, then the lab's.
        const auto first = activate("sha256:9f2c4be1c0", "gw-vault-1.initech.example");
        const bool made = first && activate("sha256:41d07aa3e2", "gw-vault-2.initech.example") &&
                          registry.release(idText(*first)).ok() &&
                          activate("sha256:c3b5e8d190", "gw-lab.initech.example");
        if (!shooter.expect(made,
                            QStringLiteral("cannot activate %1's license").arg(scene.customer)))
            return;
    }
    const auto window = openWindow(shooter, scene);
    if (!window)
        return;
    window->showPage(MainWindow::Page::Licenses);
    settle(*window);
    if (shooter.expect(window->findChild<LicensesPage*>()->selectLicense(license->license.id),
                       QStringLiteral("the license is not listed")))
        shootPage(shooter, *window, MainWindow::Page::Licenses,
                  folder + QStringLiteral("licenses-instances.png"));
    ActivationFileDialog dialog(
        QStringLiteral("%1's license %2")
            .arg(license->license.customerName, shortIdText(license->license.id)),
        license->license.graceEndsAt(), window.get());
    dialog.setFingerprint(QStringLiteral("sha256:77e0a9d4f1"));
    dialog.setHostname(QStringLiteral("gw-vault-3.initech.example"));
    dialog.show();
    shooter.save(dialog, QStringLiteral("dialogs/activation-file.png"));
}

// Pages, dialogs and welcome in one palette and locale, below `folder`.
// The desktop notifications of the workspace's notices, told in the status
// bar where the desktop has no system tray (as under Xvfb). They are off in
// every other picture, so none depends on when it was taken.
void shootNotices(Shooter& shooter, const Scene& scene, const QString& folder) {
    QSettings().setValue(QLatin1String(DesktopNotices::kSettingKey), true);
    const auto window = openWindow(shooter, scene);
    if (window) {
        window->showPage(MainWindow::Page::Dashboard);
        settle(*window);
        auto* notices = window->findChild<DesktopNotices*>();
        if (shooter.expect(notices != nullptr, QStringLiteral("no desktop notices"))) {
            notices->lookNowAndWait();
            shooter.expect(!notices->shown().empty(), QStringLiteral("no notice was shown"));
            shooter.save(*window, folder + QStringLiteral("notices-statusbar.png"));
        }
    }
    QSettings().setValue(QLatin1String(DesktopNotices::kSettingKey), false);
}

void shootVariant(Shooter& shooter, const Scene& scene, const QString& folder, bool firstRun) {
    shootPages(shooter, scene, folder);
    shootLicenseDialogs(shooter, scene, folder + QStringLiteral("dialogs/"));
    shootProfileDialogs(shooter, scene, folder + QStringLiteral("dialogs/"));
    shootLiveSourceDialogs(shooter, folder + QStringLiteral("dialogs/"));
    shootTeamWorkspaceDialog(shooter, folder + QStringLiteral("dialogs/"));
    if (firstRun)
        shootFirstRun(shooter, scene, folder + QStringLiteral("firstrun/"));
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("aicp Console"));
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(english);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Saves a PNG of every console page, dialog and state."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The workspace to show."),
                                QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where the PNGs go."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QStringLiteral("The customer selected (default initech)."),
                                      QStringLiteral("ID"), QStringLiteral("initech"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("The month selected (default 2026-11)."),
                                   QStringLiteral("YYYY-MM"), QStringLiteral("2026-11"));
    parser.addOptions({db, out, customer, month});
    parser.process(app);
    if (!parser.isSet(db) || !parser.isSet(out))
        return fail(QStringLiteral("--db FILE and --out DIR are required"));
    const QDate firstDay = QDate::fromString(parser.value(month) + QStringLiteral("-01"),
                                             QStringLiteral("yyyy-MM-dd"));
    if (!firstDay.isValid())
        return fail(QStringLiteral("--month: not a YYYY-MM month: %1").arg(parser.value(month)));
    // "Now" is the instant the demo was made for (AICP_DEMO_NOW).
    const auto now = demoNow();
    if (!now)
        return fail(now.error().message());
    const QDir outDir(parser.value(out));
    if (!QDir().mkpath(outDir.path()))
        return fail(QStringLiteral("cannot create %1").arg(outDir.path()));

    // The window's remembered size and page must not come from, nor go to,
    // the user's own settings.
    QTemporaryDir scratch;
    QCoreApplication::setOrganizationName(QStringLiteral("aicp-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("shoot_pages"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
    QSettings().setValue(QLatin1String(DesktopNotices::kSettingKey), false);

    const Scene scene{parser.value(db), parser.value(customer), firstDay, *now, scratch.path()};
    Shooter shooter(outDir);
    const QPalette light = QApplication::palette();
    shootVariant(shooter, scene, QString(), true);
    shootPageStates(shooter, scene, QStringLiteral("states/"));
    shootCustomerWorkspace(shooter, scene, QStringLiteral("customer/"));
    QApplication::setPalette(aicp::test::darkPalette());
    shootVariant(shooter, scene, QStringLiteral("dark/"), true);
    QApplication::setPalette(light);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    shootVariant(shooter, scene, QStringLiteral("de/"), false);
    QLocale::setDefault(english);
    shootWorkspaceStates(shooter, scene, QStringLiteral("states/"));
    shootCurrencyStates(shooter, scene, QStringLiteral("states/"));
    shootNotices(shooter, scene, QStringLiteral("states/"));
    shootInstanceStates(shooter, scene, QStringLiteral("states/"));
    return shooter.failures() == 0 ? 0 : 1;
}
