#include "workspacesession.h"

#include "demo/demoworkspace.h"
#include "licensing/licensefile.h"
#include "licensing/licenseregistry.h"

#include <QFileInfo>
#include <QObject>

namespace aicp {

Result<std::unique_ptr<WorkspaceSession>> WorkspaceSession::open(const QString& path,
                                                                 WhenMissing whenMissing) {
    bool createdDemo = false;
    // The demo is only ever made where nothing exists, so a file that is
    // there — even one we cannot read — is handed to Workspace::open, which
    // refuses it untouched.
    if (whenMissing == WhenMissing::CreateDemo && !QFileInfo::exists(path)) {
        const Status created = createDemoWorkspace(path);
        if (!created.ok())
            return created.error().withContext(QStringLiteral("creating the demo workspace"));
        createdDemo = true;
    }
    const auto mode = whenMissing == WhenMissing::Refuse ? Workspace::OpenMode::OpenExisting
                                                         : Workspace::OpenMode::OpenOrCreate;
    auto workspace = Workspace::open(path, mode);
    if (!workspace)
        return workspace.error();
    auto priceBook = (*workspace)->priceBook();
    if (!priceBook)
        return priceBook.error().withContext(
            QStringLiteral("the price book of '%1'").arg(QFileInfo(path).fileName()));
    std::unique_ptr<WorkspaceSession> session(new WorkspaceSession(
        std::move(workspace).value(), std::move(priceBook).value(), createdDemo));
    session->location_ = path;
    session->notice_ = adoptLegacyCustomerLicense(session->workspace());
    return session;
}

bool WorkspaceSession::isCustomerWorkspace() const {
    auto mode = workspace_->mode();
    return mode && *mode == Workspace::Mode::Customer;
}

QString adoptLegacyCustomerLicense(Workspace& workspace) {
    auto mode = workspace.mode();
    if (!mode || *mode != Workspace::Mode::Customer)
        return {};
    auto kept = workspace.metaValue(QStringLiteral("customer_license"));
    if (!kept || !*kept || (*kept)->trimmed().isEmpty())
        return {};
    auto key = licenseKeyFromText((*kept)->toLatin1());
    LicenseRegistry registry(workspace);
    auto held = registry.list();
    if (key && held) {
        for (const LicenseRecord& record : *held) {
            if (record.key == *key)
                return {};
        }
    }
    auto added = registry.add((*kept)->toLatin1());
    if (!added)
        return QObject::tr(
                   "The license received when this workspace was made could not be kept: %1. "
                   "Add a current one with File ▸ Add License…")
            .arg(added.error().message());
    return QObject::tr("The license received when this workspace was made is now in its registry.");
}

Result<std::vector<Customer>> WorkspaceSession::customers() const {
    return CustomerStore(*workspace_).list();
}

Status WorkspaceSession::reloadPriceBook() {
    auto book = workspace_->priceBook();
    if (!book)
        return book.error();
    priceBook_ = std::move(book).value();
    return {};
}

}  // namespace aicp
