#pragma once

#include "common/result.h"

#include <cstdint>
#include <memory>
#include <string_view>

#include <QByteArray>

class QIODevice;

namespace aicp {

// Reads a device in fixed chunks into one reusable buffer, so an import holds
// a bounded amount of the file however large it is, and computes the file's
// SHA-256 on the way (the file is read once). Readers look at window(), take
// what they understand with consume(), and call fill() when a record runs
// past the end of the window.
class ChunkedInput {
public:
    static constexpr std::size_t kChunkBytes = std::size_t(1) << 20;
    // A single record (CSV row, JSON line) may not be longer than this; an
    // unclosed quote would otherwise make the whole file one record.
    static constexpr std::size_t kMaxRecordBytes = std::size_t(1) << 20;

    explicit ChunkedInput(QIODevice& device);
    ~ChunkedInput();
    ChunkedInput(const ChunkedInput&) = delete;
    ChunkedInput& operator=(const ChunkedInput&) = delete;

    [[nodiscard]] std::string_view window() const {
        return {buffer_.get() + begin_, end_ - begin_};
    }
    void consume(std::size_t bytes) { begin_ += bytes; }
    // Appends the next chunk behind the unread bytes (moving them, so views
    // into the old window become invalid). False at the end of the input.
    // Fails on a read error or when the unread bytes already exceed
    // kMaxRecordBytes.
    [[nodiscard]] Result<bool> fill();
    [[nodiscard]] bool atEnd() const { return atEnd_; }

    // Bytes consumed so far, for progress.
    [[nodiscard]] std::int64_t position() const { return consumedBefore_ + std::int64_t(begin_); }
    // Reads what is left (for the hash) and returns the SHA-256 of every byte
    // of the device, lowercase hex.
    [[nodiscard]] Result<QByteArray> finishSha256();

private:
    struct Digest;

    QIODevice& device_;
    // Not a std::vector: zero-filling megabytes the next read overwrites
    // would cost more than small imports do.
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_ = 0;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::int64_t consumedBefore_ = 0;
    bool atEnd_ = false;
    std::unique_ptr<Digest> digest_;
};

}  // namespace aicp
