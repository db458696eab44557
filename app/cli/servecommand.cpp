#include "cli/clicommands.h"
#include "cli/passphrase.h"
#include "licensing/keystore.h"
#include "server/apiserverpool.h"
#include "server/servicelog.h"
#include "server/signalwatcher.h"
#include "server/webhooksender.h"

#include <algorithm>
#include <csignal>

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QThread>

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

// What `aicp serve` serves, where and how.
struct ServeSetup {
    QString location;  // the workspace's file or URI, opened again by each thread
    ApiServiceOptions options;
    ListenAddress address;
    int threads = 1;
};

// The default number of serving threads: one per processor core.
int defaultThreads() {
    return std::clamp(QThread::idealThreadCount(), 1, ApiServerPool::kMaxThreads);
}

// Runs the service on `workspace` until SIGTERM or SIGINT.
int serve(const Invocation& call, Workspace& workspace, const ServeSetup& setup) {
    ServiceLog log(call.err());
    ApiServerPool pool(log);
    SignalWatcher watcher;
    if (!watcher.isActive())
        return call.failure(
            Error(Error::Code::Internal, QStringLiteral("cannot watch for SIGTERM and SIGINT")));
    AICP_CLI_TRY(port,
                 pool.start(setup.location, setup.options, setup.address.address,
                            setup.address.port, setup.threads),
                 failure);
    WebhookSender sender(workspace.path());
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &watcher,
                     [&log, &pool, &sender](int signal) {
                         log.write(QStringLiteral("aicp serve: %1, stopping\n")
                                       .arg(signal == SIGINT ? QStringLiteral("SIGINT")
                                                             : QStringLiteral("SIGTERM")));
                         pool.stop(kShutdownGraceMs);
                         sender.stop();
                         QCoreApplication::quit();
                     });
    QObject::connect(&sender, &WebhookSender::report, &watcher, [&log](const QString& line) {
        log.write(QStringLiteral("aicp serve: %1\n").arg(line));
    });
    if (const auto mode = workspace.mode(); mode && *mode == Workspace::Mode::Vendor)
        sender.start();
    call.out() << QStringLiteral(
                      "aicp serve: listening on http://%1:%2 (workspace %3, %4 threads)\n")
                      .arg(urlHost(setup.address.address))
                      .arg(*port)
                      .arg(QDir::toNativeSeparators(workspace.path()))
                      .arg(pool.threads());
    call.out().flush();
    QCoreApplication::exec();
    return kExitSuccess;
}

class ServeCommand final : public Command {
public:
    ServeCommand() : Command(QStringLiteral("serve")) { ownOptions_ = {listen_, db_, threads_}; }

private:
    const QCommandLineOption listen_{
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on. Default: 127.0.0.1:8080; port 0 picks a "
                       "free port (printed)."),
        QStringLiteral("HOST:PORT")};
    const QCommandLineOption db_{QStringLiteral("db"),
                                 QStringLiteral("Workspace file to serve (as the global --db)."),
                                 QStringLiteral("FILE")};
    const QCommandLineOption threads_{
        QStringLiteral("threads"),
        QStringLiteral("Threads answering requests, each with its own connection to the "
                       "workspace (1 to %1). Default: one per processor core, %2 here.")
            .arg(ApiServerPool::kMaxThreads)
            .arg(defaultThreads()),
        QStringLiteral("N")};

    // The service's options: the signing key's passphrase when one is given,
    // checked now so a wrong one stops the start rather than every issue.
    static Result<ApiServiceOptions> serviceOptions(const Invocation& call, Workspace& workspace,
                                                    const QString& passphrasePath) {
        ApiServiceOptions options;
        if (passphrasePath.isEmpty() && !qEnvironmentVariableIsSet(kPassphraseVariable))
            return options;
        auto passphrase = call.passphrase(PassphraseUse::Unlock);
        if (!passphrase)
            return passphrase.error();
        auto unlocked = KeyStore(workspace).unlockSigningKey(passphrase->view());
        if (!unlocked)
            return stateError(unlocked.error());
        options.passphrase = passphrase->view().toByteArray();
        return options;
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(listenText, call.value(listen_), fail);
        AICP_CLI_TRY(dbText, call.value(db_), fail);
        AICP_CLI_TRY(passphrasePath, call.value(passphraseFileOption()), fail);
        AICP_CLI_TRY(threadsText, call.value(threads_), fail);
        auto address =
            parseListen(listenText->isEmpty() ? QStringLiteral("127.0.0.1:8080") : *listenText);
        if (!address)
            return call.usage(address.error().message());
        int threads = defaultThreads();
        if (!threadsText->isEmpty()) {
            bool ok = false;
            threads = threadsText->toInt(&ok);
            if (!ok || threads < 1 || threads > ApiServerPool::kMaxThreads)
                return call.usage(QStringLiteral("--threads takes a whole number from 1 to %1, "
                                                 "not '%2'")
                                      .arg(ApiServerPool::kMaxThreads)
                                      .arg(*threadsText));
        }
        auto path = call.context().workspacePath(*dbText);
        if (!path)
            return call.usage(path.error().message());
        const CliContext local{call.out(), call.err(), *path};
        AICP_CLI_TRY(workspace, local.openExistingWorkspace(), failure);
        AICP_CLI_TRY(options, serviceOptions(call, **workspace, *passphrasePath), fail);
        if (QCoreApplication::instance() == nullptr)
            return call.failure(Error::internal(QStringLiteral("needs a Qt application object")));
        ServeSetup setup{*path, std::move(options).value(), *address, threads};
        const int status = serve(call, **workspace, setup);
        setup.options.passphrase.fill('\0');  // the one copy left: each thread wiped its own
        if (status != kExitSuccess)
            return status;
        workspace->reset();
        call.err() << "aicp serve: stopped; workspace closed\n";
        call.err().flush();
        return kExitSuccess;
    }
};

}  // namespace

const Command& serveCommand() {
    static const ServeCommand command;
    return command;
}

}  // namespace aicp::cli
