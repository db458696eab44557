#include "clitest.h"
#include "support/clirunner.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace aicp::clitest;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

// The month billed and recommended: the last complete one, so every event
// lies in the past whatever day the test runs.
QDate billedMonthStart() {
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return QDate(today.year(), today.month(), 1).addMonths(-1);
}

QString billedMonth() {
    return billedMonthStart().toString(QStringLiteral("yyyy-MM"));
}

// A gateway's log for acme-corp over the billed month: 1,200,000 requests
// from 5 users and 4 agents with two policy packs and one module, which
// makes professional cheaper than the starter license it has.
QByteArray gatewayLog() {
    QByteArray csv =
        "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,"
        "quantity\n";
    const QDateTime start(billedMonthStart(), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 3000; ++i) {
        const QDateTime at = start.addSecs(qint64(i) * 800);
        csv += QStringLiteral("e%1,%2,acme-corp,a%3,u%4,pii-protection;toxicity,gdpr,400\n")
                   .arg(i)
                   .arg(at.toString(Qt::ISODate))
                   .arg(i % 4)
                   .arg(i % 5)
                   .toUtf8();
    }
    return csv;
}

}  // namespace

// The customer's own workspace from the command line: a vendor issues a
// license and hands over its public key, price book and the license file;
// the customer keeps them (keys import-public --customer, pricebook import,
// license add), imports the same gateway log, and sees the same bill the
// vendor computes, byte for byte. Received licenses that cannot be used and
// what only a vendor may do are refused with the reason, and nothing is
// written. The upgrade request goes from the customer's recommend to the
// vendor's license issue.
class TestCustomerCli : public CliTest {
    Q_OBJECT

private:
    QString vendor_;  // the vendor's workspace, made once
    QString acmeLicenseId_;

