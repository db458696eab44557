#include "workspacesession.h"

#include "demo/demoworkspace.h"

#include <QFileInfo>

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
    return std::unique_ptr<WorkspaceSession>(new WorkspaceSession(
        std::move(workspace).value(), std::move(priceBook).value(), createdDemo));
}

Result<std::vector<Customer>> WorkspaceSession::customers() const {
    return CustomerStore(*workspace_).list();
}

}  // namespace aicp
