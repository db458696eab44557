#include "licensing/verificationmemory.h"
#include "storage/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

class TestVerificationMemory : public QObject {
    Q_OBJECT

private slots:
    void onlyMovesForward() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.aicp"));
        const QDateTime later(QDate(2026, 6, 1), QTime(12, 0, 0, 500), Qt::UTC);
        {
            auto workspace = Workspace::open(path).value();
            VerificationMemory memory(*workspace);
            QVERIFY(!memory.latestTimeSeen()->isValid());
            QCOMPARE(memory.highestRevocationSequence().value(), 0);

            QVERIFY(memory.rememberTime(later).ok());
            QVERIFY(memory.rememberTime(later.addDays(-30)).ok());
            QVERIFY(memory.rememberRevocationSequence(7).ok());
            QVERIFY(memory.rememberRevocationSequence(3).ok());
        }
        auto reopened = Workspace::open(path).value();
        VerificationMemory memory(*reopened);
        QCOMPARE(memory.latestTimeSeen().value(), later.addMSecs(-500));
        QCOMPARE(memory.highestRevocationSequence().value(), 7);
    }
};

QTEST_GUILESS_MAIN(TestVerificationMemory)
#include "tst_verificationmemory.moc"
