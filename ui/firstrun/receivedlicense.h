#pragma once

#include "common/result.h"
#include "licensing/licenseverifier.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace aicp {

// A license file a customer received, checked against the vendor's public
// key before any workspace exists. A license carries only its key's id, so
// the vendor's public key (PEM) comes with it. Nothing is believed before
// the signature checks out.
struct ReceivedLicense {
    QByteArray publicKeyPem;
    QByteArray licenseText;  // the license file's text, as read
    LicenseVerification verification;

    // Reads both files (small, bounded) and verifies. An error says which
    // file and why in words a user can act on; a license that verifies but
    // cannot be used (expired, revoked, …) is an error too.
    static Result<ReceivedLicense> check(const QString& publicKeyPath, const QString& licensePath,
                                         const QDateTime& now);
};

}  // namespace aicp
