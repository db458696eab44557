#include "cli/clicommands.h"
#include "clitest.h"
#include "licensing/keystore.h"
#include "support/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace aicp::clitest;

namespace {

QJsonObject lineOf(const QJsonObject& bill, const QString& axis) {
    const QJsonArray lines = bill.value(QStringLiteral("lines")).toArray();
    for (const QJsonValue& line : lines)
        if (line.toObject().value(QStringLiteral("axis")).toString() == axis)
            return line.toObject();
    return {};
}

QJsonObject tierOf(const QJsonObject& comparison, const QString& tier) {
    const QJsonArray tiers = comparison.value(QStringLiteral("tiers")).toArray();
    for (const QJsonValue& bill : tiers)
        if (bill.toObject().value(QStringLiteral("tier")).toString() == tier)
            return bill.toObject();
    return {};
}

}  // namespace

// Drives the built `aicp` binary like a script would: arguments in,
// stdout, stderr and the exit status out. Each test gets its own folder,
// used as HOME and XDG_DATA_HOME too, so nothing reaches the real user's
// workspace. The workspaces are PostgreSQL databases when the tests run
// there (onPostgres()), but for what is about files: a damaged file, the
// per-user default.
class TestCli : public CliTest {
    Q_OBJECT

private:
    [[nodiscard]] QProcessEnvironment environment() const { return sandbox_.environment(); }
    CliRun run(const QStringList& arguments, const QProcessEnvironment& environment) const {
        return sandbox_.run(arguments, environment);
    }
    // Against the test's own workspace unless the arguments name another.
    CliRun run(const QStringList& arguments) const { return run(arguments, environment()); }
    CliRun quote(const QStringList& arguments) const {
        return run(QStringList{QStringLiteral("--db"),
                               sandbox_.workspace(QStringLiteral("quotes.aicp")),
                               QStringLiteral("quote")} +
                   arguments);
    }

private slots:
    void initTestCase() {
        QVERIFY2(sandbox_.isReady(), "AICP_CLI must name the built aicp binary");
    }

    // Help prose lives in resources/cli/<command>.txt: each command has its
    // file, each file its command, and each file has its three sections.
    void everyCommandHasExactlyItsHelpFile() {
        QStringList names;
        for (const aicp::cli::Command* command : aicp::cli::allCommands())
            names.append(command->name());
        QCOMPARE(names.size(), 71);
        const QStringList files = QDir(QStringLiteral(":/cli")).entryList(QDir::Files);
        QCOMPARE(aicp::cli::helpResourceMismatches(names, files), QStringList());
        for (const QString& name : names) {
            const auto text = aicp::cli::commandHelpText(name);
            QVERIFY2(text.ok(), qPrintable(name));
            QVERIFY2(!text->usage.isEmpty() && !text->summary.isEmpty(), qPrintable(name));
        }
    }

    // A command's description and needs are its row in the table of
    // commands: a command without one would have no description.
    void everyCommandHasItsRowInTheTable() {
        for (const aicp::cli::Command* command : aicp::cli::allCommands()) {
            QVERIFY2(aicp::cli::findCommandSpec(command->name()) != nullptr,
                     qPrintable(command->name()));
            QVERIFY2(!command->description().isEmpty(), qPrintable(command->name()));
        }
        QCOMPARE(aicp::cli::findCommandSpec(u"no such command"), nullptr);
    }

    // The help files are text, so a number the code decides is written out
    // there: this catches the file falling behind the key store's rule.
    void keyHelpStatesTheMinimumPassphraseLength() {
        const QString rule =
            QStringLiteral("at least %1 characters").arg(aicp::KeyStore::kMinPassphraseLength);
        for (const char* name : {"keys generate", "keys rotate"}) {
            const auto text = aicp::cli::commandHelpText(QString::fromLatin1(name));
            QVERIFY2(text.ok() && text->summary.contains(rule), name);
        }
    }

