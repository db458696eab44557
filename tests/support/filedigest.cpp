#include "support/filedigest.h"

#include <QCryptographicHash>
#include <QFile>

namespace aicp::test {

QByteArray fileDigest(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

}  // namespace aicp::test
