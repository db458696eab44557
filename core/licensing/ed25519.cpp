#include "licensing/ed25519.h"

#include <cstring>

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace aicp {
namespace {

// OpenSSL registers its clean-up with atexit() when it first initialises.
// Initialising before main() makes that clean-up run after every later
// static destructor, among them the thread pool's that joins the worker
// threads which signed or verified: a worker's OpenSSL thread state must
// never be freed after OpenSSL itself (an intermittent double free at exit).
[[maybe_unused]] const bool kOpensslReadyBeforeMain = OPENSSL_init_crypto(0, nullptr) == 1;

// OpenSSL's default password callback prompts on the terminal when a PEM
// block needs a passphrase; a library must never do that (it would hang a
// service or a test). This one hands over the given passphrase, or refuses.
int passphraseCallback(char* buffer, int size, int /*writing*/, void* passphrase) {
    const auto* given = static_cast<const QByteArray*>(passphrase);
    if (!given || given->isEmpty() || given->size() > size)
        return -1;
    std::memcpy(buffer, given->constData(), static_cast<std::size_t>(given->size()));
    return static_cast<int>(given->size());
}

// scrypt work factors: OpenSSL's own `pkcs8 -scrypt` defaults, which stay
// inside the 32 MiB OpenSSL allows by default when it reads the file back.
constexpr std::uint64_t kScryptN = 16384;
constexpr std::uint64_t kScryptR = 8;
constexpr std::uint64_t kScryptP = 1;

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY* key) {
    return {key, [](EVP_PKEY* k) { EVP_PKEY_free(k); }};
}

// OpenSSL's queued reason, for a message a person can pass on to support.
QString openSslReason() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

Error cryptoError(const QString& what) {
    return Error(Error::Code::Crypto, QStringLiteral("%1 (%2)").arg(what, openSslReason()));
}

QByteArray readBio(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

BioPtr memoryBioOver(QByteArrayView bytes) {
    return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

}  // namespace

QString ed25519KeyId(QByteArrayView rawPublicKey) {
    return QString::fromLatin1(
        QCryptographicHash::hash(rawPublicKey, QCryptographicHash::Sha256).toHex().left(16));
}

Ed25519PublicKey::Ed25519PublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {
    kid_ = ed25519KeyId(raw());
}

Result<Ed25519PublicKey> Ed25519PublicKey::fromRaw(QByteArrayView raw) {
    if (raw.size() != kRawSize)
        return Error(Error::Code::Crypto,
                     QStringLiteral("an Ed25519 public key is %1 bytes, not %2")
                         .arg(kRawSize)
                         .arg(raw.size()));
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char*>(raw.data()),
                                                static_cast<size_t>(raw.size()));
    if (!key)
        return cryptoError(QStringLiteral("not a usable Ed25519 public key"));
    return Ed25519PublicKey(adopt(key));
}

Result<Ed25519PublicKey> Ed25519PublicKey::fromPem(QByteArrayView pem) {
    if (pem.size() > 64 * 1024)
        return Error::invalidInput(
            QStringLiteral("a public key file is a few hundred bytes; this is too large"));
    const BioPtr bio = memoryBioOver(pem);
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, &passphraseCallback, nullptr);
    if (!key)
        return cryptoError(
            QStringLiteral("not a PEM public key (expected \"-----BEGIN PUBLIC KEY-----\")"));
    auto owned = adopt(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
        return Error(Error::Code::Crypto, QStringLiteral("the public key is not an Ed25519 key"));
    return Ed25519PublicKey(std::move(owned));
}

QByteArray Ed25519PublicKey::raw() const {
    QByteArray raw(kRawSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(key_.get(), reinterpret_cast<unsigned char*>(raw.data()),
                                    &size) != 1)
        return {};
    raw.resize(static_cast<qsizetype>(size));
    return raw;
}

QByteArray Ed25519PublicKey::toPem() const {
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1)
        return {};
    return readBio(bio.get());
}

