#include "firstrun/welcomepage.h"

#include "theme.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QVBoxLayout>

namespace aicp {

WelcomePage::WelcomePage(QWidget* parent)
    : FirstRunPage(
          "welcomePage", tr("Welcome to aicp Console"),
          tr("A workspace is one file holding your licenses, keys, customers, usage and "
             "invoices. Choose how to start; File ▸ Open and File ▸ New Workspace are there "
             "later."),
          parent),
      demo_(new QCommandLinkButton(tr("&Explore the demo"), this)),
      create_(new QCommandLinkButton(tr("&Create a new workspace"), this)),
      open_(new QCommandLinkButton(tr("&Open an existing workspace…"), this)) {
    // The demo's description and tooltip say whether it is made or opened
    // (setDemoPath).
    const struct {
        QCommandLinkButton* button;
        const char* objectName;
        QString accessibleName;
        QString description;
        QString toolTip;
        void (WelcomePage::*chosen)();
    } choices[] = {
        {demo_, "exploreDemoButton", tr("Explore the demo"), {}, {}, &WelcomePage::demoChosen},
        {create_, "createWorkspaceButton", tr("Create a new workspace"),
         tr("Start empty: as a vendor who generates a signing key and issues licenses, or as "
            "a customer who imports the license received from a vendor."),
         tr("Choose where the file goes and whether you issue or receive "
            "licenses"),
         &WelcomePage::createChosen},
        {open_, "openWorkspaceButton", tr("Open an existing workspace"),
         tr("Choose an .aicp file made earlier, here or with the aicp command line."),
         tr("Open a workspace file; it is checked and never changed if it "
            "cannot be opened"),
         &WelcomePage::openChosen},
    };
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.4));
    for (const auto& choice : choices) {
        choice.button->setObjectName(QLatin1String(choice.objectName));
        choice.button->setAccessibleName(choice.accessibleName);
        choice.button->setDescription(choice.description);
        choice.button->setToolTip(choice.toolTip);
        choice.button->setAutoDefault(true);
        connect(choice.button, &QCommandLinkButton::clicked, this, choice.chosen);
        addInput(choice.button);
        layout->addWidget(choice.button);
    }
    demo_->setDefault(true);
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
