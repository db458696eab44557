#include "server/jsonfields.h"

#include <QTest>

using namespace aicp;

// Ordinary string literals: moc 6.4 misreads raw strings holding quotes.

// A body two JSON readers could understand differently (a member named
// twice) is found wherever the second name hides.
class TestDuplicateMembers : public QObject {
    Q_OBJECT

private slots:
    void namesAreCheckedPerObject_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("duplicate");  // empty: none
        QTest::addColumn<int>("offset");
        QTest::newRow("none") << QByteArray("{\"a\":1,\"b\":{\"a\":2}}") << QString() << 0;
        QTest::newRow("top level") << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << u"a"_qs << 13;
        QTest::newRow("nested") << QByteArray("{\"x\":[{\"a\":1},{\"a\":2,\"a\":3}]}") << u"a"_qs
                                << 21;
        QTest::newRow("escaped spelling")
            << QByteArray("{\"license\":1,\"\\u006cicense\":2}") << u"license"_qs << 13;
        QTest::newRow("names inside strings")
            << QByteArray("{\"a\":\"{\\\"a\\\":1,\\\"a\\\":2}\",\"b\":[\",\\\"a\\\"\"]}")
            << QString() << 0;
        QTest::newRow("same name in sibling objects")
            << QByteArray("[{\"id\":1},{\"id\":2}]") << QString() << 0;
    }

    void namesAreCheckedPerObject() {
        QFETCH(QByteArray, json);
        QFETCH(QString, duplicate);
        QFETCH(int, offset);
        const auto found = firstDuplicateMember(json);
        QCOMPARE(found.has_value(), !duplicate.isEmpty());
        if (found) {
            QCOMPARE(found->name, duplicate);
            QCOMPARE(found->offset, qsizetype(offset));
        }
    }
};

QTEST_APPLESS_MAIN(TestDuplicateMembers)
#include "tst_duplicatemembers.moc"
