#include "consoleoptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace aicp;

// aicp-console's command line, read as main() reads it, and the workspace
// each combination of options, $AICP_DB and files on disk starts on.
class TestConsoleOptions : public QObject {
    Q_OBJECT

private:
    static Result<ConsoleOptions> parse(QStringList arguments) {
        arguments.prepend(QStringLiteral("aicp-console"));
        return ConsoleOptions::parse(arguments);
    }

private slots:
    void noOptions() {
        auto options = parse({});
        QVERIFY(options.ok());
        QVERIFY(options->db.isEmpty());
        QVERIFY(!options->demo);
    }

    void dbOption() {
        QCOMPARE(parse({QStringLiteral("--db"), QStringLiteral("a.aicp")})->db,
                 QStringLiteral("a.aicp"));
        QCOMPARE(parse({QStringLiteral("--db=b.aicp")})->db, QStringLiteral("b.aicp"));
    }

    void demoOption() {
        auto options = parse({QStringLiteral("--demo")});
        QVERIFY(options.ok());
        QVERIFY(options->demo);
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")}
                                 << QStringLiteral("Unknown option 'bogus'.");
        QTest::newRow("db without a value")
            << QStringList{QStringLiteral("--db")} << QStringLiteral("Missing value after '--db'.");
        QTest::newRow("empty db") << QStringList{QStringLiteral("--db=")}
                                  << QStringLiteral("--db needs a file name");
        QTest::newRow("positional")
            << QStringList{QStringLiteral("extra.aicp")}
            << QStringLiteral("unexpected argument 'extra.aicp'; open a workspace with --db FILE");
        QTest::newRow("db and demo")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--db"), QStringLiteral("x")}
            << QStringLiteral("--demo opens the demo workspace; give either --db FILE or --demo");
    }

    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        auto options = parse(arguments);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code(), Error::Code::InvalidInput);
        QCOMPARE(options.error().message(), message);
    }

    void onlyPrints() {
        const char* help[] = {"aicp-console", "--db", "x", "--help"};
        const char* version[] = {"aicp-console", "-v"};
        const char* helpAll[] = {"aicp-console", "--help-all"};
        const char* run[] = {"aicp-console", "--db", "--help.aicp", "--demo"};
        QVERIFY(ConsoleOptions::onlyPrints(4, help));
        QVERIFY(ConsoleOptions::onlyPrints(2, version));
        QVERIFY(ConsoleOptions::onlyPrints(2, helpAll));
        QVERIFY(!ConsoleOptions::onlyPrints(4, run));
        QVERIFY(!ConsoleOptions::onlyPrints(1, run));
    }

    void helpNamesEveryOption() {
        QCommandLineParser parser;
        ConsoleOptions::describe(parser);
        const QString help = parser.helpText();
        for (const char* option : {"--db <FILE>", "--demo", "--help", "--version"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void startWorkspace() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString home = dir.filePath(QStringLiteral("aicp/workspace.aicp"));
        const QString demo = dir.filePath(QStringLiteral("aicp/demo.aicp"));
        const QString env = dir.filePath(QStringLiteral("env.aicp"));
        using Kind = StartWorkspace::Kind;
        const auto decide = [&](const ConsoleOptions& options, const QString& environment) {
            return StartWorkspace::decide(options, environment, home);
        };
        ConsoleOptions none;
        ConsoleOptions db;
        db.db = QStringLiteral("given.aicp");
        ConsoleOptions wantsDemo;
        wantsDemo.demo = true;

        // Nothing on disk: the welcome.
        QCOMPARE(decide(none, {}).kind, Kind::FirstRun);
        QVERIFY(decide(none, {}).path.isEmpty());
        // --db, then $AICP_DB; --demo wins over the variable.
        QCOMPARE(decide(db, env).kind, Kind::Given);
        QCOMPARE(decide(db, env).path, QStringLiteral("given.aicp"));
        QCOMPARE(decide(none, env).kind, Kind::Given);
        QCOMPARE(decide(none, env).path, env);
        QCOMPARE(decide(wantsDemo, env).kind, Kind::Demo);
        QCOMPARE(decide(wantsDemo, env).path, demo);
        // The demo is never the user's own workspace.
        QVERIFY(demo != home);
        // Once the per-user workspace exists, it opens.
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("aicp"))));
        QFile file(home);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(decide(none, {}).kind, Kind::Existing);
        QCOMPARE(decide(none, {}).path, home);
        // No data folder at all: the welcome still shows; --demo has no path.
        QCOMPARE(StartWorkspace::decide(none, {}, {}).kind, Kind::FirstRun);
        QVERIFY(StartWorkspace::decide(wantsDemo, {}, {}).path.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_consoleoptions.moc"
