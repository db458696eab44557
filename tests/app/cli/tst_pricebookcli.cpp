#include "clitest.h"
#include "support/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp::clitest;

// Finance changes prices from the command line (README, "Price book"):
// export the book, write next year's version, check it with import
// --dry-run, import it, compare the versions and quote with the one in force
// on a date. A changed version and an unknown one are refused with the
// reason, nothing written.
class TestPriceBookCli : public CliTest {
    Q_OBJECT

private:
    CliRun runOn(const QString& db, const QStringList& arguments) const {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db} + arguments,
                            sandbox_.environment());
    }

    // The exported book's one version renamed 2027.1, from 2027-01-01, with
    // starter at `starterBase` a month: the file finance imports.
    bool writeNextYear(const QString& exported, const QString& path, const QString& starterBase) {
        QJsonObject root = QJsonDocument::fromJson(readBytes(exported)).object();
        QJsonObject version = root.value(QStringLiteral("versions")).toArray().at(0).toObject();
        version.insert(QStringLiteral("version"), QStringLiteral("2027.1"));
        version.insert(QStringLiteral("effective_from"), QStringLiteral("2027-01-01"));
        QJsonArray tiers = version.value(QStringLiteral("tiers")).toArray();
        QJsonObject starter = tiers.at(1).toObject();
        starter.insert(QStringLiteral("base"),
                       QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                   {QStringLiteral("amount"), starterBase}});
        tiers.replace(1, starter);
        version.insert(QStringLiteral("tiers"), tiers);
        root.insert(QStringLiteral("versions"), QJsonArray{version});
        return writeBytes(path, QJsonDocument(root).toJson());
    }

    // The total of a starter quote of 50,000 requests on `date`.
    QString starterQuoteOn(const QString& db, const QString& date) const {
        const CliRun quote =
            runOn(db, {QStringLiteral("quote"), QStringLiteral("--tier"), QStringLiteral("starter"),
                       QStringLiteral("--requests"), QStringLiteral("50000"),
                       QStringLiteral("--date"), date, QStringLiteral("--json")});
        return jsonAnswer(quote, "quote").value(QStringLiteral("total")).toString();
    }

