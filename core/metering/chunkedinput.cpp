#include "metering/chunkedinput.h"

#include <cstring>

#include <QIODevice>

#include <openssl/evp.h>

namespace aicp {

// OpenSSL rather than QCryptographicHash: it uses the CPU's SHA extensions,
// which keeps hashing a small fraction of the import time.
struct ChunkedInput::Digest {
    struct Free {
        void operator()(EVP_MD_CTX* owned) const { EVP_MD_CTX_free(owned); }
    };
    std::unique_ptr<EVP_MD_CTX, Free> context{EVP_MD_CTX_new()};
    bool ok = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1;
};

ChunkedInput::ChunkedInput(QIODevice& device)
    : device_(device), digest_(std::make_unique<Digest>()) {}

ChunkedInput::~ChunkedInput() = default;

Result<bool> ChunkedInput::fill() {
    if (atEnd_)
        return false;
    const std::size_t unread = end_ - begin_;
    if (unread > kMaxRecordBytes)
        return Error::invalidInput(
            QStringLiteral("a row is longer than %1 bytes (is a quote never closed?)")
                .arg(kMaxRecordBytes));
    if (begin_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + begin_, unread);
        consumedBefore_ += std::int64_t(begin_);
        begin_ = 0;
        end_ = unread;
    }
    // The buffer holds at most one over-long record plus one chunk.
    if (capacity_ - end_ < kChunkBytes) {
        auto larger = std::make_unique_for_overwrite<char[]>(end_ + kChunkBytes);
        if (end_ > 0)
            std::memcpy(larger.get(), buffer_.get(), end_);
        buffer_ = std::move(larger);
        capacity_ = end_ + kChunkBytes;
    }
    const qint64 got = device_.read(buffer_.get() + end_, qint64(kChunkBytes));
    if (got < 0)
        return Error(Error::Code::Io,
                     QStringLiteral("cannot be read (%1)").arg(device_.errorString()));
    if (got == 0) {
        atEnd_ = true;
        return false;
    }
    if (!digest_->ok ||
        EVP_DigestUpdate(digest_->context.get(), buffer_.get() + end_, std::size_t(got)) != 1)
        digest_->ok = false;
    end_ += std::size_t(got);
    return true;
}

Result<QByteArray> ChunkedInput::finishSha256() {
    while (true) {
        begin_ = end_;  // the rest is only hashed, not parsed
        auto more = fill();
        if (!more)
            return more.error();
        if (!*more)
            break;
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!digest_->ok || EVP_DigestFinal_ex(digest_->context.get(), hash, &length) != 1)
        return Error(Error::Code::Crypto, QStringLiteral("cannot compute the file's SHA-256"));
    digest_->ok = false;  // a second call would hash nothing
    return QByteArray(reinterpret_cast<const char*>(hash), int(length)).toHex();
}

}  // namespace aicp
