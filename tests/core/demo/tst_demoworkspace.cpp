#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demoworkspace.h"
#include "licensing/licenseregistry.h"
#include "metering/usagequery.h"
#include "storage/statement.h"
#include "storage/workspace.h"

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

}  // namespace

class TestDemoWorkspace : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void definitionLoads() {
        auto definition = aicp::DemoDefinition::loadDefault();
        QVERIFY2(definition, definition ? "" : qPrintable(definition.error().message()));
        QVERIFY(definition->customers.size() >= 5);
    }

    void demoIsDeterministic() {
        const QString first = dir_.filePath(QStringLiteral("first.aicp"));
        const QString second = dir_.filePath(QStringLiteral("second.aicp"));
        const aicp::Status made = aicp::createDemoWorkspace(first);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        QVERIFY(aicp::createDemoWorkspace(second).ok());
        const QStringList content = demoContent(first);
        QVERIFY(content.size() > 5);
        QCOMPARE(content, demoContent(second));
    }

    void demoCustomersAreWhatTheDefinitionSays() {
        const QString path = dir_.filePath(QStringLiteral("check.aicp"));
        QVERIFY(aicp::createDemoWorkspace(path).ok());
        auto definition = aicp::DemoDefinition::loadDefault().value();
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
        const QString path = dir_.filePath(QStringLiteral("exists.aicp"));
        QVERIFY(aicp::createDemoWorkspace(path).ok());
        const aicp::Status again = aicp::createDemoWorkspace(path);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(QFile::exists(path));  // the first demo is kept
    }

    void refusesAWorkspaceWithCustomers() {
        auto workspace = Workspace::open(dir_.filePath(QStringLiteral("used.aicp"))).value();
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
