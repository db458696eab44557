#include "cli/clicommands.h"
#include "cli/passphrase.h"
#include "licensing/keystore.h"
#include "server/apihttpserver.h"
#include "server/apiservice.h"
#include "server/signalwatcher.h"

#include <csignal>

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>

namespace aicp::cli {
namespace {

constexpr int kShutdownGraceMs = 5000;

struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0".
Result<ListenAddress> parseListen(const QString& text) {
    const qsizetype colon = text.lastIndexOf(u':');
    const auto refuse = [&text] {
        return Error::invalidInput(
            QStringLiteral("--listen takes HOST:PORT, like 127.0.0.1:8080 (port 0 picks a free "
                           "one), not '%1'")
                .arg(text));
    };
    if (colon <= 0)
        return refuse();
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return refuse();
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return refuse();
    return ListenAddress{address, static_cast<quint16>(port)};
}

QString urlHost(const QHostAddress& address) {
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]").arg(address.toString())
               : address.toString();
}

}  // namespace

int runServeCommand(const CliContext& context, const QStringList& arguments) {
    const QString command = QStringLiteral("serve");
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on. Default: 127.0.0.1:8080; port 0 picks a "
                       "free port (printed)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Workspace file to serve (as the global --db)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption passphraseFile = passphraseFileOption();
    CommandHelp help;
    help.usage = {QStringLiteral(
        "[--db FILE] serve [--listen 127.0.0.1:8080] [--db FILE] [--passphrase-file FILE]")};
    help.summary = QStringLiteral(
        "Serves the workspace's REST API (JSON over HTTP, under /api/pricing/) until SIGTERM or "
        "SIGINT. Prints one line once listening: 'aicp serve: listening on http://HOST:PORT'. "
        "Logs one line per request on stderr (time, method, path, status, duration).");
    help.options = {listen, db, passphraseFile, helpOption()};
    help.details =
        QStringLiteral(
            "Every endpoint but GET /healthz needs 'Authorization: Bearer <token>' from 'aicp "
            "tokens create'. Issuing licenses (POST /api/pricing/licenses) unlocks the signing key "
            "with --passphrase-file FILE or $AICP_KEY_PASSPHRASE, read once at start (never a "
            "prompt); without either it answers 503. Request bodies over %1 bytes get 413.\n\n"
            "On SIGTERM or SIGINT the service stops accepting connections, finishes the answers "
            "under way and closes the workspace, then exits 0.\n\n"
            "Exit status: 0 stopped by a signal, 1 it could not start (no workspace, address in "
            "use, wrong passphrase), 2 a mistake in the command line.")
            .arg(ApiRouter::kDefaultMaxBodyBytes);
    QCommandLineParser parser;
    if (auto finished = parseOrFinish(context, parser, help, command, arguments, 0))
        return *finished;
    int status = kExitSuccess;
    const auto listenText = optionValue(context, parser, listen, command, status);
    if (!listenText)
        return status;
    const auto dbText = optionValue(context, parser, db, command, status);
    if (!dbText)
        return status;
    const auto passphrasePath = optionValue(context, parser, passphraseFile, command, status);
    if (!passphrasePath)
        return status;
    auto address =
        parseListen(listenText->isEmpty() ? QStringLiteral("127.0.0.1:8080") : *listenText);
    if (!address)
        return context.usageError(QStringLiteral("%1: %2").arg(command, address.error().message()));
    auto path = context.workspacePath(*dbText);
    if (!path)
        return context.usageError(QStringLiteral("%1: %2").arg(command, path.error().message()));
    const CliContext local{context.out, context.err, *path};
    auto workspace = local.openExistingWorkspace();
    if (!workspace)
        return context.failure(workspace.error().withContext(command));

    ApiServiceOptions options;
    if (!passphrasePath->isEmpty() || qEnvironmentVariableIsSet(kPassphraseVariable)) {
        auto passphrase = readPassphrase(*passphrasePath, PassphraseUse::Unlock, context.err);
        if (!passphrase)
            return context.reportError(passphrase.error().withContext(command));
        // Checked now, so a wrong passphrase stops the start rather than
        // every later issue.
        auto unlocked = KeyStore(**workspace).unlockSigningKey(passphrase->view());
        if (!unlocked)
            return context.failure(unlocked.error().withContext(command));
        options.passphrase = passphrase->view().toByteArray();
    }
    if (QCoreApplication::instance() == nullptr)
        return context.failure(QStringLiteral("%1: needs a Qt application object").arg(command));

    {
        ApiService service(**workspace, std::move(options));
        ApiHttpServer server(service, context.err);
        SignalWatcher watcher;
        if (!watcher.isActive())
            return context.failure(
                QStringLiteral("%1: cannot watch for SIGTERM and SIGINT").arg(command));
        auto port = server.start(address->address, address->port);
        if (!port)
            return context.failure(port.error().withContext(command));
        QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server,
                         [&context, &server](int signal) {
                             context.err << QStringLiteral("aicp serve: %1, stopping\n")
                                                .arg(signal == SIGINT ? QStringLiteral("SIGINT")
                                                                      : QStringLiteral("SIGTERM"));
                             context.err.flush();
                             server.stop(kShutdownGraceMs);
                             QCoreApplication::quit();
                         });
        context.out << QStringLiteral("aicp serve: listening on http://%1:%2 (workspace %3)\n")
                           .arg(urlHost(address->address))
                           .arg(*port)
                           .arg(QDir::toNativeSeparators(*path));
        context.out.flush();
        QCoreApplication::exec();
    }
    workspace->reset();
    context.err << "aicp serve: stopped; workspace closed\n";
    context.err.flush();
    return kExitSuccess;
}

}  // namespace aicp::cli
