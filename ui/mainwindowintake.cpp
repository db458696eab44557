// What the main window takes in from outside the workspace: a license the
// vendor sent (File ▸ Add License…, or its file dropped on the window) and,
// in a vendor workspace, a customer's upgrade request (File ▸ Review Upgrade
// Request…). Kept apart from the window's layout (mainwindow.cpp).
#include "chosenfile.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"
#include "mainwindow.h"
#include "pages/licenses/licenseissuedialog.h"
#include "pages/licenses/licensespage.h"
#include "pages/licenses/licensestate.h"
#include "pages/recommendations/upgradeprefill.h"
#include "recommend/upgraderequest.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

namespace aicp {
namespace {

// A license file is a few kilobytes; a text file much larger holds no license.
constexpr qint64 kMaxLicenseFileSize = 64 * 1024;

}  // namespace

QStringList MainWindow::licenseFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo file(url.toLocalFile());
        if (!file.isFile() || file.size() > kMaxLicenseFileSize)
            continue;
        const QString suffix = file.suffix().toLower();
        if (suffix == QLatin1String("lic") || suffix == QLatin1String("license")) {
            files.append(file.absoluteFilePath());
            continue;
        }
        // Any other small text file is a license only when it holds a key.
        QFile text(file.absoluteFilePath());
        if (suffix != QLatin1String("csv") && text.open(QIODevice::ReadOnly) &&
            licenseKeyFromText(text.read(kMaxLicenseFileSize)))
            files.append(file.absoluteFilePath());
    }
    return files;
}

void MainWindow::chooseLicenseToAdd() {
    openChosenFile(this, tr("Add License"), QDir::homePath(),
                   tr("License files (*.lic *.license *.txt);;All files (*)"),
                   [this](const QString& path) { static_cast<void>(addLicenseFile(path)); });
}

Result<AddedLicense> MainWindow::addLicenseFile(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    const auto refuse = [this, &name](const Error& error) -> Result<AddedLicense> {
        reportProblem(tr("License Not Added"),
                      tr("%1 was not added.\n\n%2").arg(name, upperFirst(error.message())));
        return error;
    };
    if (runner_->isBusy())
        return refuse(Error(Error::Code::Conflict,
                            tr("other work is running on this workspace; try again when it is "
                               "done")));
    auto text = readChosenFile(path, kMaxLicenseFileSize, tr("a license file"));
    if (!text)
        return refuse(text.error());
    auto added = LicenseRegistry(session_->workspace()).add(*text);
    if (!added)
        return refuse(added.error());
    const LicensePayload& license = added->record.license;
    const QString tier = licensesPage_->tierName(license.tier);
    const QString what = tr("%1 license %2 for %3, until %4")
                             .arg(tier, shortLicenseId(license.id), license.customerName,
                                  licenseDate(license.expiresAt));
    statusBar()->showMessage(added->alreadyHeld ? tr("Already held: %1. Nothing changed.").arg(what)
                                                : tr("Added %1.").arg(what),
                             15000);
    if (!added->alreadyHeld)
        reloadAllPages();
    showPage(Page::Licenses);
    static_cast<void>(licensesPage_->selectLicense(license.id));
    return added;
}

void MainWindow::chooseUpgradeRequest() {
    openChosenFile(this, tr("Review Upgrade Request"), QDir::homePath(),
                   tr("Upgrade requests (*.json);;All files (*)"),
                   [this](const QString& path) { static_cast<void>(openUpgradeRequest(path)); });
}

bool MainWindow::openUpgradeRequest(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    const auto refuse = [this, &name](const QString& why) {
        reportProblem(tr("Upgrade Request Not Opened"),
                      tr("%1 cannot be opened.\n\n%2").arg(name, upperFirst(why)));
        return false;
    };
    if (session_->isCustomerWorkspace())
        return refuse(
            tr("a customer workspace cannot issue licenses; open the request in "
               "the vendor's workspace"));
    if (runner_->isBusy())
        return refuse(tr("other work is running on this workspace; try again when it is done"));
    auto bytes = readChosenFile(path, UpgradeRequest::kMaxSize, tr("an upgrade request"));
    if (!bytes)
        return refuse(bytes.error().message());
    auto request = UpgradeRequest::fromJson(*bytes);
    if (!request)
        return refuse(request.error().message());
    const LicenseRequest terms = request->licenseRequest();
    const auto prefill = [terms](LicenseIssueDialog& dialog) { prefillRequested(dialog, terms); };
    showPage(Page::Licenses);
    if (!licensesPage_->canSign()) {
        statusBar()->showMessage(
            tr("This workspace cannot sign the upgrade: see the Licenses page."), 8000);
        return false;
    }
    auto held = LicenseRegistry(session_->workspace()).find(request->currentLicense);
    if (held && held->license.customerId != request->customerId)
        return refuse(tr("it names license %1, which belongs to %2, not to %3")
                          .arg(shortLicenseId(request->currentLicense), held->license.customerName,
                               request->customerName));
    statusBar()->showMessage(
        tr("%1 asks for %2.").arg(request->customerName, licensesPage_->tierName(request->tier)),
        8000);
    // The license it upgrades when held here (the usual case), else a new one.
    const bool opened = held ? licensesPage_->openUpgradeDialogFor(held->license.id, prefill)
                             : licensesPage_->openIssueDialog(prefill);
    if (!opened && !licensesPage_->isBusy())
        statusBar()->showMessage(tr("The requested license was not signed."), 5000);
    return opened;
}

void MainWindow::reportProblem(const QString& title, const QString& text) {
    statusBar()->showMessage(text.section(QLatin1Char('\n'), -1), 15000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("intakeProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace aicp