private slots:
    void initTestCase() { QVERIFY(sandbox_.isReady()); }

    void financePublishesNextYearsVersion() {
        const QString db = workspace();
        const QString exported = file(QStringLiteral("book.json"));
        const CliRun wrote = runOn(
            db, {QStringLiteral("pricebook"), QStringLiteral("export"), QStringLiteral("--version"),
                 QStringLiteral("2026.1"), QStringLiteral("-o"), exported});
        QCOMPARE(wrote.exitCode, 0);
        QCOMPARE(wrote.out, QStringLiteral("Wrote price book 2026.1 to %1.\n").arg(exported));

        // The book as exported is held whole already.
        const CliRun same = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("import"),
                                       exported, QStringLiteral("--json")});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(parseObject(same.out).value(QStringLiteral("held")).toArray(),
                 QJsonArray{QStringLiteral("2026.1")});
        QCOMPARE(parseObject(same.out).value(QStringLiteral("changed")).toBool(true), false);

        const QString next = file(QStringLiteral("2027.json"));
        QVERIFY(writeNextYear(exported, next, QStringLiteral("349")));
        const QByteArray untouched = sandbox_.contentOf(db);
        const CliRun dryRun = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("import"),
                                         next, QStringLiteral("--dry-run")});
        QCOMPARE(dryRun.exitCode, 0);
        QVERIFY2(dryRun.out.startsWith(QStringLiteral(
                     "Would add price book version 2027.1; nothing was changed (--dry-run).\n")),
                 qPrintable(dryRun.out));
        QVERIFY2(dryRun.out.contains(
                     QStringLiteral("No customer has a license in force when it takes effect.")),
                 qPrintable(dryRun.out));
        QCOMPARE(sandbox_.contentOf(db), untouched);

        const CliRun imported =
            runOn(db, {QStringLiteral("pricebook"), QStringLiteral("import"), next});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.startsWith(QStringLiteral("Added price book version 2027.1;")),
                 qPrintable(imported.out));

        const CliRun versions = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("versions"),
                                           QStringLiteral("--json")});
        QCOMPARE(versions.exitCode, 0);
        const QJsonArray listed =
            parseObject(versions.out).value(QStringLiteral("versions")).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("2027.1"));
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("effective_from")).toString(),
                 QStringLiteral("2027-01-01"));
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("scheduled"));

        const CliRun diff = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("diff"),
                                       QStringLiteral("2026.1"), QStringLiteral("2027.1")});
        QCOMPARE(diff.exitCode, 0);
        QCOMPARE(diff.out, QStringLiteral("Price book 2026.1 → 2027.1: 2 changes\n"
                                          "  effective_from: 2026-01-01 → 2027-01-01\n"
                                          "  tiers[starter].base.amount: 299 → 349\n"));

        const CliRun shown = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("show"),
                                        QStringLiteral("--version"), QStringLiteral("2027.1")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.startsWith(
                     QStringLiteral("Price book 2027.1, in force from 2027-01-01, prices in USD")),
                 qPrintable(shown.out));

        // Quotes use the version in force on the day asked.
        QCOMPARE(starterQuoteOn(db, QStringLiteral("2026-12-31")), QStringLiteral("299.00"));
        QCOMPARE(starterQuoteOn(db, QStringLiteral("2027-01-01")), QStringLiteral("349.00"));
    }

    void aChangedVersionIsRefusedAndNothingWritten() {
        const QString db = workspace();
        const QString exported = file(QStringLiteral("changed-book.json"));
        QVERIFY(warnIfFailed(runOn(db, {QStringLiteral("pricebook"), QStringLiteral("export"),
                                        QStringLiteral("-o"), exported}),
                             "export"));
        QJsonObject root = QJsonDocument::fromJson(readBytes(exported)).object();
        QByteArray text = QJsonDocument(root).toJson();
        text.replace("\"299\"", "\"319\"");
        QVERIFY(writeBytes(exported, text));
        const QByteArray before = sandbox_.contentOf(db);
        const CliRun refused =
            runOn(db, {QStringLiteral("pricebook"), QStringLiteral("import"), exported});
        verifyOneErrorLine(refused, 1,
                           QStringLiteral("versions[0]: version '2026.1' is in the price book "
                                          "already with other content"));
        QCOMPARE(sandbox_.contentOf(db), before);
    }

    void unknownVersionsAndDatesAreMistakes_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("show") << QStringList{QStringLiteral("pricebook"), QStringLiteral("show"),
                                             QStringLiteral("--version"), QStringLiteral("1999")}
                              << QStringLiteral("no version '1999' (it has 2026.1)");
        QTest::newRow("export") << QStringList{QStringLiteral("pricebook"),
                                               QStringLiteral("export"),
                                               QStringLiteral("--version"), QStringLiteral("x")}
                                << QStringLiteral("no version 'x'");
        QTest::newRow("diff") << QStringList{QStringLiteral("pricebook"), QStringLiteral("diff"),
                                             QStringLiteral("2026.1"), QStringLiteral("2030.1")}
                              << QStringLiteral("no version '2030.1'");
        QTest::newRow("diff of one")
            << QStringList{QStringLiteral("pricebook"), QStringLiteral("diff"),
                           QStringLiteral("2026.1")}
            << QStringLiteral("give the two versions to compare");
        QTest::newRow("quote before the first version")
            << QStringList{QStringLiteral("quote"),     QStringLiteral("--tier"),
                           QStringLiteral("starter"),   QStringLiteral("--requests"),
                           QStringLiteral("1"),         QStringLiteral("--date"),
                           QStringLiteral("2025-12-31")}
            << QStringLiteral("no USD price book version is in force on 2025-12-31");
        QTest::newRow("quote on no date")
            << QStringList{QStringLiteral("quote"),     QStringLiteral("--tier"),
                           QStringLiteral("starter"),   QStringLiteral("--requests"),
                           QStringLiteral("1"),         QStringLiteral("--date"),
                           QStringLiteral("2026-02-30")}
            << QStringLiteral("--date must be a date written YYYY-MM-DD");
    }
    void unknownVersionsAndDatesAreMistakes() {
        const QString db = sandbox_.workspace(QStringLiteral("mistakes.aicp"));
        verifyMistakeRow([&](const QStringList& arguments) { return runOn(db, arguments); });
    }
};

QTEST_GUILESS_MAIN(TestPriceBookCli)
#include "tst_pricebookcli.moc"