    void helpFileCheckFindsMissingAndOrphanedFiles() {
        const QStringList names{QStringLiteral("invoice issue"), QStringLiteral("quote")};
        QCOMPARE(aicp::cli::helpResourceMismatches(
                     names, {QStringLiteral("invoice-issue.txt"), QStringLiteral("quote.txt")}),
                 QStringList());
        QCOMPARE(aicp::cli::helpResourceMismatches(
                     names, {QStringLiteral("quote.txt"), QStringLiteral("invoice-list.txt")}),
                 (QStringList{QStringLiteral("'invoice issue' has no help file invoice-issue.txt"),
                              QStringLiteral("invoice-list.txt is the help of no command")}));
    }

    void helpTextKeepsItsSectionsVerbatim() {
        const auto text = aicp::cli::parseHelpText(
            QStringLiteral("usage:\nquote A\nquote B\nsummary:\nPrices.\ndetails:\nOne.\n\n"
                           "  Two\n"));
        QVERIFY(text.ok());
        QCOMPARE(text->usage, (QStringList{QStringLiteral("quote A"), QStringLiteral("quote B")}));
        QCOMPARE(text->summary, QStringLiteral("Prices."));
        QCOMPARE(text->details, QStringLiteral("One.\n\n  Two"));
        QVERIFY(
            !aicp::cli::parseHelpText(QStringLiteral("summary:\nx\nusage:\ny\ndetails:\n")).ok());
    }

