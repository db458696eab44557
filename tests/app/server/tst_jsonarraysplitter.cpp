// A batch's JSON array cut into JSON Lines without building a document:
// every well-formed array of objects gives its elements' own bytes, one per
// line, and everything else is refused with the line and column StrictJson
// names. (No raw string literal here holds an odd number of quotes: moc
// reads past its end and finds no class.)
#include "common/strictjson.h"
#include "server/jsonarraysplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using aicp::JsonArraySplitter;
using aicp::StrictJson;

class TstJsonArraySplitter : public QObject {
    Q_OBJECT

private slots:
    void splitsWellFormedArrays_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<int>("elements");
        QTest::newRow("empty") << QByteArray("[]") << QByteArray() << 0;
        QTest::newRow("empty, spaced") << QByteArray(" [ \n ] \n") << QByteArray() << 0;
        QTest::newRow("one") << QByteArray(R"([{"id":"a"}])") << QByteArray("{\"id\":\"a\"}\n")
                             << 1;
        QTest::newRow("two, spaced") << QByteArray("[ {\"id\": \"a\"} ,\n\t{} ]")
                                     << QByteArray("{\"id\": \"a\"}\n{}\n") << 2;
        QTest::newRow("pretty-printed element")
            << QByteArray("[\n  {\n    \"id\": \"a\",\r\n    \"n\": [1, 2]\n  }\n]\n")
            << QByteArray("{     \"id\": \"a\",      \"n\": [1, 2]   }\n") << 1;
        // Escapes, numbers, literals, nesting and raw UTF-8.
        const QByteArray values =
            "{\"s\":\"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\","
            "\"n\":[0,-1,25,-300,1000000000],\"t\":true,\"f\":false,\"z\":null,"
            "\"o\":{\"deep\":[{\"a\":[]}]},\"u\":\"\xc3\xa9\"}";
        QTest::newRow("every kind of value") << ("[" + values + "]") << (values + "\n") << 1;
    }

    void splitsWellFormedArrays() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, lines);
        QFETCH(int, elements);
        const auto split = JsonArraySplitter::split(body);
        QVERIFY(split.ok());
        QCOMPARE(split->lines, lines);
        QCOMPARE(split->elements, qsizetype(elements));
        // Each line is the element QJsonDocument reads from the array.
        const QJsonArray array = QJsonDocument::fromJson(body).array();
        const QList<QByteArray> parts = lines.split('\n');
        QCOMPARE(array.size(), qsizetype(elements));
        for (qsizetype i = 0; i < array.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(parts[i]).object(), array[i].toObject());
    }

    // Well-formed, but QJsonDocument rewrites these numbers ("1.0" as "1"),
    // so a batch reads as it always has.
    void rewritesFractionsAsBefore() {
        const auto split = JsonArraySplitter::split(R"([{"n":1.0}, {"n":-2.5E-3,"m":1e3}])");
        QVERIFY(split.ok());
        QCOMPARE(split->lines, QByteArray("{\"n\":1}\n{\"m\":1000,\"n\":-0.0025}\n"));
        QCOMPARE(split->elements, qsizetype(2));
    }

    void refusesEverythingElseWithAPlace_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nothing") << QByteArray("");
        QTest::newRow("object") << QByteArray(R"({"id":"a"})");
        QTest::newRow("unclosed") << QByteArray(R"([{"id":"a"})");
        QTest::newRow("trailing comma") << QByteArray(R"([{"id":"a"},])");
        QTest::newRow("missing comma") << QByteArray(R"([{"id":"a"} {"id":"b"}])");
        QTest::newRow("after the array") << QByteArray(R"([{"id":"a"}] x)");
        QTest::newRow("number element") << QByteArray(R"([{"id":"a"}, 3])");
        QTest::newRow("array element") << QByteArray(R"([[]])");
        QTest::newRow("unterminated string") << QByteArray("[{\"id\":\"a}]");
        QTest::newRow("raw line break in string") << QByteArray("[{\"id\":\"a\nb\"}]");
        QTest::newRow("bad escape") << QByteArray(R"([{"id":"\x"}])");
        QTest::newRow("short unicode escape") << QByteArray(R"([{"id":"\u12"}])");
        QTest::newRow("unquoted key") << QByteArray(R"([{id:"a"}])");
        QTest::newRow("missing colon") << QByteArray(R"([{"id" "a"}])");
        QTest::newRow("object trailing comma") << QByteArray(R"([{"id":"a",}])");
        QTest::newRow("leading zero") << QByteArray(R"([{"n":01}])");
        QTest::newRow("bare minus") << QByteArray(R"([{"n":-}])");
        QTest::newRow("no fraction digits") << QByteArray(R"([{"n":1.}])");
        QTest::newRow("no exponent digits") << QByteArray(R"([{"n":1e}])");
        QTest::newRow("plus sign") << QByteArray(R"([{"n":+1}])");
        QTest::newRow("leading dot") << QByteArray(R"([{"n":.1e1}])");
        QTest::newRow("raw tab in string") << QByteArray("[{\"id\":\"a\tb\"}]");
        QTest::newRow("duplicate member") << QByteArray(R"([{"id":"a","id":"b"}])");
        QTest::newRow("bad literal") << QByteArray(R"([{"t":tru}])");
        QTest::newRow("invalid UTF-8") << QByteArray("[{\"id\":\"\xff\"}]");
        QByteArray deep = "[{\"a\":";
        for (int i = 0; i < StrictJson::kMaxDepth; ++i)
            deep += '[';
        for (int i = 0; i < StrictJson::kMaxDepth; ++i)
            deep += ']';
        QTest::newRow("too deep") << (deep + "}]");
    }

    void refusesEverythingElseWithAPlace() {
        QFETCH(QByteArray, body);
        const auto split = JsonArraySplitter::split(body);
        QVERIFY(!split.ok());
        static const QRegularExpression place(
            QStringLiteral("^(line \\d+, column \\d+|event #\\d+): "));
        QVERIFY2(place.match(split.error().message()).hasMatch(),
                 qPrintable(split.error().message()));
    }
};

QTEST_GUILESS_MAIN(TstJsonArraySplitter)
#include "tst_jsonarraysplitter.moc"
