// Hostile price books: the JSON document a workspace stores (and a future
// import would read). Each is refused with the path of the field at fault;
// a damaged stored document is reported as damage and the file is left as
// it was. Complements tests/pricing/tst_pricebook (errorsNameTheField).
#include "pricing/pricebook.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <array>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

namespace {

const QString kPlaceholder = QStringLiteral("@@raw@@");

// Sets the value at a path like "versions[0].tiers[1].base.amount".
QJsonValue setAt(QJsonValue node, QStringList path, const QJsonValue& value) {
    if (path.isEmpty())
        return value;
    QString step = path.takeFirst();
    int index = -1;
    if (const qsizetype bracket = step.indexOf(u'['); bracket >= 0) {
        index = step.mid(bracket + 1, step.size() - bracket - 2).toInt();
        step = step.left(bracket);
    }
    QJsonObject object = node.toObject();
    if (index < 0) {
        if (path.isEmpty() && value.isUndefined())
            object.remove(step);
        else
            object.insert(step, setAt(object.value(step), path, value));
        return object;
    }
    QJsonArray array = object.value(step).toArray();
    if (path.isEmpty() && value.isUndefined())
        array.removeAt(index);
    else
        array.replace(index, setAt(array.at(index), path, value));
    object.insert(step, array);
    return object;
}

// The default book with the value at `path` replaced by the raw JSON text
// `raw` (so numbers JSON cannot hold, like 1e309, can be written); an empty
// `raw` removes the field.
QByteArray editedDefault(const QString& path, const QByteArray& raw) {
    const QJsonObject book = QJsonDocument::fromJson(PriceBook::loadDefault()->toJson()).object();
    const QJsonValue edited =
        setAt(book, path.split(u'.'),
              raw.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(kPlaceholder));
    return QJsonDocument(edited.toObject())
        .toJson(QJsonDocument::Compact)
        .replace('"' + kPlaceholder.toLatin1() + '"', raw);
}

QByteArray fileDigest(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

class TestUntrustedPriceBook : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The editing helper changes nothing by itself.
        QVERIFY(PriceBook::fromJson(editedDefault(QStringLiteral("schema"), "1")));
    }

    void hostileDocumentsAreRefused_data() {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("reason");
        // name, path, raw JSON put there (empty: the member removed), reason.
        const std::array<const char*, 4> rows[] = {
            {"negative price", "versions[0].tiers[1].base.amount", "\"-0.01\"", "tiers[1].base"},
            {"overflowing price", "versions[0].tiers[1].base.amount", "\"99999999999999999999\"",
             "tiers[1].base"},
            {"price just over the money range", "versions[0].tiers[1].base.amount",
             "\"9000000000000.000001\"", "tiers[1].base"},
            {"price NaN string", "versions[0].tiers[1].base.amount", "\"NaN\"", "tiers[1].base"},
            {"price 1e309 string", "versions[0].tiers[1].base.amount", "\"1e309\"",
             "tiers[1].base"},
            {"price 1e309 number", "versions[0].tiers[1].base.amount", "1e309", "illegal number"},
            {"overage unit price negative", "versions[0].tiers[1].requests.beyond.unit_price",
             "\"-1\"", "tiers[1].requests.beyond"},
            {"included requests 1e309", "versions[0].tiers[1].requests.included", "1e309",
             "illegal number"},
            {"included requests negative", "versions[0].tiers[1].requests.included", "-1",
             "tiers[1].requests.included"},
            {"included requests 2^63", "versions[0].tiers[1].requests.included",
             "9223372036854775808", "tiers[1].requests.included"},
            {"included seats as a string", "versions[0].tiers[1].seats.included", "\"3\"",
             "tiers[1].seats.included"},
            {"retention NaN", "versions[0].audit_tiers[0].retention_days", "NaN", "not valid JSON"},
            {"no tiers", "versions[0].tiers", "[]", "tiers"},
            {"tiers missing", "versions[0].tiers", "", "tiers: is missing"},
            {"tiers as an object", "versions[0].tiers", "{}", "tiers"},
            {"a tier missing its base", "versions[0].tiers[1].base", "",
             "tiers[1].base: is missing"},
            {"a tier missing its requests", "versions[0].tiers[2].requests", "",
             "tiers[2].requests: is missing"},
            {"tier id twice", "versions[0].tiers[2].id", "\"starter\"", "tiers[2].id"},
            {"band limits out of order", "versions[0].tiers[2].requests.beyond.bands[0].up_to",
             "null", "tiers[2].requests.beyond"},
            {"no versions", "versions", "[]", "versions: must hold at least one version"},
            {"newer schema", "schema", "2", "newer than this aicp reads"},
            {"schema 1e309", "schema", "1e309", "illegal number"},
            {"invalid UTF-8 in a name", "versions[0].tiers[1].name", "\"St\xff\xfe\"",
             "not valid JSON"},
            {"NUL in an id", "versions[0].tiers[1].id", "\"star\\u0000ter\"", "tiers[1].id"}};
        for (const auto& [name, path, raw, reason] : rows)
            QTest::newRow(name) << QByteArray(path) << QByteArray(raw) << QByteArray(reason);
        QTest::newRow("deeply nested")
            << QByteArray("versions[0].currency") << (QByteArray(4000, '[') + QByteArray(4000, ']'))
            << QByteArray("not valid JSON");
    }

