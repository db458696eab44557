// The upgrade to schema 9 from every schema that had usage events: every
// event, aggregate and the export order survive, a cursor given out before
// the upgrade goes on where it stood, and the moved events are duplicates
// of themselves on a new import.
#include "metering/usageeventexport.h"
#include "metering/usageimporter.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

// Two imports, their events inserted out of order, an hourly aggregate, and
// texts beyond ASCII (the key is computed in SQL by the upgrade and in C++
// by the importer: both must read the same UTF-8).
constexpr const char* kOldRows = R"sql(
    INSERT INTO usage_imports (id, file_name, format, file_sha256, file_bytes, started_at,
                               finished_at, new_events)
    VALUES (1, 'one.csv', 'csv', printf('%064d', 1), 10, '2026-03-02T00:00:00Z',
            '2026-03-02T00:00:01Z', 4),
           (2, 'two.csv', 'csv', printf('%064d', 2), 10, '2026-03-03T00:00:00Z',
            '2026-03-03T00:00:01Z', 2);
    INSERT INTO usage_events VALUES
        ('gw', 'c', 'acme', 1772359200, 'a1', 'u1', 'pii', 'gdpr', 1, 1, 0),
        ('été', 'ü-1', 'acme', 1772359200, 'a1', 'u2', '', '', 2, 1, 0),
        ('gw', 'a', 'acme', 1772359200, 'a1', 'u1', 'pii', '', 1, 1, 0),
        ('gw', 'b', 'acme', 1772359260, 'a2', 'u1', '', 'gdpr', 3, 1, 1),
        ('gw', '0-early', 'acme', 1772362800, 'a1', 'u3', '', '', 1, 2, 0),
        ('batch', 'z', 'acme', 1772362800, 'a1', 'u3', '', '', 1, 2, 0);
    INSERT INTO usage_hourly VALUES ('acme', 1772359200, 7, 3), ('acme', 1772362800, 2, 0);
)sql";

// The old export order: (import, source, id), texts compared bytewise.
const QStringList kExportOrder = {
    QStringLiteral("gw/a"),    QStringLiteral("gw/b"),    QStringLiteral("gw/c"),
    QStringLiteral("été/ü-1"), QStringLiteral("batch/z"), QStringLiteral("gw/0-early"),
};

QStringList exported(Workspace& workspace, UsageExportCursor after) {
    QStringList keys;
    while (true) {
        auto page = UsageEventExport(workspace).page(after, 2);
        if (!page)
            return {page.error().message()};
        for (const QJsonValue& event : page->events)
            keys << event[u"source"].toString() + u'/' + event[u"id"].toString();
        after = page->next;
        if (!page->hasMore)
            return keys;
    }
}

}  // namespace

class TestUsageMigration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    std::unique_ptr<Workspace> upgraded(int fromVersion) {
        const QString path = dir_.filePath(QStringLiteral("v%1.aicp").arg(fromVersion));
        std::string rows = kOldRows;
        // A workspace that served the export had the old export index.
        if (fromVersion >= 5)
            rows += "CREATE INDEX usage_events_by_import ON usage_events (import_id);";
        const Status written = test::writeOldWorkspace(path, fromVersion, rows);
        if (!written.ok())
            qFatal("%s", qPrintable(written.error().message()));
        auto workspace = Workspace::open(path);
        if (!workspace)
            qFatal("%s", qPrintable(workspace.error().message()));
        return std::move(workspace).value();
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void everyEventAndAggregateSurvives_data() {
        QTest::addColumn<int>("fromVersion");
        for (int version = 3; version < 9; ++version)
            QTest::addRow("schema %d", version) << version;
    }
    void everyEventAndAggregateSurvives() {
        QFETCH(int, fromVersion);
        auto workspace = upgraded(fromVersion);
        Database* db = workspace->handle();
        QCOMPARE(workspace->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(queryInt64(db, "SELECT count(*) FROM usage_events").value(), 6);
        QCOMPARE(queryInt64(db, "SELECT sum(quantity) FROM usage_events").value(), 9);
        QCOMPARE(queryInt64(db, "SELECT sum(late) FROM usage_events").value(), 1);
        QCOMPARE(queryInt64(db, "SELECT sum(import_id) FROM usage_events").value(), 8);
        QCOMPARE(queryInt64(db,
                            "SELECT count(*) FROM usage_events WHERE source = 'gw' AND "
                            "event_id = 'b' AND user_id = 'u1' AND agent_id = 'a2' AND "
                            "compliance_modules = 'gdpr' AND occurred_at = 1772359260")
                     .value(),
                 1);
        QCOMPARE(
            queryInt64(db, "SELECT sum(requests * 10 + late_requests) FROM usage_hourly").value(),
            93);
        QCOMPARE(queryInt64(db,
                            "SELECT count(*) FROM sqlite_schema WHERE name IN "
                            "('usage_events_v8', 'usage_events_by_import')")
                     .value(),
                 0);
        QCOMPARE(exported(*workspace, {}), kExportOrder);
    }

    void movedEventsAreDuplicatesOfThemselves() {
        auto workspace = upgraded(8);
        const QString csv = dir_.filePath(QStringLiteral("again.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "source,event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
            "compliance_modules,quantity\n"
            "gw,a,2026-03-01T10:00:00Z,acme,a1,u1,pii,,1\n"
            "été,ü-1,2026-03-01T10:00:00Z,acme,a1,u2,,,2\n"
            "batch,z,2026-03-01T11:00:00Z,acme,a1,u3,,,1\n"
            "gw,new,2026-03-01T11:00:00Z,acme,a1,u3,,,1\n");
        file.close();
        auto report = UsageImporter(*workspace).importFile(csv);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report->newEvents, 1);
        QCOMPARE(report->duplicates, 3);
        // The new event comes after every moved one in the export.
        QCOMPARE(exported(*workspace, {}), kExportOrder + QStringList{QStringLiteral("gw/new")});
    }

    void aCursorFromBeforeTheUpgradeGoesOnWhereItStood() {
        auto workspace = upgraded(5);
        // What the old service encoded after giving out "gw/c".
        auto old = UsageExportCursor::decode(QStringLiteral("WzEsImd3IiwiYyJd"));
        QVERIFY(old);
        QCOMPARE(old->legacySource, QStringLiteral("gw"));
        QCOMPARE(exported(*workspace, *old), kExportOrder.mid(3));

        // One naming an event the workspace never had is refused, with the way out.
        UsageExportCursor unknown;
        unknown.legacyImportId = 2;
        unknown.legacySource = QStringLiteral("gw");
        unknown.legacyEventId = QStringLiteral("c");
        auto page = UsageEventExport(*workspace).page(unknown, 10);
        QVERIFY(!page);
        QCOMPARE(page.error().message(),
                 QStringLiteral("the cursor names an event this workspace does not have; start "
                                "again without 'after'"));
    }

    void newCursorsArePositions() {
        auto workspace = upgraded(8);
        auto page = UsageEventExport(*workspace).page({}, 4);
        QVERIFY(page);
        QCOMPARE(page->next.position, 4);
        auto decoded = UsageExportCursor::decode(page->next.encode());
        QVERIFY(decoded);
        QCOMPARE(decoded->position, 4);
        QCOMPARE(exported(*workspace, *decoded), kExportOrder.mid(4));
    }
};

QTEST_GUILESS_MAIN(TestUsageMigration)
#include "tst_usagemigration.moc"
