// The console's live sources against a real `aicp serve` on 127.0.0.1
// (AICP_CLI): add, test connection, pull now importing the posted events
// with their counts in words, a pull that finds nothing new, a failing URL
// that says why and backs off, a refused token, removal with confirmation,
// and the dialog's refusals. OpenMeter sources against a fixture API: the
// dialog's fields for them, pull now with the aggregates and the result in
// words, a revised window, and a failing API.
#include "mainwindow.h"
#include "metering/livesources.h"
#include "pages/usage/livesourcedialog.h"
#include "pages/usage/livesourcespanel.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/clirunner.h"
#include "support/openmeterfixture.h"
#include "support/servertestsupport.h"
#include "taskrunner.h"
#include "workspacesession.h"

#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

using namespace aicp;
using aicp::apitest::exchange;
using aicp::apitest::Server;
using aicp::clitest::CliSandbox;
using aicp::openmetertest::OpenMeterFixture;

namespace {

constexpr int kPullTimeoutMs = 30000;

QByteArray cloudEvent(const QString& id, const QString& time, int quantity = 1) {
    return aicp::apitest::cloudEvent(QStringLiteral("gw-live"), QStringLiteral("live-customer"), id,
                                     time, quantity);
}

// A port on 127.0.0.1 that nothing listens on (it was free a moment ago).
quint16 closedPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

LiveSource source(const QString& name, const QUrl& url, const QByteArray& token, int interval = 0) {
    LiveSource result;
    result.name = name;
    result.url = url;
    result.token = token;
    result.intervalMinutes = interval;
    return result;
}

LiveSource openMeterSource(const QString& name, const QUrl& url) {
    LiveSource result;
    result.name = name;
    result.kind = LiveSourceKind::OpenMeter;
    result.url = url;
    result.openMeter.requestsMeter = QStringLiteral("governed_requests");
    result.openMeter.packsMeter = QStringLiteral("pack_requests");
    result.openMeter.packKey = QStringLiteral("pack");
    return result;
}

// RFC 3339 of the start of the hour `hoursBack` complete hours ago.
QString hourAgo(int hoursBack) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(now / 3600 * 3600 - qint64{hoursBack} * 3600, Qt::UTC)
        .toString(Qt::ISODate);
}

// What the fixture holds: requests of two customers over three hours, and
// one hour of acme's requests per policy pack.
void fillFixture(OpenMeterFixture& fixture) {
    const QString requests = QStringLiteral("governed_requests");
    fixture.addRow(requests, QStringLiteral("acme"), hourAgo(3), 5);
    fixture.addRow(requests, QStringLiteral("acme"), hourAgo(2), 3);
    fixture.addRow(requests, QStringLiteral("globex"), hourAgo(3), 7);
    fixture.addRow(requests, QStringLiteral("globex"), hourAgo(1), 2);
    fixture.addRow(QStringLiteral("pack_requests"), QStringLiteral("acme"), hourAgo(3), 4,
                   {{QStringLiteral("pack"), QStringLiteral("pii-protection")}});
}

}  // namespace

class TestLiveSources : public QObject {
    Q_OBJECT

private:
    CliSandbox sandbox_;
    QString served_;
    QByteArray readToken_;
    QByteArray ingestToken_;
    std::unique_ptr<Server> server_;
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<TaskRunner> runner_;
    std::unique_ptr<LiveSourcesPanel> panel_;
    QStringList confirmations_;
    bool confirmAnswer_ = true;

    QByteArray token(const QString& role) const {
        const auto run = sandbox_.run({QStringLiteral("--db"), served_, QStringLiteral("tokens"),
                                       QStringLiteral("create"), QStringLiteral("--role"), role},
                                      sandbox_.environment());
        return run.exitCode == 0 ? run.firstLine().toUtf8() : QByteArray();
    }

    std::int64_t eventCount() const {
        auto count = queryInt64(workspace_->handle(), "SELECT count(*) FROM usage_events");
        return count ? *count : -1;
    }

    QString cell(std::int64_t id, int column) const {
        auto* table = panel_->findChild<QTableWidget*>(QStringLiteral("liveSourcesTable"));
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->data(Qt::UserRole).toLongLong() == id)
                return table->item(row, column)->text();
        }
        return {};
    }

    // Pulls and waits for the outcome; the GUI thread keeps running meanwhile.
    bool pull(std::int64_t id, bool* ok) {
        QSignalSpy finished(panel_.get(), &LiveSourcesPanel::pullFinished);
        if (!panel_->pullNow(id))
            return false;
        if (!finished.wait(kPullTimeoutMs))
            return false;
        *ok = finished.first().at(1).toBool();
        return true;
    }
    // Tests the source's connection; false when the test never finished.
    bool testConnection(std::int64_t id, bool* ok) {
        QSignalSpy tested(panel_.get(), &LiveSourcesPanel::testFinished);
        if (!panel_->testConnection(id) || !tested.wait(kPullTimeoutMs))
            return false;
        *ok = tested.first().at(1).toBool();
        return true;
    }