bool Ed25519PublicKey::isValidSignature(QByteArrayView message, QByteArrayView signature) const {
    if (signature.size() != kSignatureSize)
        return false;
    const MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1) {
        ERR_clear_error();
        return false;
    }
    const int verdict =
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char*>(message.data()),
                         static_cast<size_t>(message.size()));
    ERR_clear_error();
    return verdict == 1;
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::adoptNew(EVP_PKEY* key) {
    if (!key)
        return cryptoError(QStringLiteral("could not make an Ed25519 key"));
    auto owned = adopt(key);
    QByteArray raw(Ed25519PublicKey::kRawSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size) != 1)
        return cryptoError(QStringLiteral("could not read the new public key"));
    auto publicKey = Ed25519PublicKey::fromRaw(raw);
    if (!publicKey)
        return publicKey.error();
    return Ed25519PrivateKey(std::move(owned), std::move(publicKey).value());
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::generate() {
    return adoptNew(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromSeed(QByteArrayView seed) {
    if (seed.size() != kSeedSize)
        return Error::invalidInput(
            QStringLiteral("an Ed25519 seed is %1 bytes, not %2").arg(kSeedSize).arg(seed.size()));
    return adoptNew(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()),
        static_cast<size_t>(seed.size())));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromEncryptedPem(QByteArrayView pem,
                                                              QByteArrayView passphrase) {
    if (pem.size() > 64 * 1024)
        return Error::invalidInput(
            QStringLiteral("a private key file is a few hundred bytes; this is too large"));
    if (!pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return Error(
            Error::Code::Crypto,
            QStringLiteral("not an encrypted private key (expected \"-----BEGIN ENCRYPTED PRIVATE "
                           "KEY-----\"); aicp never reads an unencrypted one"));
    const BioPtr bio = memoryBioOver(pem);
    // A copy that is wiped after use.
    QByteArray pass = passphrase.toByteArray();
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, &passphraseCallback, &pass);
    pass.fill('\0');
    if (!key) {
        ERR_clear_error();
        // OpenSSL's error codes do not tell a wrong passphrase from a damaged
        // file; the encrypted container parsing on its own does.
        const BioPtr again = memoryBioOver(pem);
        X509_SIG* container =
            PEM_read_bio_PKCS8(again.get(), nullptr, &passphraseCallback, nullptr);
        const bool wellFormed = container != nullptr;
        X509_SIG_free(container);
        ERR_clear_error();
        return Error(Error::Code::Crypto,
                     wellFormed ? QStringLiteral("wrong passphrase for the signing key")
                                : QStringLiteral("the signing key file is damaged"));
    }
    auto owned = adopt(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
        return Error(Error::Code::Crypto, QStringLiteral("the private key is not an Ed25519 key"));
    QByteArray raw(Ed25519PublicKey::kRawSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size) != 1)
        return cryptoError(QStringLiteral("could not read the public half of the key"));
    auto publicKey = Ed25519PublicKey::fromRaw(raw);
    if (!publicKey)
        return publicKey.error();
    return Ed25519PrivateKey(std::move(owned), std::move(publicKey).value());
}

Result<QByteArray> Ed25519PrivateKey::toEncryptedPem(QByteArrayView passphrase) const {
    if (passphrase.isEmpty())
        return Error::invalidInput(QStringLiteral("a signing key needs a passphrase"));
    X509_ALGOR* scheme =
        PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, kScryptN, kScryptR, kScryptP);
    if (!scheme)
        return cryptoError(QStringLiteral("could not set up scrypt key encryption"));
    PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(key_.get());
    if (!info) {
        X509_ALGOR_free(scheme);
        return cryptoError(QStringLiteral("could not encode the private key"));
    }
    // PKCS8_set0_pbe takes ownership of `scheme` on success only.
    X509_SIG* encrypted =
        PKCS8_set0_pbe(passphrase.data(), static_cast<int>(passphrase.size()), info, scheme);
    PKCS8_PRIV_KEY_INFO_free(info);
    if (!encrypted) {
        X509_ALGOR_free(scheme);
        return cryptoError(QStringLiteral("could not encrypt the private key"));
    }
    const BioPtr bio(BIO_new(BIO_s_mem()));
    const bool written = bio && PEM_write_bio_PKCS8(bio.get(), encrypted) == 1;
    X509_SIG_free(encrypted);
    if (!written)
        return cryptoError(QStringLiteral("could not write the encrypted private key"));
    return readBio(bio.get());
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const {
    return publicKey_;
}

Result<QByteArray> Ed25519PrivateKey::sign(QByteArrayView message) const {
    const MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
        return cryptoError(QStringLiteral("could not start signing"));
    QByteArray signature(Ed25519PublicKey::kSignatureSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(signature.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       static_cast<size_t>(message.size())) != 1)
        return cryptoError(QStringLiteral("could not sign"));
    signature.resize(static_cast<qsizetype>(size));
    return signature;
}

}  // namespace aicp
