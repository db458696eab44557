#include "firstrun/newworkspace.h"

#include "audit/auditedsettings.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "workspacesession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QUuid>

namespace aicp {
namespace {

void removeDatabaseFiles(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

Status fill(Workspace& workspace, const NewWorkspace& plan) {
    AICP_TRY(setWorkspaceMode(workspace, plan.mode));
    if (plan.mode == Workspace::Mode::Vendor) {
        AICP_TRY(workspace.setMetaValue(QStringLiteral("vendor_name"), plan.vendorName.trimmed()));
        auto key = KeyStore(workspace).generate(plan.passphrase);
        if (!key)
            return key.error().withContext(QObject::tr("generating the signing key"));
        return {};
    }
    if (!plan.license)
        return {};
    const ReceivedLicense& received = *plan.license;
    auto trusted = KeyStore(workspace).importPublicKey(received.publicKeyPem);
    if (!trusted)
        return trusted.error().withContext(QObject::tr("the vendor's public key"));
    // Stored in the registry, verified there (trusted key, the clock seen,
    // any revocation list), with its customer: the license every page reads.
    auto added = LicenseRegistry(workspace).add(received.licenseText);
    if (!added)
        return added.error();
    return {};
}

}  // namespace

QString NewWorkspace::pathProblem(const QString& path) {
    if (path.trimmed().isEmpty())
        return QObject::tr("Choose where to keep the workspace file.");
    const QFileInfo info(path);
    if (info.isDir())
        return QObject::tr("That is a folder; add a file name such as workspace.aicp.");
    if (info.exists())
        return QObject::tr(
            "A file already exists there. Choose another name, or go back and "
            "open it as an existing workspace.");
    return {};
}

Result<std::unique_ptr<WorkspaceSession>> NewWorkspace::create() const {
    if (const QString problem = pathProblem(path); !problem.isEmpty())
        return Error(Error::Code::Conflict, problem);
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    if (!QDir().mkpath(folder))
        return Error(
            Error::Code::Io,
            QObject::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    // A hidden name nobody opens by mistake; renamed into place at the end.
    const QString building = QDir(folder).filePath(
        QStringLiteral(".%1.new-%2")
            .arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
    {
        auto workspace = Workspace::open(building, Workspace::OpenMode::OpenOrCreate);
        if (!workspace) {
            removeDatabaseFiles(building);
            return workspace.error();
        }
        if (const Status filled = fill(**workspace, *this); !filled) {
            workspace = Error::internal(QStringLiteral("closed"));  // closes the file first
            removeDatabaseFiles(building);
            return filled.error();
        }
    }  // closed: SQLite folds the WAL back in and removes it
    if (!QFile::rename(building, target.absoluteFilePath())) {
        removeDatabaseFiles(building);
        return Error(Error::Code::Io, QObject::tr("cannot create %1 (is a file there already?)")
                                          .arg(QDir::toNativeSeparators(path)));
    }
    auto session =
        WorkspaceSession::open(target.absoluteFilePath(), WorkspaceSession::WhenMissing::Refuse);
    if (!session)
        return session.error();
    return std::move(session).value();
}

}  // namespace aicp