private slots:
    void initTestCase() {
        QVERIFY(sandbox_.isReady());
        QVERIFY(dir_.isValid());
        served_ = sandbox_.file(QStringLiteral("served.aicp"));
        QVERIFY(Workspace::open(served_).ok());
        readToken_ = token(QStringLiteral("read"));
        ingestToken_ = token(QStringLiteral("ingest"));
        QVERIFY(readToken_.startsWith("aicp_"));
        QVERIFY(ingestToken_.startsWith("aicp_"));
        server_ = std::make_unique<Server>();
        QVERIFY(server_->start(qEnvironmentVariable("AICP_CLI"), served_, sandbox_.environment()));
        // Three events, one of them twice in the batch: two distinct.
        const QByteArray batch =
            "[" + cloudEvent(QStringLiteral("e-1"), QStringLiteral("2026-01-05T10:00:00Z")) + "," +
            cloudEvent(QStringLiteral("e-2"), QStringLiteral("2026-01-05T11:00:00Z"), 3) + "," +
            cloudEvent(QStringLiteral("e-1"), QStringLiteral("2026-01-05T10:00:00Z")) + "]";
        const auto posted = exchange(
            "POST", server_->url(QStringLiteral("/api/pricing/usage/events")), ingestToken_, batch);
        QCOMPARE(posted.status, 200);
        QCOMPARE(posted.json().value(u"new").toInt(), 2);
    }

    void init() {
        QFile::remove(dir_.filePath(QStringLiteral("console.aicp")));
        auto workspace = Workspace::open(dir_.filePath(QStringLiteral("console.aicp")));
        QVERIFY(workspace);
        workspace_ = std::move(*workspace);
        runner_ = std::make_unique<TaskRunner>();
        panel_ = std::make_unique<LiveSourcesPanel>();
        panel_->setTaskRunner(runner_.get());
        confirmations_.clear();
        confirmAnswer_ = true;
        panel_->setConfirmer(
            [this](QWidget*, const QString& title, const QString& text, const QString&) {
                confirmations_ << title + QStringLiteral(": ") + text;
                return confirmAnswer_;
            });
        panel_->setWorkspace(workspace_.get());
        panel_->resize(900, 300);
        panel_->show();
    }

    void cleanup() {
        panel_.reset();
        runner_.reset();
        workspace_.reset();
    }

    void cleanupTestCase() {
        if (server_)
            QCOMPARE(server_->terminate(), 0);
    }

    void pullNowImportsThePostedEvents() {
        QVERIFY(panel_->message().startsWith(QStringLiteral("No live sources yet.")));
        QVERIFY(panel_->addSource(source(QStringLiteral("Gateway"), server_->base(), readToken_)));
        QCOMPARE(panel_->sources().size(), std::size_t{1});
        const std::int64_t id = panel_->sources()[0].id;
        QCOMPARE(cell(id, 2),
                 QStringLiteral("aicp_••••••••") + QString::fromLatin1(readToken_.right(4)));
        QCOMPARE(cell(id, 3), QStringLiteral("on demand"));
        QCOMPARE(cell(id, 4), QStringLiteral("never"));
        QCOMPARE(cell(id, 5), QStringLiteral("never pulled"));

        bool connected = false;
        QVERIFY(testConnection(id, &connected));
        QVERIFY(connected);
        QVERIFY2(panel_->message().startsWith(QStringLiteral("Gateway: connected: ")),
                 qPrintable(panel_->message()));
        QCOMPARE(eventCount(), 0);  // a test imports nothing

        QSignalSpy changed(panel_.get(), &LiveSourcesPanel::usageChanged);
        bool ok = false;
        QVERIFY(pull(id, &ok));
        QVERIFY2(ok, qPrintable(panel_->message()));
        QCOMPARE(eventCount(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(panel_->message(),
                 QStringLiteral("Pulled Gateway: 2 new, 0 duplicate, 0 late of 2 received."));
        QCOMPARE(cell(id, 5), QStringLiteral("ok: 2 new, 0 duplicate, 0 late of 2 received"));
        QVERIFY(cell(id, 4) != QStringLiteral("never"));
        // Stored: a new panel on the workspace shows the same.
        auto stored = LiveSources(*workspace_).find(id);
        QVERIFY(stored);
        QCOMPARE(stored->lastOk, std::optional<bool>(true));
        QVERIFY(stored->lastPullAt.isValid());

        // Again: the cursor moved past them.
        QVERIFY(pull(id, &ok));
        QVERIFY(ok);
        QCOMPARE(eventCount(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(id, 5), QStringLiteral("ok: nothing new"));
    }

    void aFailingSourceSaysWhyAndBacksOff() {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const QUrl dead(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(panel_->addSource(source(QStringLiteral("Dead"), dead, readToken_, 1)));
        const std::int64_t id = panel_->sources()[0].id;
        // Scheduled, but not in the same breath as adding.
        QVERIFY(panel_->nextPullAt(id).isValid());
        QVERIFY(panel_->nextPullAt(id) > QDateTime::currentDateTimeUtc().addSecs(3));

        bool ok = true;
        QVERIFY(pull(id, &ok));
        QVERIFY(!ok);
        const QString reason =
            QStringLiteral("cannot reach http://127.0.0.1:%1/api/pricing/usage/events (").arg(port);
        QVERIFY2(panel_->message().startsWith(QStringLiteral("Pulling Dead failed: ") + reason),
                 qPrintable(panel_->message()));
        QCOMPARE(panel_->failures(id), 1);
        // The list names the URL in its own column; the result says why.
        QVERIFY2(cell(id, 5).startsWith(QStringLiteral("failed: cannot reach the service (")),
                 qPrintable(cell(id, 5)));
        QVERIFY2(cell(id, 5).endsWith(QStringLiteral(") — retrying in 2 min")),
                 qPrintable(cell(id, 5)));
        QVERIFY(LiveSources(*workspace_).find(id)->lastResult.startsWith(reason));
        const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(panel_->nextPullAt(id));
        QVERIFY2(wait > 100 && wait <= 120, qPrintable(QString::number(wait)));

        QVERIFY(pull(id, &ok));
        QVERIFY(!ok);
        QCOMPARE(panel_->failures(id), 2);
        QVERIFY2(cell(id, 5).endsWith(QStringLiteral(" — retrying in 4 min")),
                 qPrintable(cell(id, 5)));
        QCOMPARE(eventCount(), 0);

        // Pointing it at the live service starts afresh.
        LiveSource fixed = panel_->sources()[0];
        fixed.url = server_->base();
        fixed.token.clear();  // keep the stored token
        QVERIFY(panel_->editSource(fixed));
        QCOMPARE(panel_->failures(id), 0);
        QVERIFY(pull(id, &ok));
        QVERIFY2(ok, qPrintable(panel_->message()));
        QCOMPARE(eventCount(), 2);
        QCOMPARE(panel_->failures(id), 0);
        QVERIFY(cell(id, 3).startsWith(QStringLiteral("every 1 min, next ")));
    }

    void aRefusedTokenIsNamed() {
        QVERIFY(panel_->addSource(
            source(QStringLiteral("Wrong token"), server_->base(), "aicp_not_a_real_token_1234")));
        const std::int64_t id = panel_->sources()[0].id;
        bool connected = true;
        QVERIFY(testConnection(id, &connected));
        QVERIFY(!connected);
        QVERIFY2(panel_->message().contains(QStringLiteral("refused the token (401)")),
                 qPrintable(panel_->message()));
        bool ok = true;
        QVERIFY(pull(id, &ok));
        QVERIFY(!ok);
        QVERIFY2(cell(id, 5).startsWith(QStringLiteral("failed: the service answered 401")),
                 qPrintable(cell(id, 5)));
        // On demand only: no retry is promised.
        QVERIFY(!cell(id, 5).contains(QStringLiteral("retrying")));
    }

    void removingAsksFirst() {
        QVERIFY(panel_->addSource(source(QStringLiteral("Gone"), server_->base(), readToken_)));
        const std::int64_t id = panel_->sources()[0].id;
        confirmAnswer_ = false;
        QVERIFY(!panel_->removeSource(id));
        QCOMPARE(confirmations_.size(), 1);
        QVERIFY(confirmations_[0].contains(QStringLiteral("“Gone”")));
        QCOMPARE(panel_->sources().size(), std::size_t{1});
        confirmAnswer_ = true;
        QVERIFY(panel_->removeSource(id));
        QCOMPARE(panel_->sources().size(), std::size_t{0});
        QCOMPARE(LiveSources(*workspace_).list()->size(), std::size_t{0});
        // A duplicate name is refused in words, nothing stored.
        QVERIFY(panel_->addSource(source(QStringLiteral("Twin"), server_->base(), readToken_)));
        QVERIFY(!panel_->addSource(source(QStringLiteral("Twin"), server_->base(), readToken_)));
        QCOMPARE(panel_->message(), QStringLiteral("Cannot add the live source: there is already "
                                                   "a live source named 'Twin'"));
        QCOMPARE(panel_->sources().size(), std::size_t{1});
    }

    void theDialogRefusesBadInput() {
        LiveSourceDialog dialog(LiveSource{});
        dialog.findChild<QLineEdit*>(QStringLiteral("sourceName"))->setText(QStringLiteral("x"));
        dialog.findChild<QLineEdit*>(QStringLiteral("sourceUrl"))
            ->setText(QStringLiteral("127.0.0.1:8080"));
        dialog.findChild<QLineEdit*>(QStringLiteral("sourceToken"))->setText(QStringLiteral("t"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("sourceProblem"));
        QVERIFY(problem->text().contains(QStringLiteral("not an http(s) URL")));
        dialog.findChild<QLineEdit*>(QStringLiteral("sourceUrl"))
            ->setText(QStringLiteral("http://127.0.0.1:8080"));
        dialog.findChild<QSpinBox*>(QStringLiteral("sourceInterval"))->setValue(10);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.source().intervalMinutes, 10);
        QCOMPARE(dialog.source().token, QByteArray("t"));
    }

    void theDialogAddsAnOpenMeterSource() {
        LiveSourceDialog dialog(LiveSource{});
        dialog.show();
        auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("sourceKind"));
        auto* requests = dialog.findChild<QLineEdit*>(QStringLiteral("sourceRequestsMeter"));
        auto* packs = dialog.findChild<QLineEdit*>(QStringLiteral("sourcePacksMeter"));
        auto* packKey = dialog.findChild<QLineEdit*>(QStringLiteral("sourcePackKey"));
        auto* agentKey = dialog.findChild<QLineEdit*>(QStringLiteral("sourceAgentKey"));
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("sourceProblem"));
        QVERIFY(kind && requests && packs && packKey && agentKey && problem);
        // The meters are OpenMeter's only.
        QCOMPARE(kind->currentText(), QStringLiteral("aicp serve"));
        QVERIFY(!requests->isVisible());
        QVERIFY(!agentKey->isVisible());
        kind->setCurrentIndex(1);
        QCOMPARE(kind->currentText(), QStringLiteral("OpenMeter"));
        QVERIFY(requests->isVisible());
        QVERIFY(agentKey->isVisible());
        QCOMPARE(requests->accessibleName(), QStringLiteral("Requests meter"));
        QCOMPARE(packKey->accessibleName(), QStringLiteral("Policy pack group-by key"));
        QVERIFY(requests->toolTip().startsWith(QStringLiteral("Required.")));

        dialog.findChild<QLineEdit*>(QStringLiteral("sourceName"))
            ->setText(QStringLiteral("OpenMeter EU"));
        dialog.findChild<QLineEdit*>(QStringLiteral("sourceUrl"))
            ->setText(QStringLiteral("http://127.0.0.1:8888"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(), QStringLiteral("name the meter that counts requests"));
        // The message follows the edits.
        requests->setText(QStringLiteral("governed_requests"));
        QVERIFY(!problem->isVisible());
        packs->setText(QStringLiteral("pack_requests"));
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(), QStringLiteral("the policy-pack meter and its group-by key go "
                                                 "together: give both or neither"));
        packKey->setText(QStringLiteral("pack"));
        QVERIFY(!problem->isVisible());
        // No token: a self-hosted OpenMeter has no authentication.
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const LiveSource entered = dialog.source();
        QCOMPARE(entered.kind, LiveSourceKind::OpenMeter);
        QCOMPARE(entered.token, QByteArray());
        QCOMPARE(entered.openMeter.requestsMeter, QStringLiteral("governed_requests"));
        QCOMPARE(entered.openMeter.packsMeter, QStringLiteral("pack_requests"));
        QCOMPARE(entered.openMeter.packKey, QStringLiteral("pack"));
        QCOMPARE(entered.openMeter.usersMeter, QString());

        QVERIFY(panel_->addSource(entered));
        const std::int64_t id = panel_->sources()[0].id;
        QCOMPARE(cell(id, 1), QStringLiteral("OpenMeter http://127.0.0.1:8888"));
        QCOMPARE(cell(id, 2), QStringLiteral("none"));
        // Editing it shows its meters, and switching to aicp hides them.
        LiveSourceDialog edit(panel_->sources()[0]);
        edit.show();
        QCOMPARE(edit.findChild<QComboBox*>(QStringLiteral("sourceKind"))->currentIndex(), 1);
        auto* stored = edit.findChild<QLineEdit*>(QStringLiteral("sourcePackKey"));
        QCOMPARE(stored->text(), QStringLiteral("pack"));
        QVERIFY(stored->isVisible());
        edit.findChild<QComboBox*>(QStringLiteral("sourceKind"))->setCurrentIndex(0);
        QVERIFY(!stored->isVisible());
        edit.accept();
        QCOMPARE(edit.result(), int(QDialog::Rejected));
        QVERIFY(edit.findChild<QLabel*>(QStringLiteral("sourceProblem"))
                    ->text()
                    .contains(QStringLiteral("needs a token")));
    }

    void pullNowFromAnOpenMeterSource() {
        OpenMeterFixture fixture;
        QVERIFY(fixture.isListening());
        fixture.requireToken("om_console_token_0042");
        fillFixture(fixture);
        LiveSource om = openMeterSource(QStringLiteral("OpenMeter EU"), fixture.url());
        om.token = "om_console_token_0042";
        QVERIFY(panel_->addSource(om));
        const std::int64_t id = panel_->sources()[0].id;

        bool connected = false;
        QVERIFY(testConnection(id, &connected));
        QVERIFY2(connected, qPrintable(panel_->message()));
        QCOMPARE(panel_->message(),
                 QStringLiteral("OpenMeter EU: connected: %1 answered for the meter "
                                "'governed_requests' (2 requests in the last complete hour)")
                     .arg(fixture.url().toString()));

        QSignalSpy changed(panel_.get(), &LiveSourcesPanel::usageChanged);
        bool ok = false;
        QVERIFY(pull(id, &ok));
        QVERIFY2(ok, qPrintable(panel_->message()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(panel_->message(), QStringLiteral("Pulled OpenMeter EU: 5 new windows, 0 revised, "
                                                   "0 unchanged; requests +17."));
        QCOMPARE(cell(id, 5),
                 QStringLiteral("ok: 5 new windows, 0 revised, 0 unchanged; requests +17"));
        const auto sum = [this](const char* sql) {
            return queryInt64(workspace_->handle(), sql).valueOr(-1);
        };
        QCOMPARE(sum("SELECT sum(requests) FROM usage_hourly WHERE customer_id = 'acme'"), 8);
        QCOMPARE(sum("SELECT sum(requests) FROM usage_hourly WHERE customer_id = 'globex'"), 9);
        QCOMPARE(sum("SELECT count(*) FROM usage_hourly"), 4);
        QCOMPARE(sum("SELECT requests FROM usage_hourly_policy_packs WHERE customer_id = 'acme' "
                     "AND policy_pack = 'pii-protection'"),
                 4);

        // Again: the same hours asked, nothing changes.
        QVERIFY(pull(id, &ok));
        QVERIFY(ok);
        QCOMPARE(cell(id, 5), QStringLiteral("ok: nothing new (5 windows unchanged)"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(sum("SELECT sum(requests) FROM usage_hourly"), 17);

        // OpenMeter revised an hour: the difference is applied.
        fixture.setRow(QStringLiteral("governed_requests"), QStringLiteral("acme"), hourAgo(3), 6);
        QVERIFY(pull(id, &ok));
        QVERIFY(ok);
        QCOMPARE(cell(id, 5),
                 QStringLiteral("ok: 0 new windows, 1 revised, 4 unchanged; requests +1"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(sum("SELECT sum(requests) FROM usage_hourly WHERE customer_id = 'acme'"), 9);

        // A failing API says why; nothing of the page is written.
        fixture.answerWith(503, "{\"title\": \"error\", \"detail\": \"meter store is down\"}");
        QVERIFY(pull(id, &ok));
        QVERIFY(!ok);
        QVERIFY2(panel_->message().startsWith(QStringLiteral("Pulling OpenMeter EU failed: ")),
                 qPrintable(panel_->message()));
        QVERIFY2(cell(id, 5).startsWith(QStringLiteral("failed: ")) &&
                     cell(id, 5).contains(QStringLiteral("answered 503: meter store is down")),
                 qPrintable(cell(id, 5)));
        QCOMPARE(panel_->failures(id), 1);
        QCOMPARE(sum("SELECT sum(requests) FROM usage_hourly"), 18);
        auto stored = LiveSources(*workspace_).find(id);
        QCOMPARE(stored->lastOk, std::optional<bool>(false));
        QVERIFY(stored->lastResult.contains(QStringLiteral("meter store is down")));
    }
};

QTEST_MAIN(TestLiveSources)
#include "tst_livesources.moc"
