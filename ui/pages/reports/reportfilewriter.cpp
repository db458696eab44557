#include "pages/reports/reportfilewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace aicp {

namespace {

// Large enough to write at disk speed, small enough for a moving progress bar.
constexpr qint64 kChunk = qint64(1) << 20;

Error ioError(const QString& path, const QString& why) {
    return Error(Error::Code::Io,
                 QCoreApplication::translate("aicp::ReportsPage", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(path), why));
}

const QString kFolderKey = QStringLiteral("reports/exportFolder");

}  // namespace

QString chooseReportFile(QWidget* parent, const QString& title, const QString& fileName,
                         const QString& filter) {
    QSettings settings;
    const QString folder = settings.value(kFolderKey, QDir::homePath()).toString();
    const QString path =
        QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(fileName), filter);
    if (!path.isEmpty())
        settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    return path;
}

Status writeReportFile(const QString& path, const QByteArray& bytes,
                       const std::function<void(qint64, qint64)>& progress) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    const qint64 total = bytes.size();
    for (qint64 done = 0; done < total;) {
        const qint64 chunk = std::min(kChunk, total - done);
        const qint64 written = file.write(bytes.constData() + done, chunk);
        if (written <= 0) {
            const QString why = file.errorString();
            file.cancelWriting();
            return ioError(path, why);
        }
        done += written;
        if (progress)
            progress(done, total);
    }
    if (!file.commit())
        return ioError(path, file.errorString());
    return {};
}

}  // namespace aicp
