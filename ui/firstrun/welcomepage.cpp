#include "firstrun/welcomepage.h"

#include "theme.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QVBoxLayout>

namespace aicp {

WelcomePage::WelcomePage(QWidget* parent)
    : FirstRunPage(parent),
      demo_(new QCommandLinkButton(tr("&Explore the demo"), this)),
      create_(new QCommandLinkButton(tr("&Create a new workspace"), this)),
      open_(new QCommandLinkButton(tr("&Open an existing workspace…"), this)) {
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome to aicp Console"));
    setSubTitle(
        tr("A workspace is one file holding your licenses, keys, customers, usage and "
           "invoices. Choose how to start; File ▸ Open and File ▸ New Workspace are there "
           "later."));

    demo_->setObjectName(QStringLiteral("exploreDemoButton"));
    demo_->setAccessibleName(tr("Explore the demo"));
    create_->setObjectName(QStringLiteral("createWorkspaceButton"));
    create_->setAccessibleName(tr("Create a new workspace"));
    create_->setDescription(
        tr("Start empty: as a vendor who generates a signing key and issues licenses, or as "
           "a customer who imports the license received from a vendor."));
    create_->setToolTip(
        tr("Choose where the file goes and whether you issue or receive "
           "licenses"));
    open_->setObjectName(QStringLiteral("openWorkspaceButton"));
    open_->setAccessibleName(tr("Open an existing workspace"));
    open_->setDescription(
        tr("Choose an .aicp file made earlier, here or with the aicp command line."));
    open_->setToolTip(
        tr("Open a workspace file; it is checked and never changed if it "
           "cannot be opened"));
    for (QCommandLinkButton* button : {demo_, create_, open_}) {
        button->setAutoDefault(true);
        addInput(button);
    }
    demo_->setDefault(true);
    connect(demo_, &QCommandLinkButton::clicked, this, &WelcomePage::demoChosen);
    connect(create_, &QCommandLinkButton::clicked, this, &WelcomePage::createChosen);
    connect(open_, &QCommandLinkButton::clicked, this, &WelcomePage::openChosen);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.4));
    layout->addWidget(demo_);
    layout->addWidget(create_);
    layout->addWidget(open_);
    addStatusArea(layout);
    setDemoPath({});
}

void WelcomePage::setDemoPath(const QString& path) {
    demo_->setDescription(
        (QFileInfo::exists(path)
             ? tr("Open the demo workspace made earlier: customers, licenses and two months of "
                  "usage, so every page shows data.")
             : tr("One click: a sample vendor workspace with customers, licenses and two months "
                  "of usage, so every page shows data.")) +
        QLatin1Char(' ') +
        tr("Kept apart from your own workspace; its signing key's passphrase is "
           "demo-passphrase."));
    demo_->setToolTip(
        path.isEmpty()
            ? tr("Open a sample vendor workspace")
            : tr("Open the sample vendor workspace %1").arg(QDir::toNativeSeparators(path)));
}

void WelcomePage::initializePage() {
    demo_->setFocus();
}

}  // namespace aicp
