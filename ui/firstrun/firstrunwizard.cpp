#include "firstrun/firstrunwizard.h"

#include "consoleoptions.h"
#include "firstrun/customerlicensepage.h"
#include "firstrun/locationpage.h"
#include "firstrun/newworkspace.h"
#include "firstrun/vendorkeypage.h"
#include "firstrun/welcomepage.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "workspacedialogs.h"
#include "workspacesession.h"

#include <QAbstractButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace aicp {
namespace {

using SessionResult = Result<std::unique_ptr<WorkspaceSession>>;

QString defaultChooser(QWidget* parent, const QString& title, const QString& start,
                       const QString& filter, bool save) {
    // A new workspace must not exist, which the page says in words; the
    // dialog's overwrite question would only confuse.
    return save ? QFileDialog::getSaveFileName(parent, title, start, filter, nullptr,
                                               QFileDialog::DontConfirmOverwrite)
                : QFileDialog::getOpenFileName(parent, title, start, filter);
}

}  // namespace

FirstRunWizard::FirstRunWizard(Purpose purpose, QWidget* parent)
    : QWizard(parent),
      purpose_(purpose),
      runner_(new TaskRunner(this)),
      welcome_(new WelcomePage(this)),
      location_(new LocationPage(this)),
      vendor_(new VendorKeyPage(this)),
      customer_(new CustomerLicensePage(this)),
      demoPath_(demoWorkspacePath()),
      chooseFile_(&defaultChooser) {
    setObjectName(QStringLiteral("firstRunWizard"));
    // The application's display name ("aicp Console") follows in the title bar.
    setWindowTitle(purpose == Purpose::FirstRun ? tr("Welcome") : tr("New Workspace"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(WelcomePageId, welcome_);
    setPage(LocationPageId, location_);
    setPage(VendorPageId, vendor_);
    setPage(CustomerPageId, customer_);
    setStartId(purpose == Purpose::FirstRun ? WelcomePageId : LocationPageId);
    vendor_->setFinalPage(true);
    customer_->setFinalPage(true);
    setButtonText(QWizard::FinishButton, tr("&Create Workspace"));
    if (purpose == Purpose::FirstRun)
        setButtonText(QWizard::CancelButton, tr("&Quit"));
    button(QWizard::CancelButton)
        ->setToolTip(purpose == Purpose::FirstRun ? tr("Quit without creating anything")
                                                  : tr("Close without creating anything"));
    button(QWizard::FinishButton)->setToolTip(tr("Create the workspace file and open it"));
    welcome_->setDemoPath(demoPath_);

    connect(welcome_, &WelcomePage::demoChosen, this, &FirstRunWizard::exploreDemo);
    connect(welcome_, &WelcomePage::createChosen, this, &QWizard::next);
    connect(welcome_, &WelcomePage::openChosen, this, &FirstRunWizard::openExisting);
    connect(this, &QWizard::currentIdChanged, this, &FirstRunWizard::updateButtonLayout);
    connect(runner_, &TaskRunner::busyChanged, this, &FirstRunWizard::lock);
    updateButtonLayout(startId());
    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 32);
}

FirstRunWizard::~FirstRunWizard() {
    runner_->waitForIdle();
}

std::unique_ptr<WorkspaceSession> FirstRunWizard::takeSession() {
    return std::move(session_);
}

bool FirstRunWizard::isBusy() const {
    return runner_->isBusy();
}

void FirstRunWizard::setDemoPath(const QString& path) {
    demoPath_ = path;
    welcome_->setDemoPath(path);
}

void FirstRunWizard::setFileChooser(FileChooser chooser) {
    chooseFile_ = std::move(chooser);
}

QString FirstRunWizard::chooseFile(const QString& title, const QString& start,
                                   const QString& filter, bool save) {
    return chooseFile_(this, title, start, filter, save);
}

void FirstRunWizard::updateButtonLayout(int id) {
    // The welcome's three choices are its buttons; Next there would be a
    // fourth that means the same as one of them. A disabled Next beside
    // Finish on the last pages would only be noise.
    if (id == WelcomePageId)
        setButtonLayout({QWizard::Stretch, QWizard::CancelButton});
    else if (id == LocationPageId)
        setButtonLayout(
            {QWizard::Stretch, QWizard::BackButton, QWizard::NextButton, QWizard::CancelButton});
    else
        setButtonLayout(
            {QWizard::Stretch, QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton});
}

void FirstRunWizard::lock(bool busy) {
    for (FirstRunPage* page :
         std::initializer_list<FirstRunPage*>{welcome_, location_, vendor_, customer_})
        page->setInputsEnabled(!busy);
    // completeChanged has QWizard enable Back again, so the buttons come after it.
    for (FirstRunPage* page : std::initializer_list<FirstRunPage*>{location_, vendor_, customer_})
        emit page->completeChanged();
    for (QWizard::WizardButton which : {QWizard::BackButton, QWizard::CancelButton})
        button(which)->setEnabled(!busy);
}

void FirstRunWizard::reject() {
    // Half-way through making a file, Cancel would leave it half-made.
    if (runner_->isBusy())
        return;
    QWizard::reject();
}

void FirstRunWizard::exploreDemo() {
    if (runner_->isBusy() || session_)
        return;
    if (demoPath_.isEmpty()) {
        welcome_->showProblem(
            tr("This system has no writable folder for application data; "
               "create the demo with `aicp demo --db FILE` and open it."));
        return;
    }
    const bool exists = QFileInfo::exists(demoPath_);
    welcome_->showBusy(exists ? tr("Opening the demo workspace…")
                              : tr("Creating the demo workspace (a few seconds)…"));
    const QString path = demoPath_;
    runner_->run<SessionResult>(
        this,
        [path]() -> SessionResult {
            QDir().mkpath(QFileInfo(path).absolutePath());
            return WorkspaceSession::open(path, WorkspaceSession::WhenMissing::CreateDemo);
        },
        [this, path](SessionResult opened) {
            if (!opened) {
                welcome_->showProblem(
                    tr("The demo workspace could not be opened: %1\n%2")
                        .arg(opened.error().message(), QDir::toNativeSeparators(path)));
                return;
            }
            session_ = std::move(opened).value();
            welcome_->clearStatus();
            rememberDemo(true);
            accept();
        });
}

void FirstRunWizard::openExisting() {
    if (runner_->isBusy() || session_)
        return;
    const QString usual = Workspace::defaultPath();
    QString folder = usual.isEmpty() ? QDir::homePath() : QFileInfo(usual).absolutePath();
    for (;;) {
        const QString path = chooseFile(tr("Open Workspace"), folder,
                                        tr("aicp workspaces (*.aicp);;All files (*)"), false);
        if (path.isEmpty())
            return;
        auto opened = WorkspaceSession::open(path, WorkspaceSession::WhenMissing::Refuse);
        if (opened) {
            session_ = std::move(opened).value();
            rememberDemo(false);
            accept();
            return;
        }
        if (reportOpenFailure(this, path, opened.error(), tr("Back")) !=
            OpenFailureChoice::OpenAnother)
            return;
        folder = QFileInfo(path).absolutePath();
    }
}

bool FirstRunWizard::createWorkspace(const NewWorkspace& plan) {
    if (session_)
        return true;
    if (runner_->isBusy())
        return false;
    auto* page = qobject_cast<FirstRunPage*>(currentPage());
    if (page)
        page->showBusy(plan.mode == Workspace::Mode::Vendor
                           ? tr("Creating the workspace and its signing key…")
                           : tr("Creating the workspace…"));
    runner_->run<SessionResult>(
        this,
        [plan = NewWorkspace(plan)]() mutable -> SessionResult {
            SessionResult made = plan.create();
            plan.passphrase.fill('\0');
            return made;
        },
        [this, page](SessionResult created) {
            if (!created) {
                QString message = created.error().message();
                if (!message.isEmpty())
                    message[0] = message[0].toUpper();
                if (page)
                    page->showProblem(tr("Nothing was created: %1").arg(message));
                return;
            }
            session_ = std::move(created).value();
            rememberDemo(false);
            accept();
        });
    return false;
}

}  // namespace aicp
