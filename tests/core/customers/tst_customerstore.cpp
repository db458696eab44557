#include "customers/customer.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QTest>

using aicp::Customer;
using aicp::CustomerStore;
using aicp::Error;
using aicp::Workspace;

class TestCustomerStore : public QObject {
    Q_OBJECT

private:
    aicp::test::TempWorkspace workspace_;

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void savesAndFinds() {
        CustomerStore store(*workspace_);
        const QDateTime created(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
        QVERIFY(store
                    .save({QStringLiteral("acme-corp"), QStringLiteral("  Acme Corp "),
                           QStringLiteral("billing@acme.example"), created})
                    .ok());
        auto found = store.find(QStringLiteral("acme-corp"));
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("Acme Corp"));
        QCOMPARE(found->email, QStringLiteral("billing@acme.example"));
        QCOMPARE(found->createdAt, created);
    }

    void updateKeepsCreationTime() {
        CustomerStore store(*workspace_);
        const QDateTime created(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
        QVERIFY(store.save({QStringLiteral("acme"), QStringLiteral("Acme"), {}, created}).ok());
        QVERIFY(store.save({QStringLiteral("acme"), QStringLiteral("Acme Ltd"), {}, {}}).ok());
        auto found = store.find(QStringLiteral("acme"));
        QCOMPARE(found->name, QStringLiteral("Acme Ltd"));
        QCOMPARE(found->createdAt, created);
        QCOMPARE(store.list()->size(), std::size_t(1));
    }

    void listsByNameIgnoringCase() {
        CustomerStore store(*workspace_);
        for (const auto& [id, name] :
             {std::pair{"z-co", "zeta"}, std::pair{"a-co", "Beta"}, std::pair{"m-co", "alpha"}})
            QVERIFY(store.save({QString::fromLatin1(id), QString::fromLatin1(name), {}, {}}).ok());
        QStringList names;
        for (const Customer& customer : store.list().value())
            names << customer.name;
        QCOMPARE(names, (QStringList{QStringLiteral("alpha"), QStringLiteral("Beta"),
                                     QStringLiteral("zeta")}));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("empty id") << QString() << "A" << QString() << "customer id";
        QTest::newRow("upper case id") << "Acme"
                                       << "A" << QString() << "lowercase";
        QTest::newRow("space in id") << "acme corp"
                                     << "A" << QString() << "lowercase";
        QTest::newRow("long id") << QString(65, u'a') << "A" << QString() << "1 to 64";
        QTest::newRow("blank name") << "acme"
                                    << "   " << QString() << "needs a name";
        QTest::newRow("two @") << "acme"
                               << "A"
                               << "a@b@c.d"
                               << "not an email";
        QTest::newRow("no domain dot") << "acme"
                                       << "A"
                                       << "a@localhost"
                                       << "not an email";
    }
    void refusesBadInput() {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, phrase);
        CustomerStore store(*workspace_);
        const aicp::Status saved = store.save({id, name, email, {}});
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), Error::Code::InvalidInput);
        QVERIFY2(saved.error().message().contains(phrase), qPrintable(saved.error().message()));
        QVERIFY(store.list()->empty());
    }

    void findReportsAMissingCustomer() {
        auto found = CustomerStore(*workspace_).find(QStringLiteral("nobody"));
        QVERIFY(!found);
        QCOMPARE(found.error().code(), Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCustomerStore)
#include "tst_customerstore.moc"
