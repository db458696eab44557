#pragma once

#include <QByteArray>
#include <QString>

namespace aicp::test {

// The SHA-256 of the file at `path`, for checking a refused file was left
// byte for byte as it was; empty when it cannot be read.
[[nodiscard]] QByteArray fileDigest(const QString& path);

}  // namespace aicp::test
