#include "firstrun/receivedlicense.h"

#include "licensing/ed25519.h"
#include "licensing/publickeyring.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>

namespace aicp {
namespace {

// Public keys and license files are a few kilobytes.
constexpr qint64 kMaxFileSize = 1024 * 1024;

Result<QByteArray> readSmallFile(const QString& path, const QString& what) {
    if (path.trimmed().isEmpty())
        return Error::invalidInput(QObject::tr("Choose the %1.").arg(what));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io,
                     QObject::tr("Cannot read the %1 %2: %3.")
                         .arg(what, QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > kMaxFileSize)
        return Error::invalidInput(
            QObject::tr("%1 is too large to be a %2.").arg(QFileInfo(path).fileName(), what));
    return file.read(kMaxFileSize);
}

}  // namespace

Result<ReceivedLicense> ReceivedLicense::check(const QString& publicKeyPath,
                                               const QString& licensePath, const QDateTime& now) {
    ReceivedLicense received;
    auto pem = readSmallFile(publicKeyPath, QObject::tr("vendor's public key"));
    if (!pem)
        return pem.error();
    auto key = Ed25519PublicKey::fromPem(*pem);
    if (!key)
        return Error::invalidInput(
            QObject::tr("%1 is not a public key (PEM): %2. Ask the vendor for the public key "
                        "file they export from aicp.")
                .arg(QFileInfo(publicKeyPath).fileName(), key.error().message()));
    auto text = readSmallFile(licensePath, QObject::tr("license file"));
    if (!text)
        return text.error();
    PublicKeyRing ring;
    ring.add(*key);
    received.verification = LicenseVerifier(ring).verify(*text, now);
    const LicenseVerification& result = received.verification;
    const QString file = QFileInfo(licensePath).fileName();
    switch (result.status) {
        case LicenseStatus::Valid:
        case LicenseStatus::ValidInGrace:
        case LicenseStatus::NotYetValid:
            break;
        case LicenseStatus::UnknownKey:
            return Error(Error::Code::Crypto,
                         QObject::tr("%1 was not signed with this public key (%2): %3. Ask the "
                                     "vendor for the public key that signed it.")
                             .arg(file, key->kid(), result.reason));
        case LicenseStatus::BadSignature:
            return Error(Error::Code::Crypto,
                         QObject::tr("%1 does not match its signature: it was changed after it was "
                                     "signed, or it is not from this vendor (%2).")
                             .arg(file, result.reason));
        case LicenseStatus::Malformed:
            return Error::invalidInput(
                QObject::tr("%1 is not an aicp license file: %2.").arg(file, result.reason));
        default:
            return Error(Error::Code::Conflict,
                         QObject::tr("%1 is %2: %3. Ask the vendor for a current license.")
                             .arg(file, licenseStatusWord(result.status), result.reason));
    }
    received.publicKeyPem = std::move(pem).value();
    received.licenseText = std::move(text).value();
    return received;
}

}  // namespace aicp
