#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace aicp {

// The bytes of a small file a person chose (a license, a key, a revocation
// list, a price book, an upgrade request): "Cannot read <path>: <why>", or
// "<name> is too large to be <what>" ("a public key") past `maxSize`.
[[nodiscard]] Result<QByteArray> readChosenFile(const QString& path, qint64 maxSize,
                                                const QString& what);

// An error message ("the license was not added: …") as the start of a
// sentence in a dialog or a page's message line.
[[nodiscard]] QString upperFirst(QString text);

}  // namespace aicp
