#include "clitest.h"
#include "support/clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace aicp;
using namespace aicp::clitest;

// `aicp activation issue|verify|list|release` end to end: an air-gapped
// site's activation file made, checked (by aicp and by stock openssl),
// counted against the license's instances, and released.
class TestActivationCli : public CliTest {
    Q_OBJECT

    CliRun activation(const QString& verb, const QStringList& arguments) const {
        return runSigning(QStringList{QStringLiteral("activation"), verb} + arguments);
    }
    CliRun issueFor(const QString& license, const QString& fingerprint,
                    const QStringList& extra = {}) const {
        return activation(
            QStringLiteral("issue"),
            QStringList{QStringLiteral("--license"), license, QStringLiteral("--fingerprint"),
                        fingerprint, QStringLiteral("--days"), QStringLiteral("30")} +
                extra);
    }
    CliRun verify(const QString& path, const QString& fingerprint) const {
        return activation(
            QStringLiteral("verify"),
            {path, QStringLiteral("--fingerprint"), fingerprint, QStringLiteral("--public-key"),
             file(QStringLiteral("vendor.pem")), QStringLiteral("--json")});
    }

    // A workspace with a key and a starter license of two instances; its id.
    QString licenseOfTwo() const {
        warnIfFailed(runSigning({QStringLiteral("keys"), QStringLiteral("generate")}),
                     "keys generate");
        warnIfFailed(runSigning({QStringLiteral("keys"), QStringLiteral("export-public"),
                                 QStringLiteral("-o"), file(QStringLiteral("vendor.pem"))}),
                     "keys export-public");
        return jsonAnswer(runSigning({QStringLiteral("license"), QStringLiteral("issue"),
                                      QStringLiteral("--customer"), QStringLiteral("vault"),
                                      QStringLiteral("--name"), QStringLiteral("Vault Inc"),
                                      QStringLiteral("--tier"), QStringLiteral("starter"),
                                      QStringLiteral("--instances"), QStringLiteral("2"),
                                      QStringLiteral("--json")}),
                          "license issue")
            .value(QStringLiteral("id"))
            .toString();
    }

private slots:
    void initTestCase() { QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp"); }

    void anAirGappedSiteRunsOnAFileTheAccountManagerIssued() {
        const QString license = licenseOfTwo();
        QVERIFY(!license.isEmpty());
        const QString first = file(QStringLiteral("vault-1.act"));
        const QJsonObject made =
            jsonAnswer(issueFor(license.left(8), QStringLiteral("sha256:aa11"),
                                {QStringLiteral("--hostname"), QStringLiteral("vault-1"),
                                 QStringLiteral("-o"), first, QStringLiteral("--json")}),
                       "activation issue");
        const QString fileText = made.value(QStringLiteral("file")).toString();
        QVERIFY(fileText.startsWith(QStringLiteral("AICPA1.")));
        QCOMPARE(readBytes(first), fileText.toLatin1() + '\n');
        QVERIFY(!made.value(QStringLiteral("expires_at")).toString().isEmpty());

        // Valid for this machine only.
        const CliRun ok = verify(first, QStringLiteral("sha256:aa11"));
        QCOMPARE(ok.exitCode, 0);
        const QJsonObject verdict = parseObject(ok.out);
        QCOMPARE(verdict.value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QCOMPARE(verdict.value(QStringLiteral("activation")).toObject().value(u"license_id"),
                 QJsonValue(license));
        const CliRun other = verify(first, QStringLiteral("sha256:bb22"));
        QCOMPARE(other.exitCode, 1);
        QCOMPARE(parseObject(other.out).value(QStringLiteral("status")).toString(),
                 QStringLiteral("wrong-fingerprint"));
        // One byte of the signature changed.
        QByteArray altered = readBytes(first);
        altered[altered.size() - 5] = altered[altered.size() - 5] == 'A' ? 'B' : 'A';
        QVERIFY(writeBytes(file(QStringLiteral("altered.act")), altered));
        const CliRun forged =
            verify(file(QStringLiteral("altered.act")), QStringLiteral("sha256:aa11"));
        QCOMPARE(forged.exitCode, 1);
        QCOMPARE(parseObject(forged.out).value(QStringLiteral("status")).toString(),
                 QStringLiteral("bad-signature"));

        // The second machine takes the last instance; a third is refused and
        // nothing is written.
        QCOMPARE(issueFor(license, QStringLiteral("sha256:bb22")).exitCode, 0);
        const QString third = file(QStringLiteral("vault-3.act"));
        const CliRun refused =
            issueFor(license, QStringLiteral("sha256:cc33"), {QStringLiteral("-o"), third});
        verifyOneErrorLine(refused, 1, QStringLiteral("2 of its 2 instances"));
        QVERIFY(!QFile::exists(third));

        const CliRun listed =
            activation(QStringLiteral("list"),
                       {QStringLiteral("--license"), license, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray machines = parseObject(listed.out).value(u"activations").toArray();
        QCOMPARE(machines.size(), 2);
        for (const QJsonValue& machine : machines) {
            QCOMPARE(machine[u"state"].toString(), QStringLiteral("active"));
            for (const char* key :
                 {"activation_id", "fingerprint", "hostname", "last_heartbeat", "expires_at"})
                QVERIFY2(machine.toObject().contains(QLatin1String(key)), key);
        }

        // Released, its instance goes to the third machine.
        const QString firstId = made.value(QStringLiteral("activation_id")).toString();
        const CliRun released = activation(QStringLiteral("release"), {firstId.left(8)});
        QCOMPARE(released.exitCode, 0);
        QVERIFY2(released.out.contains(QStringLiteral("1 of 2 instances in use")),
                 qPrintable(released.out));
        verifyOneErrorLine(activation(QStringLiteral("release"), {firstId}), 1,
                           QStringLiteral("already released"));
        QCOMPARE(issueFor(license, QStringLiteral("sha256:cc33"), {QStringLiteral("-o"), third})
                     .exitCode,
                 0);

        const CliRun audit =
            runSigning({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(audit.out.count(QStringLiteral("\"activation.activate\"")), 3);
        QCOMPARE(audit.out.count(QStringLiteral("\"activation.release\"")), 1);
    }

    void stockOpensslVerifiesAnActivationFile() {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command line is not installed");
        const QString license = licenseOfTwo();
        const CliRun made = issueFor(license, QStringLiteral("sha256:aa11"));
        QCOMPARE(made.exitCode, 0);
        // The README's recipe: the signed part and the signature, apart.
        const QString line = made.out.trimmed();
        const qsizetype dot = line.lastIndexOf(u'.');
        QVERIFY(writeBytes(file(QStringLiteral("signed.txt")), line.left(dot).toLatin1()));
        QVERIFY(writeBytes(
            file(QStringLiteral("signature.bin")),
            QByteArray::fromBase64(line.mid(dot + 1).toLatin1(), QByteArray::Base64UrlEncoding)));
        QProcess process;
        process.setWorkingDirectory(file(QString()));
        process.start(openssl, {QStringLiteral("pkeyutl"), QStringLiteral("-verify"),
                                QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                QStringLiteral("vendor.pem"), QStringLiteral("-rawin"),
                                QStringLiteral("-in"), QStringLiteral("signed.txt"),
                                QStringLiteral("-sigfile"), QStringLiteral("signature.bin")});
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("Signature Verified Successfully"));
    }

    void mistakesOnTheCommandLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const auto row = [](const char* name, QStringList arguments, const char* mentions) {
            QTest::newRow(name) << (QStringList{QStringLiteral("activation")} + arguments)
                                << QString::fromLatin1(mentions);
        };
        row("no license",
            {QStringLiteral("issue"), QStringLiteral("--fingerprint"), QStringLiteral("f"),
             QStringLiteral("--days"), QStringLiteral("3")},
            "--license");
        row("no days",
            {QStringLiteral("issue"), QStringLiteral("--license"), QStringLiteral("x"),
             QStringLiteral("--fingerprint"), QStringLiteral("f")},
            "--days");
        row("zero days",
            {QStringLiteral("issue"), QStringLiteral("--license"), QStringLiteral("x"),
             QStringLiteral("--fingerprint"), QStringLiteral("f"), QStringLiteral("--days"),
             QStringLiteral("0")},
            "1 to 3660");
        row("spaced fingerprint",
            {QStringLiteral("issue"), QStringLiteral("--license"), QStringLiteral("x"),
             QStringLiteral("--fingerprint"), QStringLiteral("a b"), QStringLiteral("--days"),
             QStringLiteral("3")},
            "without spaces");
        row("verify without fingerprint", {QStringLiteral("verify"), QStringLiteral("a.act")},
            "--fingerprint");
        row("list without license", {QStringLiteral("list")}, "--license");
    }
    void mistakesOnTheCommandLine() {
        verifyMistakeRow([this](const QStringList& arguments) { return runSigning(arguments); });
    }
};

QTEST_GUILESS_MAIN(TestActivationCli)
#include "tst_activationcli.moc"
