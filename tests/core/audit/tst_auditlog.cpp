#include "audit/auditlog.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QJsonObject>
#include <QTest>

using namespace aicp;

class TestAuditLog : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_;

    void appendFive() {
        AuditLog log(*workspace_);
        for (int i = 1; i <= 5; ++i)
            QVERIFY(log.append(QStringLiteral("license.issue"), QStringLiteral("lic-%1").arg(i),
                               {{QStringLiteral("n"), i}})
                        .ok());
    }
    // Tampering stands for someone editing the file with another tool, so it
    // goes around the append-only triggers first.
    void tamper(const char* sql) {
        Database* db = workspace_->handle();
        QVERIFY(executeScript(db, test::onPostgres()
                                      ? "ALTER TABLE audit_log DISABLE TRIGGER USER"
                                      : "DROP TRIGGER audit_log_is_append_only_update; "
                                        "DROP TRIGGER audit_log_is_append_only_delete")
                    .ok());
        const Status edited = executeScript(db, sql);
        QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().message()));
    }
    std::optional<std::int64_t> firstBad() {
        auto verification = AuditLog(*workspace_).verify();
        if (!verification)
            return -1;
        return verification->firstBadSequence;
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void anEmptyLogIsIntact() {
        auto verification = AuditLog(*workspace_).verify();
        QVERIFY(verification && verification->isIntact());
        QCOMPARE(verification->entriesChecked, 0);
    }

    void appendedEntriesChain() {
        appendFive();
        auto entries = AuditLog(*workspace_).entries().value();
        QCOMPARE(entries.size(), std::size_t(5));
        QCOMPARE(entries[0].previousHash, QByteArray(64, '0'));
        for (std::size_t i = 1; i < entries.size(); ++i) {
            QCOMPARE(entries[i].sequence, std::int64_t(i + 1));
            QCOMPARE(entries[i].previousHash, entries[i - 1].hash);
            QCOMPARE(AuditLog::computeHash(entries[i]), entries[i].hash);
        }
        QCOMPARE(entries[2].details.value(QStringLiteral("n")).toInt(), 3);
        auto verification = AuditLog(*workspace_).verify();
        QVERIFY(verification->isIntact());
        QCOMPARE(verification->entriesChecked, 5);
    }

    void theFileRefusesEditsAndDeletes() {
        appendFive();
        QVERIFY(!executeScript(workspace_->handle(), "DELETE FROM audit_log WHERE seq = 2").ok());
        QVERIFY(!executeScript(workspace_->handle(), "UPDATE audit_log SET actor = 'x'").ok());
    }

    void detectsAnEditedEntry() {
        appendFive();
        tamper("UPDATE audit_log SET subject = 'lic-other' WHERE seq = 3");
        QCOMPARE(firstBad(), std::optional<std::int64_t>(3));
    }

    void detectsEditedDetails() {
        appendFive();
        tamper(R"(UPDATE audit_log SET details = '{"n":99}' WHERE seq = 4)");
        QCOMPARE(firstBad(), std::optional<std::int64_t>(4));
    }

    void detectsARemovedEntry() {
        appendFive();
        tamper("DELETE FROM audit_log WHERE seq = 2");
        QCOMPARE(firstBad(), std::optional<std::int64_t>(3));
    }

    void detectsRemovedLastEntries() {
        appendFive();
        tamper("DELETE FROM audit_log WHERE seq >= 4");
        auto verification = AuditLog(*workspace_).verify().value();
        QCOMPARE(verification.firstBadSequence, std::optional<std::int64_t>(4));
        QVERIFY(verification.reason.contains(QStringLiteral("5 entries were recorded")));
    }

    void detectsReorderedEntries() {
        appendFive();
        // Swap everything but the sequence numbers of entries 2 and 3.
        tamper(
            "UPDATE audit_log SET seq = seq + 100 WHERE seq IN (2, 3);"
            "UPDATE audit_log SET seq = 3 WHERE seq = 102;"
            "UPDATE audit_log SET seq = 2 WHERE seq = 103;");
        QCOMPARE(firstBad(), std::optional<std::int64_t>(2));
    }

    void detectsARehashedEditByTheChainAfterIt() {
        appendFive();
        // A careful forger recomputes the edited entry's own hash; the next
        // entry still names the old one.
        auto entries = AuditLog(*workspace_).entries().value();
        AuditEntry forged = entries[1];
        forged.subject = QStringLiteral("lic-forged");
        const QByteArray hash = AuditLog::computeHash(forged);
        const std::string sql = "UPDATE audit_log SET subject = 'lic-forged', hash = '" +
                                hash.toStdString() + "' WHERE seq = 2";
        tamper(sql.c_str());
        QCOMPARE(firstBad(), std::optional<std::int64_t>(3));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
