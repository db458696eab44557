#include "audit/auditlog.h"
#include "customers/customer.h"
#include "storage/query.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QJsonObject>
#include <QTest>

using aicp::Customer;
using aicp::CustomerStore;
using aicp::Error;
using aicp::Workspace;

namespace {

// A customer with every field of the billing profile, as a person types it.
Customer fullProfile() {
    Customer acme{QStringLiteral("acme"), QStringLiteral("  Acme "),
                  QStringLiteral(" billing@acme.example ")};
    acme.legalName = QStringLiteral("Acme Trading Ltd ");
    acme.address = QStringLiteral("1 Main Street\r\nLondon EC1A 1AA\n");
    acme.country = QStringLiteral("gb");
    acme.taxId = QStringLiteral("gb 123.456.789");
    acme.currency = QStringLiteral("gbp");
    acme.paymentTermsDays = 14;
    acme.taxExempt = true;
    return acme;
}

}  // namespace

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

    void theBillingProfileIsStoredNormalized() {
        CustomerStore store(*workspace_);
        QVERIFY(store.add(fullProfile()).ok());
        auto found = store.find(QStringLiteral("acme"));
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("Acme"));
        QCOMPARE(found->email, QStringLiteral("billing@acme.example"));
        QCOMPARE(found->legalName, QStringLiteral("Acme Trading Ltd"));
        QCOMPARE(found->address, QStringLiteral("1 Main Street\nLondon EC1A 1AA"));
        QCOMPARE(found->country, QStringLiteral("GB"));
        QCOMPARE(found->taxId, QStringLiteral("GB123456789"));
        QCOMPARE(found->currency, QStringLiteral("GBP"));
        QCOMPARE(found->paymentTermsDays, 14);
        QCOMPARE(found->taxExempt, true);
        QCOMPARE(store.list()->front(), *found);
    }

    void aNewCustomerHasTheDefaultProfile() {
        CustomerStore store(*workspace_);
        QVERIFY(store.add({QStringLiteral("plain"), QStringLiteral("Plain")}).ok());
        auto found = store.find(QStringLiteral("plain"));
        QCOMPARE(found->currency, QStringLiteral("USD"));
        QCOMPARE(found->paymentTermsDays, 30);
        QCOMPARE(found->taxExempt, false);
        QCOMPARE(found->country, QString());
        QCOMPARE(found->taxId, QString());
    }

    void taxIdsKeepTheirSeparators() {
        CustomerStore store(*workspace_);
        Customer us{QStringLiteral("us-co"), QStringLiteral("US Co")};
        us.taxId = QStringLiteral("12-3456789");
        QVERIFY(store.add(us).ok());
        QCOMPARE(store.find(QStringLiteral("us-co"))->taxId, QStringLiteral("12-3456789"));
        Customer de{QStringLiteral("de-co"), QStringLiteral("DE Co")};
        de.taxId = QStringLiteral("12/345/67890");
        QVERIFY(store.add(de).ok());
        QCOMPARE(store.find(QStringLiteral("de-co"))->taxId, QStringLiteral("12/345/67890"));
    }

    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("UK") << "country"
                            << "UK"
                            << "country 'UK' is not an ISO 3166-1 alpha-2 "
                               "code; the United Kingdom is GB";
        QTest::newRow("XX") << "country"
                            << "XX"
                            << "country 'XX' is not an ISO 3166-1";
        QTest::newRow("three letters") << "country"
                                       << "GBR"
                                       << "country 'GBR'";
        QTest::newRow("euro") << "currency"
                              << "EURO"
                              << "currency 'EURO' is not the ISO 4217";
        QTest::newRow("no currency") << "currency"
                                     << "XYZ"
                                     << "currency 'XYZ'";
        QTest::newRow("fund code") << "currency"
                                   << "USN"
                                   << "currency 'USN'";
        QTest::newRow("empty currency") << "currency"
                                        << " "
                                        << "currency is empty";
        QTest::newRow("hash") << "tax"
                              << "DE#123"
                              << "tax id 'DE#123': a tax id has no '#'";
        QTest::newRow("umlaut") << "tax"
                                << "DÜ123"
                                << "tax id 'DÜ123': a tax id has no 'Ü'";
        QTest::newRow("one char") << "tax"
                                  << "7"
                                  << "has 1 letters and digits; a tax id has 2 to 20";
        QTest::newRow("too long") << "tax"
                                  << "GB1234567890123456789"
                                  << "has 21 letters and digits";
        QTest::newRow("no digit") << "tax"
                                  << "N/A"
                                  << "tax id 'N/A' has no digit";
        QTest::newRow("email") << "email"
                               << "billing@acme"
                               << "email 'billing@acme' is not an "
                                  "email address";
        QTest::newRow("legal name")
            << "legal" << QString(201, u'x') << "legal name is longer than 200 characters";
        QTest::newRow("tab in legal name") << "legal"
                                           << "Acme\tLtd"
                                           << "legal name contains a control character (U+0009)";
        QTest::newRow("address") << "address" << QString(501, u'x')
                                 << "address is longer than 500 characters";
        QTest::newRow("terms 366") << "terms"
                                   << "366"
                                   << "payment terms of 366 days are outside 0 to 365 days";
        QTest::newRow("terms -1") << "terms"
                                  << "-1"
                                  << "payment terms of -1 days";
    }
    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, phrase);
        Customer acme{QStringLiteral("acme"), QStringLiteral("Acme")};
        if (field == u"country")
            acme.country = value;
        else if (field == u"currency")
            acme.currency = value;
        else if (field == u"tax")
            acme.taxId = value;
        else if (field == u"email")
            acme.email = value;
        else if (field == u"legal")
            acme.legalName = value;
        else if (field == u"address")
            acme.address = value;
        else
            acme.paymentTermsDays = value.toInt();
        CustomerStore store(*workspace_);
        const aicp::Status added = store.add(acme);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code(), Error::Code::InvalidInput);
        QVERIFY2(added.error().message().startsWith(QStringLiteral("customer 'acme': ")),
                 qPrintable(added.error().message()));
        QVERIFY2(added.error().message().contains(phrase), qPrintable(added.error().message()));
        QVERIFY(store.list()->empty());
        QVERIFY(aicp::AuditLog(*workspace_).entries()->empty());

        // An edit that would make it so is refused the same way and keeps
        // the customer as it was.
        const Customer good{QStringLiteral("acme"), QStringLiteral("Acme")};
        QVERIFY(store.add(good).ok());
        const Customer before = store.find(QStringLiteral("acme")).value();
        const aicp::Status edited = store.update(acme);
        QVERIFY(!edited.ok());
        QVERIFY2(edited.error().message().contains(phrase), qPrintable(edited.error().message()));
        QCOMPARE(store.find(QStringLiteral("acme")).value(), before);
        QCOMPARE(aicp::AuditLog(*workspace_).entries()->size(), std::size_t(1));
    }

    void addAndEditAreAuditedInTheirTransaction() {
        CustomerStore store(*workspace_);
        QVERIFY(store.add(fullProfile()).ok());
        Customer acme = store.find(QStringLiteral("acme")).value();
        acme.country = QStringLiteral("IE");
        acme.taxId = QStringLiteral("IE 6388047V");
        acme.currency = QStringLiteral("EUR");
        QVERIFY(store.update(acme).ok());
        // The same again changes nothing and records nothing.
        QVERIFY(store.update(acme).ok());

        auto entries = aicp::AuditLog(*workspace_).entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), std::size_t(2));
        QCOMPARE(entries->at(0).action, QStringLiteral("customer.add"));
        QCOMPARE(entries->at(0).subject, QStringLiteral("acme"));
        QCOMPARE(entries->at(0).details.value(QStringLiteral("country")).toString(),
                 QStringLiteral("GB"));
        QCOMPARE(entries->at(0).details.value(QStringLiteral("payment_terms_days")).toInt(), 14);
        QCOMPARE(entries->at(1).action, QStringLiteral("customer.edit"));
        QCOMPARE(entries->at(1).details,
                 (QJsonObject{{QStringLiteral("country"), QStringLiteral("IE")},
                              {QStringLiteral("tax_id"), QStringLiteral("IE6388047V")},
                              {QStringLiteral("currency"), QStringLiteral("EUR")}}));
        QVERIFY(aicp::AuditLog(*workspace_).verify()->isIntact());
    }

    void saveChangesTheNameButKeepsTheProfile() {
        CustomerStore store(*workspace_);
        QVERIFY(store.add(fullProfile()).ok());
        QVERIFY(store.save({QStringLiteral("acme"), QStringLiteral("Acme Renamed")}).ok());
        auto found = store.find(QStringLiteral("acme"));
        QCOMPARE(found->name, QStringLiteral("Acme Renamed"));
        QCOMPARE(found->country, QStringLiteral("GB"));
        QCOMPARE(found->currency, QStringLiteral("GBP"));
        QCOMPARE(found->taxExempt, true);
    }

    void theSchemaRefusesWhatTheStoreRefuses_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::newRow("lower-case country") << "country"
                                            << "'gb'";
        QTest::newRow("long country") << "country"
                                      << "'GBR'";
        QTest::newRow("short currency") << "currency"
                                        << "'US'";
        QTest::newRow("lower-case currency") << "currency"
                                             << "'usd'";
        QTest::newRow("tax id with a space") << "tax_id"
                                             << "'GB 123'";
        QTest::newRow("terms") << "payment_terms_days"
                               << "366";
        QTest::newRow("exempt") << "tax_exempt"
                                << "2";
    }
    void theSchemaRefusesWhatTheStoreRefuses() {
        QFETCH(QString, column);
        QFETCH(QString, value);
        const std::string sql = QStringLiteral(
                                    "INSERT INTO customers (id, name, created_at, %1) "
                                    "VALUES ('raw', 'Raw', '2026-01-01T00:00:00Z', %2)")
                                    .arg(column, value)
                                    .toStdString();
        QVERIFY(!aicp::executeScript(workspace_->handle(), sql).ok());
        QVERIFY(CustomerStore(*workspace_).list()->empty());
    }

    void findReportsAMissingCustomer() {
        auto found = CustomerStore(*workspace_).find(QStringLiteral("nobody"));
        QVERIFY(!found);
        QCOMPARE(found.error().code(), Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCustomerStore)
#include "tst_customerstore.moc"
