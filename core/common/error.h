#pragma once

#include <QString>

namespace aicp {

// Why an operation failed, in words a user can act on. The code lets callers
// (CLI exit status, HTTP status) react without parsing the message.
class Error {
public:
    enum class Code {
        InvalidInput,  // the caller gave something malformed or out of range
        NotFound,      // a named thing (tier, customer, file) does not exist
        Conflict,      // the request contradicts stored state
        Io,            // a file could not be read or written
        Database,      // SQLite reported a failure
        Corrupt,       // stored data is damaged or not ours
        Unsupported,   // made by a newer version, or a feature not built in
        Crypto,        // a signature, key or cipher operation failed
        Cancelled,     // the user stopped the operation
        Internal,      // a broken invariant: a bug, never the user's fault
    };

    Error(Code code, QString message) : code_(code), message_(std::move(message)) {}

    [[nodiscard]] Code code() const { return code_; }
    [[nodiscard]] const QString& message() const { return message_; }

    // Prefixes the message with where the problem was found ("price book: ").
    [[nodiscard]] Error withContext(const QString& context) const {
        return Error(code_, context + QStringLiteral(": ") + message_);
    }

    static Error invalidInput(QString message) { return {Code::InvalidInput, std::move(message)}; }
    static Error notFound(QString message) { return {Code::NotFound, std::move(message)}; }
    static Error internal(QString message) { return {Code::Internal, std::move(message)}; }

private:
    Code code_;
    QString message_;
};

}  // namespace aicp