    [[nodiscard]] QProcessEnvironment environment(bool withPassphrase = true) const {
        QProcessEnvironment environment = sandbox_.environment();
        if (withPassphrase)
            environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), kPassphrase);
        return environment;
    }
    CliRun runOn(const QString& db, const QStringList& arguments) const {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db} + arguments, environment());
    }
    // Without a passphrase anywhere: a command that asked for one would fail
    // on that instead of the reason it is refused.
    CliRun runWithoutPassphrase(const QString& db, const QStringList& arguments) const {
        return sandbox_.run(QStringList{QStringLiteral("--db"), db} + arguments,
                            environment(false));
    }
    CliRun vendor(const QStringList& arguments) const { return runOn(vendor_, arguments); }

    // Issues for the vendor and returns the --json answer.
    QJsonObject issue(const QStringList& arguments) const {
        const CliRun result = vendor(QStringList{QStringLiteral("license"), QStringLiteral("issue"),
                                                 QStringLiteral("--json")} +
                                     arguments);
        return jsonAnswer(result, "license issue");
    }

    // This test's customer workspace: the vendor's key trusted, its price
    // book held.
    QString newCustomerWorkspace() const {
        const QString db = workspace();
        const CliRun trusted =
            runOn(db, {QStringLiteral("keys"), QStringLiteral("import-public"),
                       file(QStringLiteral("vendor.pem")), QStringLiteral("--customer")});
        warnIfFailed(trusted, "keys import-public");
        const CliRun prices = runOn(db, {QStringLiteral("pricebook"), QStringLiteral("import"),
                                         file(QStringLiteral("pricebook.json"))});
        warnIfFailed(prices, "pricebook import");
        return db;
    }

    // The customer workspace holding acme-corp's license and gateway log.
    QString acmeWorkspace() const {
        const QString db = newCustomerWorkspace();
        const CliRun added = runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                                        file(QStringLiteral("acme.lic"))});
        warnIfFailed(added, "license add");
        const CliRun imported = runOn(db, {QStringLiteral("usage"), QStringLiteral("import"),
                                           file(QStringLiteral("events.csv"))});
        warnIfFailed(imported, "usage import");
        return db;
    }

    // What a refused command could have changed: the registry and the log.
    QByteArray writtenState(const QString& db) const {
        return runOn(db,
                     {QStringLiteral("license"), QStringLiteral("list"), QStringLiteral("--json")})
                   .out.toUtf8() +
               runOn(db,
                     {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")})
                   .out.toUtf8();
    }

    CliRun bill(const QString& db) const {
        return runOn(
            db, {QStringLiteral("bill"), QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                 QStringLiteral("--month"), billedMonth(), QStringLiteral("--json")});
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp binary");
        vendor_ = file(QStringLiteral("vendor.aicp"));
        QCOMPARE(vendor({QStringLiteral("keys"), QStringLiteral("generate")}).exitCode, 0);
        const QJsonObject acme =
            issue({QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                   QStringLiteral("--name"), QStringLiteral("Acme Corp"), QStringLiteral("--tier"),
                   QStringLiteral("starter"), QStringLiteral("--starts"),
                   billedMonthStart().toString(Qt::ISODate), QStringLiteral("--days"),
                   QStringLiteral("400"), QStringLiteral("-o"), file(QStringLiteral("acme.lic"))});
        acmeLicenseId_ = acme.value(QStringLiteral("id")).toString();
        QVERIFY(!acmeLicenseId_.isEmpty());
        QCOMPARE(vendor({QStringLiteral("keys"), QStringLiteral("export-public"),
                         QStringLiteral("-o"), file(QStringLiteral("vendor.pem"))})
                     .exitCode,
                 0);
        const CliRun book =
            vendor({QStringLiteral("pricebook"), QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(book.exitCode, 0);
        QVERIFY(writeBytes(file(QStringLiteral("pricebook.json")), book.out.toUtf8()));
        QVERIFY(writeBytes(file(QStringLiteral("events.csv")), gatewayLog()));
        QCOMPARE(vendor({QStringLiteral("usage"), QStringLiteral("import"),
                         file(QStringLiteral("events.csv"))})
                     .exitCode,
                 0);
    }

    // The issue's story: before `license add` the customer was unknown here.
    void customerSeesTheVendorsBillByteForByte() {
        const QString db = newCustomerWorkspace();
        const CliRun added =
            runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                       file(QStringLiteral("acme.lic")), QStringLiteral("--json")});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject license = parseObject(added.out);
        QCOMPARE(license.value(QStringLiteral("id")).toString(), acmeLicenseId_);
        QCOMPARE(license.value(QStringLiteral("tier")).toString(), QStringLiteral("starter"));
        QCOMPARE(license.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QCOMPARE(license.value(QStringLiteral("already_held")).toBool(), false);
        const CliRun again = runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                                        file(QStringLiteral("acme.lic"))});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith(QStringLiteral("Already held")), qPrintable(again.out));

        QCOMPARE(runOn(db, {QStringLiteral("usage"), QStringLiteral("import"),
                            file(QStringLiteral("events.csv"))})
                     .exitCode,
                 0);
        for (const QStringList& readOnly :
             {QStringList{QStringLiteral("license"), QStringLiteral("list")},
              QStringList{QStringLiteral("license"), QStringLiteral("show"), acmeLicenseId_},
              QStringList{QStringLiteral("license"), QStringLiteral("verify"),
                          file(QStringLiteral("acme.lic"))},
              QStringList{QStringLiteral("usage"), QStringLiteral("summary"),
                          QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                          QStringLiteral("--month"), billedMonth()},
              QStringList{QStringLiteral("quote"), QStringLiteral("--compare"),
                          QStringLiteral("--requests"), QStringLiteral("1200000")}}) {
            const CliRun result = runOn(db, readOnly);
            QVERIFY2(result.exitCode == 0,
                     qPrintable(readOnly.join(u' ') + QStringLiteral(": ") + result.err));
        }
        const CliRun recommended =
            runOn(db, {QStringLiteral("recommend"), QStringLiteral("--customer"),
                       QStringLiteral("acme-corp"), QStringLiteral("--month"), billedMonth(),
                       QStringLiteral("--json")});
        QCOMPARE(recommended.exitCode, 0);
        const QJsonObject recommendation = parseObject(recommended.out);
        QCOMPARE(recommendation.value(QStringLiteral("current_tier")).toString(),
                 QStringLiteral("starter"));
        QCOMPARE(recommendation.value(QStringLiteral("recommended_tier")).toString(),
                 QStringLiteral("professional"));

        const CliRun mine = bill(db);
        const CliRun theirs = bill(vendor_);
        QCOMPARE(mine.exitCode, 0);
        QCOMPARE(theirs.exitCode, 0);
        // Nothing normalised: no field of a bill belongs to one workspace.
        QCOMPARE(mine.out, theirs.out);
        QVERIFY(parseObject(mine.out).value(QStringLiteral("licensed")).toBool());

        // A customer workspace knows whose it is: --customer may be left out.
        const CliRun own = runOn(db, {QStringLiteral("bill"), QStringLiteral("--month"),
                                      billedMonth(), QStringLiteral("--json")});
        QCOMPARE(own.out, theirs.out);
        QCOMPARE(runOn(db, {QStringLiteral("recommend"), QStringLiteral("--month"), billedMonth()})
                     .exitCode,
                 0);
        verifyOneErrorLine(
            runOn(vendor_, {QStringLiteral("bill"), QStringLiteral("--month"), billedMonth()}), 2,
            QStringLiteral("give --customer ID"));
    }

    void refusedLicensesLeaveNothingWritten_data() {
        QTest::addColumn<QString>("license");
        QTest::addColumn<QString>("reason");
        QTest::newRow("another vendor's key")
            << QStringLiteral("other-vendor.lic") << QStringLiteral("does not trust");
        QTest::newRow("expired") << QStringLiteral("expired.lic") << QStringLiteral("expired");
        QTest::newRow("another customer's")
            << QStringLiteral("globex.lic") << QStringLiteral("for 'globex'");
    }

    void refusedLicensesLeaveNothingWritten() {
        QFETCH(QString, license);
        QFETCH(QString, reason);
        if (!QFileInfo::exists(file(QStringLiteral("other-vendor.lic")))) {
            const QString other = file(QStringLiteral("other-vendor.aicp"));
            QCOMPARE(runOn(other, {QStringLiteral("keys"), QStringLiteral("generate")}).exitCode,
                     0);
            QCOMPARE(runOn(other, {QStringLiteral("license"), QStringLiteral("issue"),
                                   QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                                   QStringLiteral("--name"), QStringLiteral("Acme Corp"),
                                   QStringLiteral("--tier"), QStringLiteral("starter"),
                                   QStringLiteral("-o"), file(QStringLiteral("other-vendor.lic"))})
                         .exitCode,
                     0);
            issue({QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                   QStringLiteral("--name"), QStringLiteral("Acme Corp"), QStringLiteral("--tier"),
                   QStringLiteral("starter"), QStringLiteral("--starts"),
                   QStringLiteral("2026-01-01"), QStringLiteral("--days"), QStringLiteral("30"),
                   QStringLiteral("-o"), file(QStringLiteral("expired.lic"))});
            issue({QStringLiteral("--customer"), QStringLiteral("globex"), QStringLiteral("--name"),
                   QStringLiteral("Globex"), QStringLiteral("--tier"), QStringLiteral("starter"),
                   QStringLiteral("-o"), file(QStringLiteral("globex.lic"))});
        }
        static int workspaces = 0;
        const QString db = file(QStringLiteral("refused-%1.aicp").arg(++workspaces));
        QCOMPARE(runOn(db, {QStringLiteral("keys"), QStringLiteral("import-public"),
                            file(QStringLiteral("vendor.pem")), QStringLiteral("--customer")})
                     .exitCode,
                 0);
        QCOMPARE(runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                            file(QStringLiteral("acme.lic"))})
                     .exitCode,
                 0);
        const QByteArray before = writtenState(db);
        const CliRun refused =
            runOn(db, {QStringLiteral("license"), QStringLiteral("add"), file(license)});
        verifyOneErrorLine(refused, 1, reason);
        QCOMPARE(writtenState(db), before);
    }

    // A license the vendor revoked: one held is marked revoked when the list
    // is loaded, one not held yet is refused; an older list is refused.
    void revocationListsReachTheCustomer() {
        const QJsonObject held = issue({QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                                        QStringLiteral("--name"), QStringLiteral("Acme Corp"),
                                        QStringLiteral("--tier"), QStringLiteral("starter"),
                                        QStringLiteral("-o"), file(QStringLiteral("held.lic"))});
        const QJsonObject notHeld = issue(
            {QStringLiteral("--customer"), QStringLiteral("acme-corp"), QStringLiteral("--name"),
             QStringLiteral("Acme Corp"), QStringLiteral("--tier"), QStringLiteral("starter"),
             QStringLiteral("-o"), file(QStringLiteral("not-held.lic"))});
        const QString heldId = held.value(QStringLiteral("id")).toString();
        const QString db = newCustomerWorkspace();
        QCOMPARE(runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                            file(QStringLiteral("held.lic"))})
                     .exitCode,
                 0);
        const QString older = file(QStringLiteral("older.rl"));
        QCOMPARE(vendor({QStringLiteral("revocations"), QStringLiteral("export"),
                         QStringLiteral("-o"), older})
                     .exitCode,
                 0);
        for (const QString& id : {heldId, notHeld.value(QStringLiteral("id")).toString()})
            QCOMPARE(vendor({QStringLiteral("license"), QStringLiteral("revoke"), id,
                             QStringLiteral("--reason"), QStringLiteral("unpaid")})
                         .exitCode,
                     0);
        const QString newer = file(QStringLiteral("newer.rl"));
        QCOMPARE(vendor({QStringLiteral("revocations"), QStringLiteral("export"),
                         QStringLiteral("-o"), newer})
                     .exitCode,
                 0);

        const CliRun loaded =
            runOn(db, {QStringLiteral("revocations"), QStringLiteral("import"), newer});
        QCOMPARE(loaded.exitCode, 0);
        QVERIFY2(loaded.out.startsWith(QStringLiteral("Loaded revocation list")),
                 qPrintable(loaded.out));
        QVERIFY2(
            loaded.out.contains(QStringLiteral("1 license held here is now revoked: ") + heldId),
            qPrintable(loaded.out));
        const CliRun shown = runOn(db, {QStringLiteral("license"), QStringLiteral("show"), heldId,
                                        QStringLiteral("--json")});
        QCOMPARE(parseObject(shown.out).value(QStringLiteral("state")).toString(),
                 QStringLiteral("revoked"));
        const CliRun again = runOn(db, {QStringLiteral("revocations"), QStringLiteral("import"),
                                        newer, QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(parseObject(again.out).value(QStringLiteral("already_known")).toBool(), true);
        QVERIFY(parseObject(again.out).value(QStringLiteral("newly_revoked")).toArray().isEmpty());

        const QByteArray before = writtenState(db);
        verifyOneErrorLine(runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                                      file(QStringLiteral("not-held.lic"))}),
                           1, QStringLiteral("the vendor revoked it"));
        verifyOneErrorLine(
            runOn(db, {QStringLiteral("revocations"), QStringLiteral("import"), older}), 1,
            QStringLiteral("older than list"));
        QCOMPARE(writtenState(db), before);
    }

    void vendorOnlyCommandsAreRefusedWithTheReason_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("reason");
        const auto row = [](const char* name, const QStringList& arguments, const char* reason) {
            QTest::newRow(name) << arguments << QString::fromLatin1(reason);
        };
        row("license issue",
            {QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
             QStringLiteral("acme-corp"), QStringLiteral("--name"), QStringLiteral("Acme Corp"),
             QStringLiteral("--tier"), QStringLiteral("professional")},
            "only the vendor issues licenses");
        row("license issue --from-request",
            {QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--from-request"),
             QStringLiteral("REQUEST")},
            "only the vendor issues licenses");
        row("license renew",
            {QStringLiteral("license"), QStringLiteral("renew"), QStringLiteral("ID")},
            "only the vendor renews licenses");
        row("license upgrade",
            {QStringLiteral("license"), QStringLiteral("upgrade"), QStringLiteral("ID"),
             QStringLiteral("--tier"), QStringLiteral("enterprise")},
            "only the vendor upgrades licenses");
        row("license revoke",
            {QStringLiteral("license"), QStringLiteral("revoke"), QStringLiteral("ID"),
             QStringLiteral("--reason"), QStringLiteral("x")},
            "only the vendor revokes licenses");
        row("invoice issue",
            {QStringLiteral("invoice"), QStringLiteral("issue"), QStringLiteral("--customer"),
             QStringLiteral("acme-corp"), QStringLiteral("--month"), QStringLiteral("MONTH")},
            "only the vendor issues invoices");
        row("invoice credit",
            {QStringLiteral("invoice"), QStringLiteral("credit"),
             QStringLiteral("AICP-2026-000001"), QStringLiteral("--reason"), QStringLiteral("x")},
            "only the vendor credits invoices");
        row("keys generate", {QStringLiteral("keys"), QStringLiteral("generate")},
            "only the vendor signs");
        row("keys rotate", {QStringLiteral("keys"), QStringLiteral("rotate")},
            "only the vendor signs");
        row("revocations export",
            {QStringLiteral("revocations"), QStringLiteral("export"), QStringLiteral("-o"),
             QStringLiteral("OUT")},
            "only the vendor publishes revocation lists");
        row("tokens create --role admin",
            {QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--role"),
             QStringLiteral("admin")},
            "an admin token issues licenses, which only the vendor does");
    }

    void vendorOnlyCommandsAreRefusedWithTheReason() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, reason);
        static QString db;
        if (db.isEmpty()) {
            db = acmeWorkspace();
            QVERIFY(writeBytes(file(QStringLiteral("request.json")), "{}"));
        }
        arguments.replaceInStrings(QStringLiteral("REQUEST"), file(QStringLiteral("request.json")));
        arguments.replaceInStrings(QStringLiteral("MONTH"), billedMonth());
        arguments.replaceInStrings(QStringLiteral("OUT"), file(QStringLiteral("refused.rl")));
        if (arguments.contains(QStringLiteral("ID")))
            arguments.replaceInStrings(QStringLiteral("ID"), acmeLicenseId_.left(8));
        const QByteArray before = writtenState(db);
        const CliRun refused = runWithoutPassphrase(db, arguments);
        verifyOneErrorLine(refused, 1, QStringLiteral("this is a customer workspace: ") + reason);
        QVERIFY2(refused.err.startsWith(
                     QStringLiteral("aicp: %1: ").arg(QStringList(arguments.mid(0, 2)).join(u' '))),
                 qPrintable(refused.err));
        QCOMPARE(writtenState(db), before);
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("refused.rl"))));
    }

    // recommend --request-upgrade at the customer's, license issue
    // --from-request at the vendor's, license add back at the customer's.
    void upgradeRequestGoesFromCustomerToVendor() {
        const QString db = acmeWorkspace();
        const QString request = file(QStringLiteral("upgrade.json"));
        const CliRun written =
            runOn(db, {QStringLiteral("recommend"), QStringLiteral("--customer"),
                       QStringLiteral("acme-corp"), QStringLiteral("--month"), billedMonth(),
                       QStringLiteral("--request-upgrade"), QStringLiteral("-o"), request,
                       QStringLiteral("--note"), QStringLiteral("EU launch in March"),
                       QStringLiteral("--json")});
        QCOMPARE(written.exitCode, 0);
        const QJsonObject answer = parseObject(written.out);
        const QString pdf = file(QStringLiteral("upgrade.pdf"));
        QCOMPARE(answer.value(QStringLiteral("file")).toString(), request);
        QCOMPARE(answer.value(QStringLiteral("pdf")).toString(), pdf);
        QCOMPARE(answer.value(QStringLiteral("tier")).toString(), QStringLiteral("professional"));
        QVERIFY(readBytes(pdf).startsWith("%PDF-"));
        const QJsonObject json = parseObject(QString::fromUtf8(readBytes(request)));
        QCOMPARE(json.value(QStringLiteral("note")).toString(),
                 QStringLiteral("EU launch in March"));
        QCOMPARE(json.value(QStringLiteral("digest")), answer.value(QStringLiteral("digest")));
        QCOMPARE(json.value(QStringLiteral("current_license"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 acmeLicenseId_);

        // Edited on its way: refused, nothing signed.
        QByteArray edited = readBytes(request);
        edited.replace("\"tier\":\"professional\"", "\"tier\":\"enterprise\"");
        QVERIFY(edited != readBytes(request));
        QVERIFY(writeBytes(file(QStringLiteral("edited.json")), edited));
        const QByteArray vendorBefore = writtenState(vendor_);
        verifyOneErrorLine(
            vendor({QStringLiteral("license"), QStringLiteral("issue"),
                    QStringLiteral("--from-request"), file(QStringLiteral("edited.json"))}),
            1, QStringLiteral("changed after it was made"));
        QCOMPARE(writtenState(vendor_), vendorBefore);

        const QJsonObject issued =
            issue({QStringLiteral("--from-request"), request, QStringLiteral("-o"),
                   file(QStringLiteral("acme-professional.lic"))});
        const QJsonObject license = issued.value(QStringLiteral("license")).toObject();
        QCOMPARE(license.value(QStringLiteral("tier")).toString(), QStringLiteral("professional"));
        QCOMPARE(license.value(QStringLiteral("supersedes")).toString(), acmeLicenseId_);
        QCOMPARE(license.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("acme-corp"));
        QCOMPARE(license.value(QStringLiteral("addons"))
                     .toObject()
                     .value(QStringLiteral("policy_packs"))
                     .toArray()
                     .size(),
                 2);
        const CliRun old = vendor({QStringLiteral("license"), QStringLiteral("show"),
                                   acmeLicenseId_, QStringLiteral("--json")});
        QCOMPARE(parseObject(old.out).value(QStringLiteral("state")).toString(),
                 QStringLiteral("superseded"));

        // The customer adds the upgrade; both sides still compute one bill.
        const CliRun added = runOn(db, {QStringLiteral("license"), QStringLiteral("add"),
                                        file(QStringLiteral("acme-professional.lic"))});
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.out.contains(QStringLiteral("supersedes license ") + acmeLicenseId_),
                 qPrintable(added.out));
        QCOMPARE(bill(db).out, bill(vendor_).out);
    }
};

QTEST_GUILESS_MAIN(TestCustomerCli)
#include "tst_customercli.moc"
