#include "firstrun/locationpage.h"

#include "firstrun/firstrunwizard.h"
#include "firstrun/newworkspace.h"
#include "theme.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace aicp {
namespace {

// The per-user default when it is free, else the first free
// workspace-N.aicp beside it.
QString suggestedPath() {
    const QString preferred = Workspace::defaultPath();
    if (preferred.isEmpty())
        return QDir::home().filePath(QStringLiteral("workspace.aicp"));
    if (!QFileInfo::exists(preferred))
        return preferred;
    const QDir folder = QFileInfo(preferred).dir();
    for (int n = 2;; ++n) {
        const QString candidate = folder.filePath(QStringLiteral("workspace-%1.aicp").arg(n));
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

}  // namespace

LocationPage::LocationPage(QWidget* parent)
    : FirstRunPage("locationPage", tr("Create a New Workspace"),
                   tr("Choose where the workspace file goes and who it belongs to."), parent),
      path_(new QLineEdit(this)),
      browse_(new QPushButton(tr("&Browse…"), this)),
      pathHint_(explanation({})),
      vendor_(new QRadioButton(tr("&Vendor — I generate a signing key and issue licenses"), this)),
      customer_(new QRadioButton(tr("C&ustomer — I received a license from a vendor"), this)) {
    path_->setObjectName(QStringLiteral("workspacePathInput"));
    path_->setAccessibleName(tr("Workspace file"));
    path_->setToolTip(tr("The new workspace file; it must not exist yet"));
    path_->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 48);
    browse_->setObjectName(QStringLiteral("browseWorkspaceButton"));
    browse_->setAccessibleName(tr("Browse for the workspace file"));
    browse_->setToolTip(tr("Choose the folder and name in a file dialog"));
    browse_->setAutoDefault(false);
    pathHint_->setObjectName(QStringLiteral("workspacePathHint"));
    connect(path_, &QLineEdit::textChanged, this, &LocationPage::check);
    connect(browse_, &QPushButton::clicked, this, &LocationPage::browse);

    vendor_->setObjectName(QStringLiteral("vendorModeButton"));
    vendor_->setToolTip(
        tr("Issue, renew, upgrade and revoke signed licenses; the next step makes the signing "
           "key"));
    customer_->setObjectName(QStringLiteral("customerModeButton"));
    customer_->setToolTip(
        tr("Verify the licenses a vendor gives you and see your usage against them; never "
           "signs"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(vendor_);
    modes->addButton(customer_);
    vendor_->setChecked(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addPathRow(form, tr("Workspace &file:"), path_, browse_);
    form->addRow(QString(), pathHint_);

    auto* modeTitle = new QLabel(tr("This workspace belongs to"), this);
    modeTitle->setFont(theme::scaledFont(font(), 1.0, true));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.5));
    layout->addLayout(form);
    layout->addSpacing(theme::spacing(font(), 0.5));
    layout->addWidget(modeTitle);
    layout->addWidget(vendor_);
    layout->addWidget(customer_);
    layout->addWidget(explanation(
        tr("The mode can be switched later in Settings. A customer workspace holds public "
           "keys only and cannot issue.")));
    addStatusArea(layout);
    for (QWidget* input : std::initializer_list<QWidget*>{path_, browse_, vendor_, customer_})
        addInput(input);
}

void LocationPage::initializePage() {
    if (path_->text().isEmpty())
        path_->setText(QDir::toNativeSeparators(suggestedPath()));
    check();
    path_->setFocus();
}

QString LocationPage::path() const {
    const QString typed = QDir::fromNativeSeparators(path_->text().trimmed());
    if (typed.isEmpty())
        return {};
    // "~/x.aicp" as a shell would read it.
    if (typed.startsWith(QStringLiteral("~/")))
        return QDir::home().filePath(typed.mid(2));
    return QFileInfo(typed).absoluteFilePath();
}

void LocationPage::setPath(const QString& path) {
    path_->setText(QDir::toNativeSeparators(path));
}

Workspace::Mode LocationPage::mode() const {
    return customer_->isChecked() ? Workspace::Mode::Customer : Workspace::Mode::Vendor;
}

void LocationPage::setMode(Workspace::Mode mode) {
    (mode == Workspace::Mode::Customer ? customer_ : vendor_)->setChecked(true);
}

bool LocationPage::isComplete() const {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    return NewWorkspace::pathProblem(path()).isEmpty() && !(wizard && wizard->isBusy());
}

int LocationPage::nextId() const {
    return mode() == Workspace::Mode::Customer ? FirstRunWizard::CustomerPageId
                                               : FirstRunWizard::VendorPageId;
}

void LocationPage::browse() {
    auto* wizard = qobject_cast<FirstRunWizard*>(this->wizard());
    if (!wizard)
        return;
    QString chosen = wizard->chooseFile(tr("New Workspace"), path(),
                                        tr("aicp workspaces (*.aicp);;All files (*)"), true);
    if (chosen.isEmpty())
        return;
    if (QFileInfo(chosen).suffix().isEmpty())
        chosen += QStringLiteral(".aicp");
    setPath(chosen);
}

void LocationPage::check() {
    const QString problem = NewWorkspace::pathProblem(path());
    QPalette palette = pathHint_->palette();
    palette.setColor(QPalette::WindowText, problem.isEmpty() ? theme::mutedText(this->palette())
                                                             : theme::warningText(this->palette()));
    pathHint_->setPalette(palette);
    pathHint_->setText(problem.isEmpty() ? tr("A new file; nothing is written before you finish.")
                                         : problem);
    emit completeChanged();
}

}  // namespace aicp
