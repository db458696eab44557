#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QString>
#include <QTextStream>

namespace aicp::cli {

// A passphrase held only as long as one operation needs it; its bytes are
// overwritten when it goes away so no copy lingers in freed memory.
class Passphrase {
public:
    Passphrase() = default;
    explicit Passphrase(QByteArray bytes) : bytes_(std::move(bytes)) {}
    ~Passphrase() { bytes_.fill('\0'); }
    Passphrase(Passphrase&& other) noexcept : bytes_(std::move(other.bytes_)) {}
    Passphrase& operator=(Passphrase&& other) noexcept {
        bytes_.fill('\0');
        bytes_ = std::move(other.bytes_);
        return *this;
    }
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;

    [[nodiscard]] QByteArrayView view() const { return bytes_; }

private:
    QByteArray bytes_;
};

// Whether the passphrase unlocks an existing key or protects a new one: a new
// one is asked twice at a prompt so a typo cannot lock the key away.
enum class PassphraseUse { Unlock, NewKey };

// The environment variable a script sets instead of being asked.
inline constexpr char kPassphraseVariable[] = "AICP_KEY_PASSPHRASE";

// The --passphrase-file option every command that signs takes. There is
// deliberately no option carrying the passphrase itself: a command line is
// visible to every user of the machine (ps, /proc) and kept in shell history.
[[nodiscard]] QCommandLineOption passphraseFileOption();

// The passphrase, from the first of: the file (`passphraseFile`, its first
// line without the line break), $AICP_KEY_PASSPHRASE, or a prompt on the
// terminal without echo (only when standard input is a terminal). `err` is
// where the prompt is written. Refuses with the reason when none is
// available, when the file cannot be read or is empty, and when the two
// entries of a new passphrase differ.
[[nodiscard]] Result<Passphrase> readPassphrase(const QString& passphraseFile, PassphraseUse use,
                                                QTextStream& err);

}  // namespace aicp::cli
