#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demoworkspace.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/scratchdatabase.h"

#include <map>
#include <memory>

#include <QTemporaryDir>
#include <QTest>

using aicp::Customer;
using aicp::CustomerStore;
using aicp::Error;
using aicp::Workspace;

namespace {

// Everything the demo wrote, minus the per-file identity and the price
// book's storage time.
QStringList demoContent(const QString& path) {
    auto workspace = Workspace::open(path, Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return {workspace.error().message()};
    QStringList rows;
    for (const Customer& customer : CustomerStore(**workspace).list().value())
        rows << QStringList{customer.id, customer.name, customer.email,
                            customer.createdAt.toString(Qt::ISODate)}
                    .join(u'|');
    rows << QString::fromUtf8((*workspace)->priceBook().value().toJson());
    // Licenses are signed with the demo's own key over payloads on the demo's
    // calendar: the keys themselves come out byte for byte the same.
    for (const aicp::LicenseRecord& record : aicp::LicenseRegistry(**workspace).list().value())
        rows << QString::fromLatin1(record.key) + u'|' +
                    (record.revocation ? record.revocation->reason : QString());
    for (const Customer& customer : CustomerStore(**workspace).list().value()) {
        const auto summary =
            aicp::UsageQuery(**workspace).monthlySummary(customer.id, aicp::YearMonth{2026, 11});
        if (summary)
            rows << QStringLiteral("%1 %2 %3 %4")
                        .arg(customer.id)
                        .arg(summary->requests)
                        .arg(summary->activeUsers)
                        .arg(summary->activeAgents);
    }
    rows << (*workspace)->metaValue(QStringLiteral("demo_seed")).value().value_or(QString());
    return rows;
}

// The first and last usage hour of every demo customer, as UTC times.
std::pair<QDateTime, QDateTime> usageSpan(Workspace& workspace) {
    auto query = aicp::Statement::prepare(
        workspace.handle(), "SELECT min(occurred_at), max(occurred_at) FROM usage_events");
    if (!query || !query->step().valueOr(false))
        return {};
    return {QDateTime::fromSecsSinceEpoch(query->int64(0), Qt::UTC),
            QDateTime::fromSecsSinceEpoch(query->int64(1), Qt::UTC)};
}

std::int64_t requestsIn(Workspace& workspace, const QString& customer, aicp::YearMonth month) {
    auto summary = aicp::UsageQuery(workspace).monthlySummary(customer, month);
    return summary ? summary->requests : -1;
}

}  // namespace

class TestDemoWorkspace : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::map<QString, std::unique_ptr<aicp::test::ScratchDatabase>> databases_;

