#include "audit/auditlog.h"
#include "billing/invoicebook.h"
#include "billing/pricebookimport.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/why.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using aicp::test::fixedClock;
using aicp::test::TempWorkspace;
using aicp::test::why;

namespace {

// The demo's price book version 2026.1 renamed `version`, taking effect on
// `from`, with starter's base price `starterBase`: next year's prices as
// finance writes them (export, edit, import).
PriceBook newVersion(const PriceBook& book, const char* version, const char* from,
                     const char* starterBase) {
    QJsonObject first = book.versions().front().toJson();
    first.insert(QStringLiteral("version"), QString::fromLatin1(version));
    first.insert(QStringLiteral("effective_from"), QString::fromLatin1(from));
    QJsonArray tiers = first.value(QStringLiteral("tiers")).toArray();
    QJsonObject starter = tiers.at(1).toObject();
    starter.insert(QStringLiteral("base"),
                   QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                               {QStringLiteral("amount"), QString::fromLatin1(starterBase)}});
    tiers.replace(1, starter);
    first.insert(QStringLiteral("tiers"), tiers);
    const QJsonObject root{{QStringLiteral("schema"), 1},
                           {QStringLiteral("versions"), QJsonArray{first}}};
    auto parsed = PriceBook::fromJson(QJsonDocument(root).toJson());
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message()));
    return std::move(parsed).value();
}

const PriceBookImpact* impactOf(const PriceBookImport& result, const QString& customer) {
    for (const PriceBookImpact& row : result.impact) {
        if (row.customerId == customer)
            return &row;
    }
    return nullptr;
}

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

}  // namespace

