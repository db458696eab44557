#include "clitest.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/clirunner.h"

#include <string>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using namespace aicp::clitest;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

// Runs SQL on a workspace file behind aicp's back, as someone editing the
// database by hand would.
// Runs SQL on the workspace at `path`, a file or a PostgreSQL database, as
// another tool would.
bool executeSql(const QString& path, const std::string& sql) {
    auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting);
    const Status done =
        workspace ? executeScript((*workspace)->handle(), sql) : Status(workspace.error());
    if (!done.ok())
        qWarning("%s", qPrintable(done.error().message()));
    return done.ok();
}

// The same key with one payload field changed and re-encoded; the signature
// is left as it was.
QString alteredKey(const QString& key, const QByteArray& from, const QByteArray& to) {
    const QStringList parts = key.split(u'.');
    if (parts.size() != 3)
        return {};
    const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    QByteArray payload = QByteArray::fromBase64(parts.at(1).toLatin1(), options);
    if (!payload.contains(from))
        return {};
    payload.replace(from, to);
    return parts.at(0) + u'.' + QString::fromLatin1(payload.toBase64(options)) + u'.' + parts.at(2);
}

}  // namespace

// `aicp keys`, `license`, `revocations` and `audit` end to end: the built
// binary on temporary workspaces, with the passphrase in
// AICP_KEY_PASSPHRASE as a script would give it. Each test has its own
// workspace file (named after the test) in a folder that is also HOME.
class TestLicenseCli : public CliTest {
    Q_OBJECT

private:
    [[nodiscard]] QProcessEnvironment environment(const QString& db) const {
        QProcessEnvironment environment = sandbox_.environment();
        environment.insert(QStringLiteral("AICP_DB"), db);
        environment.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), kPassphrase);
        return environment;
    }

    CliRun run(const QStringList& arguments, const QProcessEnvironment& environment,
               const QByteArray& input = {}) const {
        return sandbox_.run(arguments, environment, input);
    }
    // Against this test's workspace.
    CliRun run(const QStringList& arguments, const QByteArray& input = {}) const {
        return run(arguments, environment(workspace()), input);
    }
    // Against another workspace file (a customer's, or none at all).
    CliRun runOn(const QString& db, const QStringList& arguments) const {
        return run(arguments, environment(db));
    }
    CliRun runWithoutPassphrase(const QStringList& arguments) const {
        QProcessEnvironment environment = this->environment(workspace());
        environment.remove(QStringLiteral("AICP_KEY_PASSPHRASE"));
        return run(arguments, environment);
    }

    // A workspace with a signing key; returns its kid.
    QString generateKey() const {
        const CliRun result =
            run({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--json")});
        return jsonAnswer(result, "keys generate").value(QStringLiteral("kid")).toString();
    }

    // Issues and returns the key printed on stdout (empty on failure).
    QString issue(const QStringList& extra = {}) const {
        const CliRun result =
            run(QStringList{QStringLiteral("license"), QStringLiteral("issue"),
                            QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                            QStringLiteral("--name"), QStringLiteral("Acme Corp"),
                            QStringLiteral("--tier"), QStringLiteral("professional")} +
                extra);
        return warnIfFailed(result, "license issue") ? result.out.trimmed() : QString();
    }

    QJsonObject issueJson(const QStringList& arguments) const {
        const CliRun result = run(QStringList{QStringLiteral("license"), QStringLiteral("issue"),
                                              QStringLiteral("--json")} +
                                  arguments);
        return jsonAnswer(result, "license issue");
    }

    QJsonArray licenses() const {
        const CliRun result =
            run({QStringLiteral("license"), QStringLiteral("list"), QStringLiteral("--json")});
        return parseObject(result.out).value(QStringLiteral("licenses")).toArray();
    }

    QString exportPublicKey(const QString& name) const {
        const QString path = file(name);
        const CliRun result = run(
            {QStringLiteral("keys"), QStringLiteral("export-public"), QStringLiteral("-o"), path});
        warnIfFailed(result, "keys export-public");
        return path;
    }

    QString exportRevocations(const QString& name) const {
        const QString path = file(name);
        const CliRun result = run(
            {QStringLiteral("revocations"), QStringLiteral("export"), QStringLiteral("-o"), path});
        warnIfFailed(result, "revocations export");
        return path;
    }

    CliRun verifyKey(const QString& key, const QStringList& extra = {}) const {
        return run(QStringList{QStringLiteral("license"), QStringLiteral("verify"),
                               QStringLiteral("--key"), key} +
                   extra);
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp binary");
    }

    void helpOnEveryCommand_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, QStringList arguments, const char* expected) {
            QTest::newRow(name) << arguments << QString::fromLatin1(expected);
        };
        row("global", {QStringLiteral("--help")}, "revocations");
        row("keys", {QStringLiteral("keys"), QStringLiteral("--help")}, "export-public");
        row("keys generate",
            {QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("-h")},
            "AICP_KEY_PASSPHRASE");
        row("keys rotate",
            {QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("--help")},
            "retired");
        row("keys list", {QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--help")},
            "--json");
        row("keys export-public",
            {QStringLiteral("keys"), QStringLiteral("export-public"), QStringLiteral("--help")},
            "--kid");
        row("keys import-public",
            {QStringLiteral("keys"), QStringLiteral("import-public"), QStringLiteral("--help")},
            "--customer");
        row("license", {QStringLiteral("license"), QStringLiteral("--help")}, "upgrade");
        row("license issue",
            {QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--help")},
            "--compliance-modules");
        row("license verify",
            {QStringLiteral("license"), QStringLiteral("verify"), QStringLiteral("--help")},
            "valid-in-grace");
        row("license revoke",
            {QStringLiteral("license"), QStringLiteral("revoke"), QStringLiteral("--help")},
            "--reason");
        row("license list",
            {QStringLiteral("license"), QStringLiteral("list"), QStringLiteral("--help")},
            "--status");
        row("license show",
            {QStringLiteral("license"), QStringLiteral("show"), QStringLiteral("--help")},
            "superseded_by");
        row("license renew",
            {QStringLiteral("license"), QStringLiteral("renew"), QStringLiteral("--help")},
            "supersedes");
        row("license upgrade",
            {QStringLiteral("license"), QStringLiteral("upgrade"), QStringLiteral("--help")},
            "--tier");
        row("revocations", {QStringLiteral("revocations"), QStringLiteral("--help")}, "export");
        row("revocations export",
            {QStringLiteral("revocations"), QStringLiteral("export"), QStringLiteral("--help")},
            "AICPRL1");
        row("audit", {QStringLiteral("audit"), QStringLiteral("--help")}, "verify");
        row("audit verify",
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--help")},
            "first_bad_entry");
        row("audit list",
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--help")},
            "previous_hash");
        row("help license", {QStringLiteral("help"), QStringLiteral("license")}, "revoke");
    }

    void helpOnEveryCommand() {
        verifyHelpRow([this](const QStringList& arguments) { return run(arguments); });
        QVERIFY2(!QFileInfo::exists(workspace()), "--help must not create a workspace");
    }

    void mistakesExitTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString license = QStringLiteral("license");
        const QString issue = QStringLiteral("issue");
        const QStringList issueBase{license,
                                    issue,
                                    QStringLiteral("--customer"),
                                    QStringLiteral("acme-corp"),
                                    QStringLiteral("--name"),
                                    QStringLiteral("Acme"),
                                    QStringLiteral("--tier"),
                                    QStringLiteral("starter")};
        QTest::newRow("keys without subcommand")
            << QStringList{QStringLiteral("keys")} << QStringLiteral("generate");
        QTest::newRow("unknown license subcommand")
            << QStringList{license, QStringLiteral("forge")} << QStringLiteral("'forge'");
        QTest::newRow("passphrase is never an argument")
            << QStringList{QStringLiteral("keys"), QStringLiteral("generate"),
                           QStringLiteral("--passphrase"), QStringLiteral("hunter2hunter2")}
            << QStringLiteral("passphrase");
        QTest::newRow("days and expires")
            << issueBase + QStringList{QStringLiteral("--days"), QStringLiteral("30"),
                                       QStringLiteral("--expires"), QStringLiteral("2030-01-01")}
            << QStringLiteral("--expires");
        QTest::newRow("bad date") << issueBase + QStringList{QStringLiteral("--starts"),
                                                             QStringLiteral("2026-02-30")}
                                  << QStringLiteral("--starts");
        QTest::newRow("bad days") << issueBase + QStringList{QStringLiteral("--days"),
                                                             QStringLiteral("1e3")}
                                  << QStringLiteral("--days");
        QTest::newRow("zero days")
            << issueBase + QStringList{QStringLiteral("--days"), QStringLiteral("0")}
            << QStringLiteral("--days");
        QTest::newRow("issue without tier") << QStringList{license,
                                                           issue,
                                                           QStringLiteral("--customer"),
                                                           QStringLiteral("a"),
                                                           QStringLiteral("--name"),
                                                           QStringLiteral("A")}
                                            << QStringLiteral("--tier");
        QTest::newRow("revoke without reason")
            << QStringList{license, QStringLiteral("revoke"), QStringLiteral("12345678")}
            << QStringLiteral("--reason");
        QTest::newRow("verify without input")
            << QStringList{license, QStringLiteral("verify")} << QStringLiteral("--key");
        QTest::newRow("verify with file and key")
            << QStringList{license, QStringLiteral("verify"), QStringLiteral("a.lic"),
                           QStringLiteral("--key"), QStringLiteral("AICP1.x.y")}
            << QStringLiteral("--key");
        QTest::newRow("upgrade without a change")
            << QStringList{license, QStringLiteral("upgrade"), QStringLiteral("12345678")}
            << QStringLiteral("change");
        QTest::newRow("unknown status")
            << QStringList{license, QStringLiteral("list"), QStringLiteral("--status"),
                           QStringLiteral("zombie")}
            << QStringLiteral("'zombie'");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("now")}
            << QStringLiteral("'now'");
    }

    void mistakesExitTwoWithOneLine() {
        verifyMistakeRow([this](const QStringList& arguments) { return run(arguments); });
    }

    void issueAndVerifyInTheWorkspace() {
        QVERIFY(!generateKey().isEmpty());
        const QString key =
            issue({QStringLiteral("--policy-packs"), QStringLiteral("pii-protection,toxicity")});
        QVERIFY(key.startsWith(QStringLiteral("AICP1.")));
        QVERIFY(!key.contains(u'\n'));
        QCOMPARE(key.count(u'.'), 2);

        const CliRun result = verifyKey(key);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.firstLine(), QStringLiteral("valid"));
        QVERIFY(result.err.isEmpty());
        for (const char* shown :
             {"Acme Corp (acme-corp)", "professional", "pii-protection, toxicity", "Seats:",
              "Agents:", "Audit tier:", "Contract:", "Expires:", "Grace:", "valid until 20"})
            QVERIFY2(result.out.contains(QString::fromLatin1(shown)), shown);
    }

    void verifyWithTheExportedKeyNeedsNoWorkspace() {
        QVERIFY(!generateKey().isEmpty());
        const QString key = issue();
        const QString pem = exportPublicKey(QStringLiteral("vendor-alone.pem"));
        const QByteArray pemText = readBytes(pem);
        QVERIFY(pemText.startsWith("-----BEGIN PUBLIC KEY-----"));
        QVERIFY(!pemText.contains("PRIVATE"));

        const QString absent = file(QStringLiteral("no-such-workspace.aicp"));
        const CliRun result =
            runOn(absent, {QStringLiteral("license"), QStringLiteral("verify"),
                           QStringLiteral("--key"), key, QStringLiteral("--public-key"), pem});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.firstLine(), QStringLiteral("valid"));
        QVERIFY2(!QFileInfo::exists(absent), "verify must never create a workspace");

        // Without keys and without a workspace there is nothing to trust.
        const CliRun keyless = runOn(absent, {QStringLiteral("license"), QStringLiteral("verify"),
                                              QStringLiteral("--key"), key});
        verifyOneErrorLine(keyless, 2, QStringLiteral("--public-key"));
        QVERIFY(!QFileInfo::exists(absent));
    }

    void alteredOrForgedKeysAreRefused() {
        QVERIFY(!generateKey().isEmpty());
        const QString key = issue();
        const QString altered =
            alteredKey(key, QByteArrayLiteral("\"seats\":10"), QByteArrayLiteral("\"seats\":99"));
        QVERIFY(!altered.isEmpty());
        const CliRun tampered = verifyKey(altered);
        QCOMPARE(tampered.exitCode, 1);
        QCOMPARE(tampered.firstLine(), QStringLiteral("bad-signature"));
        QVERIFY(!tampered.out.contains(QStringLiteral("Seats:")));  // nothing unverified shown
        QCOMPARE(tampered.errLines().size(), qsizetype(1));

        const CliRun truncated = verifyKey(key.chopped(5));
        QCOMPARE(truncated.exitCode, 1);
        QCOMPARE(truncated.firstLine(), QStringLiteral("malformed"));

        // Another vendor's key does not know this signature.
        const QString otherDb = file(QStringLiteral("other-vendor.aicp"));
        QCOMPARE(runOn(otherDb, {QStringLiteral("keys"), QStringLiteral("generate")}).exitCode, 0);
        const QString otherPem = file(QStringLiteral("other-vendor.pem"));
        QCOMPARE(runOn(otherDb, {QStringLiteral("keys"), QStringLiteral("export-public"),
                                 QStringLiteral("-o"), otherPem})
                     .exitCode,
                 0);
        const CliRun unknown = verifyKey(key, {QStringLiteral("--public-key"), otherPem});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.firstLine(), QStringLiteral("unknown-key"));
    }

    void licenseFileVerifiesFromFileAndStandardInput() {
        QVERIFY(!generateKey().isEmpty());
        const QString path = file(QStringLiteral("acme.lic"));
        const QString key = issue({QStringLiteral("-o"), path});
        const QByteArray text = readBytes(path);
        QVERIFY(text.contains("-----BEGIN AICP LICENSE-----"));
        QVERIFY(text.contains("# Customer: Acme Corp (acme-corp)"));

        const CliRun fromFile = run({QStringLiteral("license"), QStringLiteral("verify"), path});
        QCOMPARE(fromFile.exitCode, 0);
        QCOMPARE(fromFile.firstLine(), QStringLiteral("valid"));
        const CliRun fromInput =
            run({QStringLiteral("license"), QStringLiteral("verify"), QStringLiteral("-")}, text);
        QCOMPARE(fromInput.exitCode, 0);
        QCOMPARE(fromInput.firstLine(), QStringLiteral("valid"));
        const CliRun bareKey =
            run({QStringLiteral("license"), QStringLiteral("verify"), QStringLiteral("-")},
                key.toLatin1() + '\n');
        QCOMPARE(bareKey.firstLine(), QStringLiteral("valid"));

        // `license show -o` writes the same file again.
        const QString again = file(QStringLiteral("acme-again.lic"));
        const QString id = licenses().at(0).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(run({QStringLiteral("license"), QStringLiteral("show"), id.left(8),
                      QStringLiteral("-o"), again})
                     .exitCode,
                 0);
        QCOMPARE(readBytes(again), text);

        const CliRun missing = run({QStringLiteral("license"), QStringLiteral("verify"),
                                    file(QStringLiteral("nope.lic"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.lic")));
    }

    void revokedLicenseIsRefusedWithTheExportedList() {
        QVERIFY(!generateKey().isEmpty());
        const QString key = issue();
        const QString id = licenses().at(0).toObject().value(QStringLiteral("id")).toString();
        const QString pem = exportPublicKey(QStringLiteral("vendor-revoke.pem"));

        const CliRun revoked = run({QStringLiteral("license"), QStringLiteral("revoke"), id.left(8),
                                    QStringLiteral("--reason"), QStringLiteral("contract ended"),
                                    QStringLiteral("--json")});
        QCOMPARE(revoked.exitCode, 0);
        const QJsonObject revocation = parseObject(revoked.out);
        QCOMPARE(revocation.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(revocation.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("contract ended"));
        QCOMPARE(revocation.value(QStringLiteral("revocation_list_sequence")).toInt(), 1);

        const QString list = exportRevocations(QStringLiteral("revoked.rl"));
        QVERIFY(readBytes(list).startsWith("AICPRL1."));
        const QString absent = file(QStringLiteral("nothing-here.aicp"));
        const CliRun result =
            runOn(absent, {QStringLiteral("license"), QStringLiteral("verify"),
                           QStringLiteral("--key"), key, QStringLiteral("--public-key"), pem,
                           QStringLiteral("--revocations"), list});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.firstLine(), QStringLiteral("revoked"));
        QCOMPARE(result.errLines().size(), qsizetype(1));
        QVERIFY(!QFileInfo::exists(absent));

        // Without the list the license still looks good to an outsider...
        const CliRun outsider =
            runOn(absent, {QStringLiteral("license"), QStringLiteral("verify"),
                           QStringLiteral("--key"), key, QStringLiteral("--public-key"), pem});
        QCOMPARE(outsider.firstLine(), QStringLiteral("valid"));
        // ...but the vendor's workspace uses its own published list.
        QCOMPARE(verifyKey(key).firstLine(), QStringLiteral("revoked"));

        // Revoking twice is refused; the registry shows the revocation.
        const CliRun twice = run({QStringLiteral("license"), QStringLiteral("revoke"), id,
                                  QStringLiteral("--reason"), QStringLiteral("again")});
        verifyOneErrorLine(twice, 1, QStringLiteral("already revoked"));
        const QJsonObject shown = parseObject(
            run({QStringLiteral("license"), QStringLiteral("show"), id, QStringLiteral("--json")})
                .out);
        QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
        QCOMPARE(shown.value(QStringLiteral("revocation"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("contract ended"));
    }

    void customerWorkspaceKeepsTheNewerRevocationList() {
        QVERIFY(!generateKey().isEmpty());
        const QString first = issue();
        const QString second = issue();
        const QJsonArray all = licenses();
        QCOMPARE(all.size(), qsizetype(2));
        const auto revoke = [&](const QString& key) {
            const QString payloadId =
                parseObject(QString::fromUtf8(QByteArray::fromBase64(
                                key.split(u'.').at(1).toLatin1(),
                                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)))
                    .value(QStringLiteral("id"))
                    .toString();
            return run({QStringLiteral("license"), QStringLiteral("revoke"), payloadId,
                        QStringLiteral("--reason"), QStringLiteral("test")})
                .exitCode;
        };
        QCOMPARE(revoke(first), 0);
        const QString older = exportRevocations(QStringLiteral("list-1.rl"));
        QCOMPARE(revoke(second), 0);
        const QString newer = exportRevocations(QStringLiteral("list-2.rl"));
        const QString pem = exportPublicKey(QStringLiteral("vendor-lists.pem"));

        // A customer workspace trusts the vendor key only.
        const QString customer = file(QStringLiteral("customer.aicp"));
        const CliRun imported =
            runOn(customer, {QStringLiteral("keys"), QStringLiteral("import-public"), pem,
                             QStringLiteral("--customer")});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains(QStringLiteral("verify-only")));
        const CliRun refusedIssue = runOn(
            customer, {QStringLiteral("license"), QStringLiteral("issue"),
                       QStringLiteral("--customer"), QStringLiteral("x"), QStringLiteral("--name"),
                       QStringLiteral("X"), QStringLiteral("--tier"), QStringLiteral("starter")});
        verifyOneErrorLine(refusedIssue, 1, QStringLiteral("customer workspace"));
        const CliRun refusedKey =
            runOn(customer, {QStringLiteral("keys"), QStringLiteral("generate")});
        QCOMPARE(refusedKey.exitCode, 1);

        const auto verifyThere = [&](const QString& key, const QString& list) {
            return runOn(customer,
                         {QStringLiteral("license"), QStringLiteral("verify"),
                          QStringLiteral("--key"), key, QStringLiteral("--revocations"), list});
        };
        QCOMPARE(verifyThere(second, older).firstLine(), QStringLiteral("valid"));
        QCOMPARE(verifyThere(second, newer).firstLine(), QStringLiteral("revoked"));
        // Having seen list 2, going back to list 1 would un-revoke the second:
        // the older list is reported and list 2, remembered, still applies
        // (as in the console: both verify through verifyInWorkspace).
        const CliRun back = verifyThere(second, older);
        QCOMPARE(back.exitCode, 1);
        QCOMPARE(back.firstLine(), QStringLiteral("revoked"));
        QCOMPARE(back.errLines().size(), qsizetype(1));
        QVERIFY2(back.out.contains(QStringLiteral("Revocation note")), qPrintable(back.out));
        QVERIFY2(back.out.contains(QStringLiteral("older than list 2")), qPrintable(back.out));
        const QJsonObject backJson = parseObject(
            runOn(customer,
                  {QStringLiteral("license"), QStringLiteral("verify"), QStringLiteral("--key"),
                   second, QStringLiteral("--revocations"), older, QStringLiteral("--json")})
                .out);
        QCOMPARE(backJson.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(backJson.value(QStringLiteral("revocation_list"))
                     .toObject()
                     .value(QStringLiteral("sequence"))
                     .toInt(),
                 2);
        QVERIFY(backJson.value(QStringLiteral("revocation_note"))
                    .toString()
                    .contains(QStringLiteral("older")));
        // Without any list offered, the remembered one goes on applying.
        const CliRun remembered = runOn(
            customer,
            {QStringLiteral("license"), QStringLiteral("verify"), QStringLiteral("--key"), second});
        QCOMPARE(remembered.firstLine(), QStringLiteral("revoked"));
        QVERIFY(remembered.out.contains(QStringLiteral("list 2 of")));
        QVERIFY(!remembered.out.contains(QStringLiteral("Revocation note")));
        QCOMPARE(verifyThere(first, newer).firstLine(), QStringLiteral("revoked"));
        // A valid license with the older list offered: still valid, with the note.
        const QString third = issue();
        const CliRun stillValid = verifyThere(third, older);
        QCOMPARE(stillValid.exitCode, 0);
        QCOMPARE(stillValid.firstLine(), QStringLiteral("valid"));
        QVERIFY(stillValid.err.isEmpty());
        QVERIFY(stillValid.out.contains(QStringLiteral("Revocation note")));
    }

    void rotationKeepsOldLicensesValid() {
        const QString firstKid = generateKey();
        QVERIFY(!firstKid.isEmpty());
        const QString oldKey = issue();
        const CliRun rotated =
            run({QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("--json")});
        QCOMPARE(rotated.exitCode, 0);
        const QJsonObject newKey = parseObject(rotated.out);
        QCOMPARE(newKey.value(QStringLiteral("retired_kid")).toString(), firstKid);
        QCOMPARE(newKey.value(QStringLiteral("state")).toString(), QStringLiteral("signing"));
        const QString newKid = newKey.value(QStringLiteral("kid")).toString();
        QVERIFY(newKid != firstKid);

        QCOMPARE(verifyKey(oldKey).firstLine(), QStringLiteral("valid"));
        const QString newLicense = issue();
        QCOMPARE(parseObject(verifyKey(newLicense, {QStringLiteral("--json")}).out)
                     .value(QStringLiteral("license"))
                     .toObject()
                     .value(QStringLiteral("kid"))
                     .toString(),
                 newKid);

        const QJsonArray keys =
            parseObject(
                run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")}).out)
                .value(QStringLiteral("keys"))
                .toArray();
        QCOMPARE(keys.size(), qsizetype(2));
        QCOMPARE(keys.at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("retired"));
        QVERIFY(keys.at(1).toObject().value(QStringLiteral("retired_at")).isString());

        // The old key exported on its own verifies the old license only.
        const QString oldPem = file(QStringLiteral("old-key.pem"));
        QCOMPARE(run({QStringLiteral("keys"), QStringLiteral("export-public"),
                      QStringLiteral("--kid"), firstKid, QStringLiteral("-o"), oldPem})
                     .exitCode,
                 0);
        QCOMPARE(verifyKey(oldKey, {QStringLiteral("--public-key"), oldPem}).firstLine(),
                 QStringLiteral("valid"));
        QCOMPARE(verifyKey(newLicense, {QStringLiteral("--public-key"), oldPem}).firstLine(),
                 QStringLiteral("unknown-key"));

        const CliRun generateAgain = run({QStringLiteral("keys"), QStringLiteral("generate")});
        verifyOneErrorLine(generateAgain, 1, QStringLiteral("rotate"));
    }

    void validityWindows() {
        QVERIFY(!generateKey().isEmpty());
        // The default price book starts on 2026-01-01: a license cannot start before it.
        const QString expired = issue({QStringLiteral("--starts"), QStringLiteral("2026-01-01"),
                                       QStringLiteral("--days"), QStringLiteral("30")});
        QVERIFY(!expired.isEmpty());
        const CliRun expiredResult = verifyKey(expired);
        QCOMPARE(expiredResult.exitCode, 1);
        QCOMPARE(expiredResult.firstLine(), QStringLiteral("expired"));
        QVERIFY(expiredResult.out.contains(QStringLiteral("2026-01-31T00:00:00Z")));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString inGrace =
            issue({QStringLiteral("--starts"),
                   now.addDays(-40).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'")),
                   QStringLiteral("--days"), QStringLiteral("30"), QStringLiteral("--grace-days"),
                   QStringLiteral("30")});
        const CliRun graceResult = verifyKey(inGrace);
        QCOMPARE(graceResult.exitCode, 0);
        QCOMPARE(graceResult.firstLine(), QStringLiteral("valid-in-grace"));

        const QString later =
            issue({QStringLiteral("--starts"), now.addDays(10).date().toString(Qt::ISODate)});
        const CliRun laterResult = verifyKey(later);
        QCOMPARE(laterResult.exitCode, 1);
        QCOMPARE(laterResult.firstLine(), QStringLiteral("not-yet-valid"));

        // --expires as a date ends at midnight UTC; the default is 365 days.
        const QJsonObject fixed =
            issueJson({QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                       QStringLiteral("--name"), QStringLiteral("Acme Corp"),
                       QStringLiteral("--tier"), QStringLiteral("starter"),
                       QStringLiteral("--expires"), now.addYears(2).date().toString(Qt::ISODate)})
                .value(QStringLiteral("license"))
                .toObject();
        QCOMPARE(fixed.value(QStringLiteral("expires_at")).toString(),
                 now.addYears(2).date().toString(Qt::ISODate) + QStringLiteral("T00:00:00Z"));
        const QJsonObject standard =
            issueJson({QStringLiteral("--customer"), QStringLiteral("acme-corp"),
                       QStringLiteral("--name"), QStringLiteral("Acme Corp"),
                       QStringLiteral("--tier"), QStringLiteral("starter")})
                .value(QStringLiteral("license"))
                .toObject();
        const QDateTime notBefore = QDateTime::fromString(
            standard.value(QStringLiteral("not_before")).toString(), Qt::ISODate);
        const QDateTime expires = QDateTime::fromString(
            standard.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        QCOMPARE(notBefore.daysTo(expires), 365);

        // The list shows the states.
        const CliRun listed = run({QStringLiteral("license"), QStringLiteral("list"),
                                   QStringLiteral("--status"), QStringLiteral("expired")});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.outLines().size(), qsizetype(2));  // header and one license
    }

    void verifyRemembersTheLatestTimeSeen() {
        QVERIFY(!generateKey().isEmpty());
        const QString key = issue();
        QCOMPARE(verifyKey(key).firstLine(), QStringLiteral("valid"));
        // As if this workspace had seen a clock a year ahead: now is a rollback.
        const QString yearAhead = QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate);
        QVERIFY(executeSql(workspace(), "UPDATE meta SET value = '" + yearAhead.toStdString() +
                                            "' WHERE key = 'verifier_latest_time_seen'"));
        const CliRun rolledBack = verifyKey(key);
        QCOMPARE(rolledBack.exitCode, 1);
        QCOMPARE(rolledBack.firstLine(), QStringLiteral("clock-rollback"));
    }

    void wrongOrMissingPassphraseChangesNothing() {
        QVERIFY(!generateKey().isEmpty());
        QVERIFY(!issue().isEmpty());
        const QJsonArray before = licenses();
        const QString path = file(QStringLiteral("never-written.lic"));
        QProcessEnvironment wrong = environment(workspace());
        wrong.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), QStringLiteral("not the passphrase"));
        const QStringList issueArguments{QStringLiteral("license"),    QStringLiteral("issue"),
                                         QStringLiteral("--customer"), QStringLiteral("beta"),
                                         QStringLiteral("--name"),     QStringLiteral("Beta"),
                                         QStringLiteral("--tier"),     QStringLiteral("starter"),
                                         QStringLiteral("-o"),         path};
        const CliRun refused = run(issueArguments, wrong);
        verifyOneErrorLine(refused, 1, QStringLiteral("wrong passphrase"));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(licenses(), before);

        const QString id = before.at(0).toObject().value(QStringLiteral("id")).toString();
        const CliRun revoke = run({QStringLiteral("license"), QStringLiteral("revoke"), id,
                                   QStringLiteral("--reason"), QStringLiteral("x")},
                                  wrong);
        verifyOneErrorLine(revoke, 1);
        QCOMPARE(licenses(), before);

        // No passphrase and no terminal: a clear refusal, nothing asked.
        const CliRun missing = runWithoutPassphrase(issueArguments);
        verifyOneErrorLine(missing, 2, QStringLiteral("AICP_KEY_PASSPHRASE"));
        QVERIFY(missing.err.contains(QStringLiteral("--passphrase-file")));
        QCOMPARE(licenses(), before);

        // --passphrase-file: the first line, its line break not part of it.
        const QString passphraseFile = file(QStringLiteral("passphrase.txt"));
        QVERIFY(writeBytes(passphraseFile, kPassphrase.toUtf8() + "\nsecond line\n"));
        const CliRun fromFile =
            runWithoutPassphrase(QStringList{issueArguments.mid(0, 8)} +
                                 QStringList{QStringLiteral("--passphrase-file"), passphraseFile});
        QCOMPARE(fromFile.exitCode, 0);
        QVERIFY(fromFile.out.startsWith(QStringLiteral("AICP1.")));
        QCOMPARE(licenses().size(), before.size() + 1);

        // A new key's passphrase must be long enough; nothing is created otherwise.
        const QString fresh = file(QStringLiteral("short-passphrase.aicp"));
        QProcessEnvironment weak = environment(fresh);
        weak.insert(QStringLiteral("AICP_KEY_PASSPHRASE"), QStringLiteral("short"));
        const CliRun tooShort = run({QStringLiteral("keys"), QStringLiteral("generate")}, weak);
        verifyOneErrorLine(tooShort, 2);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void tierRefusalsComeWithTheReason() {
        QVERIFY(!generateKey().isEmpty());
        const CliRun packs =
            run({QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
                 QStringLiteral("foss-org"), QStringLiteral("--name"), QStringLiteral("FOSS"),
                 QStringLiteral("--tier"), QStringLiteral("open_source"),
                 QStringLiteral("--policy-packs"), QStringLiteral("toxicity")});
        verifyOneErrorLine(packs, 2, QStringLiteral("open_source"));
        QVERIFY2(packs.err.contains(QStringLiteral("policy packs")), qPrintable(packs.err));
        const CliRun tier =
            run({QStringLiteral("license"), QStringLiteral("issue"), QStringLiteral("--customer"),
                 QStringLiteral("foss-org"), QStringLiteral("--name"), QStringLiteral("FOSS"),
                 QStringLiteral("--tier"), QStringLiteral("platinum")});
        verifyOneErrorLine(tier, 2, QStringLiteral("platinum"));
        QVERIFY(licenses().isEmpty());
    }

    void renewAndUpgradeNameWhatTheySupersede() {
        QVERIFY(!generateKey().isEmpty());
        const QJsonObject original =
            issueJson({QStringLiteral("--customer"), QStringLiteral("beta"),
                       QStringLiteral("--name"), QStringLiteral("Beta"), QStringLiteral("--tier"),
                       QStringLiteral("starter"), QStringLiteral("--days"), QStringLiteral("30")});
        const QString originalId = original.value(QStringLiteral("id")).toString();
        QVERIFY(!originalId.isEmpty());

        const CliRun renewed = run({QStringLiteral("license"), QStringLiteral("renew"),
                                    originalId.left(8), QStringLiteral("--json")});
        QCOMPARE(renewed.exitCode, 0);
        const QJsonObject renewal = parseObject(renewed.out);
        const QJsonObject renewedLicense = renewal.value(QStringLiteral("license")).toObject();
        QCOMPARE(renewedLicense.value(QStringLiteral("supersedes")).toString(), originalId);
        QCOMPARE(renewedLicense.value(QStringLiteral("not_before")),
                 original.value(QStringLiteral("license"))
                     .toObject()
                     .value(QStringLiteral("expires_at")));
        const QString renewedId = renewal.value(QStringLiteral("id")).toString();

        const CliRun upgraded =
            run({QStringLiteral("license"), QStringLiteral("upgrade"), renewedId,
                 QStringLiteral("--tier"), QStringLiteral("professional"),
                 QStringLiteral("--policy-packs"), QStringLiteral("toxicity"),
                 QStringLiteral("--json")});
        QCOMPARE(upgraded.exitCode, 0);
        const QJsonObject upgrade = parseObject(upgraded.out);
        const QJsonObject upgradedLicense = upgrade.value(QStringLiteral("license")).toObject();
        QCOMPARE(upgradedLicense.value(QStringLiteral("tier")).toString(),
                 QStringLiteral("professional"));
        QCOMPARE(upgradedLicense.value(QStringLiteral("supersedes")).toString(), renewedId);
        QCOMPARE(upgradedLicense.value(QStringLiteral("expires_at")),
                 renewedLicense.value(QStringLiteral("expires_at")));
        QCOMPARE(upgradedLicense.value(QStringLiteral("addons"))
                     .toObject()
                     .value(QStringLiteral("policy_packs"))
                     .toArray(),
                 QJsonArray{QStringLiteral("toxicity")});

        const auto show = [&](const QString& id) {
            return parseObject(run({QStringLiteral("license"), QStringLiteral("show"), id,
                                    QStringLiteral("--json")})
                                   .out);
        };
        const QJsonObject originalShown = show(originalId);
        QCOMPARE(originalShown.value(QStringLiteral("state")).toString(),
                 QStringLiteral("superseded"));
        QCOMPARE(originalShown.value(QStringLiteral("superseded_by")).toString(), renewedId);
        QVERIFY(originalShown.value(QStringLiteral("supersedes")).isNull());
        const QJsonObject renewedShown = show(renewedId);
        QCOMPARE(renewedShown.value(QStringLiteral("supersedes")).toString(), originalId);
        QCOMPARE(renewedShown.value(QStringLiteral("superseded_by")).toString(),
                 upgrade.value(QStringLiteral("id")).toString());
        const CliRun text = run({QStringLiteral("license"), QStringLiteral("show"), renewedId});
        QVERIFY(text.out.contains(QStringLiteral("Supersedes:")));
        QVERIFY(text.out.contains(QStringLiteral("Superseded by:")));

        // A superseded license is not renewed or upgraded a second time.
        const CliRun again = run({QStringLiteral("license"), QStringLiteral("renew"), originalId});
        verifyOneErrorLine(again, 1);
        QVERIFY2(again.err.contains(QStringLiteral("superseded by ") + renewedId),
                 qPrintable(again.err));
        QCOMPARE(licenses().size(), qsizetype(3));

        // A downgrade the tier cannot hold is refused with the reason.
        const CliRun refused = run({QStringLiteral("license"), QStringLiteral("upgrade"),
                                    upgrade.value(QStringLiteral("id")).toString(),
                                    QStringLiteral("--tier"), QStringLiteral("open_source")});
        verifyOneErrorLine(refused, 2, QStringLiteral("open_source"));
    }

    void auditVerifyFindsAHandEdit() {
        QVERIFY(!generateKey().isEmpty());
        QVERIFY(!issue().isEmpty());
        QVERIFY(!issue().isEmpty());
        const CliRun intact = run({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(intact.exitCode, 0);
        QCOMPARE(intact.firstLine(), QStringLiteral("intact"));
        const QJsonObject intactJson = parseObject(
            run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}).out);
        QCOMPARE(intactJson.value(QStringLiteral("intact")).toBool(), true);
        QCOMPARE(intactJson.value(QStringLiteral("entries_checked")).toInt(), 3);
        QVERIFY(intactJson.value(QStringLiteral("first_bad_entry")).isNull());

        const QJsonArray entries = parseObject(run({QStringLiteral("audit"), QStringLiteral("list"),
                                                    QStringLiteral("--json")})
                                                   .out)
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        QCOMPARE(entries.size(), qsizetype(3));
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("key.generate"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("license.issue"));

        QVERIFY(executeSql(
            workspace(),
            std::string(test::onPostgres() ? "ALTER TABLE audit_log DISABLE TRIGGER USER;"
                                           : "DROP TRIGGER audit_log_is_append_only_update;") +
                "UPDATE audit_log SET subject = 'someone-else' WHERE seq = 2;"));
        const CliRun broken = run({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(broken.exitCode, 1);
        QCOMPARE(broken.firstLine(), QStringLiteral("broken"));
        QCOMPARE(broken.errLines().size(), qsizetype(1));
        QVERIFY2(broken.err.contains(QStringLiteral("entry 2")), qPrintable(broken.err));
        const QJsonObject brokenJson = parseObject(
            run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}).out);
        QCOMPARE(brokenJson.value(QStringLiteral("intact")).toBool(), false);
        QCOMPARE(brokenJson.value(QStringLiteral("first_bad_entry")).toInt(), 2);
        QVERIFY(!brokenJson.value(QStringLiteral("reason")).toString().isEmpty());
    }

    void contractTermsFromTheCommandLine() {
        QVERIFY(!generateKey().isEmpty());
        const QStringList who{QStringLiteral("--customer"), QStringLiteral("annual-co"),
                              QStringLiteral("--name"),     QStringLiteral("Annual Co"),
                              QStringLiteral("--tier"),     QStringLiteral("enterprise")};
        const QStringList dates{QStringLiteral("--starts"), QStringLiteral("2026-01-01"),
                                QStringLiteral("--expires"), QStringLiteral("2029-01-01")};
        const int before = licenses().size();
        // Each bad term is refused with its field, and nothing is written.
        const auto refused = [&](const QStringList& terms, const char* reason) {
            const CliRun result =
                run(QStringList{QStringLiteral("license"), QStringLiteral("issue")} + who + terms);
            verifyOneErrorLine(result, 2, QString::fromLatin1(reason));
        };
        refused(dates + QStringList{QStringLiteral("--commitment"), QStringLiteral("5/week")},
                "AMOUNT/month or AMOUNT/year");
        refused(dates + QStringList{QStringLiteral("--commitment"), QStringLiteral("-1/year")},
                "above 0");
        refused(dates + QStringList{QStringLiteral("--commitment"), QStringLiteral("9 EUR/year")},
                "contract.commitment");
        refused(dates + QStringList{QStringLiteral("--trial-until"), QStringLiteral("2030-01-01")},
                "contract.trial_until");
        refused(
            {QStringLiteral("--starts"), QStringLiteral("2026-01-01"), QStringLiteral("--days"),
             QStringLiteral("20"), QStringLiteral("--billing-period"), QStringLiteral("annual")},
            "contract.billing_period");
        refused(dates + QStringList{QStringLiteral("--billing-period"), QStringLiteral("weekly")},
                "monthly or annual");
        QCOMPARE(licenses().size(), before);

        const QJsonObject issued =
            issueJson(who + dates +
                      QStringList{QStringLiteral("--billing-period"), QStringLiteral("annual"),
                                  QStringLiteral("--term-months"), QStringLiteral("36"),
                                  QStringLiteral("--commitment"), QStringLiteral("60000.00/year"),
                                  QStringLiteral("--trial-until"), QStringLiteral("2026-02-01")});
        const QJsonObject contract = issued.value(QStringLiteral("license"))
                                         .toObject()
                                         .value(QStringLiteral("contract"))
                                         .toObject();
        QCOMPARE(contract.value(QStringLiteral("billing_period")).toString(),
                 QStringLiteral("annual"));
        QCOMPARE(contract.value(QStringLiteral("trial_until")).toString(),
                 QStringLiteral("2026-02-01T00:00:00Z"));
        QCOMPARE(contract.value(QStringLiteral("commitment")).toObject(),
                 (QJsonObject{{QStringLiteral("amount"), QStringLiteral("60000.00")},
                              {QStringLiteral("period"), QStringLiteral("year")}}));
        const CliRun shown = run({QStringLiteral("license"), QStringLiteral("show"),
                                  issued.value(QStringLiteral("id")).toString()});
        QVERIFY(shown.out.contains(QStringLiteral(
            "36-month term; billed annually in advance; commitment 60000.00/year; trial until "
            "2026-02-01T00:00:00Z")));

        // README, "Contract terms", all together: February bills the rest of
        // the first year in advance, December settles the commitment.
        const auto total = [&](const char* month) {
            const CliRun bill = run({QStringLiteral("bill"), QStringLiteral("--customer"),
                                     QStringLiteral("annual-co"), QStringLiteral("--month"),
                                     QString::fromLatin1(month), QStringLiteral("--json")});
            return parseObject(bill.out).value(QStringLiteral("total")).toString();
        };
        QCOMPARE(total("2026-01"), QStringLiteral("0.00"));
        QCOMPARE(total("2026-02"), QStringLiteral("54893.13"));
        QCOMPARE(total("2026-12"), QStringLiteral("10.98"));
    }

    // SPEC 13's terms: the tier's by default, each changed by its option,
    // shown by `license show`; bad values refused with the option, nothing
    // written.
    void activationTermsFromTheCommandLine() {
        QVERIFY(!generateKey().isEmpty());
        const QStringList who{QStringLiteral("--customer"), QStringLiteral("fleet-co"),
                              QStringLiteral("--name"),     QStringLiteral("Fleet Co"),
                              QStringLiteral("--tier"),     QStringLiteral("professional")};
        const int before = licenses().size();
        const auto refused = [&](const QStringList& terms, const char* reason) {
            const CliRun result =
                run(QStringList{QStringLiteral("license"), QStringLiteral("issue")} + who + terms);
            verifyOneErrorLine(result, 2, QString::fromLatin1(reason));
        };
        refused({QStringLiteral("--instances"), QStringLiteral("0")}, "--instances");
        refused({QStringLiteral("--instances"), QStringLiteral("many")}, "'unlimited'");
        refused({QStringLiteral("--activation"), QStringLiteral("sticky")},
                "floating or node-locked");
        refused({QStringLiteral("--heartbeat-seconds"), QStringLiteral("5")}, "60 to 86400");
        QCOMPARE(licenses().size(), before);

        // The tier's: professional runs 10 floating instances.
        const QJsonObject plain = issueJson(who);
        const QJsonObject payload = plain.value(QStringLiteral("license")).toObject();
        QCOMPARE(payload.value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("instances"))
                     .toInt(),
                 10);
        QCOMPARE(payload.value(QStringLiteral("activation")).toObject(),
                 (QJsonObject{{QStringLiteral("mode"), QStringLiteral("floating")},
                              {QStringLiteral("heartbeat_seconds"), 600}}));

        const QJsonObject chosen = issueJson(
            who + QStringList{QStringLiteral("--instances"), QStringLiteral("12"),
                              QStringLiteral("--activation"), QStringLiteral("node-locked"),
                              QStringLiteral("--heartbeat-seconds"), QStringLiteral("300")});
        const CliRun shown = run({QStringLiteral("license"), QStringLiteral("show"),
                                  chosen.value(QStringLiteral("id")).toString()});
        QVERIFY2(
            shown.out.contains(QStringLiteral("12 instances, node-locked, heartbeat every 300 s")),
            qPrintable(shown.out));
        const QJsonObject unlimited = issueJson(
            who + QStringList{QStringLiteral("--instances"), QStringLiteral("unlimited")});
        // Unlimited, floating, every 600 s are the defaults: not written,
        // as in a license from before activations.
        const QJsonValue instances = unlimited.value(QStringLiteral("license"))
                                         .toObject()
                                         .value(QStringLiteral("limits"))
                                         .toObject()
                                         .value(QStringLiteral("instances"));
        QVERIFY(instances.isUndefined());
    }

    void jsonShapesAreStable() {
        const QString kid = generateKey();
        QVERIFY(!kid.isEmpty());
        const QJsonObject issued = issueJson(
            {QStringLiteral("--customer"), QStringLiteral("acme-corp"), QStringLiteral("--name"),
             QStringLiteral("Acme Corp"), QStringLiteral("--tier"), QStringLiteral("professional"),
             QStringLiteral("--seats"), QStringLiteral("12"), QStringLiteral("--discount"),
             QStringLiteral("12.5"), QStringLiteral("--term-months"), QStringLiteral("12")});
        for (const char* field : {"id", "key", "file", "license"})
            QVERIFY2(issued.contains(QLatin1String(field)), field);
        QVERIFY(issued.value(QStringLiteral("file")).isNull());
        const QJsonObject license = issued.value(QStringLiteral("license")).toObject();
        for (const char* field :
             {"v", "id", "kid", "customer", "tier", "features", "addons", "limits", "audit_tier",
              "contract", "issued_at", "not_before", "expires_at", "grace_days"})
            QVERIFY2(license.contains(QLatin1String(field)), field);
        QCOMPARE(license.value(QStringLiteral("kid")).toString(), kid);
        QCOMPARE(license.value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("seats"))
                     .toInt(),
                 12);
        QCOMPARE(license.value(QStringLiteral("contract"))
                     .toObject()
                     .value(QStringLiteral("discount_percent"))
                     .toString(),
                 QStringLiteral("12.5"));

        const QString key = issued.value(QStringLiteral("key")).toString();
        const QJsonObject verified = parseObject(verifyKey(key, {QStringLiteral("--json")}).out);
        for (const char* field :
             {"status", "usable", "reason", "checked_at", "revocation_list", "license"})
            QVERIFY2(verified.contains(QLatin1String(field)), field);
        QCOMPARE(verified.value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QCOMPARE(verified.value(QStringLiteral("usable")).toBool(), true);
        QCOMPARE(verified.value(QStringLiteral("license")).toObject(), license);

        const CliRun badJson =
            verifyKey(QStringLiteral("AICP1.garbage"), {QStringLiteral("--json")});
        QCOMPARE(badJson.exitCode, 1);
        const QJsonObject bad = parseObject(badJson.out);
        QCOMPARE(bad.value(QStringLiteral("status")).toString(), QStringLiteral("malformed"));
        QCOMPARE(bad.value(QStringLiteral("usable")).toBool(), false);
        QVERIFY(bad.value(QStringLiteral("license")).isNull());

        const QJsonObject listed = licenses().at(0).toObject();
        for (const char* field :
             {"id", "customer", "tier", "state", "issued_at", "issued_by", "not_before",
              "expires_at", "grace_ends_at", "kid", "supersedes", "superseded_by", "revocation"})
            QVERIFY2(listed.contains(QLatin1String(field)), field);
        QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("active"));

        const QJsonObject shown = parseObject(
            run({QStringLiteral("license"), QStringLiteral("show"),
                 issued.value(QStringLiteral("id")).toString(), QStringLiteral("--json")})
                .out);
        QCOMPARE(shown.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(shown.value(QStringLiteral("license")).toObject(), license);

        const QJsonObject keyInfo =
            parseObject(
                run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")}).out)
                .value(QStringLiteral("keys"))
                .toArray()
                .at(0)
                .toObject();
        for (const char* field :
             {"kid", "state", "has_private_key", "created_at", "retired_at", "public_key_pem"})
            QVERIFY2(keyInfo.contains(QLatin1String(field)), field);
        QVERIFY(!keyInfo.value(QStringLiteral("public_key_pem"))
                     .toString()
                     .contains(QStringLiteral("PRIVATE")));

        const CliRun filtered =
            run({QStringLiteral("license"), QStringLiteral("list"), QStringLiteral("--customer"),
                 QStringLiteral("nobody"), QStringLiteral("--json")});
        QCOMPARE(parseObject(filtered.out).value(QStringLiteral("licenses")).toArray().size(),
                 qsizetype(0));
    }

    void readingCommandsNeverCreateAWorkspace() {
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("keys"), QStringLiteral("list")},
              QStringList{QStringLiteral("license"), QStringLiteral("list")},
              QStringList{QStringLiteral("audit"), QStringLiteral("verify")},
              QStringList{QStringLiteral("revocations"), QStringLiteral("export")}}) {
            const CliRun result = run(arguments);
            verifyOneErrorLine(result, 1, QStringLiteral("no workspace"));
            QVERIFY(!QFileInfo::exists(workspace()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLicenseCli)
#include "tst_licensecli.moc"
