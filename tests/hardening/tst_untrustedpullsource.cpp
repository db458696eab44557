// A pull source (an aicp service or an OpenMeter API the user typed in) is
// not trusted to keep its answers small: UsagePuller::get, which every pull
// and connection test goes through, refuses an answer over its cap instead
// of holding it all in memory; and an answer that is not strict JSON fails
// the pull with its line and column and stores nothing.

#include "hardening/jsoncorpus.h"
#include "metering/openmeterpuller.h"
#include "metering/usagepuller.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <memory>

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

// Answers every request on 127.0.0.1 with `bodyBytes` of JSON-ish filler,
// or with `body` when one is given, either declared up front
// (Content-Length) or only ended by closing the connection, written a MiB at
// a time as the client reads.
class FloodingServer : public QObject {
public:
    FloodingServer(qint64 bodyBytes, bool declareLength, QByteArray body = {})
        : body_(std::move(body)),
          bodyBytes_(body_.isEmpty() ? bodyBytes : body_.size()),
          declareLength_(declareLength) {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection())
                serve(socket);
        });
        server_.listen(QHostAddress::LocalHost);
    }

    [[nodiscard]] QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/api/pricing/usage/events")
                        .arg(server_.serverPort()));
    }
    [[nodiscard]] qint64 written() const { return written_; }

private:
    void serve(QTcpSocket* socket) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (!socket->readAll().contains("\r\n\r\n") || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
            head += declareLength_ ? "Content-Length: " + QByteArray::number(bodyBytes_) + "\r\n"
                                   : QByteArray("Connection: close\r\n");
            socket->write(head + "\r\n");
            writeMore(socket);
        });
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] {
            if (socket->bytesToWrite() == 0)
                writeMore(socket);
        });
    }

    void writeMore(QTcpSocket* socket) {
        const qint64 left = bodyBytes_ - socket->property("sent").toLongLong();
        if (left <= 0) {
            socket->disconnectFromHost();
            return;
        }
        const qint64 chunk = std::min<qint64>(left, 1024 * 1024);
        const qint64 sent = socket->property("sent").toLongLong();
        socket->write(body_.isEmpty() ? QByteArray(chunk, ' ') : body_.mid(sent, chunk));
        socket->setProperty("sent", sent + chunk);
        written_ += chunk;
    }

    QTcpServer server_;
    QByteArray body_;
    qint64 bodyBytes_;
    bool declareLength_;
    qint64 written_ = 0;
};

}  // namespace

class TestUntrustedPullSource : public QObject {
    Q_OBJECT

private slots:
    void anAnswerOverTheCapIsRefused_data() {
        QTest::addColumn<bool>("declareLength");
        QTest::newRow("declared length") << true;
        QTest::newRow("ended by closing") << false;
    }

    void anAnswerOverTheCapIsRefused() {
        QFETCH(bool, declareLength);
        FloodingServer server(UsagePuller::kMaxAnswerBytes + 8 * 1024 * 1024, declareLength);
        const auto answer = UsagePuller::get(server.url(), "token", 30000);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code(), Error::Code::Corrupt);
        QVERIFY2(answer.error().message().contains(QStringLiteral("more than 64 MiB")),
                 qPrintable(answer.error().message()));
        // A declared length is refused from the headers: the flood stops
        // long before the cap's worth was even sent.
        if (declareLength)
            QVERIFY2(server.written() < UsagePuller::kMaxAnswerBytes / 2,
                     qPrintable(QString::number(server.written())));
    }

    // Every document of the n_ corpus as the answer of another aicp service
    // and of an OpenMeter API: both pulls fail naming where, nothing stored.
    void anAnswerThatIsNotStrictJsonFailsThePull() {
        QTemporaryDir dir;
        auto workspace = Workspace::open(dir.filePath(QStringLiteral("w.aicp")));
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
        static const QRegularExpression place(QStringLiteral("line \\d+, column \\d+: \\S"));
        OpenMeterMapping mapping;
        mapping.requestsMeter = QStringLiteral("requests");
        OpenMeterPullOptions options;
        options.from = QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
        options.to = options.from->addSecs(3600);
        const auto documents = jsoncorpus::documents(QStringLiteral("n_"));
        QVERIFY(documents.size() >= 50);
        for (const auto& [name, bytes] : documents) {
            FloodingServer server(0, true, bytes);
            const auto pulled = UsagePuller(**workspace).pull(server.url(), "token");
            QVERIFY2(!pulled && place.match(pulled.error().message()).hasMatch(),
                     qPrintable(name + QStringLiteral(": ") +
                                (pulled ? QStringLiteral("pulled") : pulled.error().message())));
            const auto metered =
                OpenMeterPuller(**workspace).pull(server.url(), "token", mapping, options);
            QVERIFY2(!metered && place.match(metered.error().message()).hasMatch(),
                     qPrintable(name + QStringLiteral(": ") +
                                (metered ? QStringLiteral("pulled") : metered.error().message())));
        }
        for (const char* sql :
             {"SELECT count(*) FROM usage_events", "SELECT count(*) FROM openmeter_windows",
              "SELECT count(*) FROM usage_pull_sources"})
            QCOMPARE(queryInt64((*workspace)->handle(), sql).valueOr(-1), std::int64_t(0));
    }

    void anAnswerUnderTheCapIsRead() {
        FloodingServer server(3 * 1024 * 1024, true);
        const auto answer = UsagePuller::get(server.url(), "token", 30000);
        QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message()));
        QCOMPARE(answer->status, 200);
        QCOMPARE(answer->body.size(), 3 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestUntrustedPullSource)
#include "tst_untrustedpullsource.moc"
