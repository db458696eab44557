#include "audit/auditlog.h"
#include "company/seller.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"

#include <QJsonObject>
#include <QTest>

using namespace aicp;

namespace {

SellerProfile irishSeller() {
    SellerProfile seller;
    seller.name = QStringLiteral(" AICP Software Ltd ");
    seller.address = QStringLiteral("2 Grand Canal Quay\nDublin D02 A342\n");
    seller.country = QStringLiteral("ie");
    seller.taxId = QStringLiteral("IE 6388047 V");
    seller.email = QStringLiteral("billing@aicp.example");
    seller.paymentInstructions = QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D");
    seller.footer = QStringLiteral("Registered in Ireland, no. 123456");
    return seller;
}

}  // namespace

// The seller profile (SPEC 11): one per workspace, validated whole before
// anything is written, each change in the audit log with it.
class TestSellerStore : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;

    [[nodiscard]] std::size_t auditEntries() const {
        return AuditLog(*workspace_).entries()->size();
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void aNewWorkspaceHasNoSeller() {
        auto loaded = SellerStore(*workspace_).load();
        QVERIFY(loaded);
        QVERIFY(!loaded->has_value());
    }

    void theProfileRoundTripsNormalized() {
        SellerStore store(*workspace_);
        QVERIFY(store.save(irishSeller()).ok());
        auto loaded = store.load();
        QVERIFY(loaded && loaded->has_value());
        const SellerProfile& seller = **loaded;
        QCOMPARE(seller.name, QStringLiteral("AICP Software Ltd"));
        QCOMPARE(seller.address, QStringLiteral("2 Grand Canal Quay\nDublin D02 A342"));
        QCOMPARE(seller.country, QStringLiteral("IE"));
        QCOMPARE(seller.taxId, QStringLiteral("IE6388047V"));
        QCOMPARE(seller.email, QStringLiteral("billing@aicp.example"));
        QCOMPARE(seller.paymentInstructions,
                 QStringLiteral("IBAN IE29 AIBK 9311 5212 3456 78\nBIC AIBKIE2D"));
        QCOMPARE(seller.footer, QStringLiteral("Registered in Ireland, no. 123456"));
        QVERIFY(seller.updatedAt.isValid());

        // Saving again replaces it: still one row.
        SellerProfile changed = seller;
        changed.footer.clear();
        QVERIFY(store.save(changed).ok());
        QCOMPARE(store.load()->value().footer, QString());
        QCOMPARE(queryInt64(workspace_->handle(), "SELECT count(*) FROM seller").value(), 1);
    }

    void savesAreAuditedWithWhatChanged() {
        SellerStore store(*workspace_);
        QVERIFY(store.save(irishSeller()).ok());
        SellerProfile moved = store.load()->value();
        moved.country = QStringLiteral("DE");
        moved.taxId = QStringLiteral("DE123456789");
        QVERIFY(store.save(moved).ok());
        QVERIFY(store.save(moved).ok());  // nothing changed: nothing recorded
        auto entries = AuditLog(*workspace_).entries();
        QCOMPARE(entries->size(), std::size_t(2));
        QCOMPARE(entries->at(0).action, QStringLiteral("seller.set"));
        QCOMPARE(entries->at(0).details.value(QStringLiteral("tax_id")).toString(),
                 QStringLiteral("IE6388047V"));
        QCOMPARE(entries->at(1).details,
                 (QJsonObject{{QStringLiteral("country"), QStringLiteral("DE")},
                              {QStringLiteral("tax_id"), QStringLiteral("DE123456789")}}));
    }

    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten_data() {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("no name") << 0 << "  "
                                 << "seller: the name is empty";
        QTest::newRow("country") << 1 << "EU"
                                 << "seller: country 'EU' is not an ISO 3166-1";
        QTest::newRow("tax id") << 2 << "IE-6388047V!"
                                << "seller: tax id 'IE-6388047V!': a tax "
                                   "id has no '!'";
        QTest::newRow("email") << 3 << "billing at aicp"
                               << "seller: email 'billing at aicp'";
        QTest::newRow("instructions")
            << 4 << QString(1001, u'x') << "seller: payment instructions is longer than 1000";
        QTest::newRow("footer") << 5 << "a\u0007bell"
                                << "seller: footer contains a control "
                                   "character (U+0007)";
    }
    void aBadProfileIsRefusedWithItsFieldAndNothingIsWritten() {
        QFETCH(int, field);
        QFETCH(QString, value);
        QFETCH(QString, phrase);
        SellerStore store(*workspace_);
        QVERIFY(store.save(irishSeller()).ok());
        const SellerProfile before = store.load()->value();
        SellerProfile bad = before;
        QString* const fields[] = {
            &bad.name, &bad.country, &bad.taxId, &bad.email, &bad.paymentInstructions, &bad.footer};
        *fields[field] = value;
        const Status saved = store.save(bad);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), Error::Code::InvalidInput);
        QVERIFY2(saved.error().message().startsWith(phrase), qPrintable(saved.error().message()));
        QCOMPARE(store.load()->value(), before);
        QCOMPARE(auditEntries(), std::size_t(1));
    }

    void theSchemaKeepsOneRow() {
        QVERIFY(SellerStore(*workspace_).save(irishSeller()).ok());
        QVERIFY(!executeScript(workspace_->handle(),
                               "INSERT INTO seller (id, name, updated_at) VALUES (2, 'Other', "
                               "'2026-01-01T00:00:00Z')")
                     .ok());
        QVERIFY(!executeScript(workspace_->handle(), "UPDATE seller SET country = 'ie'").ok());
    }
};

QTEST_GUILESS_MAIN(TestSellerStore)
#include "tst_sellerstore.moc"
