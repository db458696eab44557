#include "common/savefile.h"

#include <QDir>
#include <QSaveFile>

namespace aicp {

Status writeFileAtomically(const QString& path, QByteArrayView bytes) {
    QSaveFile file(path);
    const auto failed = [&] {
        return Error(Error::Code::Io, QStringLiteral("cannot write '%1' (%2)")
                                          .arg(QDir::toNativeSeparators(path), file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return failed();
    return {};
}

}  // namespace aicp
