#include "common/strictjson.h"
#include "hardening/jsoncorpus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace aicp;

// Ordinary string literals: moc 6.4 misreads raw strings holding quotes.

// The one strict reader of untrusted JSON: what RFC 8259 refuses is refused
// with its line and column, what it accepts is accepted and read by Qt.
class TestStrictJson : public QObject {
    Q_OBJECT

    static QString problem(const QByteArray& json) {
        const auto checked = StrictJson::check(json);
        return checked ? QString() : checked.error().message();
    }

private slots:
    void corpusIsThere() {
        QVERIFY(jsoncorpus::documents(QStringLiteral("n_")).size() >= 50);
        QVERIFY(jsoncorpus::documents(QStringLiteral("y_")).size() >= 10);
    }

    void invalidDocumentsAreRefusedWithAPlace() {
        static const QRegularExpression place(QStringLiteral("^line \\d+, column \\d+: \\S"));
        for (const auto& [name, bytes] : jsoncorpus::documents(QStringLiteral("n_"))) {
            const QString message = problem(bytes);
            QVERIFY2(place.match(message).hasMatch(),
                     qPrintable(name + QStringLiteral(": ") + message));
            QVERIFY2(!StrictJson::parse(bytes), qPrintable(name));
        }
    }

    void validDocumentsAreAcceptedAndRead() {
        for (const auto& [name, bytes] : jsoncorpus::documents(QStringLiteral("y_"))) {
            QVERIFY2(problem(bytes).isEmpty(),
                     qPrintable(name + QStringLiteral(": ") + problem(bytes)));
            // QJsonDocument holds an object or an array, not a lone scalar.
            if (bytes.trimmed().startsWith('{') || bytes.trimmed().startsWith('['))
                QVERIFY2(StrictJson::parse(bytes), qPrintable(name));
        }
    }

    void problemsAreNamedWhereTheyAre_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("trailing dot")
            << QByteArray("{\"requests\":1.e5}")
            << u"line 1, column 13: a '.' in a number must be followed by a digit"_qs;
        QTest::newRow("leading dot")
            << QByteArray("[\n .1e1]") << u"line 2, column 2: a number must not start with '.'"_qs;
        QTest::newRow("raw tab")
            << QByteArray("[\"a\tb\"]")
            << u"line 1, column 4: a raw control character (U+0009) inside a string; write it "
               "as an escape"_qs;
        QTest::newRow("\\x escape")
            << QByteArray("[\"\\x41\"]") << u"line 1, column 3: '\\x' is not a JSON escape"_qs;
        QTest::newRow("column in characters")
            << QByteArray("[\"\xc3\xa9\xe2\x82\xac\", 01]")
            << u"line 1, column 8: a number must not start with a zero"_qs;
        QTest::newRow("too deep") << (QByteArray(65, '[') + QByteArray(65, ']'))
                                  << u"line 1, column 65: nesting deeper than 64 levels"_qs;
        QTest::newRow("unpaired surrogate")
            << QByteArray("[\"\\uD800x\"]")
            << u"line 1, column 3: the high surrogate \\uD800 is not followed by a low one"_qs;
        QTest::newRow("after the value")
            << QByteArray("{} x") << u"line 1, column 4: text follows the JSON value"_qs;
    }
    void problemsAreNamedWhereTheyAre() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QCOMPARE(problem(json), message);
    }

    // A body two JSON readers could understand differently (a member named
    // twice) is found wherever the second name hides; this was
    // firstDuplicateMember in app/server.
    void duplicateNamesAreRefusedPerObject_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");  // empty: accepted
        QTest::newRow("none") << QByteArray("{\"a\":1,\"b\":{\"a\":2}}") << QString();
        QTest::newRow("top level") << QByteArray("{\"a\":1,\"b\":2,\"a\":3}")
                                   << u"line 1, column 14: the member 'a' appears twice"_qs;
        QTest::newRow("nested") << QByteArray("{\"x\":[{\"a\":1},{\"a\":2,\"a\":3}]}")
                                << u"line 1, column 22: the member 'a' appears twice"_qs;
        QTest::newRow("escaped spelling")
            << QByteArray("{\"license\":1,\"\\u006cicense\":2}")
            << u"line 1, column 14: the member 'license' appears twice"_qs;
        QTest::newRow("surrogate pair spelling")
            << QByteArray("{\"\xf0\x9d\x84\x9e\":1,\"\\uD834\\uDD1E\":2}")
            << u"line 1, column 8: the member '\U0001D11E' appears twice"_qs;
        QTest::newRow("names inside strings")
            << QByteArray("{\"a\":\"{\\\"a\\\":1,\\\"a\\\":2}\",\"b\":[\",\\\"a\\\"\"]}")
            << QString();
        QTest::newRow("same name in sibling objects")
            << QByteArray("[{\"id\":1},{\"id\":2}]") << QString();
        QByteArray many = "{";
        for (int i = 0; i < 40; ++i)
            many += "\"m" + QByteArray::number(i) + "\":0,";
        QTest::newRow("many members")
            << (many + "\"m7\":1}") << u"line 1, column 312: the member 'm7' appears twice"_qs;
        QTest::newRow("many members, none twice") << (many + "\"m40\":1}") << QString();
    }
    void duplicateNamesAreRefusedPerObject() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QCOMPARE(problem(json), message);
    }

    void elementsOfTheTopArrayAreReported() {
        const QByteArray json = " [ {\"a\":[1,2]} ,\n\"x\" ,3.5]";
        QList<QByteArray> elements;
        const auto facts = StrictJson::check(json, [&](qsizetype begin, qsizetype end) {
            elements.append(json.mid(begin, end - begin));
        });
        QVERIFY(facts);
        QVERIFY(facts->hasFractions);
        QCOMPARE(elements, (QList<QByteArray>{"{\"a\":[1,2]}", "\"x\"", "3.5"}));
        QVERIFY(!StrictJson::check("[1,2]")->hasFractions);
    }

    void jsonLinesAreCheckedLineByLine() {
        QVERIFY(StrictJson::checkLines("{\"a\":1}\n\n  \r\n[2]\r\n"));
        const auto checked = StrictJson::checkLines("{\"a\":1}\n{\"b\":2,\"x\":.5}\n");
        QVERIFY(!checked);
        QCOMPARE(checked.error().message(),
                 u"line 2, column 12: a number must not start with '.'"_qs);
    }

    void qtReadsTheTree() {
        const auto document = StrictJson::parse("{\"a\":[1,\"\\u00e9\"],\"b\":{}}");
        QVERIFY(document);
        QCOMPARE(document->object().value(u"a").toArray().at(1).toString(), u"\u00e9"_qs);
    }
};

QTEST_APPLESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
