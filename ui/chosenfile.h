#pragma once

#include "common/result.h"

#include <functional>

#include <QByteArray>
#include <QString>

class QWidget;

namespace aicp {

// Asks which file to open (titled `title`, starting in `folder`, offering
// `filter`) and hands its path to `use`; nothing happens on Cancel.
void openChosenFile(QWidget* parent, const QString& title, const QString& folder,
                    const QString& filter, const std::function<void(const QString&)>& use);

// The bytes of a small file a person chose (a license, a key, a revocation
// list, a price book, an upgrade request): "Cannot read <path>: <why>", or
// "<name> is too large to be <what>" ("a public key") past `maxSize`.
[[nodiscard]] Result<QByteArray> readChosenFile(const QString& path, qint64 maxSize,
                                                const QString& what);

// An error message ("the license was not added: …") as the start of a
// sentence in a dialog or a page's message line.
[[nodiscard]] QString upperFirst(QString text);

}  // namespace aicp