    // Where the demo called `name` goes: a file in the folder, or a database
    // of its own when the tests run on PostgreSQL.
    QString location(const QString& name) {
        if (!aicp::test::onPostgres())
            return dir_.filePath(name);
        auto& database = databases_[name];
        if (!database)
            database = std::make_unique<aicp::test::ScratchDatabase>();
        if (database->uri().isEmpty())
            qWarning("no test database: %s", qPrintable(database->error()));
        return database->uri();
    }
    // The file is there, or the database holds a workspace.
    static bool holdsWorkspace(const QString& location) {
        if (!Workspace::isServerLocation(location))
            return QFile::exists(location);
        return Workspace::open(location, Workspace::OpenMode::OpenExisting).ok();
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void definitionLoads() {
        auto definition = aicp::DemoDefinition::loadDefault();
        QVERIFY2(definition, definition ? "" : qPrintable(definition.error().message()));
        QVERIFY(definition->customers.size() >= 5);
    }

    void demoIsDeterministic() {
        const QString first = location(QStringLiteral("first.aicp"));
        const QString second = location(QStringLiteral("second.aicp"));
        const aicp::Status made = aicp::createDemoWorkspace(first);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        QVERIFY(aicp::createDemoWorkspace(second).ok());
        const QStringList content = demoContent(first);
        QVERIFY(content.size() > 5);
        QCOMPARE(content, demoContent(second));
    }

    // A demo made on 10 March 2027 at 15:00 UTC has January and February in
    // full and March up to 15:00, nothing before January nor from 15:00 on.
    void demoIsMadeForItsDay() {
        const QString path = location(QStringLiteral("march.aicp"));
        const QDateTime now(QDate(2027, 3, 10), QTime(15, 0), Qt::UTC);
        const aicp::Status made = aicp::createDemoWorkspace(path, now);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        auto workspace = Workspace::open(path).value();
        const auto [first, last] = usageSpan(*workspace);
        QCOMPARE(first, QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(last, QDateTime(QDate(2027, 3, 10), QTime(14, 0), Qt::UTC));
        const QString acme = QStringLiteral("acme-corp");
        QCOMPARE(requestsIn(*workspace, acme, {2026, 12}), 0);
        // 2.4 million requests a month on the definition's 730-hour month,
        // shaped by the hour of day: about 2.1 million in February, 2.3 in
        // January.
        for (const aicp::YearMonth month : {aicp::YearMonth{2027, 1}, aicp::YearMonth{2027, 2}}) {
            QVERIFY(requestsIn(*workspace, acme, month) > 1'900'000);
            QVERIFY(requestsIn(*workspace, acme, month) < 2'500'000);
        }
        // Nine days and fifteen hours of March: about 710,000.
        QVERIFY(requestsIn(*workspace, acme, {2027, 3}) > 600'000);
        QVERIFY(requestsIn(*workspace, acme, {2027, 3}) < 900'000);
    }

    // Licenses keep their distance to the demo's day: Vandelay's 30-day
    // starter, issued 24 days before the written day (25 November 2026) and
    // so 6 days from expiry, is 6 days from expiry on 10 March 2027 too.
    void licensesMoveWithTheDay() {
        const QString path = location(QStringLiteral("licenses.aicp"));
        const QDateTime now(QDate(2027, 3, 10), QTime(15, 0), Qt::UTC);
        QVERIFY(aicp::createDemoWorkspace(path, now).ok());
        auto workspace = Workspace::open(path).value();
        bool found = false;
        for (const aicp::LicenseRecord& record : aicp::LicenseRegistry(*workspace).list().value()) {
            if (record.license.customerId != QStringLiteral("vandelay"))
                continue;
            found = true;
            QCOMPARE(record.license.notBefore, QDateTime(QDate(2027, 2, 14), QTime(9, 0), Qt::UTC));
            QCOMPARE(record.license.expiresAt, QDateTime(QDate(2027, 3, 16), QTime(9, 0), Qt::UTC));
            QCOMPARE(record.stateAt(now), aicp::LicenseState::Active);
        }
        QVERIFY(found);
    }

    // The tests' AICP_DEMO_NOW is the written day, whose usage runs from the
    // start of September to 25 November 2026.
    void environmentSetsTheDay() {
        QCOMPARE(qgetenv("AICP_DEMO_NOW"), QByteArray("2026-11-25T00:00:00Z"));
        QCOMPARE(aicp::demoNow().value(), QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
        const QString path = location(QStringLiteral("written.aicp"));
        QVERIFY(aicp::createDemoWorkspace(path).ok());
        auto workspace = Workspace::open(path).value();
        const auto [first, last] = usageSpan(*workspace);
        QCOMPARE(first, QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(last, QDateTime(QDate(2026, 11, 24), QTime(23, 0), Qt::UTC));
    }

    void refusesAMalformedDemoNow() {
        const QByteArray saved = qgetenv("AICP_DEMO_NOW");
        qputenv("AICP_DEMO_NOW", "next tuesday");
        const aicp::Status made = aicp::createDemoWorkspace(location(QStringLiteral("never.aicp")));
        qputenv("AICP_DEMO_NOW", saved);
        QVERIFY(!made.ok());
        QVERIFY(made.error().message().contains(QStringLiteral("AICP_DEMO_NOW")));
        QVERIFY(!holdsWorkspace(location(QStringLiteral("never.aicp"))));
    }

    void demoCustomersAreWhatTheDefinitionSays() {
        const QString path = location(QStringLiteral("check.aicp"));
        QVERIFY(aicp::createDemoWorkspace(path).ok());
        auto definition =
            aicp::DemoDefinition::loadDefault().value().movedTo(aicp::demoNow().value());
        auto workspace = Workspace::open(path).value();
        for (const aicp::DemoCustomer& demo : definition.customers) {
            auto customer = CustomerStore(*workspace).find(demo.id);
            QVERIFY(customer);
            QCOMPARE(customer->name, demo.name);
            QVERIFY(customer->email.endsWith(u'@' + demo.domain));
            QVERIFY(customer->createdAt >= definition.start);
            QVERIFY(customer->createdAt < definition.start.addDays(definition.onboardingDays));
        }
    }

    void refusesAnExistingFile() {
        const QString path = location(QStringLiteral("exists.aicp"));
        QVERIFY(aicp::createDemoWorkspace(path).ok());
        const aicp::Status again = aicp::createDemoWorkspace(path);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(holdsWorkspace(path));  // the first demo is kept
    }

    void refusesAWorkspaceWithCustomers() {
        auto workspace = Workspace::open(location(QStringLiteral("used.aicp"))).value();
        QVERIFY(CustomerStore(*workspace)
                    .save({QStringLiteral("mine"), QStringLiteral("Mine"), {}, {}})
                    .ok());
        const aicp::Status populated = aicp::populateDemoWorkspace(*workspace);
        QVERIFY(!populated.ok());
        QCOMPARE(populated.error().code(), Error::Code::Conflict);
        QCOMPARE(CustomerStore(*workspace).list()->size(), std::size_t(1));
    }

    void definitionErrorsNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray base =
            R"({"schema":1,"seed":1,"start":"2025-01-01T00:00:00Z","onboarding_days":10,)"
            R"("now":"2025-03-01T00:00:00Z","usage_days":10,"passphrase":"a passphrase",)"
            R"("contacts":["billing"],"customers":[%1]})";
        auto with = [&](const char* customers) {
            return QByteArray(base).replace("%1", customers);
        };
        QTest::newRow("bad id") << with(R"({"id":"Bad Id","name":"X","domain":"x.example"})")
                                << "customers[0].id";
        QTest::newRow("twice") << with(R"({"id":"a","name":"A","domain":"a.example"},)"
                                       R"({"id":"a","name":"B","domain":"b.example"})")
                               << "customers[1].id";
        QTest::newRow("no name") << with(R"({"id":"a","domain":"a.example"})")
                                 << "customers[0].name";
        QTest::newRow("none") << with("") << "customers";
        QTest::newRow("bad seed") << with(R"({"id":"a","name":"A","domain":"a.example"})")
                                         .replace("\"seed\":1", "\"seed\":-3")
                                  << "seed";
    }
    void definitionErrorsNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        auto definition = aicp::DemoDefinition::fromJson(json);
        QVERIFY(!definition);
        QVERIFY2(definition.error().message().contains(field),
                 qPrintable(definition.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