    void helpExitsZeroEverywhere_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("global") << QStringList{QStringLiteral("--help")}
                                << QStringLiteral("Usage: aicp [--db FILE] <command>");
        QTest::newRow("global short")
            << QStringList{QStringLiteral("-h")} << QStringLiteral("Commands:");
        QTest::newRow("quote") << QStringList{QStringLiteral("quote"), QStringLiteral("--help")}
                               << QStringLiteral("--compare");
        QTest::newRow("pricebook")
            << QStringList{QStringLiteral("pricebook"), QStringLiteral("--help")}
            << QStringLiteral("show");
        QTest::newRow("pricebook show")
            << QStringList{QStringLiteral("pricebook"), QStringLiteral("show"),
                           QStringLiteral("--help")}
            << QStringLiteral("--json");
        QTest::newRow("demo") << QStringList{QStringLiteral("demo"), QStringLiteral("--help")}
                              << QStringLiteral("Refuses a file that already exists");
        QTest::newRow("help command")
            << QStringList{QStringLiteral("help"), QStringLiteral("quote")}
            << QStringLiteral("--policy-packs");
    }

    void helpExitsZeroEverywhere() {
        verifyHelpRow([this](const QStringList& arguments) { return run(arguments); });
    }

    void quoteHelpDocumentsTheExitStatusOfAnIneligibleTier() {
        const CliRun result = run({QStringLiteral("quote"), QStringLiteral("--help")});
        QVERIFY(result.out.contains(QStringLiteral("0 the quote was made (eligible or not)")));
    }

    void versionPrintsTheProjectVersion() {
        const CliRun result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("aicp " AICP_VERSION "\n"));
        QVERIFY(result.err.isEmpty());
    }

    void commandLineMistakesExitTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString db = QStringLiteral("--db");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("'frobnicate'");
        QTest::newRow("unknown global option")
            << QStringList{QStringLiteral("--colour"), QStringLiteral("quote")}
            << QStringLiteral("colour");
        QTest::newRow("--db without a value") << QStringList{db} << QStringLiteral("--db");
        QTest::newRow("unknown quote option")
            << QStringList{QStringLiteral("quote"),   QStringLiteral("--tier"),
                           QStringLiteral("starter"), QStringLiteral("--requests"),
                           QStringLiteral("5"),       QStringLiteral("--cheap")}
            << QStringLiteral("cheap");
        QTest::newRow("pricebook without subcommand")
            << QStringList{QStringLiteral("pricebook")} << QStringLiteral("show");
        QTest::newRow("unknown pricebook subcommand")
            << QStringList{QStringLiteral("pricebook"), QStringLiteral("burn")}
            << QStringLiteral("'burn'");
        QTest::newRow("demo with a stray argument")
            << QStringList{QStringLiteral("demo"), QStringLiteral("now")}
            << QStringLiteral("'now'");
        QTest::newRow("demo with two different files")
            << QStringList{db, QStringLiteral("a.aicp"), QStringLiteral("demo"), db,
                           QStringLiteral("b.aicp")}
            << QStringLiteral("--db");
    }

    void commandLineMistakesExitTwoWithOneLine() {
        verifyMistakeRow([this](const QStringList& arguments) { return run(arguments); });
    }

    void quoteMistakesExitTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const auto on = [](QStringList rest) {
            return QStringList{QStringLiteral("--tier"), QStringLiteral("starter")} + rest;
        };
        const QString requests = QStringLiteral("--requests");
        QTest::newRow("exponent") << on({requests, QStringLiteral("1e6")}) << requests;
        QTest::newRow("trailing garbage") << on({requests, QStringLiteral("12abc")}) << requests;
        QTest::newRow("negative") << on({requests, QStringLiteral("-5")}) << requests;
        QTest::newRow("plus sign") << on({requests, QStringLiteral("+5")}) << requests;
        QTest::newRow("fraction") << on({requests, QStringLiteral("1.5")}) << requests;
        QTest::newRow("grouping") << on({requests, QStringLiteral("1,000")}) << requests;
        QTest::newRow("hex") << on({requests, QStringLiteral("0x10")}) << requests;
        QTest::newRow("empty") << on({requests, QString()}) << requests;
        QTest::newRow("non-ASCII digits")
            << on({requests, QStringLiteral("\u0661\u0662")}) << requests;
        QTest::newRow("beyond 64 bits")
            << on({requests, QStringLiteral("99999999999999999999")}) << QStringLiteral("large");
        QTest::newRow("bad seats") << on({requests, QStringLiteral("5"), QStringLiteral("--seats"),
                                          QStringLiteral("three")})
                                   << QStringLiteral("--seats");
        QTest::newRow("bad agents") << on({requests, QStringLiteral("5"),
                                           QStringLiteral("--agents"), QStringLiteral("2.0")})
                                    << QStringLiteral("--agents");
        QTest::newRow("given twice")
            << on({requests, QStringLiteral("5"), requests, QStringLiteral("6")})
            << QStringLiteral("more than once");
        QTest::newRow("missing requests") << on({}) << requests;
        QTest::newRow("neither tier nor compare")
            << QStringList{requests, QStringLiteral("5")} << QStringLiteral("--compare");
        QTest::newRow("tier and compare")
            << on({QStringLiteral("--compare"), requests, QStringLiteral("5")})
            << QStringLiteral("--compare");
        QTest::newRow("discount above 100")
            << on({requests, QStringLiteral("5"), QStringLiteral("--discount"),
                   QStringLiteral("120")})
            << QStringLiteral("--discount");
        QTest::newRow("negative discount")
            << on({requests, QStringLiteral("5"), QStringLiteral("--discount"),
                   QStringLiteral("-5")})
            << QStringLiteral("--discount");
        QTest::newRow("unknown policy pack")
            << on({requests, QStringLiteral("5"), QStringLiteral("--policy-packs"),
                   QStringLiteral("toxicity,telepathy")})
            << QStringLiteral("'telepathy'");
        QTest::newRow("empty list item")
            << on({requests, QStringLiteral("5"), QStringLiteral("--compliance-modules"),
                   QStringLiteral("gdpr,,soc2")})
            << QStringLiteral("empty item");
        QTest::newRow("unknown audit tier")
            << on({requests, QStringLiteral("5"), QStringLiteral("--audit-tier"),
                   QStringLiteral("forever")})
            << QStringLiteral("'forever'");
        QTest::newRow("stray argument")
            << on({requests, QStringLiteral("5"), QStringLiteral("please")})
            << QStringLiteral("'please'");
        QTest::newRow("commitment per week")
            << on({requests, QStringLiteral("5"), QStringLiteral("--commitment"),
                   QStringLiteral("500/week")})
            << QStringLiteral("--commitment");
        QTest::newRow("commitment in another currency")
            << on({requests, QStringLiteral("5"), QStringLiteral("--commitment"),
                   QStringLiteral("500 EUR/month")})
            << QStringLiteral("priced in USD");
        QTest::newRow("billing period quarterly")
            << on({requests, QStringLiteral("5"), QStringLiteral("--billing-period"),
                   QStringLiteral("quarterly")})
            << QStringLiteral("--billing-period");
    }

    void contractQuoteWorkedExample() {
        // README, Contract terms: professional, 3,000,000 requests, 5 packs,
        // extended audit, 12.5 % off is 2,178.62 a month; under 2,500.00 a
        // month a 321.38 true-up; billed annually 14,143.50 in advance.
        const CliRun result = quote(
            {QStringLiteral("--tier"), QStringLiteral("professional"), QStringLiteral("--requests"),
             QStringLiteral("3000000"), QStringLiteral("--policy-packs"),
             QStringLiteral("pii-protection,prompt-injection,toxicity,cost-controls,"
                            "secrets-scanning"),
             QStringLiteral("--audit-tier"), QStringLiteral("extended"),
             QStringLiteral("--discount"), QStringLiteral("12.5"), QStringLiteral("--commitment"),
             QStringLiteral("2500.00/month"), QStringLiteral("--billing-period"),
             QStringLiteral("annual"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject bill = parseObject(result.out);
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("2500.00"));
        QCOMPARE(lineOf(bill, QStringLiteral("commitment_true_up"))
                     .value(QStringLiteral("amount"))
                     .toString(),
                 QStringLiteral("321.38"));
        QCOMPARE(bill.value(QStringLiteral("billing_period")).toString(), QStringLiteral("annual"));
        QCOMPARE(bill.value(QStringLiteral("annual_in_advance")).toString(),
                 QStringLiteral("14143.50"));

        const CliRun text = quote({QStringLiteral("--compare"), QStringLiteral("--requests"),
                                   QStringLiteral("900000"), QStringLiteral("--commitment"),
                                   QStringLiteral("1500/month"), QStringLiteral("--billing-period"),
                                   QStringLiteral("annual")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Billed annually")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Starter $3,588.00")), qPrintable(text.out));
    }

    void quoteMistakesExitTwoWithOneLine() {
        verifyMistakeRow([this](const QStringList& arguments) { return quote(arguments); });
    }

    void unknownTierListsTheValidIds() {
        const CliRun result = quote({QStringLiteral("--tier"), QStringLiteral("platinum"),
                                     QStringLiteral("--requests"), QStringLiteral("1000")});
        verifyOneErrorLine(result, 2, QStringLiteral("'platinum'"));
        QVERIFY2(
            result.err.contains(QStringLiteral("open_source, starter, professional, enterprise")),
            qPrintable(result.err));
    }

    void readmeWorkedExampleTotals6074_12() {
        // README: base $999.00; 11,000,000 over = 10,000,000 × $0.0005 +
        // 1,000,000 × $0.0002 = $5,200.00; 12.5 % of $999.00 = $124.875 →
        // −$124.88; total $6,074.12.
        const CliRun result =
            quote({QStringLiteral("--tier"), QStringLiteral("professional"),
                   QStringLiteral("--requests"), QStringLiteral("12000000"),
                   QStringLiteral("--discount"), QStringLiteral("12.5"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        const QJsonObject bill = parseObject(result.out);
        QCOMPARE(bill.value(QStringLiteral("tier")).toString(), QStringLiteral("professional"));
        QCOMPARE(bill.value(QStringLiteral("eligible")).toBool(), true);
        QVERIFY(bill.value(QStringLiteral("reason")).isNull());
        QCOMPARE(bill.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("6074.12"));

        QStringList axes;
        for (const QJsonValue& line : bill.value(QStringLiteral("lines")).toArray())
            axes.append(line.toObject().value(QStringLiteral("axis")).toString());
        QCOMPARE(axes, (QStringList{QStringLiteral("base"), QStringLiteral("requests"),
                                    QStringLiteral("policy_packs"),
                                    QStringLiteral("compliance_modules"), QStringLiteral("seats"),
                                    QStringLiteral("audit"), QStringLiteral("discount")}));

        const QJsonObject base = lineOf(bill, QStringLiteral("base"));
        QCOMPARE(base.value(QStringLiteral("amount")).toString(), QStringLiteral("999.00"));
        QCOMPARE(base.value(QStringLiteral("unit_price")).toString(), QStringLiteral("999.00"));
        const QJsonObject requests = lineOf(bill, QStringLiteral("requests"));
        QCOMPARE(requests.value(QStringLiteral("amount")).toString(), QStringLiteral("5200.00"));
        QCOMPARE(requests.value(QStringLiteral("quantity")).toInteger(), 11'000'000);
        // Two bands applied, so there is no single unit price to show.
        QVERIFY(requests.value(QStringLiteral("unit_price")).isNull());
        QCOMPARE(
            lineOf(bill, QStringLiteral("discount")).value(QStringLiteral("amount")).toString(),
            QStringLiteral("-124.88"));
    }

    void readmeWorkedExampleAsText() {
        const CliRun result = quote({QStringLiteral("--tier"), QStringLiteral("professional"),
                                     QStringLiteral("--requests"), QStringLiteral("12000000"),
                                     QStringLiteral("--discount"), QStringLiteral("12.5%")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Eligible: yes")));
        QVERIFY(result.out.contains(QStringLiteral("$999.00")));
        QVERIFY(result.out.contains(QStringLiteral("$5,200.00")));
        QVERIFY(result.out.contains(QStringLiteral("-$124.88")));
        QVERIFY(result.out.contains(QStringLiteral("$0.0005")));
        QVERIFY(result.out.contains(QStringLiteral("$0.0002")));

        // Every amount ends in the same column, so the figures can be read
        // (and added) straight down.
        const QStringList lines = result.out.split(u'\n');
        const QRegularExpression endsInMoney(QStringLiteral("\\$[0-9,]+\\.[0-9]{2,6}$"));
        qsizetype width = -1;
        int amounts = 0;
        for (const QString& line : lines) {
            if (!line.contains(endsInMoney) || line.startsWith(QStringLiteral("  ")))
                continue;
            if (width < 0)
                width = line.size();
            QCOMPARE(line.size(), width);
            ++amounts;
        }
        QVERIFY(amounts >= 8);  // seven bill lines and the total
        const QString totalLine =
            lines.filter(QRegularExpression(QStringLiteral("^Total"))).value(0);
        QVERIFY2(totalLine.endsWith(QStringLiteral("$6,074.12")), qPrintable(result.out));
    }

    void subCentUnitPriceIsExact() {
        // 250,000 - 100,000 = 150,000 × $0.001 = $150.00; 299 + 150 = $449.00
        const CliRun result = quote({QStringLiteral("--tier"), QStringLiteral("starter"),
                                     QStringLiteral("--requests"), QStringLiteral("250000"),
                                     QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject bill = parseObject(result.out);
        const QJsonObject requests = lineOf(bill, QStringLiteral("requests"));
        QCOMPARE(requests.value(QStringLiteral("unit_price")).toString(), QStringLiteral("0.001"));
        QCOMPARE(requests.value(QStringLiteral("amount")).toString(), QStringLiteral("150.00"));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("449.00"));
    }

    void addOnsAuditAndSeatsArePriced() {
        // starter: 3 packs (2 included) → 1 × $99; gdpr,hipaa (1 included) →
        // 1 × $199; 5 seats (3 included) → 2 × $99 = $198; extended audit
        // $299; 10 % of (299 + 99 + 199 + 198 + 299 = 1,094.00) = −$109.40;
        // 50,000 requests are within the quota. Total 1,094.00 − 109.40 = $984.60.
        const CliRun result = quote(
            {QStringLiteral("--tier"), QStringLiteral("starter"), QStringLiteral("--requests"),
             QStringLiteral("50000"), QStringLiteral("--policy-packs"),
             QStringLiteral("pii-protection, toxicity,cost-controls"),
             QStringLiteral("--compliance-modules"), QStringLiteral("gdpr,hipaa"),
             QStringLiteral("--seats"), QStringLiteral("5"), QStringLiteral("--agents"),
             QStringLiteral("5"), QStringLiteral("--audit-tier"), QStringLiteral("extended"),
             QStringLiteral("--discount"), QStringLiteral("10"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject bill = parseObject(result.out);
        const auto amount = [&bill](const char* axis) {
            return lineOf(bill, QString::fromLatin1(axis))
                .value(QStringLiteral("amount"))
                .toString();
        };
        QCOMPARE(amount("policy_packs"), QStringLiteral("99.00"));
        QCOMPARE(amount("compliance_modules"), QStringLiteral("199.00"));
        QCOMPARE(amount("seats"), QStringLiteral("198.00"));
        QCOMPARE(amount("audit"), QStringLiteral("299.00"));
        QCOMPARE(amount("discount"), QStringLiteral("-109.40"));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("984.60"));
    }

    void ineligibleTierStillGetsItsBill() {
        const CliRun result = quote({QStringLiteral("--tier"), QStringLiteral("open_source"),
                                     QStringLiteral("--requests"), QStringLiteral("10001"),
                                     QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);  // the quote itself succeeded
        QVERIFY(result.err.isEmpty());
        const QJsonObject bill = parseObject(result.out);
        QCOMPARE(bill.value(QStringLiteral("eligible")).toBool(true), false);
        const QString reason = bill.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("10,000")), qPrintable(reason));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("0.00"));

        const CliRun text = quote({QStringLiteral("--tier"), QStringLiteral("open_source"),
                                   QStringLiteral("--requests"), QStringLiteral("10001")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Not eligible: ") + reason),
                 qPrintable(text.out));
    }

    void openSourceServesExactlyItsCap() {
        const CliRun result = quote({QStringLiteral("--tier"), QStringLiteral("open_source"),
                                     QStringLiteral("--requests"), QStringLiteral("10000"),
                                     QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(parseObject(result.out).value(QStringLiteral("eligible")).toBool(), true);
    }

    void compareMarksTheCheapestEligibleTier() {
        // Defaults (1 seat, 1 agent), 250,000 requests: open_source is over
        // its cap; starter $449.00 < professional $999.00 < enterprise $4,999.00.
        const CliRun result = quote({QStringLiteral("--compare"), QStringLiteral("--requests"),
                                     QStringLiteral("250000"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject comparison = parseObject(result.out);
        QCOMPARE(comparison.value(QStringLiteral("cheapest_eligible")).toString(),
                 QStringLiteral("starter"));
        QCOMPARE(comparison.value(QStringLiteral("tiers")).toArray().size(), qsizetype(4));
        const QJsonObject starter = tierOf(comparison, QStringLiteral("starter"));
        QCOMPARE(starter.value(QStringLiteral("total")).toString(), QStringLiteral("449.00"));
        QCOMPARE(starter.value(QStringLiteral("cheapest")).toBool(), true);
        const QJsonObject openSource = tierOf(comparison, QStringLiteral("open_source"));
        QCOMPARE(openSource.value(QStringLiteral("eligible")).toBool(true), false);
        QCOMPARE(openSource.value(QStringLiteral("cheapest")).toBool(true), false);
        QCOMPARE(tierOf(comparison, QStringLiteral("professional"))
                     .value(QStringLiteral("total"))
                     .toString(),
                 QStringLiteral("999.00"));
        QCOMPARE(tierOf(comparison, QStringLiteral("enterprise"))
                     .value(QStringLiteral("total"))
                     .toString(),
                 QStringLiteral("4999.00"));

        const CliRun text = quote(
            {QStringLiteral("--compare"), QStringLiteral("--requests"), QStringLiteral("250000")});
        QCOMPARE(text.exitCode, 0);
        const QString starterRow =
            text.out.split(u'\n').filter(QRegularExpression(QStringLiteral("^Starter "))).value(0);
        QVERIFY2(starterRow.contains(QStringLiteral("$449.00")), qPrintable(text.out));
        QVERIFY2(starterRow.endsWith(QStringLiteral("cheapest")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("Cheapest eligible: Starter at $449.00")));
        QVERIFY(text.out.contains(QStringLiteral("caps requests at 10,000")));
    }

    void compareWithTheReadmeNeeds() {
        // 2,000,000 requests, 12 seats, 2 packs, SSO: open_source and starter
        // lack SSO; professional = $999 + 1,000,000 × $0.0005 ($500.00) +
        // 2 seats × $59 ($118.00) = $1,617.00; enterprise = $4,999.00.
        const CliRun result =
            quote({QStringLiteral("--compare"), QStringLiteral("--requests"),
                   QStringLiteral("2000000"), QStringLiteral("--seats"), QStringLiteral("12"),
                   QStringLiteral("--policy-packs"), QStringLiteral("pii-protection,toxicity"),
                   QStringLiteral("--sso"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject comparison = parseObject(result.out);
        QCOMPARE(comparison.value(QStringLiteral("cheapest_eligible")).toString(),
                 QStringLiteral("professional"));
        const QJsonObject professional = tierOf(comparison, QStringLiteral("professional"));
        QCOMPARE(professional.value(QStringLiteral("total")).toString(), QStringLiteral("1617.00"));
        const QJsonObject starter = tierOf(comparison, QStringLiteral("starter"));
        QCOMPARE(starter.value(QStringLiteral("eligible")).toBool(true), false);
        QVERIFY(starter.value(QStringLiteral("reason")).toString().contains(QStringLiteral("SSO")));
    }

    void agentsBeyondEveryCappedTierLeaveEnterprise() {
        // 30 agents: over open_source's 1, starter's 5 and professional's 25;
        // only enterprise (unlimited) can serve, so it is the cheapest.
        const CliRun result =
            quote({QStringLiteral("--compare"), QStringLiteral("--requests"), QStringLiteral("0"),
                   QStringLiteral("--agents"), QStringLiteral("30"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(parseObject(result.out).value(QStringLiteral("cheapest_eligible")).toString(),
                 QStringLiteral("enterprise"));
    }

    void pricebookShowPrintsTheBook() {
        const QString db = sandbox_.workspace(QStringLiteral("pricebook.aicp"));
        const CliRun json = run({QStringLiteral("--db"), db, QStringLiteral("pricebook"),
                                 QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject book = parseObject(json.out);
        QCOMPARE(book.value(QStringLiteral("schema")).toInt(), 1);
        const QJsonArray tiers = book.value(QStringLiteral("versions"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("tiers"))
                                     .toArray();
        QCOMPARE(tiers.size(), qsizetype(4));

        const CliRun text =
            run({QStringLiteral("--db"), db, QStringLiteral("pricebook"), QStringLiteral("show")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.err.isEmpty());
        for (const char* expected :
             {"Open Source", "Starter", "Professional", "Enterprise", "$4,999.00",
              "first 10,000,000 at $0.0005", "then $0.0002 each", "hard cap", "unlimited",
              "regulatory", "2,555 days", "pii-protection", "eu-ai-act"})
            QVERIFY2(text.out.contains(QString::fromLatin1(expected)), expected);
    }

    void demoCreatesAFileAndRefusesASecondTime() {
        const QString db = sandbox_.workspace(QStringLiteral("demo.aicp"));
        const CliRun first = run({QStringLiteral("demo"), QStringLiteral("--db"), db});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        QVERIFY(first.out.contains(QStringLiteral("customers")));
        QVERIFY(sandbox_.holdsWorkspace(db));
        // The demo signing key's published passphrase, and how to use it.
        QCOMPARE(first.outLines().size(), qsizetype(3));
        QVERIFY(first.outLines().at(0).startsWith(QStringLiteral("Created the demo workspace ")));
        QVERIFY(first.outLines().at(0).contains(
            QRegularExpression(QStringLiteral(" with \\d+ customers\\.$"))));
        QCOMPARE(first.outLines().at(1),
                 QStringLiteral("The demo signing key's passphrase is 'demo-passphrase'. Try:"));
        QVERIFY2(first.outLines().at(2).contains(
                     QStringLiteral("AICP_KEY_PASSPHRASE=demo-passphrase aicp --db ")),
                 qPrintable(first.out));
        // …and what it suggests works: the passphrase unlocks the demo key.
        QProcessEnvironment withPassphrase = environment();
        withPassphrase.insert(QStringLiteral("AICP_KEY_PASSPHRASE"),
                              QStringLiteral("demo-passphrase"));
        const CliRun issued = run(
            {QStringLiteral("--db"), db, QStringLiteral("license"), QStringLiteral("issue"),
             QStringLiteral("--customer"), QStringLiteral("demo-trial"), QStringLiteral("--name"),
             QStringLiteral("Demo Trial"), QStringLiteral("--tier"), QStringLiteral("starter")},
            withPassphrase);
        QCOMPARE(issued.exitCode, 0);
        QVERIFY2(issued.out.startsWith(QStringLiteral("AICP1.")), qPrintable(issued.err));

        const QByteArray before = sandbox_.contentOf(db);
        QVERIFY(!before.isEmpty());
        const CliRun second = run({QStringLiteral("--db"), db, QStringLiteral("demo")});
        // A file that is there, or a database that holds a workspace.
        verifyOneErrorLine(second, 1,
                           aicp::test::onPostgres()
                               ? QStringLiteral("holds a workspace already; the demo needs an "
                                                "empty database")
                               : QStringLiteral("already exists; the demo workspace needs a new "
                                                "file"));
        QCOMPARE(sandbox_.contentOf(db), before);

        // The demo is a working workspace: it quotes like any other.
        const CliRun quoted =
            run({QStringLiteral("--db"), db, QStringLiteral("quote"), QStringLiteral("--tier"),
                 QStringLiteral("starter"), QStringLiteral("--requests"), QStringLiteral("0")});
        QCOMPARE(quoted.exitCode, 0);
    }

    void demoTakesTheGlobalDbToo() {
        const QString db = sandbox_.workspace(QStringLiteral("demo-global.aicp"));
        const CliRun result = run({QStringLiteral("--db"), db, QStringLiteral("demo")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(sandbox_.holdsWorkspace(db));
    }

    // A file that is not SQLite: a workspace file on either kind.
    void corruptWorkspaceIsRefusedAndUntouched() {
        const QString db = file(QStringLiteral("corrupt.aicp"));
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(static_cast<char>((i * 37 + 11) % 256));
        {
            QFile out(db);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(junk), junk.size());
        }
        const QList<QStringList> commands{{QStringLiteral("pricebook"), QStringLiteral("show")},
                                          {QStringLiteral("quote"), QStringLiteral("--compare"),
                                           QStringLiteral("--requests"), QStringLiteral("5")},
                                          {QStringLiteral("demo")}};
        for (const QStringList& command : commands) {
            const CliRun result = run(QStringList{QStringLiteral("--db"), db} + command);
            verifyOneErrorLine(result, 1, QStringLiteral("corrupt.aicp"));
            QCOMPARE(readBytes(db), junk);
        }
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-shm")));
    }

    void aicpDbEnvironmentIsHonoured() {
        const QString fromEnvironment = sandbox_.workspace(QStringLiteral("env.aicp"));
        QProcessEnvironment environment = this->environment();
        environment.insert(QStringLiteral("AICP_DB"), fromEnvironment);
        const CliRun created = run({QStringLiteral("demo")}, environment);
        QCOMPARE(created.exitCode, 0);
        QVERIFY(sandbox_.holdsWorkspace(fromEnvironment));

        // A damaged file named by AICP_DB (a file on either kind: its bytes
        // are the point) is what the error is about…
        const QString junk = file(QStringLiteral("env-junk.aicp"));
        {
            QFile out(junk);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("this is not a database, just bytes\n");
        }
        environment.insert(QStringLiteral("AICP_DB"), junk);
        const CliRun refused =
            run({QStringLiteral("pricebook"), QStringLiteral("show")}, environment);
        verifyOneErrorLine(refused, 1, QStringLiteral("env-junk.aicp"));

        // …and --db on the command line wins over it.
        const CliRun overridden = run({QStringLiteral("--db"), fromEnvironment,
                                       QStringLiteral("pricebook"), QStringLiteral("show")},
                                      environment);
        QCOMPARE(overridden.exitCode, 0);
    }

    void defaultWorkspaceIsPerUser() {
        // Neither --db nor AICP_DB: the per-user app-data workspace (a file on
        // either kind), created on first use (XDG_DATA_HOME points into the
        // test's folder). The console opens the same file: the folder does
        // not follow the program's name.
        const CliRun result = run({QStringLiteral("pricebook"), QStringLiteral("show")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QFileInfo::exists(file(QStringLiteral("data/aicp/workspace.aicp"))));
    }

    void overflowIsAnErrorNotAWrongNumber() {
        const CliRun result =
            quote({QStringLiteral("--tier"), QStringLiteral("starter"),
                   QStringLiteral("--requests"), QStringLiteral("9223372036854775807")});
        QVERIFY(result.exitCode != 0);
        QCOMPARE(result.errLines().size(), qsizetype(1));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