// Importing a price book into a workspace (README, "Price book"): new
// versions are added, held ones kept, changed ones refused; a version never
// re-prices an invoiced month; the impact is each customer's bill of the
// month before and after, worked out by hand on the demo workspace.
class TestPriceBookImport : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY2(demo_.renew(), qPrintable(demo_.error())); }

    void aDryRunPrintsTheImpactAndChangesNothing() {
        const QByteArray before = demo_->priceBook()->toJson();
        const auto entries = AuditLog(*demo_).entries()->size();
        const PriceBook dearer = newVersion(*demo_->priceBook(), "2026.2", "2026-12-01", "359");
        auto result = importPriceBook(*demo_, dearer, PriceBookImportMode::DryRun);
        QVERIFY2(result, why(result).constData());
        QCOMPARE(result->merge.added, QStringList{QStringLiteral("2026.2")});
        QVERIFY(!result->stored);
        QCOMPARE(demo_->priceBook()->toJson(), before);
        QCOMPARE(AuditLog(*demo_).entries()->size(), entries);

        // Sixteen customers have a license in force on 2026-12-01 (nakatomi,
        // oscorp, soylent and dunder-mifflin have ended, piedmont-labs and
        // aperture were revoked), in customer id order.
        QStringList customers;
        for (const PriceBookImpact& row : result->impact)
            customers.append(row.customerId);
        QCOMPARE(customers.size(), 16);
        QVERIFY(std::is_sorted(customers.begin(), customers.end()));
        for (const char* gone :
             {"nakatomi", "oscorp", "soylent", "dunder-mifflin", "piedmont-labs", "aperture"})
            QVERIFY2(!customers.contains(QString::fromLatin1(gone)), gone);
        // initech, starter all December: $299 base + 1 extra pack at $99 + 2
        // extra seats at $99 = $596.00; with the base at $359, $656.00.
        const PriceBookImpact* initech = impactOf(*result, QStringLiteral("initech"));
        QVERIFY(initech);
        QCOMPARE(initech->month, (YearMonth{2026, 12}));
        QCOMPARE(initech->currency, QStringLiteral("USD"));
        QCOMPARE(initech->before, dollars("596"));
        QCOMPARE(initech->after, dollars("656"));
        const PriceBookImpact* blackMesa = impactOf(*result, QStringLiteral("black-mesa"));
        QVERIFY(blackMesa);
        QCOMPARE(blackMesa->before, dollars("299"));
        QCOMPARE(blackMesa->after, dollars("359"));
        // vandelay's starter license ends at 2026-12-01T09:00:00Z: 32,400 of
        // December's 2,678,400 seconds. $299 × 32,400 / 2,678,400 =
        // $3.6169… → $3.62; $359 × 32,400 / 2,678,400 = $4.3427… → $4.34.
        const PriceBookImpact* vandelay = impactOf(*result, QStringLiteral("vandelay"));
        QVERIFY(vandelay);
        QCOMPARE(vandelay->before, dollars("3.62"));
        QCOMPARE(vandelay->after, dollars("4.34"));
        // Other tiers do not change.
        const PriceBookImpact* globex = impactOf(*result, QStringLiteral("globex"));
        QVERIFY(globex);
        QCOMPARE(globex->after, globex->before);
    }

    void storeAddsTheVersionOnceAndAuditsIt() {
        const PriceBook dearer = newVersion(*demo_->priceBook(), "2026.2", "2026-12-01", "359");
        auto stored = importPriceBook(*demo_, dearer, PriceBookImportMode::Store);
        QVERIFY2(stored, why(stored).constData());
        QVERIFY(stored->stored);
        auto book = demo_->priceBook();
        QCOMPARE(book->versions().size(), std::size_t(2));
        QCOMPARE(book->versionAt(QDate(2026, 12, 1))->version, QStringLiteral("2026.2"));
        QCOMPARE(book->versionAt(QDate(2026, 11, 30))->version, QStringLiteral("2026.1"));
        auto entries = AuditLog(*demo_).entries();
        QCOMPARE(entries->back().action, QStringLiteral("pricebook.import"));
        QCOMPARE(entries->back().subject, QStringLiteral("2026.2"));
        QCOMPARE(entries->back().details.value(QStringLiteral("added")).toArray(),
                 QJsonArray{QStringLiteral("2026.2")});
        const auto count = entries->size();

        // The same document again changes and records nothing.
        auto again = importPriceBook(*demo_, dearer, PriceBookImportMode::Store);
        QVERIFY2(again, why(again).constData());
        QVERIFY(!again->stored);
        QVERIFY(again->merge.added.isEmpty());
        QCOMPARE(again->merge.held, QStringList{QStringLiteral("2026.2")});
        QCOMPARE(AuditLog(*demo_).entries()->size(), count);

        // A changed version under a held id is refused; nothing is written.
        const PriceBook changed = newVersion(*demo_->priceBook(), "2026.2", "2026-12-01", "369");
        auto refused = importPriceBook(*demo_, changed, PriceBookImportMode::Store);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Conflict);
        QCOMPARE(demo_->priceBook()->toJson(), book->toJson());
    }

    void aVersionNeverRepricesAnInvoicedMonth() {
        InvoiceBook invoices(*demo_, fixedClock("2026-12-05T10:00:00Z"));
        QVERIFY(invoices.issue(QStringLiteral("globex"), {2026, 10}));
        QCOMPARE(firstRepriceableDay(*demo_, QStringLiteral("USD")).value(),
                 std::optional(QDate(2026, 11, 1)));
        // Each currency's past apart: nothing was invoiced in euros.
        QCOMPARE(firstRepriceableDay(*demo_, QStringLiteral("EUR")).value(),
                 std::optional<QDate>());
        const QByteArray before = demo_->priceBook()->toJson();

        for (const char* from : {"2026-10-15", "2026-09-01", "2026-10-31"}) {
            const PriceBook inside = newVersion(*demo_->priceBook(), "2026.2", from, "359");
            for (const auto mode : {PriceBookImportMode::DryRun, PriceBookImportMode::Store}) {
                auto refused = importPriceBook(*demo_, inside, mode);
                QVERIFY2(!refused, from);
                QCOMPARE(refused.error().code(), Error::Code::Conflict);
                QCOMPARE(refused.error().message(),
                         QStringLiteral("versions[0].effective_from: version '2026.2' would take "
                                        "effect on %1, but months up to 2026-10 are invoiced "
                                        "already and the past is never re-priced; give it a date "
                                        "from 2026-11-01 on")
                             .arg(QString::fromLatin1(from)));
            }
        }
        QCOMPARE(demo_->priceBook()->toJson(), before);

        const PriceBook november = newVersion(*demo_->priceBook(), "2026.2", "2026-11-01", "359");
        auto stored = importPriceBook(*demo_, november, PriceBookImportMode::Store);
        QVERIFY2(stored, why(stored).constData());
        QVERIFY(stored->stored);
    }

    void aWorkspaceWithoutInvoicesTakesAnyNewDate() {
        QCOMPARE(firstRepriceableDay(*demo_, QStringLiteral("USD")).value(),
                 std::optional<QDate>());
        const PriceBook earlier = newVersion(*demo_->priceBook(), "2026.0", "2025-06-01", "199");
        auto stored = importPriceBook(*demo_, earlier, PriceBookImportMode::Store);
        QVERIFY2(stored, why(stored).constData());
        QCOMPARE(demo_->priceBook()->versions().front().version, QStringLiteral("2026.0"));
        // No license of the demo is in force on 2025-06-01: no impact.
        QVERIFY(stored->impact.empty());
    }

private:
    TempWorkspace demo_{TempWorkspace::Content::Demo};
};

QTEST_GUILESS_MAIN(TestPriceBookImport)
#include "tst_pricebookimport.moc"
