// Hostile price books: the JSON document a workspace stores (and a future
// import would read). Each is refused with the path of the field at fault;
// a damaged stored document is reported as damage and the file is left as
// it was. Complements tests/pricing/tst_pricebook (errorsNameTheField).
#include "pricing/pricebook.h"
#include "storage/statement.h"
#include "storage/workspace.h"

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
        const QByteArray v0("versions[0].");
        QTest::newRow("negative price") << v0 + "tiers[1].base.amount" << QByteArray("\"-0.01\"")
                                        << QByteArray("tiers[1].base");
        QTest::newRow("overflowing price")
            << v0 + "tiers[1].base.amount" << QByteArray("\"99999999999999999999\"")
            << QByteArray("tiers[1].base");
        QTest::newRow("price just over the money range")
            << v0 + "tiers[1].base.amount" << QByteArray("\"9000000000000.000001\"")
            << QByteArray("tiers[1].base");
        QTest::newRow("price NaN string")
            << v0 + "tiers[1].base.amount" << QByteArray("\"NaN\"") << QByteArray("tiers[1].base");
        QTest::newRow("price 1e309 string")
            << v0 + "tiers[1].base.amount" << QByteArray("\"1e309\"")
            << QByteArray("tiers[1].base");
        QTest::newRow("price 1e309 number")
            << v0 + "tiers[1].base.amount" << QByteArray("1e309") << QByteArray("illegal number");
        QTest::newRow("overage unit price negative")
            << v0 + "tiers[1].requests.beyond.unit_price" << QByteArray("\"-1\"")
            << QByteArray("tiers[1].requests.beyond");
        QTest::newRow("included requests 1e309")
            << v0 + "tiers[1].requests.included" << QByteArray("1e309")
            << QByteArray("illegal number");
        QTest::newRow("included requests negative")
            << v0 + "tiers[1].requests.included" << QByteArray("-1")
            << QByteArray("tiers[1].requests.included");
        QTest::newRow("included requests 2^63")
            << v0 + "tiers[1].requests.included" << QByteArray("9223372036854775808")
            << QByteArray("tiers[1].requests.included");
        QTest::newRow("included seats as a string")
            << v0 + "tiers[1].seats.included" << QByteArray("\"3\"")
            << QByteArray("tiers[1].seats.included");
        QTest::newRow("retention NaN") << v0 + "audit_tiers[0].retention_days" << QByteArray("NaN")
                                       << QByteArray("not valid JSON");
        QTest::newRow("no tiers") << v0 + "tiers" << QByteArray("[]") << QByteArray("tiers");
        QTest::newRow("tiers missing")
            << v0 + "tiers" << QByteArray() << QByteArray("tiers: is missing");
        QTest::newRow("tiers as an object")
            << v0 + "tiers" << QByteArray("{}") << QByteArray("tiers");
        QTest::newRow("a tier missing its base")
            << v0 + "tiers[1].base" << QByteArray() << QByteArray("tiers[1].base: is missing");
        QTest::newRow("a tier missing its requests") << v0 + "tiers[2].requests" << QByteArray()
                                                     << QByteArray("tiers[2].requests: is missing");
        QTest::newRow("tier id twice")
            << v0 + "tiers[2].id" << QByteArray("\"starter\"") << QByteArray("tiers[2].id");
        QTest::newRow("band limits out of order")
            << v0 + "tiers[2].requests.beyond.bands[0].up_to" << QByteArray("null")
            << QByteArray("tiers[2].requests.beyond");
        QTest::newRow("no versions") << QByteArray("versions") << QByteArray("[]")
                                     << QByteArray("versions: must hold at least one version");
        QTest::newRow("newer schema")
            << QByteArray("schema") << QByteArray("2") << QByteArray("newer than this aicp reads");
        QTest::newRow("schema 1e309")
            << QByteArray("schema") << QByteArray("1e309") << QByteArray("illegal number");
        QTest::newRow("deeply nested")
            << v0 + "currency" << (QByteArray(4000, '[') + QByteArray(4000, ']'))
            << QByteArray("not valid JSON");
        QTest::newRow("invalid UTF-8 in a name")
            << v0 + "tiers[1].name" << QByteArray("\"St\xff\xfe\"") << QByteArray("not valid JSON");
        QTest::newRow("NUL in an id")
            << v0 + "tiers[1].id" << QByteArray("\"star\\u0000ter\"") << QByteArray("tiers[1].id");
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
        // Whichever of two "amount" keys a reader keeps, a negative one must
        // not get through.
        QByteArray document = editedDefault(QStringLiteral("versions[0].tiers[1].base.amount"),
                                            "\"299\",\"amount\":\"-299\"");
        auto book = PriceBook::fromJson(document);
        if (book) {
            const TierDefinition* starter = book->latest().tier(QStringLiteral("starter"));
            QVERIFY(starter);
            QVERIFY(!starter->base.toJson().value(u"amount").toString().startsWith(u'-'));
        } else {
            QVERIFY2(book.error().message().contains(QStringLiteral("tiers[1].base")),
                     qPrintable(book.error().message()));
        }
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
