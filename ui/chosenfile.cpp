#include "chosenfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>

namespace aicp {

void openChosenFile(QWidget* parent, const QString& title, const QString& folder,
                    const QString& filter, const std::function<void(const QString&)>& use) {
    const QString path = QFileDialog::getOpenFileName(parent, title, folder, filter);
    if (!path.isEmpty())
        use(path);
}

Result<QByteArray> readChosenFile(const QString& path, qint64 maxSize, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io,
                     QCoreApplication::translate("aicp::ChosenFile", "Cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > maxSize)
        return Error::invalidInput(
            QCoreApplication::translate("aicp::ChosenFile", "%1 is too large to be %2")
                .arg(QFileInfo(path).fileName(), what));
    return file.read(maxSize);
}

QString upperFirst(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

}  // namespace aicp
