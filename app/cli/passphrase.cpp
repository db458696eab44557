#include "cli/passphrase.h"

#include <iterator>

#include <QFile>
#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace aicp::cli {
namespace {

// A passphrase is a line, not a document; anything longer is a mistake (the
// wrong file given to --passphrase-file).
constexpr qsizetype kMaxPassphraseSize = 1024;

Result<Passphrase> fromFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io, QStringLiteral("--passphrase-file: cannot read '%1' (%2)")
                                          .arg(path, file.errorString()));
    QByteArray line = file.read(kMaxPassphraseSize + 2);
    file.close();
    qsizetype end = line.indexOf('\n');
    if (end < 0)
        end = line.size();
    if (end > 0 && line.at(end - 1) == '\r')
        --end;
    if (end > kMaxPassphraseSize) {
        line.fill('\0');
        return Error::invalidInput(
            QStringLiteral("--passphrase-file: the first line of '%1' is longer than %2 bytes")
                .arg(path)
                .arg(kMaxPassphraseSize));
    }
    Passphrase passphrase(line.left(end));
    line.fill('\0');
    if (passphrase.view().isEmpty())
        return Error::invalidInput(
            QStringLiteral("--passphrase-file: the first line of '%1' is empty").arg(path));
    return passphrase;
}

#if defined(Q_OS_UNIX)

// Echo is switched off while the passphrase is typed; a signal arriving then
// (Ctrl-C) must not leave the terminal silent, so it restores the settings
// before the default action runs.
struct termios savedTerminal;
volatile std::sig_atomic_t echoIsOff = 0;

extern "C" void restoreTerminalAndRaise(int signal) {
    if (echoIsOff != 0)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

constexpr int kRestoringSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// One line from the terminal with echo off.
Result<Passphrase> promptOnce(const QString& prompt, QTextStream& err) {
    err << prompt;
    err.flush();

    if (tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
        return Error(Error::Code::Io,
                     QStringLiteral("cannot read the terminal's settings to hide the passphrase"));
    struct sigaction previous[std::size(kRestoringSignals)] = {};
    struct sigaction restoring = {};
    restoring.sa_handler = restoreTerminalAndRaise;
    sigemptyset(&restoring.sa_mask);
    for (std::size_t i = 0; i < std::size(kRestoringSignals); ++i)
        sigaction(kRestoringSignals[i], &restoring, &previous[i]);

    struct termios silent = savedTerminal;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    silent.c_lflag |= ECHONL;
    echoIsOff = 1;
    const bool hidden = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0;

    QByteArray line;
    bool complete = false;
    bool tooLong = false;
    char c = 0;
    while (true) {
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        if (c == '\n') {
            complete = true;
            break;
        }
        if (line.size() >= kMaxPassphraseSize)
            tooLong = true;
        else
            line.append(c);
    }
    c = 0;

    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    echoIsOff = 0;
    for (std::size_t i = 0; i < std::size(kRestoringSignals); ++i)
        sigaction(kRestoringSignals[i], &previous[i], nullptr);
    if (!hidden) {
        line.fill('\0');
        return Error(Error::Code::Io, QStringLiteral("cannot hide the passphrase as it is typed"));
    }
    if (!complete) {
        line.fill('\0');
        err << '\n';
        err.flush();
        return Error(Error::Code::Cancelled, QStringLiteral("no passphrase was entered"));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    Passphrase passphrase(line);
    line.fill('\0');
    if (tooLong)
        return Error::invalidInput(
            QStringLiteral("a passphrase is at most %1 bytes").arg(kMaxPassphraseSize));
    if (passphrase.view().isEmpty())
        return Error::invalidInput(QStringLiteral("no passphrase was entered"));
    return passphrase;
}

bool canPrompt() {
    return isatty(STDIN_FILENO) == 1;
}

#else

Result<Passphrase> promptOnce(const QString&, QTextStream&) {
    return Error(Error::Code::Unsupported,
                 QStringLiteral("asking for a passphrase is not supported on this system"));
}

bool canPrompt() {
    return false;
}

#endif

Result<Passphrase> fromPrompt(PassphraseUse use, QTextStream& err) {
    if (use == PassphraseUse::Unlock)
        return promptOnce(QStringLiteral("Passphrase of the signing key: "), err);
    auto first = promptOnce(QStringLiteral("Passphrase for the new signing key: "), err);
    if (!first)
        return first;
    auto second = promptOnce(QStringLiteral("The same passphrase again: "), err);
    if (!second)
        return second;
    if (first->view() != second->view())
        return Error::invalidInput(
            QStringLiteral("the two passphrases differ; nothing was changed"));
    return first;
}

}  // namespace

QCommandLineOption passphraseFileOption() {
    return QCommandLineOption(
        QStringLiteral("passphrase-file"),
        QStringLiteral("Read the signing key's passphrase from the first line of FILE. Without "
                       "it: $AICP_KEY_PASSPHRASE, else a prompt on the terminal."),
        QStringLiteral("FILE"));
}

Result<Passphrase> readPassphrase(const QString& passphraseFile, PassphraseUse use,
                                  QTextStream& err) {
    if (!passphraseFile.isEmpty())
        return fromFile(passphraseFile);
    if (qEnvironmentVariableIsSet(kPassphraseVariable)) {
        QByteArray value = qgetenv(kPassphraseVariable);
        Passphrase passphrase(value);
        value.fill('\0');
        if (passphrase.view().isEmpty())
            return Error::invalidInput(
                QStringLiteral("%1 is set but empty").arg(QLatin1String(kPassphraseVariable)));
        return passphrase;
    }
    if (!canPrompt())
        return Error::invalidInput(
            QStringLiteral("the signing key's passphrase is needed: set %1 or give "
                           "--passphrase-file FILE (there is no terminal to ask on)")
                .arg(QLatin1String(kPassphraseVariable)));
    return fromPrompt(use, err);
}

}  // namespace aicp::cli