    void hostileDocumentsAreRefused() {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, reason);
        const QByteArray document = editedDefault(QString::fromLatin1(path), raw);
        auto book = PriceBook::fromJson(document);
        QVERIFY2(!book, document.left(300).constData());
        QVERIFY2(book.error().message().contains(QString::fromUtf8(reason)),
                 qPrintable(book.error().message()));
    }

    void truncatedAndEmptyDocumentsAreRefused() {
        const QByteArray good = PriceBook::loadDefault()->toJson();
        for (const QByteArray& text :
             {QByteArray(), QByteArray("   "), good.left(good.size() / 2), QByteArray("null"),
              QByteArray("[]"), QByteArray("\"a price book\""), QByteArray(1, '\0')}) {
            auto book = PriceBook::fromJson(text);
            QVERIFY(!book);
            QVERIFY2(book.error().message().startsWith(QStringLiteral("price book ")),
                     qPrintable(book.error().message()));
        }
    }

    void duplicateKeysCannotSmuggleAPrice() {
        // Readers differ on which of two "amount" members they keep, so a
        // document naming one twice is refused outright, with where.
        QByteArray document = editedDefault(QStringLiteral("versions[0].tiers[1].base.amount"),
                                            "\"299\",\"amount\":\"-299\"");
        auto book = PriceBook::fromJson(document);
        QVERIFY(!book);
        QVERIFY2(book.error().message().contains(QStringLiteral("'amount' appears twice")),
                 qPrintable(book.error().message()));
        QVERIFY(book.error().message().contains(QStringLiteral("line 1, column ")));
    }

    // The stored document is read back on every use: damage there is
    // reported as Corrupt (naming the field) and the file stays untouched.
    void aDamagedStoredPriceBookIsReportedUntouched() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.aicp"));
        {
            auto workspace = Workspace::open(path);
            QVERIFY(workspace);
            const QByteArray hostile =
                editedDefault(QStringLiteral("versions[0].tiers[1].base.amount"), "\"-5\"");
            auto insert = Statement::prepare((*workspace)->handle(),
                                             "INSERT INTO price_books (stored_at, document) "
                                             "VALUES ('2026-01-01T00:00:00Z', ?1)");
            QVERIFY(insert);
            QVERIFY(insert->bindAll(QString::fromUtf8(hostile)).ok());
            QVERIFY(insert->execute().ok());
            auto checkpoint =
                Statement::prepare((*workspace)->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
            QVERIFY(checkpoint);
            auto row = checkpoint->step();
            QVERIFY(row && *row);
            checkpoint->reset();
        }
        const QByteArray before = fileDigest(path);
        {
            auto workspace = Workspace::open(path);
            QVERIFY(workspace);
            auto book = (*workspace)->priceBook();
            QVERIFY(!book);
            QCOMPARE(book.error().code(), Error::Code::Corrupt);
            QVERIFY2(book.error().message().contains(QStringLiteral("stored price book 2")) &&
                         book.error().message().contains(QStringLiteral("tiers[1].base")),
                     qPrintable(book.error().message()));
        }
        QCOMPARE(fileDigest(path), before);
    }
};

QTEST_GUILESS_MAIN(TestUntrustedPriceBook)
#include "tst_untrustedpricebook.moc"
